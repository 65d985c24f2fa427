package dev.ruchy.runtime.net.http;

import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.Fmt;
import dev.ruchy.runtime.RObject;
import dev.ruchy.runtime.RuchyError;
import dev.ruchy.runtime.net.Args;
import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@link Response} over a Helidon {@link ServerResponse}. It remembers the status itself, so
 * middleware can read {@code res.status} after the response went out. One per request, shared by the
 * middleware and the route; guarded by a {@link ReentrantLock} rather than its monitor: a
 * handler blocks holding it while writing the response to a slow client, and on JDK 21 a virtual
 * thread blocked inside {@code synchronized} pins its carrier thread.
 */
final class ServerResponseValue implements Response {
    static final String JSON = "application/json";
    static final String HTML = "text/html; charset=UTF-8";
    static final String TEXT = "text/plain; charset=UTF-8";

    private final ReentrantLock lock = new ReentrantLock();
    private ServerResponse response;
    /** An answer to {@code HEAD}: the headers of the body, not the body. */
    private final boolean head;
    private long status = 200;
    private boolean sent;

    ServerResponseValue(ServerResponse response, boolean head) {
        this.response = response;
        this.head = head;
    }

    /** The route's response object (Helidon may hand the route a different view of the same response). */
    void route(ServerResponse routed) {
        lock.lock();
        try {
            this.response = routed;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long status() {
        lock.lock();
        try {
            return status;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Response status(Object code) {
        lock.lock();
        try {
            long n = Args.integer(code, "status() code");
            if (n < 100 || n > 599) {
                throw RuchyError.runtime("status() code must be between 100 and 599, got " + n);
            }
            checkNotSent("status");
            status = n;
            response.status(Status.create((int) n));
            return this;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Response header(Object name, Object value) {
        lock.lock();
        try {
            String key = Args.string(name, "header() name");
            String text = Args.text(value);
            Args.checkHeader(key, text); // here, where the handler can still be told, not when Helidon writes it
            checkNotSent("header");
            try {
                response.header(HeaderNames.create(key), text);
            } catch (IllegalArgumentException e) {
                throw RuchyError.runtime("Invalid header " + key + ": " + e.getMessage());
            }
            return this;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Response headers(Object headers) {
        lock.lock();
        try {
            for (Map.Entry<String, String> e : Args.textMap(headers, "headers()").entrySet()) {
                if (!HOP_BY_HOP.contains(e.getKey().toLowerCase(java.util.Locale.ROOT))) {
                    header(e.getKey(), e.getValue());
                }
            }
            return this;
        } finally {
            lock.unlock();
        }
    }

    /** Headers the server manages itself, skipped when copying a whole header object (a proxy's case). */
    private static final List<String> HOP_BY_HOP = List.of("connection", "content-length", "transfer-encoding",
            "keep-alive", "upgrade", "te", "trailer", "date");

    @Override
    public Object headers() {
        lock.lock();
        try {
            RObject o = new RObject();
            for (Header h : response.headers()) {
                o.set(h.name(), String.join(", ", h.allValues()));
            }
            return o;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Response json(Object value) {
        return sendBytes(JSON, Builtins.toJsonUtf8(value), true);
    }

    @Override
    public Response html(Object html) {
        return sendBytes(HTML, Args.text(html).getBytes(StandardCharsets.UTF_8), true);
    }

    @Override
    public Response text(Object text) {
        return sendBytes(TEXT, Args.text(text).getBytes(StandardCharsets.UTF_8), true);
    }

    @Override
    public Response send() {
        return sendBytes(null, new byte[0], false);
    }

    @Override
    public Response send(Object body) {
        return switch (body) {
            case null -> send();
            case RObject o -> json(o);
            case List<?> l -> json(l);
            case Map<?, ?> m -> json(m);
            case String s -> sendBytes(TEXT, s.getBytes(StandardCharsets.UTF_8), false);
            default -> sendBytes(TEXT, Fmt.toStr(body).getBytes(StandardCharsets.UTF_8), false);
        };
    }

    @Override
    public Response redirect(Object location) {
        lock.lock();
        try {
            String to = Args.string(location, "redirect() location");
            if (status < 300 || status > 399) {
                status(302L);
            }
            header("Location", to);
            return send();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Sends the body with {@code contentType}; {@code force} replaces a content type set before
     * ({@code res.json} always sends JSON), otherwise an earlier one is kept ({@code res.send(text)}
     * after {@code res.header("Content-Type", ...)}).
     */
    private Response sendBytes(String contentType, byte[] body, boolean force) {
        lock.lock();
        try {
            checkNotSent("send");
            if (contentType != null && (force || !response.headers().contains(HeaderNames.CONTENT_TYPE))) {
                response.header(HeaderNames.CONTENT_TYPE, contentType);
            }
            sent = true;
            if (head) {
                response.contentLength(body.length);
                response.send();
            } else {
                response.send(body);
            }
            return this;
        } finally {
            lock.unlock();
        }
    }

    private void checkNotSent(String what) {
        if (sent || response.isSent()) {
            throw RuchyError.runtime("Cannot " + what + ": the response was already sent");
        }
    }

    @Override
    public boolean isSent() {
        lock.lock();
        try {
            return sent || response.isSent();
        } finally {
            lock.unlock();
        }
    }

    /** Lets {@code writer} send the response through Helidon's API directly (static files). */
    void serve(java.util.function.Consumer<ServerResponse> writer) {
        lock.lock();
        try {
            checkNotSent("send");
            sent = true;
            try {
                writer.accept(response);
            } finally {
                status = response.status().code();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Sends the response as it stands when the handler sent nothing. */
    void finish() {
        lock.lock();
        try {
            if (!isSent()) {
                send();
            }
        } finally {
            lock.unlock();
        }
    }

    /** An error response, unless one was sent already: {@code {"error": title, "message": detail}}. */
    boolean sendError(int code, String title, String detail) {
        lock.lock();
        try {
            if (isSent()) {
                return false;
            }
            try {
                status = code;
                response.status(Status.create(code));
                RObject body = RObject.of("error", title);
                if (detail != null) {
                    body.set("message", detail);
                }
                json(body);
                return true;
            } catch (RuntimeException e) {
                return false;
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        lock.lock();
        try {
            return "<response " + status + (sent ? " sent" : "") + ">";
        } finally {
            lock.unlock();
        }
    }
}
