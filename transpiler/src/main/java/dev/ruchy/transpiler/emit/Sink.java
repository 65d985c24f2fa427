package dev.ruchy.transpiler.emit;

import dev.ruchy.transpiler.code.Type;

/**
 * Where the value of an expression goes: nowhere, a {@code return}, an assignment to {@code target}
 * (a cell when {@code cell}), or a {@code yield} out of a switch expression. {@code type} is the
 * target's type (null for a {@code yield} whose value is not converted).
 */
record Sink(Kind kind, String target, Type type, boolean cell) {
    enum Kind { DISCARD, RETURN, ASSIGN, YIELD }

    static final Sink DISCARD = new Sink(Kind.DISCARD, null, null, false);
    static final Sink RETURN = new Sink(Kind.RETURN, null, null, false);

    static Sink assign(String target, Type type, boolean cell) {
        return new Sink(Kind.ASSIGN, target, type, cell);
    }

    static Sink yield(Type type) {
        return new Sink(Kind.YIELD, null, type, false);
    }
}
