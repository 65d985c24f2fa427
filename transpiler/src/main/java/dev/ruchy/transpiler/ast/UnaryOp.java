package dev.ruchy.transpiler.ast;

/** Prefix operators (ruchy-semantics §3.4 level 13). */
public enum UnaryOp {
    NEG("-"), NOT("!"), BIT_NOT("~"), REF("&"), REF_MUT("&mut"), DEREF("*"), PRE_INC("++"), PRE_DEC("--"),
    POST_INC("++"), POST_DEC("--");

    private final String symbol;

    UnaryOp(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }
}
