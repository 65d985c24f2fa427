package dev.ruchy.runtime.net.ws;

import dev.ruchy.runtime.RuchyName;

/** One client connection on a {@link WsServer} ({@code socket} in {@code on_connection(|socket| ...)}). */
public interface WsSocket {
    /**
     * The connection's id ({@code socket.id}): unique, stable for the connection.
     *
     * @return a UUID string
     */
    String id();

    /**
     * Registers a listener ({@code socket.on("message", |data| ...)}), replacing an earlier one for the
     * same event: {@code "message"} gets the text ({@code |data|}); {@code "close"} gets the close code
     * and reason (or none: {@code || ...}); {@code "error"} the error message.
     *
     * @param event    {@code message}, {@code close} or {@code error}
     * @param listener a closure; extra arguments beyond its parameters are dropped
     * @return this socket
     */
    WsSocket on(Object event, Object listener);

    /**
     * Sends {@code message}: a string as a text message, anything else as JSON. Safe from any thread.
     *
     * @param message what to send
     * @return {@code true} if sent, {@code false} if the connection is closed
     */
    boolean send(Object message);

    /** Closes the connection (normal closure, code 1000). */
    void close();

    /**
     * Whether the connection is open.
     *
     * @return {@code true} until it closes
     */
    @RuchyName("is_open")
    boolean isOpen();

    /**
     * The client's address.
     *
     * @return {@code ip:port}
     */
    @RuchyName("remote_addr")
    String remoteAddr();

    /**
     * The path the client connected to.
     *
     * @return such as {@code /} or {@code /chat}
     */
    String path();

    /**
     * Listens for messages ({@code socket.on("message", |data| ...)}), replacing an earlier listener.
     *
     * @param listener gets each message's text
     * @return this socket
     */
    default WsSocket onMessage(TextListener listener) {
        return on("message", listener);
    }

    /**
     * Listens for errors ({@code socket.on("error", |err| ...)}), replacing an earlier listener; a
     * {@code close} follows.
     *
     * @param listener gets the error's reason
     * @return this socket
     */
    default WsSocket onError(TextListener listener) {
        return on("error", listener);
    }

    /**
     * Listens for the connection's end ({@code socket.on("close", || ...)}), replacing an earlier listener.
     *
     * @param listener runs once, when the connection has closed
     * @return this socket
     */
    default WsSocket onClose(Listener listener) {
        return on("close", listener);
    }

    /**
     * Listens for the connection's end with its close code and reason
     * ({@code socket.on("close", |code, reason| ...)}), replacing an earlier listener.
     *
     * @param listener runs once, when the connection has closed
     * @return this socket
     */
    default WsSocket onClose(CloseListener listener) {
        return on("close", listener);
    }
}
