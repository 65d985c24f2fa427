package dev.ruchy.runtime.net.http;

import dev.ruchy.runtime.Fn2;

/**
 * A download's progress callback {@code (done, total) -> ...} ({@link Download#onProgress(ProgressListener)}).
 * Also a Ruchy function value of two parameters ({@link Fn2}).
 */
@FunctionalInterface
public interface ProgressListener extends Fn2 {
    /**
     * Reports progress.
     *
     * @param done  bytes received so far
     * @param total the body's length in bytes ({@code Long}), or {@code null} when the server sent none
     */
    void handle(long done, Object total);

    /** The call from the runtime's dynamic dispatch: {@code a} is the count so far, {@code b} the total. */
    @Override
    default Object call(Object a, Object b) {
        handle(((Number) a).longValue(), b);
        return null;
    }
}
