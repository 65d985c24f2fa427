package dev.ruchy.transpiler.emit;

import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * The Ruchy line of each Java line, recorded while JavaPoet writes the file. The emitter puts a
 * {@link #at mark} at the start of each statement: an argument of the code that prints nothing and,
 * when JavaPoet writes it, notes the Java line it landed on. Lines after a mark carry its Ruchy line
 * until the next one, so runtime errors and stack traces can name the {@code .ruchy} line. No mark
 * is ever text in the code, so nothing in a string or a comment can be taken for one.
 */
final class LineMarks implements Appendable {
    private final StringBuilder text = new StringBuilder();
    private int[] marks = new int[64];
    private int javaLine = 1;
    /** End-of-line comments waiting for the end of the Java line being written. */
    private final StringBuilder pendingComment = new StringBuilder();

    /** A mark for Ruchy line {@code rubyLine}, to be added to a code block with {@code $L}. */
    Object at(int rubyLine) {
        return new Object() {
            @Override
            public String toString() {
                // JavaPoet writes a file twice, first to collect its imports (into no text at all)
                if (!text.isEmpty()) {
                    record(rubyLine);
                }
                return "";
            }
        };
    }

    /** Whether the line being written ends a statement or opens or closes a block, rather than going on. */
    private boolean endsStatementLine() {
        int i = text.length() - 1;
        while (i >= 0 && text.charAt(i) == ' ') {
            i--;
        }
        return i >= 0 && (text.charAt(i) == ';' || text.charAt(i) == '{' || text.charAt(i) == '}');
    }

    /**
     * A mark that puts {@code // text} at the end of the first Java line from where it lands on that
     * ends a statement or opens or closes a block (a call whose arguments JavaPoet spreads over lines
     * gets it after its last line), to be added to a code
     * block with {@code $L} right before the code of that line: how an end-of-line Ruchy comment stays
     * beside the code of its line. {@code text} must already be safe in a Java comment.
     */
    Object endOfLineComment(String text) {
        return new Object() {
            @Override
            public String toString() {
                if (!LineMarks.this.text.isEmpty()) {
                    pendingComment.append(" // ").append(text);
                }
                return "";
            }
        };
    }

    private void record(int rubyLine) {
        if (javaLine >= marks.length) {
            marks = Arrays.copyOf(marks, Math.max(marks.length * 2, javaLine + 1));
        }
        marks[javaLine] = rubyLine;
    }

    /** Writes {@code file}; its source and, for each Java line (1-based index), its Ruchy line (0: none). */
    JavaEmitter.Output write(String className, JavaFile file) {
        try {
            file.writeTo(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
        String source = text.toString();
        int lines = (int) source.chars().filter(c -> c == '\n').count() + 1;
        int[] map = new int[lines + 1];
        int current = 0;
        for (int i = 1; i <= lines; i++) {
            if (i < marks.length && marks[i] != 0) {
                current = marks[i];
            }
            map[i] = current;
        }
        return new JavaEmitter.Output(className, source, map);
    }

    @Override
    public Appendable append(CharSequence s) {
        return append(s, 0, s.length());
    }

    @Override
    public Appendable append(CharSequence s, int start, int end) {
        for (int i = start; i < end; i++) {
            append(s.charAt(i));
        }
        return this;
    }

    @Override
    public Appendable append(char c) {
        if (c == '\n' && !pendingComment.isEmpty() && endsStatementLine()) {
            text.append(pendingComment);
            pendingComment.setLength(0);
        }
        text.append(c);
        if (c == '\n') {
            javaLine++;
        }
        return this;
    }
}
