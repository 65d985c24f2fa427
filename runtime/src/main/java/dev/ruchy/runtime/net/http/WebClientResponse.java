package dev.ruchy.runtime.net.http;

import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.RObject;
import dev.ruchy.runtime.net.Args;
import io.helidon.http.Header;
import io.helidon.webclient.api.HttpClientResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** {@link ClientResponse}: status, headers and body, read in full when the response arrived. */
final class WebClientResponse implements ClientResponse {
    private final long status;
    private final Map<String, String> headers;
    private final String body;

    private WebClientResponse(long status, Map<String, String> headers, String body) {
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    static WebClientResponse read(HttpClientResponse response) {
        Map<String, String> headers = headerMap(response);
        byte[] bytes;
        if (response.entity().hasEntity()) {
            try (InputStream in = response.inputStream()) {
                bytes = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            bytes = new byte[0];
        }
        return new WebClientResponse(response.status().code(), headers, new String(bytes, StandardCharsets.UTF_8));
    }

    static Map<String, String> headerMap(HttpClientResponse response) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header h : response.headers()) {
            headers.merge(h.name().toLowerCase(Locale.ROOT), String.join(", ", h.allValues()), (a, b) -> a + ", " + b);
        }
        return headers;
    }

    @Override
    public long status() {
        return status;
    }

    @Override
    public boolean isSuccess() {
        return status >= 200 && status <= 299;
    }

    @Override
    public String text() {
        return body;
    }

    @Override
    public String body() {
        return body;
    }

    @Override
    public Object json() {
        return Builtins.parseJson(body);
    }

    @Override
    public Object headers() {
        RObject o = new RObject();
        headers.forEach(o::set);
        return o;
    }

    @Override
    public Object header(Object name) {
        return headers.get(Args.string(name, "header() name").toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return "<http response " + status + ">";
    }
}
