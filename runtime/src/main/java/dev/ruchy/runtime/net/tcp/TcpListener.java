package dev.ruchy.runtime.net.tcp;

import dev.ruchy.runtime.RuchyName;
import dev.ruchy.runtime.net.HostPort;

/** A listening TCP socket: {@code let server = net::TcpListener::bind("127.0.0.1:9000")}. */
public interface TcpListener extends AutoCloseable {
    /**
     * Binds and listens.
     *
     * @param address {@code host:port}; port {@code 0} picks a free port (see {@link #port()})
     * @return the listening socket
     * @throws dev.ruchy.runtime.RuchyError {@code Runtime error: Cannot bind 127.0.0.1:9000: Address already in use}
     */
    static TcpListener bind(String address) {
        return SocketListener.bind(HostPort.parse(address), address);
    }

    /**
     * Waits for the next connection ({@code server.accept()}). While the process has no file
     * descriptor left it waits (retrying, up to 100 ms apart) until one is free rather than failing.
     *
     * @return the connected stream, whose reads fail and close it after the idle timeout
     *         ({@code -Druchy.tcp.idleTimeoutMs}, 5 minutes by default; see {@link TcpStream#setTimeout})
     * @throws dev.ruchy.runtime.RuchyError {@code Runtime error: Listener on ... is closed} once
     *                                      {@link #close()} was called, also for a thread waiting here
     */
    TcpStream accept();

    /**
     * The port the listener is bound to.
     *
     * @return TCP port, the actual one when bound with port 0
     */
    long port();

    /**
     * The bound address ({@code local_addr()}).
     *
     * @return {@code host:port}
     */
    @RuchyName("local_addr")
    String localAddr();

    /** Stops listening; a thread blocked in {@link #accept()} gets an error. Open streams stay open. */
    @Override
    void close();
}
