package dev.ruchy.runtime;

/**
 * {@code assert}, {@code assert_eq} and {@code assert_ne} as compiled from Ruchy test sources (the
 * Maven plugin's {@code src/test/ruchy}): the same checks as {@link Builtins}, but a failure is an
 * {@link AssertionError} whose message starts with the Ruchy file and line, so JUnit reports it as a
 * test failure at {@code primes_test.ruchy:12} rather than as an error in generated Java.
 *
 * <p>Only failed assertions are turned into {@code AssertionError}; other Ruchy errors (a non-boolean
 * condition, a wrong argument count) stay {@link RuchyError}s.
 */
public final class TestAssertions {
    private TestAssertions() {
    }

    /**
     * {@code assert(cond[, msg])} at {@code where}.
     *
     * @param where {@code file.ruchy:LINE}
     * @throws AssertionError {@code primes_test.ruchy:12: Assertion failed}, or with a message {@code primes_test.ruchy:12: "m"}
     */
    public static void assertTrue(String where, Object... args) {
        try {
            Builtins.assertTrue(args);
        } catch (RuchyError e) {
            throw failure(where, e);
        }
    }

    /**
     * {@code assert_eq(a, b[, msg])} at {@code where}.
     *
     * @param where {@code file.ruchy:LINE}
     * @throws AssertionError {@code primes_test.ruchy:12: Assertion failed: expected Integer(1), got Integer(2)}
     */
    public static void assertEq(String where, Object... args) {
        try {
            Builtins.assertEq(args);
        } catch (RuchyError e) {
            throw failure(where, e);
        }
    }

    /**
     * {@code assert_ne(a, b[, msg])} at {@code where}.
     *
     * @param where {@code file.ruchy:LINE}
     * @throws AssertionError when the values are strictly equal
     */
    public static void assertNe(String where, Object... args) {
        try {
            Builtins.assertNe(args);
        } catch (RuchyError e) {
            throw failure(where, e);
        }
    }

    /** A failed assertion as an {@link AssertionError} at {@code where}; any other error as it is. */
    private static RuntimeException failure(String where, RuchyError e) {
        if (e.kind() == RuchyError.Kind.ASSERTION) {
            // the detail without Ruchy's "Assertion failed: " prefix: assert_eq's own text, or the message given
            throw new AssertionError(where + ": " + e.detail(), e);
        }
        return e;
    }
}
