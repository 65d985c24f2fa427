package dev.ruchy.runtime.net.ws;

import dev.ruchy.runtime.RuchyName;
import java.util.concurrent.Future;

/**
 * A WebSocket client connection ({@code let ws = ws::connect("ws://localhost:8081")}). Listeners are
 * registered with {@link #on}: {@code "open"} (no arguments), {@code "message"} (the text),
 * {@code "error"} (the message), {@code "close"} (code and reason). An event that happens before a
 * listener for it exists is kept and delivered when one is registered, so {@code on("open", ...)}
 * after {@code ws::connect} still runs. Listeners run one at a time, in event order, on a virtual
 * thread. {@code ws.await()} waits until the connection closes. Once a listener is registered the
 * connection keeps the program running after its main code ends, until it closes (as in an
 * event-loop runtime); without listeners it does not.
 */
public interface WsClient extends Future<Object> {
    /**
     * Connects, waiting for the opening handshake (at most 10 s).
     *
     * @param url {@code ws://host:port/path} or {@code wss://...}
     * @return the open connection
     * @throws dev.ruchy.runtime.RuchyError {@code Runtime error: WebSocket connection to ws://... failed: Connection refused}
     */
    static WsClient connect(String url) {
        return JdkWsClient.connect(url);
    }

    /**
     * Registers a listener, replacing an earlier one for the same event.
     *
     * @param event    {@code open}, {@code message}, {@code error} or {@code close}
     * @param listener a closure; extra arguments beyond its parameters are dropped
     * @return this connection
     */
    WsClient on(Object event, Object listener);

    /**
     * Sends {@code message}: a string as text, anything else as JSON. Safe from any thread; waits until
     * the message is handed to the network.
     *
     * @param message what to send
     * @return {@code true} if sent, {@code false} if the connection is closed
     */
    boolean send(Object message);

    /** Closes the connection (normal closure) and waits briefly for the server's answer. */
    void close();

    /**
     * Whether the connection is open.
     *
     * @return {@code true} until it closes
     */
    @RuchyName("is_open")
    boolean isOpen();

    /**
     * Listens for the connection being open ({@code ws.on("open", || ...)}); runs at once when it
     * already is (the connection is open when {@link #connect} returns).
     *
     * @param listener runs once
     * @return this connection
     */
    default WsClient onOpen(Listener listener) {
        return on("open", listener);
    }

    /**
     * Listens for messages ({@code ws.on("message", |data| ...)}), replacing an earlier listener.
     *
     * @param listener gets each message's text
     * @return this connection
     */
    default WsClient onMessage(TextListener listener) {
        return on("message", listener);
    }

    /**
     * Listens for errors ({@code ws.on("error", |err| ...)}), replacing an earlier listener; a
     * {@code close} follows.
     *
     * @param listener gets the error's reason
     * @return this connection
     */
    default WsClient onError(TextListener listener) {
        return on("error", listener);
    }

    /**
     * Listens for the connection's end ({@code ws.on("close", || ...)}), replacing an earlier listener.
     *
     * @param listener runs once, when the connection has closed
     * @return this connection
     */
    default WsClient onClose(Listener listener) {
        return on("close", listener);
    }

    /**
     * Listens for the connection's end with its close code and reason
     * ({@code ws.on("close", |code, reason| ...)}), replacing an earlier listener.
     *
     * @param listener runs once, when the connection has closed
     * @return this connection
     */
    default WsClient onClose(CloseListener listener) {
        return on("close", listener);
    }
}
