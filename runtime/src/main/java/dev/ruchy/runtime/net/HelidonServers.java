package dev.ruchy.runtime.net;

import dev.ruchy.runtime.RuchyError;
import io.helidon.http.DirectHandler;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.DirectHandlers;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/** Starting and waiting for the Helidon servers behind {@code http::Server} and {@code ws::Server}. */
public final class HelidonServers {
    static {
        dev.ruchy.runtime.VirtualThreads.configure(); // before the first virtual thread starts
    }

    private HelidonServers() {
    }

    /**
     * Binds and starts a Helidon server on {@code address}.
     *
     * @param what      how messages name it, e.g. {@code "HTTP server"}
     * @param grace     how long {@code stop()} waits for requests in flight
     * @param configure adds routing to the builder
     * @return the running server
     * @throws RuchyError {@code Cannot start HTTP server on host:port: <reason>} when the port is
     *                    taken or the address cannot be bound
     */
    public static WebServer start(String what, HostPort address, Duration grace,
            Consumer<WebServerConfig.Builder> configure) {
        address.checkBindable(what);
        WebServer server;
        try {
            WebServerConfig.Builder builder = WebServer.builder()
                    .host(address.host())
                    .port(address.port())
                    .shutdownGracePeriod(grace)
                    .featuresDiscoverServices(false)
                    .directHandlers(DirectHandlers.builder()
                            .addHandler(DirectHandler.EventType.INTERNAL_ERROR, HelidonServers::internalError)
                            .build());
            configure.accept(builder);
            server = builder.build().start();
        } catch (RuntimeException e) {
            throw RuchyError.runtime("Cannot start " + what + " on " + address + ": " + NetErrors.reason(e));
        }
        if (!server.isRunning()) {
            throw RuchyError.runtime("Cannot start " + what + " on " + address + " (the reason is logged above)");
        }
        return server;
    }

    /**
     * Helidon's answer to a failure outside any route. A request Helidon could not even parse (a
     * method with characters a token may not hold, {@code G@T / HTTP/1.1}, fails inside Helidon's
     * request-line reader) reaches this with no request known: that is the client's mistake, so it
     * gets {@code 400}, and no stack trace is logged. Anything else keeps Helidon's own answer.
     */
    private static DirectHandler.TransportResponse internalError(DirectHandler.TransportRequest request,
            DirectHandler.EventType type, Status status, ServerResponseHeaders headers, String message) {
        if (request.method().isEmpty()) {
            return DirectHandler.TransportResponse.builder()
                    .status(Status.BAD_REQUEST_400)
                    .headers(headers)
                    .entity("Bad Request")
                    .build();
        }
        return DirectHandler.defaultHandler().handle(request, type, status, headers, message);
    }

    /**
     * Told when a thread is about to block serving ({@code server.listen()}, {@code http::serve}):
     * what the server is ({@code "<http server 127.0.0.1:8080>"}) and how to stop it. An interactive
     * session uses it to give the prompt back while the server runs.
     */
    @FunctionalInterface
    public interface ServingListener {
        void serving(String server, Runnable stop);
    }

    /** The listener of the current thread and the threads it starts; null: none. */
    private static final InheritableThreadLocal<ServingListener> LISTENER = new InheritableThreadLocal<>();

    /** Sets (null: clears) the {@link ServingListener} of this thread and of the threads it starts from now on. */
    public static void onServing(ServingListener listener) {
        if (listener == null) {
            LISTENER.remove();
        } else {
            LISTENER.set(listener);
        }
    }

    /**
     * Blocks until {@code stopped} opens, first telling this thread's {@link ServingListener}, if
     * any, that {@code server} serves; an interrupt stops the server with {@code stop}.
     */
    public static void awaitStop(String server, CountDownLatch stopped, Runnable stop) {
        serving(server, stop);
        awaitStop(stopped, stop);
    }

    /**
     * Tells this thread's {@link ServingListener}, if any, that {@code server} is about to serve in
     * this thread (a {@code TcpListener}'s first {@code accept()}); {@code stop} stops it.
     */
    public static void serving(String server, Runnable stop) {
        ServingListener listener = LISTENER.get();
        if (listener != null) {
            listener.serving(server, stop);
        }
    }

    /** Blocks until {@code stopped} opens; an interrupt stops the server with {@code stop}. */
    public static void awaitStop(CountDownLatch stopped, Runnable stop) {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop.run();
        }
    }
}
