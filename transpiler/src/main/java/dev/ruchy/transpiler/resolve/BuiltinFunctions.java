package dev.ruchy.transpiler.resolve;

import dev.ruchy.transpiler.code.RuntimeCatalog;
import dev.ruchy.transpiler.code.Type;

/**
 * The emitter's view of the builtin functions, read from the {@link RuntimeCatalog}; it goes once
 * the emitter reads the catalog itself.
 */
public final class BuiltinFunctions {
    /**
     * One builtin.
     *
     * @param javaName the static method of {@code dev.ruchy.runtime.Builtins}
     */
    public record Builtin(String name, String javaName, Type result) {
    }

    private BuiltinFunctions() {
    }

    /** The builtin called {@code name}, or null. */
    public static Builtin lookup(String name) {
        RuntimeCatalog.Builtin b = RuntimeCatalog.standard().builtin(name);
        return b == null ? null : new Builtin(b.name(), b.javaName(), b.result());
    }
}
