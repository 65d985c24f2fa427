package dev.ruchy.runtime.net.http;

import dev.ruchy.runtime.FnN;

/**
 * The {@code next} a middleware receives: {@link #run()} continues the chain (once; later calls do
 * nothing), {@link #run(Object)} with a non-nil error hands it to the error middleware, as in Express.
 * In error middleware, {@code run()} passes the same error on to the next error middleware and
 * {@code run(e)} passes {@code e}.
 *
 * <p>It is also a Ruchy function value ({@link FnN}), so {@code next()} and {@code next(err)} work
 * from dynamic code.
 */
@FunctionalInterface
public interface Next extends FnN {
    /**
     * Continues with {@code err}: nil (null) continues the chain normally.
     *
     * @throws RuntimeException in a middleware, the error {@code err} (or a Ruchy error carrying it),
     *                          which the server hands to the error middleware
     */
    void run(Object err);

    /** Continues the chain. */
    default void run() {
        run(null);
    }

    /** {@code next()} or {@code next(err)} from a Ruchy program; always nil. */
    @Override
    default Object call(Object... args) {
        run(args.length > 0 ? args[0] : null);
        return null;
    }
}
