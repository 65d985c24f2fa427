package dev.ruchy.runtime.net.http;

import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.RObject;
import dev.ruchy.runtime.RuchyError;
import dev.ruchy.runtime.net.Args;
import dev.ruchy.runtime.net.NetErrors;
import dev.ruchy.runtime.net.ServerLimits;
import io.helidon.common.parameters.Parameters;
import io.helidon.common.uri.UriQuery;
import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@link Request} over a Helidon {@link ServerRequest}: a small map of fields (so {@code req.user = x}
 * and {@code req.method} work through the runtime's map access), with the body read on first use.
 * One per request, shared by the middleware and the route; guarded by a {@link ReentrantLock}
 * rather than its monitor: a handler blocks holding it while reading the body from a slow client,
 * and on JDK 21 a virtual thread blocked inside {@code synchronized} pins its carrier thread.
 */
final class ServerRequestValue extends AbstractMap<String, Object> implements Request {
    private static final String BODY = "body";
    /**
     * The value of a field not worked out yet: the query, headers, body, ... are made from the Helidon
     * request on first read, so a handler pays only for the fields it reads.
     */
    private static final Object LAZY = new Object();

    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Object> fields = new LinkedHashMap<>();
    private ServerRequest request;
    /** The error {@link #json()} threw for a malformed body: the server answers it with 400. */
    private volatile RuchyError badRequest;
    private volatile int badStatus = 400;

    ServerRequestValue(ServerRequest request) {
        this.request = request;
        fields.put("method", request.prologue().method().text());
        fields.put("path", request.path().path());
        fields.put("url", LAZY);
        fields.put("params", LAZY);
        fields.put("query", LAZY);
        fields.put("headers", LAZY);
        fields.put(BODY, LAZY);
        fields.put("remote_addr", LAZY);
    }

    /** The route matched: its path parameters become {@code params}. */
    void route(ServerRequest routed) {
        lock.lock();
        try {
            this.request = routed;
            fields.put("params", LAZY);
        } finally {
            lock.unlock();
        }
    }

    /** The value of field {@code key}, worked out now if it was {@link #LAZY}; the caller holds the lock. */
    private Object field(Object key) {
        Object value = fields.get(key);
        if (value != LAZY) {
            return value;
        }
        String name = (String) key;
        value = switch (name) {
            case "url" -> {
                String rawQuery = request.query().rawValue();
                yield request.path().rawPath() + (rawQuery == null || rawQuery.isEmpty() ? "" : "?" + rawQuery);
            }
            case "params" -> paramsObject(request.path().pathParameters());
            case "query" -> queryObject(request.query());
            case "headers" -> headerObject(request);
            case BODY -> readBody();
            case "remote_addr" -> NetErrors.address(request.remotePeer().address());
            default -> throw new IllegalStateException("no lazy field " + name);
        };
        fields.put(name, value);
        return value;
    }

    /** The request path as sent, still percent-encoded. */
    String rawPath() {
        lock.lock();
        try {
            return request.path().rawPath();
        } finally {
            lock.unlock();
        }
    }

    boolean isHead() {
        lock.lock();
        try {
            return request.prologue().method() == io.helidon.http.Method.HEAD;
        } finally {
            lock.unlock();
        }
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

    private static RObject paramsObject(Parameters p) {
        RObject params = new RObject();
        for (String name : p.names()) {
            params.set(name, p.get(name));
        }
        return params;
    }

    private static RObject headerObject(ServerRequest request) {
        RObject o = new RObject();
        for (Header h : request.headers()) {
            o.set(h.name().toLowerCase(java.util.Locale.ROOT), String.join(", ", h.allValues()));
        }
        return o;
    }

    /**
     * The body as UTF-8 text, at most {@link ServerLimits#maxBodyBytes()} bytes: a longer one (sent
     * chunked, so Helidon could not refuse it from its {@code Content-Length}) fails with status 413.
     */
    private String readBody() {
        long max = ServerLimits.maxBodyBytes();
        try {
            if (!request.content().hasEntity()) {
                return "";
            }
            InputStream in = IdleConnections.watched(request, request.content().inputStream());
            byte[] bytes = in.readNBytes(max > 0 && max < Integer.MAX_VALUE - 8 ? (int) max + 1 : Integer.MAX_VALUE - 8);
            if (max > 0 && bytes.length > max) {
                throw markBad(RuchyError.runtime("The request body is larger than " + max + " bytes"), 413);
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            if (e instanceof RuchyError r && r == badRequest) {
                throw r;
            }
            if (tooLarge(e)) {
                throw markBad(RuchyError.runtime("The request body is larger than " + max + " bytes"), 413);
            }
            // a body Helidon cannot decode (a bad chunk size, fewer bytes than Content-Length) is the
            // client's mistake: the server answers 400 unless the handler catches it
            throw markBad(RuchyError.runtime("Cannot read the request body: " + NetErrors.reason(e)));
        }
    }

    /** Whether Helidon refused the body for its size (its own limit, {@code maxPayloadSize}). */
    private static boolean tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof io.helidon.http.HttpException h && h.status().code() == 413
                    || t instanceof io.helidon.http.RequestException r && r.status().code() == 413) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- the map view (fields)

    @Override
    public Object get(Object key) {
        lock.lock();
        try {
            return field(key);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean containsKey(Object key) {
        lock.lock();
        try {
            return fields.containsKey(key);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Object put(String key, Object value) {
        lock.lock();
        try {
            Object old = fields.put(key, value);
            return old == LAZY ? null : old;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Object remove(Object key) {
        lock.lock();
        try {
            Object old = fields.remove(key);
            return old == LAZY ? null : old;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int size() {
        lock.lock();
        try {
            return fields.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        lock.lock();
        try {
            Set<Entry<String, Object>> copy = new LinkedHashSet<>();
            for (String key : List.copyOf(fields.keySet())) {
                copy.add(new SimpleImmutableEntry<>(key, field(key)));
            }
            return Collections.unmodifiableSet(copy);
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- methods

    @Override
    public Object json() {
        String text;
        lock.lock();
        try {
            Object body = field(BODY);
            text = body == null ? "" : Args.text(body);
        } finally {
            lock.unlock();
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
        return markBad(e, 400);
    }

    private RuchyError markBad(RuchyError e, int status) {
        badStatus = status;
        badRequest = e;
        return e;
    }

    /** The status {@link #badRequest()} is answered with: 400, or 413 for a body over the limit. */
    int badStatus() {
        return badStatus;
    }

    @Override
    public Object query(Object name) {
        return query(name, null);
    }

    @Override
    public Object query(Object name, Object defaultValue) {
        String key = Args.string(name, "query() name");
        UriQuery q;
        lock.lock();
        try {
            q = request.query();
        } finally {
            lock.unlock();
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
        lock.lock();
        try {
            r = request;
        } finally {
            lock.unlock();
        }
        List<String> values = r.headers().values(HeaderNames.create(key));
        return values.isEmpty() ? null : String.join(", ", values);
    }

    @Override
    public Object param(Object name) {
        lock.lock();
        try {
            String key = Args.string(name, "param() name");
            return field("params") instanceof RObject params ? params.getOrNull(key) : null;
        } finally {
            lock.unlock();
        }
    }

    /** {@code <request GET /path>}, not the fields: printing a request should not read its body. */
    @Override
    public String toString() {
        lock.lock();
        try {
            return "<request " + fields.get("method") + " " + fields.get("path") + ">";
        } finally {
            lock.unlock();
        }
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
