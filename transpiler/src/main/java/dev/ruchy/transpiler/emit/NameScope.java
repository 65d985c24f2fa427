package dev.ruchy.transpiler.emit;

import dev.ruchy.transpiler.code.Symbol;
import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The Java names of one method being emitted: the name each local symbol got, and the names in
 * use, so that a new local never shadows another ({@code total}, {@code total2}). Names declared in
 * a nested block may be used again once the block ends ({@link #mark}, {@link #reset}).
 */
final class NameScope {
    private final Map<Symbol, String> names = new IdentityHashMap<>();
    private Set<String> used;

    /** A scope in which {@code taken} (the class's fields) are already in use. */
    NameScope(Collection<String> taken) {
        this.used = new HashSet<>(taken);
    }

    /** Declares {@code sym} (may be null) under the Java form of {@code rubyName}, made unique; returns the name. */
    String declare(Symbol sym, String rubyName) {
        String name = allocate(Names.camelCase(rubyName));
        if (sym != null) {
            names.put(sym, name);
        }
        return name;
    }

    /** A fresh name: {@code base}, else {@code base2}, {@code base3}... */
    String allocate(String base) {
        String name = base;
        int n = 2;
        while (used.contains(name)) {
            name = base + n++;
        }
        used.add(name);
        return name;
    }

    /** Frees {@code name}, allocated for a lambda's parameter whose lambda has been written. */
    void free(String name) {
        used.remove(name);
    }

    /** Gives {@code sym} the name of an existing local ({@code x => ...} on a plain variable). */
    void alias(Symbol sym, String name) {
        names.put(sym, name);
    }

    /** Whether {@code sym} is a local of this method (as opposed to a function or field). */
    boolean declares(Symbol sym) {
        return names.containsKey(sym);
    }

    /** The Java name of local {@code sym}, or null. */
    String nameOf(Symbol sym) {
        return names.get(sym);
    }

    /** Whether {@code name} is a local or field name in use here. */
    boolean inUse(String name) {
        return used.contains(name);
    }

    /** The names in use now, to {@link #reset} to when a nested block ends. */
    Set<String> mark() {
        return new HashSet<>(used);
    }

    /** Frees the names declared since {@code mark}. */
    void reset(Set<String> mark) {
        used = mark;
    }
}
