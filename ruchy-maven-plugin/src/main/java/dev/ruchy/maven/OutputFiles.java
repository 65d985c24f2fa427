package dev.ruchy.maven;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/** Writing generated files so that a reader never sees half a file and an unchanged file is never touched. */
final class OutputFiles {
    private OutputFiles() {
    }

    /**
     * Writes {@code content} to {@code file} through a temporary file in the same folder and a
     * rename, unless the file already holds exactly these bytes.
     *
     * @return whether the file was written
     * @throws IOException if the folder or the file cannot be written
     */
    static boolean writeIfChanged(Path file, byte[] content) throws IOException {
        if (Files.isRegularFile(file) && Files.size(file) == content.length
                && Arrays.equals(Files.readAllBytes(file), content)) {
            return false;
        }
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            Files.write(tmp, content);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return true;
    }

    /**
     * Deletes {@code file}, then its parent folders up to (not including) {@code root} while they are empty.
     *
     * @return whether the file existed
     * @throws IOException if the file cannot be deleted
     */
    static boolean delete(Path root, Path file) throws IOException {
        boolean existed = Files.deleteIfExists(file);
        Path dir = file.getParent();
        while (dir != null && !dir.equals(root) && dir.startsWith(root)) {
            try {
                Files.deleteIfExists(dir);
            } catch (DirectoryNotEmptyException e) {
                break;
            }
            dir = dir.getParent();
        }
        return existed;
    }
}
