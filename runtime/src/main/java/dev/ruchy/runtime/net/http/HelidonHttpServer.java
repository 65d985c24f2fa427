package dev.ruchy.runtime.net.http;

import dev.ruchy.runtime.FnN;
import dev.ruchy.runtime.RuchyError;
import dev.ruchy.runtime.net.Args;
import dev.ruchy.runtime.net.Callbacks;
import dev.ruchy.runtime.net.HelidonLogging;
import dev.ruchy.runtime.net.HelidonServers;
import dev.ruchy.runtime.net.HostPort;
import dev.ruchy.runtime.net.ServerLimits;
import io.helidon.http.Method;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;

/** {@link HttpServer} on a Helidon {@link WebServer}; middleware are Helidon {@link Filter}s in order. */
final class HelidonHttpServer implements HttpServer {
    private final HostPort address;
    /** Guards the routes and the start; a lock, not the monitor, as {@code start()} waits for Helidon to bind and start. */
    private final ReentrantLock lock = new ReentrantLock();
    private final List<Middleware> middleware = new ArrayList<>();
    private final List<Object> errorHandlers = new CopyOnWriteArrayList<>();
    private final List<Route> routes = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile WebServer server;

    /** A middleware closure, for every path or for paths under {@code prefix}. */
    private record Middleware(String prefix, Object fn) {
    }

    /** A route: methods ({@code null}: any), Helidon path pattern, handler chain. */
    private record Route(Method method, String pattern, List<Object> handlers) {
    }

    /** The handler of requests no route matches. */
    private static final Object NOT_FOUND = (FnN) args -> ((Response) args[1]).status(404L).text("Not Found");

    HelidonHttpServer(HostPort address) {
        this.address = address;
    }

    List<Object> errorHandlers() {
        return errorHandlers;
    }

    // ---------------------------------------------------------------- building

