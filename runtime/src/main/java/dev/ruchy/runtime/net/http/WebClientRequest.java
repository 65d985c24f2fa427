package dev.ruchy.runtime.net.http;

import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.RObject;
import dev.ruchy.runtime.RuchyError;
import dev.ruchy.runtime.net.Args;
import io.helidon.http.HeaderNames;
import io.helidon.webclient.api.HttpClientRequest;
import io.helidon.webclient.api.HttpClientResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** {@link ClientRequest} on Helidon's {@code WebClient}: settings are collected, {@link #send()} runs it. */
final class WebClientRequest implements ClientRequest {
    /** Headers the client sets itself; {@link #headers(Object)} skips them. */
    private static final Set<String> MANAGED = Set.of("host", "content-length", "connection", "transfer-encoding",
            "keep-alive", "upgrade", "te", "trailer", "proxy-connection", "expect");

    private String method;
    private final String url;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final List<String[]> query = new ArrayList<>();
    private byte[] body;
    private String bodyType;
    private long timeoutMs = Clients.DEFAULT_TIMEOUT_MS;

    WebClientRequest(String method, String url) {
        this.method = method;
        this.url = url;
    }

    @Override
    public synchronized ClientRequest method(Object m) {
        String name = Args.string(m, "method() name").trim();
        if (!Args.isHttpToken(name)) {
            throw RuchyError.runtime("Invalid HTTP method '" + name + "'");
        }
        method = name.toUpperCase(Locale.ROOT);
        return this;
    }

    @Override
    public synchronized ClientRequest header(Object name, Object value) {
        String key = Args.string(name, "header() name");
        String text = Args.text(value);
        Args.checkHeader(key, text);
        headers.keySet().removeIf(k -> k.equalsIgnoreCase(key));
        headers.put(key, text);
        return this;
    }

    @Override
    public synchronized ClientRequest headers(Object map) {
        Args.textMap(map, "headers()").forEach((k, v) -> {
            if (!MANAGED.contains(k.toLowerCase(Locale.ROOT))) {
                header(k, v);
            }
        });
        return this;
    }

    @Override
    public synchronized ClientRequest query(Object name, Object value) {
        query.add(new String[] {Args.string(name, "query() name"), Args.text(value)});
        return this;
    }

    @Override
    public synchronized ClientRequest body(Object value) {
        switch (value) {
            case null -> {
                body = null;
                bodyType = null;
            }
            case RObject o -> json(o);
            case List<?> l -> json(l);
            case Map<?, ?> m -> json(m);
            default -> {
                body = Args.text(value).getBytes(StandardCharsets.UTF_8);
                bodyType = "text/plain; charset=UTF-8";
            }
        }
        return this;
    }

    @Override
    public synchronized ClientRequest json(Object value) {
        body = Builtins.toJsonUtf8(value);
        bodyType = "application/json";
        return this;
    }

    @Override
    public synchronized ClientRequest timeout(Object ms) {
        timeoutMs = Args.millis(ms, "timeout()");
        return this;
    }

    /** Builds the Helidon request (method, URL, query, headers, timeout), without the body. */
    synchronized HttpClientRequest prepare() {
        HttpClientRequest r = Clients.request(method, url, timeoutMs);
        for (String[] q : query) {
            r.queryParam(q[0], q[1]);
        }
        for (Map.Entry<String, String> h : headers.entrySet()) {
            r.header(HeaderNames.create(h.getKey()), h.getValue());
        }
        if (body != null && headers.keySet().stream().noneMatch(k -> k.equalsIgnoreCase("content-type"))) {
            r.header(HeaderNames.CONTENT_TYPE, bodyType);
        }
        return r;
    }

    synchronized String describe() {
        return "HTTP " + method + " " + url;
    }

    synchronized long timeoutMs() {
        return timeoutMs;
    }

    @Override
    public ClientResponse send() {
        String what = describe();
        byte[] payload;
        synchronized (this) {
            payload = body;
        }
        try {
            HttpClientRequest r = prepare();
            try (HttpClientResponse response = payload == null ? r.request() : r.submit(payload)) {
                return WebClientResponse.read(response);
            }
        } catch (RuntimeException e) {
            throw Clients.failure(what, timeoutMs(), e);
        }
    }

    @Override
    public synchronized String toString() {
        return "<http request " + method + " " + url + ">";
    }
}
