package dev.ruchy.runtime.net.ws;

import dev.ruchy.runtime.Fn0;

/**
 * A WebSocket event listener that takes none of the event's values: {@code () -> ...} for
 * {@code open} ({@link WsClient#onOpen}) and {@code close} ({@link WsSocket#onClose(Listener)},
 * {@link WsClient#onClose(Listener)}). Also a Ruchy function value of no parameters ({@link Fn0}).
 */
@FunctionalInterface
public interface Listener extends Fn0 {
    /** Handles the event. */
    void handle();

    /** The call from the runtime's dynamic dispatch. */
    @Override
    default Object call() {
        handle();
        return null;
    }
}
