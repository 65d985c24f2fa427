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
        text.append(c);
        if (c == '\n') {
            javaLine++;
        }
        return this;
    }
}
