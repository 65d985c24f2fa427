package dev.ruchy.runtime.net.ws;

import dev.ruchy.runtime.RuchyName;
import dev.ruchy.runtime.net.HostPort;
import java.util.List;

/**
 * A WebSocket server ({@code let server = ws::Server::new("0.0.0.0:8081")}). Clients may connect on
 * any path. Each connection's events run on its own virtual thread, in order; different connections
 * run at the same time, so shared state should be objects and arrays (whose single operations are
 * atomic), not read-then-write sequences that must not interleave.
 */
public interface WsServer extends AutoCloseable {
    /**
     * A server that will listen on {@code address}; nothing is bound until {@link #listen()} or {@link #start()}.
     *
     * @param address {@code host:port}; port {@code 0} for any free port
     * @return the server
     */
    static WsServer create(String address) {
        return new HelidonWsServer(HostPort.parse(address));
    }

    /**
     * Sets what runs for each new connection ({@code server.on_connection(|socket| ...)}); it registers
     * the socket's listeners, and runs before any message of that connection is delivered.
     *
     * @param handler a closure of one parameter, the {@link WsSocket}
     * @return this server
     */
    @RuchyName("on_connection")
    WsServer onConnection(Object handler);

    /**
     * Sends {@code message} to every open connection ({@code server.broadcast(v)}): a string as text,
     * anything else as JSON.
     *
     * @param message what to send
     * @return how many connections it was sent to
     */
    long broadcast(Object message);

    /**
     * The open connections.
     *
     * @return a new array of sockets
     */
    List<Object> clients();

    /**
     * Binds and starts in the background, then returns.
     *
     * @return this server
     */
    WsServer start();

    /** Starts (if not started) and blocks until {@link #stop()}. */
    void listen();

    /**
     * The TCP port.
     *
     * @return the bound port once started, else the configured one
     */
    long port();

    /** Closes every connection and stops; {@link #listen()} returns. */
    void stop();

    /** As {@link #stop()}. */
    @Override
    void close();

    /**
     * {@link #onConnection(Object)} with a typed handler ({@code server.onConnection(socket -> ...)}).
     *
     * @param handler what runs for each new connection
     * @return this server
     */
    default WsServer onConnection(ConnectionHandler handler) {
        return onConnection((Object) handler);
    }
}
