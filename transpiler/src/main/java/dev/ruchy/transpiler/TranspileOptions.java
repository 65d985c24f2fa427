package dev.ruchy.transpiler;

/**
 * How to transpile one file. Immutable; start from {@link #defaults()} and change with the
 * {@code with...} methods.
 *
 * @param evalMode          also print the value of the last top-level expression (Display, unless
 *                          nil), as {@code ruchy -e} does
 * @param checkedArithmetic integer {@code + - *} raise Ruchy's {@code Integer overflow in addition}
 *                          (and so on) instead of wrapping like Java's {@code long} (the default,
 *                          per the project's Decisions)
 */
public record TranspileOptions(boolean evalMode, boolean checkedArithmetic) {
    /** Run mode, wrapping arithmetic. */
    public static TranspileOptions defaults() {
        return new TranspileOptions(false, false);
    }

    public TranspileOptions withEvalMode(boolean on) {
        return new TranspileOptions(on, checkedArithmetic);
    }

    public TranspileOptions withCheckedArithmetic(boolean on) {
        return new TranspileOptions(evalMode, on);
    }
}
