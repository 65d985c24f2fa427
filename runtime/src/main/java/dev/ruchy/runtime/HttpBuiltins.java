package dev.ruchy.runtime;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** The plain {@code http_get}/{@code http_post}/... builtins, on the JDK's HTTP client. */
final class HttpBuiltins {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    private HttpBuiltins() {
    }

    static String send(String method, String url, Object body) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw RuchyError.runtime("Invalid URL '" + url + "'");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else if (body instanceof RObject || body instanceof List<?>) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(Builtins.toJson(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.ofString(Fmt.toStr(body)));
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw RuchyError.runtime("HTTP " + method + " " + url + " failed with status " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw RuchyError.runtime("HTTP " + method + " " + url + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RuchyError.runtime("HTTP " + method + " " + url + " was interrupted");
        }
    }
}
