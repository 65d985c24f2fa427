package dev.ruchy.transpiler.source;

import java.util.Objects;

/**
 * A range of characters {@code [start, end)} in a {@link SourceFile}; offsets are UTF-16 indexes.
 * Line and column are computed on demand from the file's line table.
 */
public record Span(SourceFile file, int start, int end) {
    public Span {
        Objects.requireNonNull(file, "file == null");
        if (start < 0 || end < start || end > file.length()) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ") in a file of " + file.length() + " chars");
        }
    }

    /** The smallest span covering this one and {@code other}. */
    public Span to(Span other) {
        return new Span(file, Math.min(start, other.start), Math.max(end, other.end));
    }

    public int startLine() {
        return file.line(start);
    }

    public int startColumn() {
        return file.column(start);
    }

    public int endLine() {
        return file.line(end);
    }

    public int endColumn() {
        return file.column(end);
    }

    public String text() {
        return file.text().substring(start, end);
    }

    /** {@code name:line:col-line:col}, as the AST printer shows it. */
    @Override
    public String toString() {
        return file.name() + ":" + startLine() + ":" + startColumn() + "-" + endLine() + ":" + endColumn();
    }

    /** Records compare all components; two spans are equal when they cover the same text of the same file. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Span s && s.file == file && s.start == start && s.end == end;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(file) * 31 * 31 + start * 31 + end;
    }
}
