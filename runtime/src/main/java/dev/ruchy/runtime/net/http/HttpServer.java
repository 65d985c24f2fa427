package dev.ruchy.runtime.net.http;

import dev.ruchy.runtime.RuchyName;
import dev.ruchy.runtime.net.HostPort;

/**
 * An HTTP server built by a Ruchy program ({@code let server = http::Server::new("0.0.0.0:8080")}).
 * Routes, middleware and static folders are added first, then {@link #listen()} serves them; each
 * request runs on its own virtual thread.
 *
 * <p>Middleware ({@link #use(Object)}) runs in the order added, before the route: a closure
 * {@code |req, res, next|} continues by calling {@code next()} and stops the chain by not calling it
 * (after sending a response, or the response is sent as it stands, empty). Code after {@code next()}
 * runs once the response went out and can read {@code res.status}. A closure with four parameters
 * {@code |err, req, res, next|} is error middleware: it runs, in order, when a handler or middleware
 * fails; {@code err} is {@code {message, type}}. Without error middleware a failure is answered
 * {@code 500} with {@code {"error":"Internal Server Error"}} (no stack trace) and reported on
 * standard error. A body that {@code req.json()} cannot parse is answered {@code 400} with
 * {@code {"error":"Bad Request","message":...}} (error middleware does not see it).
 */
public interface HttpServer extends AutoCloseable {
    /**
     * A server that will listen on {@code address}; nothing is bound until {@link #listen()} or
     * {@link #start()}.
     *
     * @param address {@code host:port}; {@code 0.0.0.0} for every interface, port {@code 0} for any
     *                free port (see {@link #port()})
     * @return the server
     * @throws dev.ruchy.runtime.RuchyError {@code Runtime error: Invalid address 'x': expected host:port}
     */
    static HttpServer create(String address) {
        return new HelidonHttpServer(HostPort.parse(address));
    }

    /**
     * Adds middleware ({@code server.use(|req, res, next| ...)}) or error middleware
     * ({@code server.use(|err, req, res, next| ...)}).
     *
     * @param middleware a closure of three or four parameters
     * @return this server
     */
    HttpServer use(Object middleware);

    /**
     * Adds middleware that runs only for paths equal to {@code prefix} or below it
     * ({@code server.use("/api", |req, res, next| ...)}).
     *
     * @param prefix     a path such as {@code /api}
     * @param middleware a closure of three parameters (or four, for error middleware)
     * @return this server
     */
    HttpServer use(Object prefix, Object middleware);

    /**
     * Adds a {@code GET} route. {@code path} may hold parameters, {@code /users/:id} or
     * {@code /users/{id}} ({@code req.params.id}), and {@code *} for any characters. Before the final
     * {@code |req, res|} handler may come route middleware {@code |req, res, next|}:
     * {@code server.post("/posts", require_auth, |req, res| ...)}.
     *
     * @param path     the path pattern
     * @param handlers route middleware, then the handler
     * @return this server
     */
    HttpServer get(Object path, Object... handlers);

    /**
     * Adds a {@code POST} route; see {@link #get}.
     *
     * @param path     the path pattern
     * @param handlers route middleware, then the handler
     * @return this server
     */
    HttpServer post(Object path, Object... handlers);

    /**
     * Adds a {@code PUT} route; see {@link #get}.
     *
     * @param path     the path pattern
     * @param handlers route middleware, then the handler
     * @return this server
     */
    HttpServer put(Object path, Object... handlers);

    /**
     * Adds a {@code DELETE} route; see {@link #get}.
     *
     * @param path     the path pattern
     * @param handlers route middleware, then the handler
     * @return this server
     */
    HttpServer delete(Object path, Object... handlers);

    /**
     * Adds a {@code PATCH} route; see {@link #get}.
     *
     * @param path     the path pattern
     * @param handlers route middleware, then the handler
     * @return this server
     */
    HttpServer patch(Object path, Object... handlers);

    /**
     * Adds a route for every method; {@code "*"} as the path matches every path.
     *
     * @param path     the path pattern
     * @param handlers route middleware, then the handler
     * @return this server
     */
    HttpServer all(Object path, Object... handlers);

