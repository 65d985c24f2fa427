package dev.ruchy.runtime;

/**
 * A Ruchy function value of no arguments, as generated code writes a closure without parameters:
 * {@code (Fn0) () -> ...}. Call it directly, or through
 * {@link Ops#call} when the callee is only known as a value (ruchy-semantics §4.7.4).
 */
@FunctionalInterface
public interface Fn0 {
    /**
     * Runs the function.
     *
     * @return its value, {@code null} for nil
     */
    Object call();
}