    @Override
    public HttpServer use(Object fn) {
        lock.lock();
        try {
            return addMiddleware(null, fn);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public HttpServer use(Object prefix, Object fn) {
        lock.lock();
        try {
            String p = Args.string(prefix, "use() path");
            if (!p.startsWith("/")) {
                throw RuchyError.runtime("use() path must start with '/', got '" + p + "'");
            }
            return addMiddleware(p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p, fn);
        } finally {
            lock.unlock();
        }
    }

    private HttpServer addMiddleware(String prefix, Object fn) {
        Callbacks.function(fn, "use() middleware");
        checkNotStarted("use");
        if (Callbacks.arity(fn) == 4) {
            errorHandlers.add(fn);
        } else {
            middleware.add(new Middleware(prefix, fn));
        }
        return this;
    }

    @Override
    public HttpServer get(Object path, Object... handlers) {
        return route(Method.GET, "get", path, handlers);
    }

    @Override
    public HttpServer post(Object path, Object... handlers) {
        return route(Method.POST, "post", path, handlers);
    }

    @Override
    public HttpServer put(Object path, Object... handlers) {
        return route(Method.PUT, "put", path, handlers);
    }

    @Override
    public HttpServer delete(Object path, Object... handlers) {
        return route(Method.DELETE, "delete", path, handlers);
    }

    @Override
    public HttpServer patch(Object path, Object... handlers) {
        return route(Method.PATCH, "patch", path, handlers);
    }

    @Override
    public HttpServer all(Object path, Object... handlers) {
        return route(null, "all", path, handlers);
    }

    private HttpServer route(Method method, String name, Object path, Object[] handlers) {
        lock.lock();
        try {
            String p = Args.string(path, name + "() path");
            if (handlers == null || handlers.length == 0) {
                throw RuchyError.runtime(name + "() expects a path and a handler");
            }
            for (Object h : handlers) {
                Callbacks.function(h, name + "() handler");
            }
            checkNotStarted(name);
            routes.add(new Route(method, pattern(p, name), List.copyOf(Arrays.asList(handlers))));
            return this;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The Helidon pattern for a route path: Express's {@code :id} becomes {@code {id}}; a lone
     * {@code *} matches every path.
     */
    static String pattern(String path, String what) {
        if (path.equals("*")) {
            return "/*";
        }
        if (!path.startsWith("/")) {
            throw RuchyError.runtime(what + "() path must start with '/', got '" + path + "'");
        }
        StringBuilder sb = new StringBuilder(path.length() + 8);
        int i = 0;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == ':' && (i == 0 || path.charAt(i - 1) == '/')) {
                int end = i + 1;
                while (end < path.length() && (Character.isLetterOrDigit(path.charAt(end)) || path.charAt(end) == '_')) {
                    end++;
                }
                if (end == i + 1) {
                    throw RuchyError.runtime(what + "() path has ':' without a parameter name: '" + path + "'");
                }
                sb.append('{').append(path, i + 1, end).append('}');
                i = end;
            } else {
                sb.append(c);
                i++;
            }
        }
        return sb.toString();
    }

    @Override
    public HttpServer static_(Object prefix, Object directory) {
        lock.lock();
        try {
            String p = Args.string(prefix, "static() prefix");
            String dir = Args.string(directory, "static() directory");
            if (!p.startsWith("/")) {
                throw RuchyError.runtime("static() prefix must start with '/', got '" + p + "'");
            }
            checkNotStarted("static");
            String mount = p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
            Path root = Path.of(System.getProperty("user.dir", "")).resolve(dir).toAbsolutePath().normalize();
            StaticFiles files = new StaticFiles(mount, root);
            List<Object> handler = List.of(files.handler());
            String pattern = mount.equals("/") ? "/*" : mount + "/*";
            routes.add(new Route(Method.GET, pattern, handler)); // HEAD too, as every GET route
            if (!mount.equals("/")) {
                routes.add(new Route(Method.GET, mount, handler));
            }
            return this;
        } finally {
            lock.unlock();
        }
    }

    private void checkNotStarted(String what) {
        if (server != null) {
            throw RuchyError.runtime("Cannot call " + what + "() after the server started: "
                    + "add routes and middleware before listen()");
        }
    }

    // ---------------------------------------------------------------- running

    @Override
    public HttpServer start() {
        lock.lock();
        try {
            if (server != null) {
                return this;
            }
            HelidonLogging.quiet();
            HttpRouting.Builder routing = HttpRouting.builder();
            routing.addFilter((chain, req, res) -> Exchange.bind(this, chain, req, res));
            for (Middleware m : middleware) {
                routing.addFilter(new MiddlewareFilter(this, m.prefix(), m.fn()));
            }
            for (Route r : routes) {
                List<Object> handlers = r.handlers();
                io.helidon.webserver.http.Handler h = (req, res) -> Exchange.of(this, req, res).routed(req, res).runRoute(handlers);
                if (r.method() == null) {
                    routing.any(r.pattern(), h);
                } else {
                    routing.route(r.method(), r.pattern(), h);
                    if (r.method() == Method.GET) {
                        routing.route(Method.HEAD, r.pattern(), h); // as Express: HEAD runs the GET route, without the body
                    }
                }
            }
            // last: no route matched; answered here so middleware sees the 404 in res.status
            routing.any("/*", (req, res) -> Exchange.of(this, req, res).routed(req, res).runRoute(List.of(NOT_FOUND)));
            long maxBody = ServerLimits.maxBodyBytes();
            Duration idle = ServerLimits.idleTimeout();
            server = HelidonServers.start("HTTP server", address, Duration.ofSeconds(5), builder -> {
                builder.routing(routing).maxTcpConnections(ServerLimits.maxConnections());
                if (maxBody > 0) {
                    builder.maxPayloadSize(maxBody);
                }
                if (!idle.isZero()) {
                    builder.idleConnectionTimeout(idle).idleConnectionPeriod(idlePeriod(idle));
                }
                builder.connectionOptions(IdleConnections.options(idle, idle.isZero() ? Duration.ofSeconds(5) : idlePeriod(idle)));
            });
            return this;
        } finally {
            lock.unlock();
        }
    }

    /** How often idle connections are looked for: a quarter of the timeout, between 100 ms and 5 s. */
    static Duration idlePeriod(Duration idle) {
        return Duration.ofMillis(Math.max(100, Math.min(5_000, idle.toMillis() / 4)));
    }

    @Override
    public void listen() {
        start();
        HelidonServers.awaitStop(toString(), stopped, this::stop);
    }

    @Override
    public long port() {
        WebServer s = server;
        return s == null ? address.port() : s.port();
    }

    @Override
    public boolean isRunning() {
        WebServer s = server;
        return s != null && s.isRunning();
    }

    @Override
    public void stop() {
        WebServer s = server;
        if (s != null) {
            s.stop();
        }
        stopped.countDown();
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return "<http server " + new HostPort(address.host(), (int) port()) + ">";
    }

    /** A Ruchy middleware as a Helidon filter: it continues the chain only if the closure calls {@code next()}. */
    private record MiddlewareFilter(HelidonHttpServer server, String prefix, Object fn) implements Filter {
        @Override
        public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
            if (prefix != null && !under(req.path().path(), prefix)) {
                chain.proceed();
                return;
            }
            Exchange exchange = Exchange.of(server, req, res);
            boolean[] proceeded = {false};
            RuntimeException[] fromHelidon = {null};
            try {
                exchange.call(fn, exchange.next(() -> {
                    proceeded[0] = true;
                    try {
                        chain.proceed();
                    } catch (RuntimeException e) {
                        fromHelidon[0] = e; // the server's own failure (a closed connection): Helidon handles it
                        throw e;
                    }
                }));
            } catch (Throwable t) {
                if (t == fromHelidon[0]) {
                    throw fromHelidon[0];
                }
                if (proceeded[0] && exchange.response.isSent()) {
                    Callbacks.report("middleware after next() for " + req.prologue().method().text() + " "
                            + req.path().path(), t);
                } else {
                    exchange.fail(t);
                }
            }
            if (!proceeded[0] && !exchange.response.isSent()) {
                exchange.response.finish();
            }
        }

        private static boolean under(String path, String prefix) {
            return prefix.equals("/") || path.equals(prefix) || path.startsWith(prefix + "/");
        }
    }
}
