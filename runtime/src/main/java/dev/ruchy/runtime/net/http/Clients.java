package dev.ruchy.runtime.net.http;

import dev.ruchy.runtime.RuchyError;
import dev.ruchy.runtime.net.HelidonLogging;
import dev.ruchy.runtime.net.NetErrors;
import io.helidon.http.Method;
import io.helidon.webclient.api.HttpClientRequest;
import io.helidon.webclient.api.WebClient;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The program's Helidon {@link WebClient}s, made on first use, and what requests share. */
final class Clients {
    /** Default timeout for connecting and for each read, in milliseconds, when a request sets none. */
    static final long DEFAULT_TIMEOUT_MS = 30_000;

    /** One client per connect timeout (each with its own connection pool); programs use one or two. */
    private static final Map<Long, WebClient> CLIENTS = new ConcurrentHashMap<>();

    private Clients() {
    }

    /** The client whose connect timeout is {@code connectMs} ({@code 0}: none). */
    static WebClient client(long connectMs) {
        return CLIENTS.computeIfAbsent(connectMs, ms -> {
            HelidonLogging.quiet();
            return WebClient.builder()
                    .connectTimeout(ms == 0 ? Duration.ofDays(1) : Duration.ofMillis(ms))
                    .readTimeout(Duration.ofMillis(DEFAULT_TIMEOUT_MS))
                    .followRedirects(true)
                    .servicesDiscoverServices(false)
                    .build();
        });
    }

    /**
     * A Helidon request for {@code method url}, checked first.
     *
     * @throws RuchyError {@code Runtime error: Invalid URL 'x': ...}
     */
    static HttpClientRequest request(String method, String url, long timeoutMs) {
        URI uri = uri(url);
        HttpClientRequest request = client(timeoutMs).method(Method.create(method.toUpperCase(Locale.ROOT))).uri(uri);
        request.readTimeout(timeoutMs == 0 ? Duration.ofDays(1) : Duration.ofMillis(timeoutMs));
        return request;
    }

    /**
     * {@code url} checked: an absolute {@code http} or {@code https} URL with a host.
     *
     * @throws RuchyError {@code Runtime error: Invalid URL 'x': ...}
     */
    static URI uri(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw RuchyError.runtime("Invalid URL '" + url + "': " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw RuchyError.runtime("Invalid URL '" + url + "': expected http://host/... or https://host/...");
        }
        return uri;
    }

    /** A failure of {@code what} ({@code HTTP GET http://...}) as a Ruchy error. */
    static RuchyError failure(String what, long timeoutMs, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException || t instanceof java.net.http.HttpTimeoutException) {
                return RuchyError.runtime(what + " timed out after " + timeoutMs + " ms");
            }
            if (t == t.getCause()) {
                break;
            }
        }
        if (e instanceof RuchyError r) {
            return r;
        }
        String reason = NetErrors.reason(e instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : e);
        return RuchyError.runtime(what + ": " + reason);
    }
}
