package dev.ruchy.transpiler.code;

import dev.ruchy.transpiler.ast.Node;

/**
 * Something a name can refer to: a variable, parameter, function, type, or builtin. Mutable facts
 * (whether it is reassigned, captured by a closure) are filled in by the resolver ({@code mark...});
 * the later phases only read them. Type inference keeps variable types in a table of its own.
 */
public final class Symbol {
    /** What kind of thing the name denotes. */
    public enum Kind { VARIABLE, PARAMETER, FUNCTION, STRUCT, ENUM, CLASS, TRAIT, BUILTIN, MODULE }

    private final Kind kind;
    private final String name;
    private final Node declaration;
    private final int owner;
    private boolean global;
    private boolean reassigned;
    private boolean captured;

    /**
     * A symbol the resolver declares.
     *
     * @param declaration the declaring node, or null for builtins
     * @param owner       the function context that declares it (0: the top level)
     */
    public Symbol(Kind kind, String name, Node declaration, int owner) {
        this.kind = kind;
        this.name = name;
        this.declaration = declaration;
        this.owner = owner;
    }

    public Kind kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    /** The declaring node (a binding pattern, a function, a type), or null for builtins. */
    public Node declaration() {
        return declaration;
    }

    /** The function context (0: the top level) that declares this symbol. */
    public int owner() {
        return owner;
    }

    /** A top-level variable read or written by a function or closure: emitted as a static field. */
    public boolean isGlobal() {
        return global;
    }

    /** Set by the resolver: a function or closure uses this top-level variable. */
    public void markGlobal() {
        global = true;
    }

    /** Assigned after its declaration. */
    public boolean isReassigned() {
        return reassigned;
    }

    /** Set by the resolver: the name is assigned after its declaration. */
    public void markReassigned() {
        reassigned = true;
    }

    /** Used by a closure or nested function other than the one that declares it. */
    public boolean isCaptured() {
        return captured;
    }

    /** Set by the resolver: a closure or nested function other than the declaring one uses it. */
    public void markCaptured() {
        captured = true;
    }

    /** A local that a closure captures and that is reassigned: Java needs a holder for it. */
    public boolean needsCell() {
        return !global && captured && reassigned && (kind == Kind.VARIABLE || kind == Kind.PARAMETER);
    }

    public boolean isVariable() {
        return kind == Kind.VARIABLE || kind == Kind.PARAMETER;
    }

    @Override
    public String toString() {
        return kind + " " + name + (global ? " (global)" : "") + (needsCell() ? " (cell)" : "");
    }
}
