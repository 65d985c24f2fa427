package dev.ruchy.runtime.net.ws;

import dev.ruchy.runtime.Fn2;

/**
 * A listener of a connection's end {@code (code, reason) -> ...}: the close code (1000 normal
 * closure, 1006 connection lost, ...) and the reason. Also a Ruchy function value of two parameters
 * ({@link Fn2}).
 */
@FunctionalInterface
public interface CloseListener extends Fn2 {
    /**
     * Handles the close.
     *
     * @param code   the close code (RFC 6455 §7.4)
     * @param reason the reason, possibly empty
     */
    void handle(long code, String reason);

    /** The call from the runtime's dynamic dispatch: {@code a} is the code, {@code b} the reason. */
    @Override
    default Object call(Object a, Object b) {
        handle(((Number) a).longValue(), (String) b);
        return null;
    }
}
