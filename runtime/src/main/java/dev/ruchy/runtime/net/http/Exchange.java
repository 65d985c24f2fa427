package dev.ruchy.runtime.net.http;

import dev.ruchy.runtime.RuchyError;
import dev.ruchy.runtime.net.Callbacks;
import io.helidon.http.Method;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;

/**
 * One request in flight: the {@code req} and {@code res} values every middleware and the route share,
 * and the error handling of the server. Helidon runs a request's filters and its route on one thread,
 * so the server's first filter {@linkplain #bind binds} the exchange to that thread for the others to
 * {@linkplain #of find}; the request's Helidon context is not used, since making one costs more than the
 * rest of a small request.
 */
final class Exchange {
    private static final ThreadLocal<Exchange> CURRENT = new ThreadLocal<>();

    final ServerRequestValue request;
    final ServerResponseValue response;
    private final HelidonHttpServer server;
    private final ServerRequest helidonRequest;

    private Exchange(HelidonHttpServer server, ServerRequest req, ServerResponse res) {
        this.server = server;
        this.helidonRequest = req;
        this.request = new ServerRequestValue(req);
        this.response = new ServerResponseValue(res, req.prologue().method() == Method.HEAD);
    }

    /**
     * Runs the rest of the request ({@code chain}) with a new exchange bound to this thread: the
     * server's first filter.
     */
    static void bind(HelidonHttpServer server, FilterChain chain, RoutingRequest req, RoutingResponse res) {
        if (hasControlCharacter(req.path().path())) {
            // a decoded path with CR, LF, NUL, ... (%0d%0a) would forge lines in any log that prints
            // req.path; no route is meant for it
            res.status(io.helidon.http.Status.BAD_REQUEST_400).send("Bad Request");
            return;
        }
        Exchange previous = CURRENT.get();
        CURRENT.set(new Exchange(server, req, res));
        IdleConnections.Connection connection = IdleConnections.handling(req);
        try {
            chain.proceed();
        } finally {
            // Helidon 4.5 keeps a connection open after answering a request that asked to close it
            IdleConnections.done(connection, wantsClose(req));
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /** Whether the request's {@code Connection} header holds the {@code close} token. */
    static boolean wantsClose(ServerRequest req) {
        for (String value : req.headers().all(io.helidon.http.HeaderNames.CONNECTION, List::of)) {
            for (String token : value.split(",")) {
                if (token.trim().equalsIgnoreCase("close")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether {@code s} holds a C0 control character or DEL. */
    static boolean hasControlCharacter(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    /** The exchange of {@code req}: the one {@link #bind} made, or a new one if none is bound for it. */
    static Exchange of(HelidonHttpServer server, ServerRequest req, ServerResponse res) {
        Exchange bound = CURRENT.get();
        return bound != null && bound.helidonRequest == req ? bound : new Exchange(server, req, res);
    }

    /** The route matched: path parameters for {@code req.params}, the route's view of the response. */
    Exchange routed(ServerRequest req, ServerResponse res) {
        request.route(req);
        response.route(res);
        return this;
    }

    /**
     * Runs a chain of handlers: each but the last is route middleware {@code |req, res, next|}, the
     * last the handler {@code |req, res|}; failures go to {@link #fail}. A handler that sends nothing
     * gets the response as it stands.
     */
    void runRoute(List<Object> handlers) {
        try {
            step(handlers, 0);
        } catch (Throwable t) {
            fail(t);
        }
        if (!response.isSent()) {
            try {
                response.finish();
            } catch (RuntimeException e) {
                // the connection is gone
            }
        }
    }

    private void step(List<Object> handlers, int i) {
        if (i >= handlers.size() || response.isSent()) {
            return;
        }
        Object fn = handlers.get(i);
        if (i == handlers.size() - 1) {
            call(fn, fn instanceof Handler ? null : next(() -> { }));
        } else {
            call(fn, next(() -> step(handlers, i + 1)));
        }
    }

    /**
     * Calls a middleware or handler with this request, response and {@code next} (unused by a
     * {@link Handler}): a typed one directly, any other function value as {@link Callbacks#callLenient}
     * calls it.
     */
    void call(Object fn, Next next) {
        switch (fn) {
            case Middleware m -> m.handle(request, response, next);
            case Handler h -> h.handle(request, response);
            default -> Callbacks.callLenient(fn, request, response, next);
        }
    }

    /**
     * A {@code next} function: {@code next()} runs {@code proceed} (once), {@code next(err)} with a
     * non-nil argument hands {@code err} to the error middleware, as in Express.
     */
    Next next(Runnable proceed) {
        boolean[] called = {false};
        return err -> {
            if (err != null) {
                throw err instanceof Throwable t ? asRuntime(t) : RuchyError.thrown(err);
            }
            if (!called[0]) {
                called[0] = true;
                proceed.run();
            }
        };
    }

    private static RuntimeException asRuntime(Throwable t) {
        return t instanceof RuntimeException r ? r : new RuntimeException(t);
    }

    /**
     * Handles a failure of a middleware or handler: a malformed JSON body is answered {@code 400};
     * anything else goes through the error middleware in order, and without any (or when none sends a
     * response) is reported on standard error and answered {@code 500}.
     */
    void fail(Throwable t) {
        if (t instanceof RuchyError r && r == request.badRequest()) {
            int status = request.badStatus();
            response.sendError(status, status == 413 ? "Content Too Large" : "Bad Request", r.detail());
            return;
        }
        if (response.isSent()) {
            Callbacks.report(where(), t);
            return;
        }
        List<Object> handlers = server.errorHandlers();
        if (!handlers.isEmpty()) {
            try {
                errorStep(handlers, 0, Callbacks.errorValue(t));
            } catch (Throwable again) {
                Callbacks.report("error middleware for " + where(), again);
            }
        }
        if (!response.isSent()) {
            // no error middleware answered (none, or each passed it on with next(err)): the failure
            // itself is reported, with its line, and the client gets the plain 500
            Callbacks.report(where(), t);
            response.sendError(500, "Internal Server Error", null);
        }
    }

    /**
     * Runs error middleware {@code i} with {@code err}. Its {@code next()} and {@code next(e)} go on to
     * the next error middleware, with {@code err} or {@code e}, as in Express.
     */
    private void errorStep(List<Object> handlers, int i, Object err) {
        if (i >= handlers.size() || response.isSent()) {
            return;
        }
        Next next = e -> errorStep(handlers, i + 1, e != null ? e : err);
        Callbacks.callLenient(handlers.get(i), err, request, response, next);
    }

    private String where() {
        return request.get("method") + " " + request.get("path");
    }
}
