package dev.ruchy.runtime;

/**
 * A Ruchy function value that takes any number of arguments: a closure of five or more parameters, or
 * a builtin used as a value ({@link Ops#builtin}), which checks its own arity.
 */
@FunctionalInterface
public interface FnN {
    /**
     * Runs the function.
     *
     * @param args the arguments in order; never {@code null} when called through {@link Ops#call}
     * @return its value, {@code null} for nil
     */
    Object call(Object... args);
}
