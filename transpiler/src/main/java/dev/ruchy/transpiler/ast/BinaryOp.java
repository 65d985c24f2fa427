package dev.ruchy.transpiler.ast;

/** Binary operators with their Ruchy precedence (ruchy-semantics §3.4; higher binds tighter). */
public enum BinaryOp {
    OR("||", 1), NULL_COALESCE("??", 2), SEND("!", 2), AND("&&", 3), PIPELINE("|>", 3), BIT_OR("|", 4),
    BIT_XOR("^", 5), BIT_AND("&", 6), EQ("==", 7), NE("!=", 7), LT("<", 8), LE("<=", 8), GT(">", 8),
    GE(">=", 8), SHL("<<", 9), SHR(">>", 9), ADD("+", 10), SUB("-", 10), MUL("*", 11), DIV("/", 11),
    REM("%", 11), POW("**", 12);

    private final String symbol;
    private final int precedence;

    BinaryOp(String symbol, int precedence) {
        this.symbol = symbol;
        this.precedence = precedence;
    }

    public String symbol() {
        return symbol;
    }

    public int precedence() {
        return precedence;
    }
}
