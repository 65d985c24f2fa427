package dev.ruchy.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A test's WebSocket client (the JDK's): collects every text message it receives, in order. */
final class WsTestClient implements AutoCloseable {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final WebSocket socket;
    private final LinkedBlockingQueue<String> inbox = new LinkedBlockingQueue<>();
    private final List<String> taken = new ArrayList<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();

    private WsTestClient(String url) {
        this.socket = CLIENT.newWebSocketBuilder().buildAsync(URI.create(url), new Listener()).join();
    }

    static WsTestClient connect(String url) {
        return new WsTestClient(url);
    }

    /** Sends a text message and waits until it is written. */
    synchronized void send(String text) {
        socket.sendText(text, true).orTimeout(10, TimeUnit.SECONDS).join();
    }

    /**
     * The next message, waiting at most {@code timeoutMs}.
     *
     * @throws AssertionError if none arrives in time
     */
    String next(long timeoutMs) {
        try {
            String m = inbox.poll(timeoutMs, TimeUnit.MILLISECONDS);
            if (m == null) {
                throw new AssertionError("no message within " + timeoutMs + " ms; received before: " + taken);
            }
            taken.add(m);
            return m;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Takes messages until one matches {@code p} (returning it), failing after {@code timeoutMs} in all. */
    String nextMatching(Predicate<String> p, long timeoutMs) {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (true) {
            String m = next(Math.max(1, deadline - System.currentTimeMillis()));
            if (p.test(m)) {
                return m;
            }
        }
    }

    /** Every message received and not yet taken, waiting {@code quietMs} for stragglers. */
    List<String> drain(long quietMs) {
        List<String> out = new ArrayList<>();
        try {
            String m;
            while ((m = inbox.poll(quietMs, TimeUnit.MILLISECONDS)) != null) {
                out.add(m);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        taken.addAll(out);
        return out;
    }

    /** Messages received so far and not yet taken, without waiting. */
    List<String> pending() {
        List<String> out = new ArrayList<>();
        inbox.drainTo(out);
        taken.addAll(out);
        return out;
    }

    @Override
    public void close() {
        try {
            if (!socket.isOutputClosed()) {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(5, TimeUnit.SECONDS).join();
            }
        } catch (RuntimeException e) {
            socket.abort();
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                inbox.add(text.toString());
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }
    }
}
