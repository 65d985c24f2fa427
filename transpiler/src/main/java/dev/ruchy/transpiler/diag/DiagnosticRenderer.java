package dev.ruchy.transpiler.diag;

import dev.ruchy.transpiler.source.SourceFile;
import dev.ruchy.transpiler.source.Span;

/**
 * Turns a {@link Diagnostic} into the text people read, in the shape rustc and javac use:
 *
 * <pre>
 * app.ruchy:3:14: error[R0101]: expected `)`, found `}`
 *   |
 * 3 | let x = (1 + 2
 *   |              ^
 *   = hint: to close the parenthesis opened at 3:9
 * </pre>
 *
 * Tabs in the source line are kept, and the caret line copies them, so the caret stays under the
 * right character whatever the terminal's tab width.
 */
public final class DiagnosticRenderer {
    private DiagnosticRenderer() {
    }

    /** The full rendering, ending in a line break. */
    public static String render(Diagnostic d) {
        Span span = d.span();
        SourceFile file = span.file();
        int line = span.startLine();
        int column = span.startColumn();
        StringBuilder out = new StringBuilder();
        out.append(file.name()).append(':').append(line).append(':').append(column).append(": ")
                .append(d.severity().label()).append('[').append(d.code().code()).append("]: ")
                .append(d.message()).append('\n');
        String gutter = " ".repeat(String.valueOf(line).length());
        String text = file.lineText(line);
        out.append(gutter).append(" |\n");
        out.append(line).append(" | ").append(text).append('\n');
        out.append(gutter).append(" | ").append(caretLine(text, column, caretWidth(span, text, column))).append('\n');
        if (d.hint() != null) {
            out.append(gutter).append(" = hint: ").append(d.hint()).append('\n');
        }
        return out.toString();
    }

    /** One line: {@code file:line:col: error[CODE]: message}. */
    public static String renderShort(Diagnostic d) {
        Span span = d.span();
        return span.file().name() + ":" + span.startLine() + ":" + span.startColumn() + ": "
                + d.severity().label() + "[" + d.code().code() + "]: " + d.message();
    }

    private static int caretWidth(Span span, String lineText, int column) {
        if (span.endLine() != span.startLine()) {
            return Math.max(1, lineText.codePointCount(0, lineText.length()) - column + 1);
        }
        return Math.max(1, span.endColumn() - column);
    }

    private static String caretLine(String text, int column, int width) {
        StringBuilder sb = new StringBuilder();
        int cp = 1;
        for (int i = 0; i < text.length() && cp < column; cp++) {
            int c = text.codePointAt(i);
            sb.append(c == '\t' ? '\t' : ' ');
            i += Character.charCount(c);
        }
        while (cp < column) {
            sb.append(' ');
            cp++;
        }
        return sb.append("^".repeat(width)).toString();
    }
}
