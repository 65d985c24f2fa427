package dev.ruchy.runtime.net;

import dev.ruchy.runtime.FnN;
import dev.ruchy.runtime.PathProvider;
import dev.ruchy.runtime.net.http.ClientRequest;
import dev.ruchy.runtime.net.http.Download;
import dev.ruchy.runtime.net.http.HttpServer;
import dev.ruchy.runtime.net.tcp.TcpListener;
import dev.ruchy.runtime.net.tcp.TcpStream;
import dev.ruchy.runtime.net.ws.WsClient;
import dev.ruchy.runtime.net.ws.WsServer;
import java.util.function.BiConsumer;

/**
 * The networking paths Ruchy programs call, for the runtime's path table ({@code Ops.callPath}), which
 * finds this class as a {@link PathProvider} service. A leading {@code std::} is optional there, so
 * {@code std::net::TcpStream::connect} works too.
 *
 * <table>
 *   <caption>Paths</caption>
 *   <tr><th>path</th><th>returns</th></tr>
 *   <tr><td>{@code http::Server::new(addr)}</td><td>{@link HttpServer}</td></tr>
 *   <tr><td>{@code http::get(url)}</td><td>a GET request that is also its {@link dev.ruchy.runtime.net.http.ClientResponse}, sent on first read</td></tr>
 *   <tr><td>{@code http::post(url)}, {@code http::put}, {@code http::patch}, {@code http::delete}</td>
 *       <td>a {@link ClientRequest} to finish with {@code .send()}</td></tr>
 *   <tr><td>{@code http::request(url)}</td><td>a {@code GET} {@link ClientRequest}</td></tr>
 *   <tr><td>{@code http::download(url, path)}</td><td>a {@link Download}; {@code .await()} runs it</td></tr>
 *   <tr><td>{@code ws::Server::new(addr)}</td><td>{@link WsServer}</td></tr>
 *   <tr><td>{@code ws::connect(url)}</td><td>{@link WsClient}, connected</td></tr>
 *   <tr><td>{@code net::TcpListener::bind(addr)}</td><td>{@link TcpListener}</td></tr>
 *   <tr><td>{@code net::TcpStream::connect(addr)}, {@code connect_timeout(addr, ms)}</td><td>{@link TcpStream}</td></tr>
 *   <tr><td>{@code net::is_port_open(host, port)}</td><td>whether a connection succeeds within 1 s</td></tr>
 *   <tr><td>{@code http::serve(port, handler)}</td><td>serves every path with {@code handler} on 0.0.0.0; blocks</td></tr>
 * </table>
 */
public final class NetPaths implements PathProvider {
    /** How long {@code net::is_port_open} waits for a connection, in milliseconds. */
    static final long IS_PORT_OPEN_TIMEOUT_MS = 1000;

    /** The provider {@link java.util.ServiceLoader} creates. */
    public NetPaths() {
    }

    /**
     * Adds every networking path to {@code table}. The functions load the networking classes only
     * when called, so registering costs a program that never uses the network nothing.
     *
     * @param table receives each path and its function
     */
    @Override
    public void register(BiConsumer<String, FnN> table) {
        fn(table, "http::serve", 2, a -> {
            // the REPL example's one-liner: every path to one handler, then listen() (blocks)
            HttpServer server = HttpServer.create("0.0.0.0:" + Args.integer(a[0], "http::serve() port"));
            server.all("*", a[1]);
            server.listen();
            return null;
        });
        fn(table, "http::Server::new", 1, a -> HttpServer.create(Args.string(a[0], "http::Server::new() address")));
        fn(table, "http::get", 1, a -> ClientRequest.get(Args.string(a[0], "http::get() url")));
        fn(table, "http::post", 1, a -> ClientRequest.create("POST", Args.string(a[0], "http::post() url")));
        fn(table, "http::put", 1, a -> ClientRequest.create("PUT", Args.string(a[0], "http::put() url")));
        fn(table, "http::patch", 1, a -> ClientRequest.create("PATCH", Args.string(a[0], "http::patch() url")));
        fn(table, "http::delete", 1, a -> ClientRequest.create("DELETE", Args.string(a[0], "http::delete() url")));
        fn(table, "http::request", 1, a -> ClientRequest.create("GET", Args.string(a[0], "http::request() url")));
        fn(table, "http::download", 2, a -> Download.create(
                Args.string(a[0], "http::download() url"), Args.string(a[1], "http::download() path")));
        fn(table, "ws::Server::new", 1, a -> WsServer.create(Args.string(a[0], "ws::Server::new() address")));
        fn(table, "ws::connect", 1, a -> WsClient.connect(Args.string(a[0], "ws::connect() url")));
        fn(table, "net::TcpListener::bind", 1, a -> TcpListener.bind(Args.string(a[0], "net::TcpListener::bind() address")));
        fn(table, "net::TcpStream::connect", 1, a -> TcpStream.connect(Args.string(a[0], "net::TcpStream::connect() address")));
        fn(table, "net::is_port_open", 2, a -> TcpStream.isPortOpen(Args.string(a[0], "net::is_port_open() host"), a[1],
                IS_PORT_OPEN_TIMEOUT_MS));
        fn(table, "net::TcpStream::connect_timeout", 2, a -> TcpStream.connectTimeout(
                Args.string(a[0], "net::TcpStream::connect_timeout() address"), a[1]));
    }

    private static void fn(BiConsumer<String, FnN> table, String name, int arity, FnN f) {
        table.accept(name, args -> {
            Args.arity(name, args, arity);
            return f.call(args);
        });
    }
}
