package dev.ruchy.runtime.net.ws;

import dev.ruchy.runtime.Fn1;

/**
 * A WebSocket event listener of one string {@code text -> ...}: a message's text for
 * {@code message} (binary messages decoded as UTF-8), the reason for {@code error}. Also a Ruchy
 * function value of one parameter ({@link Fn1}).
 */
@FunctionalInterface
public interface TextListener extends Fn1 {
    /**
     * Handles the event.
     *
     * @param text the message, or the error's reason
     */
    void handle(String text);

    /** The call from the runtime's dynamic dispatch: {@code a} is the text. */
    @Override
    default Object call(Object a) {
        handle((String) a);
        return null;
    }
}
