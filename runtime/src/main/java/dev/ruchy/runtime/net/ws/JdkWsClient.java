package dev.ruchy.runtime.net.ws;

import dev.ruchy.runtime.Lifetime;
import dev.ruchy.runtime.RObject;
import dev.ruchy.runtime.RuchyError;
import dev.ruchy.runtime.net.Callbacks;
import dev.ruchy.runtime.net.NetErrors;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@link WsClient} on the JDK's {@link WebSocket} (Helidon's WebSocket client is not published for
 * 4.5). Incoming events go through a {@link SerialExecutor}, where an event without a listener waits
 * for one; sends are serialised by a lock and wait for the JDK's completion, which the JDK requires
 * before the next send.
 */
final class JdkWsClient implements WsClient {
    private static final Set<String> EVENTS = Set.of("open", "message", "error", "close");
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private static final class Holder {
        static final HttpClient CLIENT = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
    }

    private final String url;
    private final SerialExecutor events = new SerialExecutor();
    /** Listeners and events waiting for one; touched only by tasks of {@link #events}. */
    private final Map<String, Object> listeners = new HashMap<>();
    private final Map<String, List<Object[]>> pending = new HashMap<>();
    private final ReentrantLock sendLock = new ReentrantLock();
    private final CompletableFuture<Object> closed = new CompletableFuture<>();
    private volatile WebSocket socket;

    private JdkWsClient(String url) {
        this.url = url;
    }

    static JdkWsClient connect(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw RuchyError.runtime("Invalid WebSocket URL '" + url + "': " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ws") && !scheme.equals("wss") || uri.getHost() == null) {
            throw RuchyError.runtime("Invalid WebSocket URL '" + url + "': expected ws://host:port/path or wss://...");
        }
        if (uri.getRawPath() == null || uri.getRawPath().isEmpty()) {
            uri = uri.resolve("/");
        }
        JdkWsClient client = new JdkWsClient(url);
        try {
            client.socket = Holder.CLIENT.newWebSocketBuilder()
                    .connectTimeout(CONNECT_TIMEOUT)
                    .buildAsync(uri, client.new Listener())
                    .get(CONNECT_TIMEOUT.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw RuchyError.runtime("WebSocket connection to " + url + " failed: " + NetErrors.reason(e.getCause()));
        } catch (TimeoutException e) {
            throw RuchyError.runtime("WebSocket connection to " + url + " timed out");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RuchyError.runtime("WebSocket connection to " + url + " was interrupted");
        }
        return client;
    }

    @Override
    public WsClient on(Object event, Object listener) {
        String name = Messages.event(event, EVENTS);
        Object f = Callbacks.function(listener, "on() listener");
        Lifetime.holdUntil(closed, "ws " + url); // a connection with listeners outlives the program's main code
        events.execute(() -> {
            listeners.put(name, f);
            List<Object[]> waiting = pending.remove(name);
            if (waiting != null) {
                for (Object[] args : waiting) {
                    call(name, f, args);
                }
            }
        });
        return this;
    }

    private void emit(String event, Object... args) {
        events.execute(() -> {
            Object f = listeners.get(event);
            if (f == null) {
                pending.computeIfAbsent(event, k -> new ArrayList<>()).add(args);
            } else {
                call(event, f, args);
            }
        });
    }

    private static void call(String event, Object f, Object[] args) {
        try {
            Callbacks.callLenient(f, args);
        } catch (Throwable t) {
            Callbacks.report("WebSocket " + event + " listener", t);
        }
    }

    @Override
    public boolean send(Object message) {
        String text = Messages.text(message);
        WebSocket ws = socket;
        sendLock.lock();
        try {
            if (ws == null || ws.isOutputClosed() || ws.isInputClosed()) {
                return false; // closing or closed: the peer would not read it
            }
            ws.sendText(text, true).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            sendLock.unlock();
        }
    }

    @Override
    public void close() {
        WebSocket ws = socket;
        if (ws == null) {
            return;
        }
        sendLock.lock();
        try {
            if (!ws.isOutputClosed()) {
                ws.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            ws.abort();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ws.abort();
        } finally {
            sendLock.unlock();
        }
        try {
            closed.get(5, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            ws.abort();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isOpen() {
        WebSocket ws = socket;
        return ws != null && !closed.isDone() && !ws.isInputClosed();
    }

    // ---------------------------------------------------------------- Future: `ws.await()` waits for the close

    @Override
    public Object get() throws InterruptedException, ExecutionException {
        return closed.get();
    }

    @Override
    public Object get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        return closed.get(timeout, unit);
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        return false;
    }

    @Override
    public boolean isCancelled() {
        return false;
    }

    @Override
    public boolean isDone() {
        return closed.isDone();
    }

    @Override
    public String toString() {
        return "<websocket client " + url + ">";
    }

    /** The JDK's callbacks: each complete message, the close and errors become events. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();
        private final java.io.ByteArrayOutputStream binary = new java.io.ByteArrayOutputStream();

        @Override
        public void onOpen(WebSocket webSocket) {
            emit("open");
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String message = text.toString();
                text.setLength(0);
                emit("message", message);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            binary.writeBytes(bytes);
            if (last) {
                String message = binary.toString(StandardCharsets.UTF_8);
                binary.reset();
                emit("message", message);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            emit("close", (long) statusCode, reason);
            // after the close listener: `ws.await()` returns once the program has seen the close
            events.execute(() -> closed.complete(RObject.of("code", (long) statusCode, "reason", reason)));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            emit("error", NetErrors.reason(error));
            emit("close", 1006L, "error");
            events.execute(() -> closed.complete(RObject.of("code", 1006L, "reason", NetErrors.reason(error))));
        }
    }
}
