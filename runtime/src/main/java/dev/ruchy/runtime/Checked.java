package dev.ruchy.runtime;

/**
 * Calls of Java methods that declare checked exceptions ({@code Thread.join()},
 * {@code Files.readString(path)}), as the generated Java writes them: {@code Checked.run(() -> t.join())}.
 * The exception is rethrown as it is, unchecked, so a Ruchy {@code try}/{@code catch} or the program's
 * top level sees the Java exception itself; Ruchy has no checked exceptions.
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

    @SuppressWarnings("unchecked")
    private static <E extends Exception> E sneaky(Exception e) throws E {
        throw (E) e;
    }
}
