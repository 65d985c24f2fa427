package dev.ruchy.runtime.net.ws;

import dev.ruchy.runtime.Fn1;

/**
 * What {@link WsServer#onConnection(ConnectionHandler)} runs for each new connection
 * {@code socket -> ...}, before any of its messages; it registers the socket's listeners. Also a
 * Ruchy function value of one parameter ({@link Fn1}).
 */
@FunctionalInterface
public interface ConnectionHandler extends Fn1 {
    /**
     * Handles a new connection.
     *
     * @param socket the connection
     */
    void handle(WsSocket socket);

    /** The call from the runtime's dynamic dispatch: {@code a} is the socket. */
    @Override
    default Object call(Object a) {
        handle((WsSocket) a);
        return null;
    }
}
