package dev.ruchy.runtime;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.UUID;

/** The file builtins of ruchy-semantics §5.2, with Rust's OS error texts. Text is UTF-8. */
final class FileIo {
    private FileIo() {
    }

    /**
     * The whole file as a string.
     *
     * @throws IOException as {@link #message} describes it; invalid UTF-8 is an {@link CharacterCodingException}
     */
    /**
     * A path named by a program: relative paths resolve against the working directory read from
     * the {@code user.dir} property at call time, so a host that runs programs in-process can give
     * each its own directory.
     */
    static Path resolve(String path) {
        return Path.of(System.getProperty("user.dir", "")).resolve(path);
    }

    static String read(Path path) throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }

    /**
     * Replaces the file's contents atomically: writes a temporary file beside it, then renames it over
     * the target, so readers see the old or the new contents, never a mix. An existing file's POSIX
     * permissions are kept. The temporary file is removed if anything fails.
     */
    static void writeAtomically(Path path, String text) throws IOException {
        Path target = path.toAbsolutePath();
        Path dir = target.getParent();
        Path temp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            }
            if (Files.exists(target)) {
                try {
                    Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(target));
                } catch (UnsupportedOperationException | IOException e) {
                    // not a POSIX file system, or not ours to read: keep the defaults
                }
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    static void append(Path path, String text) throws IOException {
        Files.write(path, text.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /**
     * Rust's text for an I/O failure, e.g. {@code No such file or directory (os error 2)}, {@code Permission
     * denied (os error 13)}, {@code stream did not contain valid UTF-8}; other failures keep Java's message.
     */
    static String message(IOException e) {
        return switch (e) {
            case NoSuchFileException x -> "No such file or directory (os error 2)";
            case AccessDeniedException x -> "Permission denied (os error 13)";
            case FileAlreadyExistsException x -> "File exists (os error 17)";
            case DirectoryNotEmptyException x -> "Directory not empty (os error 39)";
            case NotDirectoryException x -> "Not a directory (os error 20)";
            case CharacterCodingException x -> "stream did not contain valid UTF-8";
            case FileSystemException x when x.getReason() != null -> withErrno(x.getReason());
            default -> withErrno(String.valueOf(e.getMessage()));
        };
    }

    /** Linux's {@code strerror} texts with Rust's {@code (os error N)} suffix; other texts unchanged. */
    private static String withErrno(String reason) {
        Integer errno = ERRNO.get(reason);
        return errno == null ? reason : reason + " (os error " + errno + ")";
    }

    private static final Map<String, Integer> ERRNO = Map.of(
            "No such file or directory", 2,
            "Permission denied", 13,
            "File exists", 17,
            "Not a directory", 20,
            "Is a directory", 21,
            "No space left on device", 28,
            "Read-only file system", 30,
            "Directory not empty", 39);
}
