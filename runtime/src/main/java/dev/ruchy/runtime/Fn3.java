package dev.ruchy.runtime;

/**
 * A Ruchy function value of three arguments, as generated code writes a closure whose parameters are
 * dynamic: {@code (Fn3) (a, b, c) -> ...}. Call it directly, or through
 * {@link Ops#call} when the callee is only known as a value (ruchy-semantics §4.7.4).
 */
@FunctionalInterface
public interface Fn3 {
    /**
     * Runs the function.
     *
     * @return its value, {@code null} for nil
     */
    Object call(Object a, Object b, Object c);
}
