package dev.ruchy.runtime.net.http;

import dev.ruchy.runtime.FnN;
import dev.ruchy.runtime.RuchyError;
import dev.ruchy.runtime.net.Callbacks;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;

/**
 * One request in flight: the {@code req} and {@code res} values every middleware and the route share
 * (kept in the request's Helidon context), and the error handling of the server.
 */
final class Exchange {
    /** The key of the exchange in a request's context. */
    private static final Object KEY = new Object();

    final ServerRequestValue request;
    final ServerResponseValue response;
    private final HelidonHttpServer server;

    private Exchange(HelidonHttpServer server, ServerRequest req, ServerResponse res) {
        this.server = server;
        this.request = new ServerRequestValue(req);
        this.response = new ServerResponseValue(res);
    }

    /** The exchange of {@code req}, made on first use (by the first middleware, or the route). */
    static Exchange of(HelidonHttpServer server, ServerRequest req, ServerResponse res) {
        return req.context().get(KEY, Exchange.class).orElseGet(() -> {
            Exchange e = new Exchange(server, req, res);
            req.context().register(KEY, e);
            return e;
        });
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
            Callbacks.callLenient(fn, request, response, next(() -> { }));
        } else {
            Callbacks.callLenient(fn, request, response, next(() -> step(handlers, i + 1)));
        }
    }

    /**
     * A {@code next} function: {@code next()} runs {@code proceed} (once), {@code next(err)} with a
     * non-nil argument hands {@code err} to the error middleware, as in Express.
     */
    FnN next(Runnable proceed) {
        boolean[] called = {false};
        return args -> {
            if (args.length > 0 && args[0] != null) {
                throw args[0] instanceof Throwable t ? asRuntime(t) : RuchyError.thrown(args[0]);
            }
            if (!called[0]) {
                called[0] = true;
                proceed.run();
            }
            return null;
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
            response.sendError(400, "Bad Request", r.detail());
            return;
        }
        if (response.isSent()) {
            Callbacks.report(where(), t);
            return;
        }
        List<Object> handlers = server.errorHandlers();
        if (handlers.isEmpty()) {
            Callbacks.report(where(), t);
        } else {
            try {
                errorStep(handlers, 0, Callbacks.errorValue(t));
            } catch (Throwable again) {
                Callbacks.report("error middleware for " + where(), again);
            }
        }
        response.sendError(500, "Internal Server Error", null);
    }

    private void errorStep(List<Object> handlers, int i, Object err) {
        if (i >= handlers.size() || response.isSent()) {
            return;
        }
        Callbacks.callLenient(handlers.get(i), err, request, response, next(() -> errorStep(handlers, i + 1, err)));
    }

    private String where() {
        return request.get("method") + " " + request.get("path");
    }
}
