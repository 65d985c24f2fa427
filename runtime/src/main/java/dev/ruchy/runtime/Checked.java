package dev.ruchy.runtime;

/**
 * Calls of Java methods that declare checked exceptions ({@code Thread.join()},
 * {@code Files.readString(path)}), as the generated Java writes them: {@code Checked.run(() -> t.join())}.
 * The exception is rethrown as it is, unchecked, so a Ruchy {@code try}/{@code catch} or the program's
 * top level sees the Java exception itself; Ruchy has no checked exceptions.
 *
 * <p>A local the call reads that Java does not take as effectively final (one reassigned, a loop's
 * counter) is passed in as the lambda's parameter instead of captured:
 * {@code Checked.run(worker, (Thread workerNow) -> workerNow.join())}; more than three go in an array.
 */
public final class Checked {
    private Checked() {
    }

    /** A computation that may throw anything. */
    @FunctionalInterface
    public interface Body<T> {
        T get() throws Exception;
    }

    /** An action that may throw anything. */
    @FunctionalInterface
    public interface Action {
        void run() throws Exception;
    }

    /** A computation of one value that may throw anything. */
    @FunctionalInterface
    public interface Body1<A, T> {
        T get(A a) throws Exception;
    }

    /** A computation of two values that may throw anything. */
    @FunctionalInterface
    public interface Body2<A, B, T> {
        T get(A a, B b) throws Exception;
    }

    /** A computation of three values that may throw anything. */
    @FunctionalInterface
    public interface Body3<A, B, C, T> {
        T get(A a, B b, C c) throws Exception;
    }

    /** An action on one value that may throw anything. */
    @FunctionalInterface
    public interface Action1<A> {
        void run(A a) throws Exception;
    }

    /** An action on two values that may throw anything. */
    @FunctionalInterface
    public interface Action2<A, B> {
        void run(A a, B b) throws Exception;
    }

    /** An action on three values that may throw anything. */
    @FunctionalInterface
    public interface Action3<A, B, C> {
        void run(A a, B b, C c) throws Exception;
    }

    /** The value of {@code body}; whatever it throws is thrown on unchanged. */
    public static <T> T call(Body<T> body) {
        try {
            return body.get();
        } catch (Exception e) {
            throw Checked.<RuntimeException>sneaky(e);
        }
    }

    /** Runs {@code action}; whatever it throws is thrown on unchanged. */
    public static void run(Action action) {
        try {
            action.run();
        } catch (Exception e) {
            throw Checked.<RuntimeException>sneaky(e);
        }
    }

    /** The value of {@code body} given {@code a}; whatever it throws is thrown on unchanged. */
    public static <A, T> T call(A a, Body1<A, T> body) {
        try {
            return body.get(a);
        } catch (Exception e) {
            throw Checked.<RuntimeException>sneaky(e);
        }
    }

    /** The value of {@code body} given {@code a} and {@code b}; whatever it throws is thrown on unchanged. */
    public static <A, B, T> T call(A a, B b, Body2<A, B, T> body) {
        try {
            return body.get(a, b);
        } catch (Exception e) {
            throw Checked.<RuntimeException>sneaky(e);
        }
    }

    /** Runs {@code action} on {@code a}; whatever it throws is thrown on unchanged. */
    public static <A> void run(A a, Action1<A> action) {
        try {
            action.run(a);
        } catch (Exception e) {
            throw Checked.<RuntimeException>sneaky(e);
        }
    }

    /** Runs {@code action} on {@code a} and {@code b}; whatever it throws is thrown on unchanged. */
    public static <A, B> void run(A a, B b, Action2<A, B> action) {
        try {
            action.run(a, b);
        } catch (Exception e) {
            throw Checked.<RuntimeException>sneaky(e);
        }
    }

    /** The value of {@code body} given {@code a}, {@code b} and {@code c}; whatever it throws is thrown on unchanged. */
    public static <A, B, C, T> T call(A a, B b, C c, Body3<A, B, C, T> body) {
        try {
            return body.get(a, b, c);
        } catch (Exception e) {
            throw Checked.<RuntimeException>sneaky(e);
        }
    }

    /** Runs {@code action} on {@code a}, {@code b} and {@code c}; whatever it throws is thrown on unchanged. */
    public static <A, B, C> void run(A a, B b, C c, Action3<A, B, C> action) {
        try {
            action.run(a, b, c);
        } catch (Exception e) {
            throw Checked.<RuntimeException>sneaky(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <E extends Exception> E sneaky(Exception e) throws E {
        throw (E) e;
    }
}
