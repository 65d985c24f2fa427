package dev.ruchy.transpiler.diag;

import dev.ruchy.transpiler.source.Span;
import java.util.Objects;

/**
 * One problem found in a Ruchy source: a stable code, a severity, where it is, what is wrong and,
 * when it helps, a hint such as {@code to close the block opened at 12:5}.
 *
 * @param hint extra advice printed on its own line, or {@code null}
 */
public record Diagnostic(DiagnosticCode code, Severity severity, Span span, String message, String hint) {
    public Diagnostic {
        Objects.requireNonNull(code, "code == null");
        Objects.requireNonNull(severity, "severity == null");
        Objects.requireNonNull(span, "span == null");
        Objects.requireNonNull(message, "message == null");
    }

    /** The same diagnostic with a hint. */
    public Diagnostic withHint(String newHint) {
        return new Diagnostic(code, severity, span, message, newHint);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code file:line:col: CODE}, the form error goldens pin. */
    public String key() {
        return span.file().name() + ":" + span.startLine() + ":" + span.startColumn() + ": " + code.code();
    }
}
