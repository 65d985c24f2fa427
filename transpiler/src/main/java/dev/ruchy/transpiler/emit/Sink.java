package dev.ruchy.transpiler.emit;

import dev.ruchy.transpiler.code.Type;

/** Where the value of an expression goes. */
record Sink(Kind kind, String target, Type type, boolean cell) {
    enum Kind { DISCARD, RETURN, ASSIGN }

    static final Sink DISCARD = new Sink(Kind.DISCARD, null, null, false);
    static final Sink RETURN = new Sink(Kind.RETURN, null, null, false);

    static Sink assign(String target, Type type, boolean cell) {
        return new Sink(Kind.ASSIGN, target, type, cell);
    }
}
