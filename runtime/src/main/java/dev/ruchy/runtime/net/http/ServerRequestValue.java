package dev.ruchy.runtime.net.http;

import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.RObject;
import dev.ruchy.runtime.RuchyError;
import dev.ruchy.runtime.net.Args;
import dev.ruchy.runtime.net.NetErrors;
import io.helidon.common.parameters.Parameters;
import io.helidon.common.uri.UriQuery;
import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link Request} over a Helidon {@link ServerRequest}: a small map of fields (so {@code req.user = x}
 * and {@code req.method} work through the runtime's map access), with the body read on first use.
 * One per request, shared by the middleware and the route; guarded by its own monitor.
 */
final class ServerRequestValue extends AbstractMap<String, Object> implements Request {
    private static final String BODY = "body";

    private final Map<String, Object> fields = new LinkedHashMap<>();
    private ServerRequest request;
    private boolean bodyRead;
    /** The error {@link #json()} threw for a malformed body: the server answers it with 400. */
    private volatile RuchyError badRequest;

    ServerRequestValue(ServerRequest request) {
        this.request = request;
        fields.put("method", request.prologue().method().text());
        fields.put("path", request.path().path());
        String rawQuery = request.query().rawValue();
        fields.put("url", request.path().rawPath() + (rawQuery == null || rawQuery.isEmpty() ? "" : "?" + rawQuery));
        fields.put("params", new RObject());
        fields.put("query", queryObject(request.query()));
        fields.put("headers", headerObject(request));
        fields.put(BODY, null);
        fields.put("remote_addr", NetErrors.address(request.remotePeer().address()));
    }

    /** The route matched: its path parameters become {@code params}. */
    synchronized void route(ServerRequest routed) {
        this.request = routed;
        RObject params = new RObject();
        Parameters p = routed.path().pathParameters();
        for (String name : p.names()) {
            params.set(name, p.get(name));
        }
        fields.put("params", params);
    }

    /** The request path as sent, still percent-encoded. */
    synchronized String rawPath() {
        return request.path().rawPath();
    }

    synchronized boolean isHead() {
        return request.prologue().method() == io.helidon.http.Method.HEAD;
    }

    RuchyError badRequest() {
        return badRequest;
    }

    private static RObject queryObject(UriQuery query) {
        RObject o = new RObject();
        for (String name : query.names()) {
            List<String> all = query.all(name);
            o.set(name, all.isEmpty() ? "" : all.get(0));
        }
        return o;
    }

    private static RObject headerObject(ServerRequest request) {
        RObject o = new RObject();
        for (Header h : request.headers()) {
            o.set(h.name().toLowerCase(java.util.Locale.ROOT), String.join(", ", h.allValues()));
        }
        return o;
    }

    private String body() {
        if (!bodyRead) {
            bodyRead = true;
            String text = "";
            try {
                if (request.content().hasEntity()) {
                    text = new String(request.content().as(byte[].class), StandardCharsets.UTF_8);
                }
            } catch (UncheckedIOException | IllegalStateException e) {
                throw RuchyError.runtime("Cannot read the request body: " + NetErrors.reason(e));
            }
            fields.put(BODY, text);
        }
        return (String) fields.get(BODY);
    }

    // ---------------------------------------------------------------- the map view (fields)

    @Override
    public synchronized Object get(Object key) {
        if (BODY.equals(key)) {
            return body();
        }
        return fields.get(key);
    }

    @Override
    public synchronized boolean containsKey(Object key) {
        return fields.containsKey(key);
    }

    @Override
    public synchronized Object put(String key, Object value) {
        if (BODY.equals(key)) {
            bodyRead = true;
        }
        return fields.put(key, value);
    }

    @Override
    public synchronized Object remove(Object key) {
        return fields.remove(key);
    }

    @Override
    public synchronized int size() {
        return fields.size();
    }

    @Override
    public synchronized Set<Entry<String, Object>> entrySet() {
        body();
        Set<Entry<String, Object>> copy = new LinkedHashSet<>();
        for (Entry<String, Object> e : fields.entrySet()) {
            copy.add(new SimpleImmutableEntry<>(e.getKey(), e.getValue()));
        }
        return Collections.unmodifiableSet(copy);
    }

    // ---------------------------------------------------------------- methods

    @Override
    public Object json() {
        String text;
        synchronized (this) {
            text = body();
        }
        if (text.isBlank()) {
            throw markBad(RuchyError.runtime("Malformed JSON in request body: the body is empty"));
        }
        try {
            return Builtins.parseJson(text);
        } catch (RuchyError e) {
            throw markBad(RuchyError.runtime("Malformed JSON in request body: " + e.detail()));
        }
    }

    private RuchyError markBad(RuchyError e) {
        badRequest = e;
        return e;
    }

    @Override
    public Object query(Object name) {
        return query(name, null);
    }

    @Override
    public Object query(Object name, Object defaultValue) {
        String key = Args.string(name, "query() name");
        UriQuery q;
        synchronized (this) {
            q = request.query();
        }
        if (!q.contains(key)) {
            return defaultValue;
        }
        List<String> all = q.all(key);
        String raw = all.isEmpty() ? "" : all.get(0);
        return switch (defaultValue) {
            case null -> raw;
            case String s -> raw;
            case Long l -> parseLong(raw, defaultValue);
            case Integer i -> parseLong(raw, defaultValue);
            case Double d -> parseDouble(raw, defaultValue);
            case Float f -> parseDouble(raw, defaultValue);
            case Boolean b -> switch (raw.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "true", "1", "yes", "on" -> Boolean.TRUE;
                case "false", "0", "no", "off" -> Boolean.FALSE;
                default -> defaultValue;
            };
            default -> raw;
        };
    }

    private static Object parseLong(String raw, Object fallback) {
        try {
            return Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static Object parseDouble(String raw, Object fallback) {
        try {
            double d = Double.parseDouble(raw.trim());
            return Double.isFinite(d) ? (Object) d : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    @Override
    public Object header(Object name) {
        String key = Args.string(name, "header() name");
        ServerRequest r;
        synchronized (this) {
            r = request;
        }
        List<String> values = r.headers().values(HeaderNames.create(key));
        return values.isEmpty() ? null : String.join(", ", values);
    }

    @Override
    public synchronized Object param(Object name) {
        String key = Args.string(name, "param() name");
        return ((RObject) fields.get("params")).getOrNull(key);
    }

    /** {@code <request GET /path>}, not the fields: printing a request should not read its body. */
    @Override
    public synchronized String toString() {
        return "<request " + fields.get("method") + " " + fields.get("path") + ">";
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
