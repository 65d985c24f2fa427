package dev.ruchy.runtime.net.http;

/**
 * An outgoing HTTP request being built: {@code http::request(url)}, {@code http::post(url)}. Each
 * setter returns the request, and {@link #send()} performs it:
 *
 * <pre>{@code
 * let response = http::request(url)
 *     .method("GET")
 *     .header("Authorization", f"Bearer {token}")
 *     .query("page", 1)
 *     .timeout(5000)
 *     .send()
 * }</pre>
 */
public interface ClientRequest {
    /**
     * A request for {@code url} with {@code method}.
     *
     * @param method {@code GET}, {@code POST}, ... (any token)
     * @param url    an {@code http://} or {@code https://} URL
     * @return the request, not yet sent
     * @throws dev.ruchy.runtime.RuchyError {@code Runtime error: Invalid URL 'x': ...}
     */
    static ClientRequest create(String method, String url) {
        return new WebClientRequest(method, url);
    }

    /**
     * {@code http::get(url)}: a GET request that is also its response. It is sent by {@link #send()}
     * or by the first read of a response member ({@code status}, {@code json()}, ...), so both
     * {@code http::get(url).json()} and {@code http::get(url).timeout(2000).send()} work.
     *
     * @param url an {@code http://} or {@code https://} URL
     * @return the request, not yet sent; it implements {@link ClientResponse} too
     * @throws dev.ruchy.runtime.RuchyError {@code Runtime error: Invalid URL 'x': ...}
     */
    static GetRequest get(String url) {
        return new PendingGet(url);
    }

    /**
     * {@code http::post(url)}: a POST request.
     *
     * @param url an {@code http://} or {@code https://} URL
     * @return the request, not yet sent
     * @throws dev.ruchy.runtime.RuchyError {@code Runtime error: Invalid URL 'x': ...}
     */
    static ClientRequest post(String url) {
        return create("POST", url);
    }

    /**
     * {@code http::put(url)}: a PUT request.
     *
     * @param url an {@code http://} or {@code https://} URL
     * @return the request, not yet sent
     * @throws dev.ruchy.runtime.RuchyError {@code Runtime error: Invalid URL 'x': ...}
     */
    static ClientRequest put(String url) {
        return create("PUT", url);
    }

    /**
     * {@code http::patch(url)}: a PATCH request.
     *
     * @param url an {@code http://} or {@code https://} URL
     * @return the request, not yet sent
     * @throws dev.ruchy.runtime.RuchyError {@code Runtime error: Invalid URL 'x': ...}
     */
    static ClientRequest patch(String url) {
        return create("PATCH", url);
    }

    /**
     * {@code http::delete(url)}: a DELETE request.
     *
     * @param url an {@code http://} or {@code https://} URL
     * @return the request, not yet sent
     * @throws dev.ruchy.runtime.RuchyError {@code Runtime error: Invalid URL 'x': ...}
     */
    static ClientRequest delete(String url) {
        return create("DELETE", url);
    }

    /**
     * {@code http::request(url)}: a GET request, whose method {@link #method} may change.
     *
     * @param url an {@code http://} or {@code https://} URL
     * @return the request, not yet sent
     * @throws dev.ruchy.runtime.RuchyError {@code Runtime error: Invalid URL 'x': ...}
     */
    static ClientRequest request(String url) {
        return create("GET", url);
    }

    /**
     * Sets the method ({@code .method("PUT")}).
     *
     * @param method the method name, case-insensitive
     * @return this request
     */
    ClientRequest method(Object method);

    /**
     * Sets a header, replacing an earlier value of the same name.
     *
     * @param name  header name
     * @param value value; non-strings in Display form
     * @return this request
     */
    ClientRequest header(Object name, Object value);

    /**
     * Sets every header of an object. {@code Host}, {@code Content-Length}, {@code Connection},
     * {@code Transfer-Encoding} and other hop-by-hop headers are left to the client, so a proxy can
     * pass on {@code req.headers}.
     *
     * @param headers names to values
     * @return this request
     */
    ClientRequest headers(Object headers);

    /**
     * Adds a query parameter, encoded ({@code .query("page", 1)} → {@code ?page=1}).
     *
     * @param name  parameter name
     * @param value value; non-strings in Display form
     * @return this request
     */
    ClientRequest query(Object name, Object value);

    /**
     * Sets the body: a string as is ({@code text/plain; charset=UTF-8} unless a {@code Content-Type}
     * is set), an object or array as JSON, nil for none.
     *
     * @param body the body
     * @return this request
     */
    ClientRequest body(Object body);

    /**
     * Sets a JSON body ({@code application/json}).
     *
     * @param value any JSON-representable value
     * @return this request
     */
    ClientRequest json(Object value);

    /**
     * Sets the timeout: the longest wait for the connection and for each read of the response.
     *
     * @param ms milliseconds, an integer; {@code 0} for none
     * @return this request
     */
    ClientRequest timeout(Object ms);

    /**
     * Sends the request and reads the whole response. Any status is a response (check
     * {@code is_success()}); only a failure to get one is an error.
     *
     * @return the response
     * @throws dev.ruchy.runtime.RuchyError {@code Runtime error: HTTP GET http://... timed out after 300 ms};
     *                                      {@code HTTP GET http://...: Connection refused}
     */
    ClientResponse send();
}
