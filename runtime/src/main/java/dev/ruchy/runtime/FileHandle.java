package dev.ruchy.runtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file opened for reading by {@code open(path, "r")} (ruchy-semantics §5.2): {@code read_line()}
 * returns the next line without its line break ({@code ""} at the end of the file), {@code read()}
 * the rest of the file, {@code close()} releases it. Only mode {@code "r"} exists in Ruchy.
 */
public final class FileHandle implements AutoCloseable {
    private final String name;
    private final BufferedReader reader;
    private boolean closed;

    private FileHandle(String name, BufferedReader reader) {
        this.name = name;
        this.reader = reader;
    }

    /**
     * Opens {@code path} for reading.
     *
     * @throws RuchyError {@code Failed to open file '<path>': <reason>} when it cannot be read
     */
    static FileHandle open(String path, Path resolved) {
        try {
            return new FileHandle(path, Files.newBufferedReader(resolved, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw RuchyError.runtime("Failed to open file '" + path + "': " + FileIo.message(e));
        }
    }

    /** The next line without its line break, or {@code ""} at the end of the file ({@code read_line()}). */
    @RuchyName("read_line")
    public String readLine() {
        try {
            String line = reader().readLine();
            return line == null ? "" : line;
        } catch (IOException e) {
            throw RuchyError.runtime("Failed to read file '" + name + "': " + FileIo.message(e));
        }
    }

    /** Everything not read yet. */
    public String read() {
        try {
            StringBuilder sb = new StringBuilder();
            char[] buffer = new char[8192];
            for (int n; (n = reader().read(buffer)) > 0; ) {
                sb.append(buffer, 0, n);
            }
            return sb.toString();
        } catch (IOException e) {
            throw RuchyError.runtime("Failed to read file '" + name + "': " + FileIo.message(e));
        }
    }

    /** Closes the file; closing twice is harmless. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            try {
                reader.close();
            } catch (IOException e) {
                // nothing was written, so nothing can be lost
            }
        }
    }

    private BufferedReader reader() {
        if (closed) {
            throw RuchyError.runtime("File '" + name + "' is closed");
        }
        return reader;
    }

    @Override
    public String toString() {
        return "<file " + name + ">";
    }
}
