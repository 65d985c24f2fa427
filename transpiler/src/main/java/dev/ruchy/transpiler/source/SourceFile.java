package dev.ruchy.transpiler.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * The text of one Ruchy source file and a table of its line starts, so that character offsets can
 * be turned into 1-based line and column numbers when a diagnostic is printed.
 *
 * <p>Columns count Unicode code points from the start of the line, starting at 1, as rustc and
 * javac do. Line breaks are {@code \n}, {@code \r\n} or a lone {@code \r}.
 */
public final class SourceFile {
    private final String name;
    private final String text;
    private final int[] lineStarts;

    private SourceFile(String name, String text) {
        this.name = Objects.requireNonNull(name, "name == null");
        this.text = Objects.requireNonNull(text, "text == null");
        this.lineStarts = computeLineStarts(text);
    }

    /**
     * A source held in memory.
     *
     * @param name the name diagnostics show, usually a path relative to the working directory
     * @param text the whole file
     */
    public static SourceFile of(String name, String text) {
        return new SourceFile(name, text);
    }

    /**
     * Reads a file as UTF-8; malformed bytes become U+FFFD.
     *
     * @throws IOException if the file cannot be read
     */
    public static SourceFile read(Path path) throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        return new SourceFile(path.toString(), new String(bytes, StandardCharsets.UTF_8));
    }

    public String name() {
        return name;
    }

    public String text() {
        return text;
    }

    public int length() {
        return text.length();
    }

    /** Number of lines; a file ending in a line break has an empty last line. */
    public int lineCount() {
        return lineStarts.length;
    }

    /** The 1-based line holding {@code offset} (0 ≤ offset ≤ length). */
    public int line(int offset) {
        int i = Arrays.binarySearch(lineStarts, clamp(offset));
        return i >= 0 ? i + 1 : -i - 1;
    }

    /** The 1-based column of {@code offset}, in code points. */
    public int column(int offset) {
        int off = clamp(offset);
        int start = lineStarts[line(off) - 1];
        return text.codePointCount(start, off) + 1;
    }

    /** The text of 1-based line {@code line}, without its line break. */
    public String lineText(int line) {
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] : text.length();
        while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return text.substring(start, end);
    }

    /** The offset at which 1-based line {@code line} starts. */
    public int lineStart(int line) {
        return lineStarts[line - 1];
    }

    /** A span of this file between two offsets. */
    public Span span(int start, int end) {
        return new Span(this, start, end);
    }

    private int clamp(int offset) {
        return Math.max(0, Math.min(offset, text.length()));
    }

    private static int[] computeLineStarts(String text) {
        int[] starts = new int[16];
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lineBreak = c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'));
            if (lineBreak) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, count);
    }

    @Override
    public String toString() {
        return name;
    }
}
