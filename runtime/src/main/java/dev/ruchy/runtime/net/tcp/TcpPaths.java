package dev.ruchy.runtime.net.tcp;

import static dev.ruchy.runtime.net.Args.withArity;

import dev.ruchy.runtime.FnN;
import dev.ruchy.runtime.PathProvider;
import dev.ruchy.runtime.net.Args;
import java.util.function.BiConsumer;

/**
 * The TCP paths Ruchy programs call, a {@link PathProvider} service of the runtime's path table.
 *
 * <table>
 *   <caption>Paths</caption>
 *   <tr><th>path</th><th>returns</th></tr>
 *   <tr><td>{@code net::TcpListener::bind(addr)}</td><td>{@link TcpListener}</td></tr>
 *   <tr><td>{@code net::TcpStream::connect(addr)}, {@code connect_timeout(addr, ms)}</td><td>{@link TcpStream}</td></tr>
 *   <tr><td>{@code net::is_port_open(host, port)}</td><td>whether a connection succeeds within 1 s</td></tr>
 * </table>
 */
public final class TcpPaths implements PathProvider {
    /** How long {@code net::is_port_open} waits for a connection, in milliseconds. */
    static final long IS_PORT_OPEN_TIMEOUT_MS = 1000;

    /** The provider {@link java.util.ServiceLoader} creates. */
    public TcpPaths() {
    }

    /** Adds the TCP paths; the networking classes load only when a path is called. */
    @Override
    public void register(BiConsumer<String, FnN> table) {
        fn(table, "net::TcpListener::bind", 1, a -> TcpListener.bind(Args.string(a[0], "net::TcpListener::bind() address")));
        fn(table, "net::TcpStream::connect", 1, a -> TcpStream.connect(Args.string(a[0], "net::TcpStream::connect() address")));
        fn(table, "net::is_port_open", 2, a -> TcpStream.isPortOpen(Args.string(a[0], "net::is_port_open() host"), a[1],
                IS_PORT_OPEN_TIMEOUT_MS));
        fn(table, "net::TcpStream::connect_timeout", 2, a -> TcpStream.connectTimeout(
                Args.string(a[0], "net::TcpStream::connect_timeout() address"), a[1]));
    }

    private static void fn(BiConsumer<String, FnN> table, String name, int arity, FnN f) {
        table.accept(name, withArity(name, arity, f));
    }
}
