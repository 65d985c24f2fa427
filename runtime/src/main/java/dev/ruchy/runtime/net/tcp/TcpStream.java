package dev.ruchy.runtime.net.tcp;

import dev.ruchy.runtime.RuchyName;
import dev.ruchy.runtime.net.Args;
import dev.ruchy.runtime.net.HostPort;

/**
 * A TCP connection ({@code net::TcpStream::connect("127.0.0.1:9000")}, or what
 * {@link TcpListener#accept()} returns). Text is UTF-8. Every write is sent at once (no Nagle delay).
 * Reads and writes are each serialised by a lock, so one thread may read while others write.
 */
public interface TcpStream extends AutoCloseable {
    /**
     * Connects, waiting as long as the operating system allows.
     *
     * @param address {@code host:port}
     * @return the connected stream
     * @throws dev.ruchy.runtime.RuchyError {@code Runtime error: Cannot connect to 127.0.0.1:9: Connection refused}
     */
    static TcpStream connect(String address) {
        return SocketStream.connect(HostPort.parse(address), 0);
    }

    /**
     * Connects, giving up after {@code timeoutMs} milliseconds.
     *
     * @param address   {@code host:port}
     * @param timeoutMs connect timeout in milliseconds, an integer; {@code 0} waits as long as the OS allows
     * @return the connected stream
     * @throws dev.ruchy.runtime.RuchyError {@code Runtime error: Connection to 10.0.0.1:80 timed out after 1000 ms}
     */
    static TcpStream connectTimeout(String address, Object timeoutMs) {
        return SocketStream.connect(HostPort.parse(address), Args.millis(timeoutMs, "connect_timeout() timeout"));
    }

    /**
     * Whether something accepts TCP connections on {@code host}'s {@code port}
     * ({@code net::is_port_open("example.com", 443)}): a connection is opened and closed at once.
     *
     * @param host      a name or address (an IPv6 address without brackets)
     * @param port      1 to 65535, an integer
     * @param timeoutMs how long to wait for the connection, in milliseconds
     * @return {@code false} when refused, unreachable, unresolvable or not answered in time
     * @throws dev.ruchy.runtime.RuchyError {@code Runtime error: net::is_port_open() port must be between 1 and 65535, got 0}
     */
    static boolean isPortOpen(String host, Object port, long timeoutMs) {
        long p = Args.integer(port, "net::is_port_open() port");
        if (p < 1 || p > 65535) {
            throw dev.ruchy.runtime.RuchyError.runtime("net::is_port_open() port must be between 1 and 65535, got " + p);
        }
        try (TcpStream stream = SocketStream.connect(new HostPort(host, (int) p), timeoutMs)) {
            return true;
        } catch (dev.ruchy.runtime.RuchyError e) {
            return false;
        }
    }

    /**
     * Reads one line ({@code read_line()}).
     *
     * @return the line without its {@code \n} or {@code \r\n}; {@code ""} at the end of the stream (an
     *         empty line also reads as {@code ""}); a last line without a newline is returned as is
     * @throws dev.ruchy.runtime.RuchyError {@code Runtime error: Line from 127.0.0.1:5000 is longer than
     *         1048576 bytes; the connection is closed} when more bytes than the limit
     *         ({@code -Druchy.net.maxLineBytes}, 1 MiB) arrive before a newline; {@code Cannot read from
     *         ...: Connection reset}; both close the connection, as the idle timeout of an accepted
     *         stream does (a timeout set by {@code set_timeout} does not)
     */
    @RuchyName("read_line")
    String readLine();

    /**
     * Reads {@code n} bytes, waiting until all have arrived or the stream ends ({@code read(n)}).
     *
     * @param n byte count, an integer ≥ 0
     * @return the bytes decoded as UTF-8; shorter than {@code n} bytes only at the end of the stream
     */
    String read(Object n);

    /**
     * Reads a 4-byte big-endian unsigned integer ({@code read_u32()}).
     *
     * @return 0 to 4294967295
     * @throws dev.ruchy.runtime.RuchyError {@code Runtime error: Connection closed while reading a u32}
     */
    @RuchyName("read_u32")
    long readU32();

    /**
     * Writes text as UTF-8 ({@code write(s)}; any other value is written in its Display form).
     *
     * @param text what to send
     * @return the number of bytes written
     */
    long write(Object text);

    /**
     * Writes a 4-byte big-endian unsigned integer ({@code write_u32(n)}).
     *
     * @param n 0 to 4294967295
     * @throws dev.ruchy.runtime.RuchyError {@code Runtime error: write_u32() value out of range: -1}
     */
    @RuchyName("write_u32")
    void writeU32(Object n);

    /**
     * Sets the read timeout ({@code set_timeout(ms)}): a read waiting longer fails with
     * {@code Read from ... timed out after N ms} and the connection stays open. It replaces the idle
     * timeout of a stream from {@code accept()} ({@code -Druchy.tcp.idleTimeoutMs}, 5 minutes by
     * default: a read waiting longer fails with {@code Connection from ... was idle for N ms; it is
     * closed} and closes the connection).
     *
     * @param ms milliseconds, {@code 0} for none (the default of a stream from {@code connect})
     */
    @RuchyName("set_timeout")
    void setTimeout(Object ms);

    /**
     * The peer's address ({@code remote_addr()}).
     *
     * @return {@code ip:port}
     */
    @RuchyName("remote_addr")
    String remoteAddr();

    /**
     * This end's address ({@code local_addr()}).
     *
     * @return {@code ip:port}
     */
    @RuchyName("local_addr")
    String localAddr();

    /**
     * Whether {@link #close()} was called.
     *
     * @return {@code true} once closed
     */
    @RuchyName("is_closed")
    boolean isClosed();

    /** Closes the connection; a thread blocked reading it gets the end of the stream. */
    @Override
    void close();
}
