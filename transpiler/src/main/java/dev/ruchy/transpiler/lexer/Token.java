package dev.ruchy.transpiler.lexer;

/**
 * One token: its kind, its offsets {@code [start, end)} in the source, whether a line break or
 * white space comes before it (Ruchy's newline rules depend on both), and a value for literals.
 *
 * @param value {@code Long} for INT and BYTE, {@code Double} for FLOAT, {@code String} for
 *              STRING/RAW_STRING/CHAR (escapes processed), IDENT, ATOM and LABEL (without the
 *              sigil), {@code List<FStringPart>} for FSTRING, {@code null} otherwise
 */
public record Token(TokenKind kind, int start, int end, boolean newlineBefore, boolean spaceBefore, Object value) {
    public boolean is(TokenKind k) {
        return kind == k;
    }

    /** The value of an identifier-like token. */
    public String text() {
        return value instanceof String s ? s : kind.spelling();
    }
}
