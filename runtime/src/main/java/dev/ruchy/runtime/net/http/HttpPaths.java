package dev.ruchy.runtime.net.http;

import static dev.ruchy.runtime.net.Args.withArity;

import dev.ruchy.runtime.FnN;
import dev.ruchy.runtime.PathProvider;
import dev.ruchy.runtime.net.Args;
import java.util.function.BiConsumer;

/**
 * The HTTP paths Ruchy programs call, a {@link PathProvider} service of the runtime's path table
 * ({@code Ops.callPath}); a leading {@code std::net::} is optional there.
 *
 * <table>
 *   <caption>Paths</caption>
 *   <tr><th>path</th><th>returns</th></tr>
 *   <tr><td>{@code http::Server::new(addr)}</td><td>{@link HttpServer}</td></tr>
 *   <tr><td>{@code http::get(url)}</td><td>a GET request that is also its {@link ClientResponse}, sent on first read</td></tr>
 *   <tr><td>{@code http::post(url)}, {@code http::put}, {@code http::patch}, {@code http::delete}</td>
 *       <td>a {@link ClientRequest} to finish with {@code .send()}</td></tr>
 *   <tr><td>{@code http::request(url)}</td><td>a {@code GET} {@link ClientRequest}</td></tr>
 *   <tr><td>{@code http::download(url, path)}</td><td>a {@link Download}; {@code .await()} runs it</td></tr>
 *   <tr><td>{@code http::serve(port, handler)}</td><td>serves every path with {@code handler} on 0.0.0.0; blocks</td></tr>
 * </table>
 */
public final class HttpPaths implements PathProvider {
    /** The provider {@link java.util.ServiceLoader} creates. */
    public HttpPaths() {
    }

    /** Adds the HTTP paths; the networking classes load only when a path is called. */
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
        fn(table, "http::post", 1, a -> ClientRequest.post(Args.string(a[0], "http::post() url")));
        fn(table, "http::put", 1, a -> ClientRequest.put(Args.string(a[0], "http::put() url")));
        fn(table, "http::patch", 1, a -> ClientRequest.patch(Args.string(a[0], "http::patch() url")));
        fn(table, "http::delete", 1, a -> ClientRequest.delete(Args.string(a[0], "http::delete() url")));
        fn(table, "http::request", 1, a -> ClientRequest.request(Args.string(a[0], "http::request() url")));
        fn(table, "http::download", 2, a -> Download.create(
                Args.string(a[0], "http::download() url"), Args.string(a[1], "http::download() path")));
    }

    private static void fn(BiConsumer<String, FnN> table, String name, int arity, FnN f) {
        table.accept(name, withArity(name, arity, f));
    }
}
