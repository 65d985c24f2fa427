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

/**
 * {@link Response} over a Helidon {@link ServerResponse}. It remembers the status itself, so
 * middleware can read {@code res.status} after the response went out. One per request, shared by the
 * middleware and the route; guarded by its own monitor.
 */
final class ServerResponseValue implements Response {
    static final String JSON = "application/json";
    static final String HTML = "text/html; charset=UTF-8";
    static final String TEXT = "text/plain; charset=UTF-8";

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
    synchronized void route(ServerResponse routed) {
        this.response = routed;
    }

    @Override
    public synchronized long status() {
        return status;
    }

    @Override
    public synchronized Response status(Object code) {
        long n = Args.integer(code, "status() code");
        if (n < 100 || n > 599) {
            throw RuchyError.runtime("status() code must be between 100 and 599, got " + n);
        }
        checkNotSent("status");
        status = n;
        response.status(Status.create((int) n));
        return this;
    }

    @Override
    public synchronized Response header(Object name, Object value) {
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
    }

    @Override
    public synchronized Response headers(Object headers) {
        for (Map.Entry<String, String> e : Args.textMap(headers, "headers()").entrySet()) {
            if (!HOP_BY_HOP.contains(e.getKey().toLowerCase(java.util.Locale.ROOT))) {
                header(e.getKey(), e.getValue());
            }
        }
        return this;
    }

    /** Headers the server manages itself, skipped when copying a whole header object (a proxy's case). */
    private static final List<String> HOP_BY_HOP = List.of("connection", "content-length", "transfer-encoding",
            "keep-alive", "upgrade", "te", "trailer", "date");

    @Override
    public synchronized Object headers() {
        RObject o = new RObject();
        for (Header h : response.headers()) {
            o.set(h.name(), String.join(", ", h.allValues()));
        }
        return o;
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
    public synchronized Response redirect(Object location) {
        String to = Args.string(location, "redirect() location");
        if (status < 300 || status > 399) {
            status(302L);
        }
        header("Location", to);
        return send();
    }

    /**
     * Sends the body with {@code contentType}; {@code force} replaces a content type set before
     * ({@code res.json} always sends JSON), otherwise an earlier one is kept ({@code res.send(text)}
     * after {@code res.header("Content-Type", ...)}).
     */
    private synchronized Response sendBytes(String contentType, byte[] body, boolean force) {
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
    }

    private void checkNotSent(String what) {
        if (sent || response.isSent()) {
            throw RuchyError.runtime("Cannot " + what + ": the response was already sent");
        }
    }

    @Override
    public synchronized boolean isSent() {
        return sent || response.isSent();
    }

    /** Lets {@code writer} send the response through Helidon's API directly (static files). */
    synchronized void serve(java.util.function.Consumer<ServerResponse> writer) {
        checkNotSent("send");
        sent = true;
        try {
            writer.accept(response);
        } finally {
            status = response.status().code();
        }
    }

    /** Sends the response as it stands when the handler sent nothing. */
    synchronized void finish() {
        if (!isSent()) {
            send();
        }
    }

    /** An error response, unless one was sent already: {@code {"error": title, "message": detail}}. */
    synchronized boolean sendError(int code, String title, String detail) {
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
    }

    @Override
    public synchronized String toString() {
        return "<response " + status + (sent ? " sent" : "") + ">";
    }
}
