package dev.ruchy.transpiler;

import dev.ruchy.transpiler.interop.ClassFileJavaTypes;
import dev.ruchy.transpiler.interop.JavaTypes;

/**
 * How to transpile one file. Immutable; start from {@link #defaults()} and change with the
 * {@code with...} methods.
 *
 * @param evalMode          also print the value of the last top-level expression (Display, unless
 *                          nil), as {@code ruchy -e} does
 * @param checkedArithmetic integer {@code + - *} raise Ruchy's {@code Integer overflow in addition}
 *                          (and so on) instead of wrapping like Java's {@code long} (the default,
 *                          per the project's Decisions)
 * @param replMode          print the value of every top-level expression statement (Display, unless
 *                          nil), as the Ruchy REPL does for input piped into it
 * @param testMode          the file is a test source (the Maven plugin's {@code src/test/ruchy}): the class
 *                          gets a public constructor, each {@code #[test]} function becomes a JUnit 5
 *                          {@code @Test} method, and a failed {@code assert}/{@code assert_eq}/{@code assert_ne}
 *                          throws an {@link AssertionError} naming the {@code .ruchy} file and line
 * @param javaTypes         where the Java classes the file imports ({@code use java::util::UUID}) are
 *                          found
 */
public record TranspileOptions(boolean evalMode, boolean checkedArithmetic, boolean replMode, boolean testMode,
                               JavaTypes javaTypes) {
    /** Run mode, wrapping arithmetic, the running JDK's classes in reach ({@link ClassFileJavaTypes#jdk()}). */
    public static TranspileOptions defaults() {
        return new TranspileOptions(false, false, false, false, ClassFileJavaTypes.jdk());
    }

    public TranspileOptions withEvalMode(boolean on) {
        return new TranspileOptions(on, checkedArithmetic, replMode, testMode, javaTypes);
    }

    public TranspileOptions withCheckedArithmetic(boolean on) {
        return new TranspileOptions(evalMode, on, replMode, testMode, javaTypes);
    }

    public TranspileOptions withReplMode(boolean on) {
        return new TranspileOptions(evalMode, checkedArithmetic, on, testMode, javaTypes);
    }

    public TranspileOptions withTestMode(boolean on) {
        return new TranspileOptions(evalMode, checkedArithmetic, replMode, on, javaTypes);
    }

    public TranspileOptions withJavaTypes(JavaTypes types) {
        return new TranspileOptions(evalMode, checkedArithmetic, replMode, testMode, types);
    }
}
