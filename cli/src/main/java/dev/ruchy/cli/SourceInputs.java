package dev.ruchy.cli;

import dev.ruchy.transpiler.Transpiler;
import dev.ruchy.transpiler.source.SourceFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads and parses source files named on the command line. A file that cannot be read is reported
 * in one line ({@code ruchy: FILE: why}) and never as a stack trace.
 *
 * <p>Unlike {@link SourceFile#read}, which turns malformed bytes into U+FFFD, the command line
 * rejects a file that is not UTF-8: checking a Latin-1 file would otherwise report {@code ok} for
 * a program whose strings are not what its author wrote.
 */
final class SourceInputs {
    private SourceInputs() {
    }

    /** The file, or null after printing why it cannot be read. */
    static SourceFile read(Path path, PrintWriter err) {
        String problem;
        try {
            if (Files.isDirectory(path)) {
                problem = "is a directory, not a file";
            } else {
                byte[] bytes = Files.readAllBytes(path);
                problem = utf8Problem(bytes);
                if (problem == null) {
                    return SourceFile.of(path.toString(), new String(bytes, StandardCharsets.UTF_8));
                }
            }
        } catch (NoSuchFileException e) {
            problem = "no such file";
        } catch (AccessDeniedException e) {
            problem = "permission denied";
        } catch (FileSystemException e) {
            problem = "cannot read: " + (e.getReason() != null ? e.getReason() : e.getClass().getSimpleName());
        } catch (IOException e) {
            problem = "cannot read: " + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
        }
        err.println("ruchy: " + path + ": " + problem);
        return null;
    }

    /**
     * Parses {@code file}, or returns null after printing a one-line internal error when the parser
     * runs out of stack: {@link Transpiler#parse} promises not to throw and limits nesting, but a
     * construct the limit misses must still not end in a stack trace.
     */
    static Transpiler.ParseResult parse(SourceFile file, PrintWriter err) {
        return analyse(file, true, err);
    }

    /** Like {@link #parse}; unless {@code syntaxOnly}, also resolves names ({@link Transpiler#check}). */
    static Transpiler.ParseResult analyse(SourceFile file, boolean syntaxOnly, PrintWriter err) {
        return analyse(file, syntaxOnly, dev.ruchy.transpiler.TranspileOptions.defaults(), err);
    }

    /** As {@link #analyse(SourceFile, boolean, PrintWriter)}, with the Java classes of {@code options} in reach. */
    static Transpiler.ParseResult analyse(SourceFile file, boolean syntaxOnly, dev.ruchy.transpiler.TranspileOptions options,
            PrintWriter err) {
        try {
            return syntaxOnly ? Transpiler.parse(file) : Transpiler.check(file, options);
        } catch (StackOverflowError e) {
            err.println("ruchy: " + file.name() + ": internal error: the parser ran out of stack (nesting too deep)");
            return null;
        }
    }

    /** Why {@code bytes} are not UTF-8 text, or null when they are. */
    private static String utf8Problem(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(8192);
        CoderResult result;
        do {
            out.clear();
            result = decoder.decode(in, out, true); // true: a truncated sequence at the end is malformed
        } while (result.isOverflow());
        if (!result.isError()) {
            return null;
        }
        int offset = in.position();
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return String.format("not UTF-8 text (invalid byte 0x%02X at line %d, byte offset %d); save it as UTF-8",
                bytes[offset] & 0xff, line, offset);
    }
}
