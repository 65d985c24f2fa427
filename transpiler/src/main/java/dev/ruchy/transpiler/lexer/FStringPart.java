package dev.ruchy.transpiler.lexer;

/** A piece of an f-string: literal text, or an embedded expression with an optional format spec. */
public sealed interface FStringPart {
    /** Literal text with escapes and {@code {{ }}} already processed. */
    record Text(String text) implements FStringPart {
    }

    /**
     * An embedded expression whose source is {@code [start, end)} of the file, and the format spec
     * after its {@code :} ({@code ">8"}, {@code ".2"}), or {@code null} when there is none.
     */
    record Expr(int start, int end, String spec) implements FStringPart {
    }
}
