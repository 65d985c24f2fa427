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
}
