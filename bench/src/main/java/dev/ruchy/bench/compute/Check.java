package dev.ruchy.bench.compute;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Objects;

/** Set-up helpers of the compute benchmarks: handles on the hand-written side, and the agreement checks. */
final class Check {
    private Check() {
    }

    /**
     * A handle on {@link HandWritten}'s static method {@code name}: the hand-written side is called the
     * same way as the generated one (a handle in a field, {@code invokeExact}), so that the call itself
     * is no part of the difference.
     */
    static MethodHandle handWritten(String name, MethodType type) {
        try {
            return MethodHandles.lookup().findStatic(HandWritten.class, name, type);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Fails the set-up unless the hand-written and the generated code both computed {@code expected}
     * (the value the program's comment names), and prints the agreement in the benchmark's log.
     */
    static void same(String what, Object expected, Object handWritten, Object generated) {
        if (!Objects.equals(expected, handWritten)) {
            throw new AssertionError(what + ": the hand-written Java computed " + handWritten + ", expected " + expected);
        }
        if (!Objects.equals(expected, generated)) {
            throw new AssertionError(what + ": the generated code computed " + generated + ", expected " + expected);
        }
        System.out.printf("%n%s = %s on both sides%n", what, shorten(String.valueOf(expected)));
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 20) + "... (" + s.length() + " chars)";
    }
}
