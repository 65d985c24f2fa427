package dev.ruchy.runtime.net.http;

import dev.ruchy.runtime.RuchyName;

/**
 * The response a Ruchy handler builds ({@code res}). Setters return the response, so calls chain:
 * {@code res.status(201).json(user)}. A response is sent once, by {@link #json}, {@link #html},
 * {@link #text}, {@link #send()} or {@link #send(Object)}; a handler that sends nothing gets an empty
 * response with the current status.
 */
public interface Response {
    /**
     * The status ({@code res.status}), also after the response went out.
     *
     * @return the status code, {@code 200} unless set
     */
    long status();

    /**
     * Sets the status ({@code res.status(404)}).
     *
     * @param code 100 to 599
     * @return this response
     */
    Response status(Object code);

    /**
     * Sets a header, replacing an earlier value ({@code res.header("X-Id", 7)}).
     *
     * @param name  header name
     * @param value value; non-strings in their Display form
     * @return this response
     */
    Response header(Object name, Object value);

    /**
     * Sets every header of an object ({@code res.headers({"Cache-Control": "no-store"})}).
     *
     * @param headers names to values
     * @return this response
     */
    Response headers(Object headers);

    /**
     * The headers set so far ({@code res.headers}).
     *
     * @return names to values
     */
    Object headers();

    /**
     * Sends {@code value} as JSON ({@code application/json}).
     *
     * @param value any JSON-representable value
     * @return this response
     */
    Response json(Object value);

    /**
     * Sends HTML ({@code text/html; charset=UTF-8}).
     *
     * @param html the page
     * @return this response
     */
    Response html(Object html);

    /**
     * Sends plain text ({@code text/plain; charset=UTF-8}).
     *
     * @param text the text
     * @return this response
     */
    Response text(Object text);

    /**
     * Sends an empty body ({@code res.status(204).send()}).
     *
     * @return this response
     */
    Response send();

    /**
     * Sends {@code body}: a string as text (unless a {@code Content-Type} was set), an object or array
     * as JSON, nil as an empty body, anything else in its Display form.
     *
     * @param body what to send
     * @return this response
     */
    Response send(Object body);

    /**
     * Redirects ({@code 302} unless a {@code 3xx} status was set) to {@code location}.
     *
     * @param location absolute or relative URL
     * @return this response
     */
    Response redirect(Object location);

    /**
     * Whether the response was sent.
     *
     * @return {@code true} once sent
     */
    @RuchyName("is_sent")
    boolean isSent();
}