    /**
     * Serves the files under {@code directory} at {@code prefix} ({@code server.static("/public",
     * "./static")}; Ruchy's {@code static} reaches this method). {@code GET} and {@code HEAD} only;
     * content types from the file name ({@code text/html; charset=UTF-8}, {@code text/css},
     * {@code image/png}, ...); a folder serves its {@code index.html}. Paths that could leave the
     * folder are refused with {@code 404}: {@code ..} and {@code .} segments, encoded dots, slashes and
     * backslashes ({@code %2e}, {@code %2f}, {@code %5c}), empty segments, control characters, and
     * symbolic links that resolve outside the folder.
     *
     * @param prefix    URL path, such as {@code /public}
     * @param directory folder, relative to the working directory or absolute
     * @return this server
     */
    @RuchyName("static")
    HttpServer static_(Object prefix, Object directory);

    /**
     * Binds and starts serving in the background, then returns.
     *
     * @return this server
     * @throws dev.ruchy.runtime.RuchyError {@code Runtime error: Cannot start HTTP server on 0.0.0.0:8080: ...}
     */
    HttpServer start();

    /** Starts serving (if {@link #start()} was not called) and blocks until {@link #stop()}. */
    void listen();

    /**
     * The TCP port.
     *
     * @return the bound port once started (the actual one when created with port 0), else the configured one
     */
    long port();

    /**
     * Whether the server is serving.
     *
     * @return {@code true} between start and stop
     */
    @RuchyName("is_running")
    boolean isRunning();

    /** Stops serving, waiting briefly for requests in flight; {@link #listen()} returns. */
    void stop();

    /** As {@link #stop()}. */
    @Override
    void close();
    // ---------------------------------------------------------------- typed forms for Java callers

    /** {@link #use(Object)} with a typed middleware {@code (req, res, next) -> ...}. */
    default HttpServer use(Middleware middleware) {
        return use((Object) middleware);
    }

    /** {@link #use(Object)} with a typed error middleware {@code (err, req, res, next) -> ...}. */
    default HttpServer use(ErrorMiddleware middleware) {
        return use((Object) middleware);
    }

    /** {@link #use(Object, Object)}: a typed middleware for paths under {@code prefix}. */
    default HttpServer use(String prefix, Middleware middleware) {
        return use((Object) prefix, (Object) middleware);
    }

    /** {@link #get(Object, Object...)} with one typed handler. */
    default HttpServer get(String path, Handler handler) {
        return get(path, new Object[] {handler});
    }

    /** {@link #get(Object, Object...)} with a route middleware before the handler. */
    default HttpServer get(String path, Middleware middleware, Handler handler) {
        return get(path, new Object[] {middleware, handler});
    }

    /** {@link #post(Object, Object...)} with one typed handler. */
    default HttpServer post(String path, Handler handler) {
        return post(path, new Object[] {handler});
    }

    /** {@link #post(Object, Object...)} with a route middleware before the handler. */
    default HttpServer post(String path, Middleware middleware, Handler handler) {
        return post(path, new Object[] {middleware, handler});
    }

    /** {@link #put(Object, Object...)} with one typed handler. */
    default HttpServer put(String path, Handler handler) {
        return put(path, new Object[] {handler});
    }

    /** {@link #put(Object, Object...)} with a route middleware before the handler. */
    default HttpServer put(String path, Middleware middleware, Handler handler) {
        return put(path, new Object[] {middleware, handler});
    }

    /** {@link #delete(Object, Object...)} with one typed handler. */
    default HttpServer delete(String path, Handler handler) {
        return delete(path, new Object[] {handler});
    }

    /** {@link #delete(Object, Object...)} with a route middleware before the handler. */
    default HttpServer delete(String path, Middleware middleware, Handler handler) {
        return delete(path, new Object[] {middleware, handler});
    }

    /** {@link #patch(Object, Object...)} with one typed handler. */
    default HttpServer patch(String path, Handler handler) {
        return patch(path, new Object[] {handler});
    }

    /** {@link #patch(Object, Object...)} with a route middleware before the handler. */
    default HttpServer patch(String path, Middleware middleware, Handler handler) {
        return patch(path, new Object[] {middleware, handler});
    }

    /** {@link #all(Object, Object...)} with one typed handler. */
    default HttpServer all(String path, Handler handler) {
        return all(path, new Object[] {handler});
    }
}
