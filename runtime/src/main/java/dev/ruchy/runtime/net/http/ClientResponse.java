package dev.ruchy.runtime.net.http;

import dev.ruchy.runtime.RuchyName;

/** A response to an outgoing request ({@code let response = http::get(url)}), read in full. */
public interface ClientResponse {
    /**
     * The status code ({@code response.status}).
     *
     * @return 100 to 599
     */
    long status();

    /**
     * Whether the status is 2xx ({@code response.is_success()}).
     *
     * @return {@code true} for 200 to 299
     */
    @RuchyName("is_success")
    boolean isSuccess();

    /**
     * The body as text ({@code response.text()}), decoded as UTF-8.
     *
     * @return the body, {@code ""} when there is none
     */
    String text();

    /**
     * The body as text ({@code response.body}); the same as {@link #text()}.
     *
     * @return the body
     */
    String body();

    /**
     * The body parsed as JSON ({@code response.json()}).
     *
     * @return the parsed value
     * @throws dev.ruchy.runtime.RuchyError {@code Runtime error: JSON parse error: ...}
     */
    Object json();

    /**
     * The headers ({@code response.headers}): names in lower case to values ({@code ", "}-joined when repeated).
     *
     * @return a new object each call
     */
    Object headers();

    /**
     * One header by case-insensitive name ({@code response.header("Content-Type")}).
     *
     * @param name header name
     * @return its value, or nil
     */
    Object header(Object name);
}
