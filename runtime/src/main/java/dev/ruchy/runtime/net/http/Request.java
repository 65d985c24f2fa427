package dev.ruchy.runtime.net.http;

import java.util.Map;

/**
 * An incoming request as a Ruchy handler sees it ({@code req}). It is an object with these fields,
 * and handlers may add their own ({@code req.user = decode_token(token)}) for later middleware and the
 * route to read:
 *
 * <ul>
 *   <li>{@code method}: {@code "GET"}, {@code "POST"}, ...</li>
 *   <li>{@code path}: the decoded path, {@code "/api/users/7"}</li>
 *   <li>{@code url}: path and query as sent, {@code "/api/users?page=2"}</li>
 *   <li>{@code params}: path parameters, {@code {id: "7"}} (strings)</li>
 *   <li>{@code query}: query parameters, first value of each, {@code {page: "2"}}</li>
 *   <li>{@code headers}: header names in lower case to values ({@code ", "}-joined when repeated)</li>
 *   <li>{@code body}: the body as a string (UTF-8), read on first use</li>
 *   <li>{@code remote_addr}: the client's {@code ip:port}</li>
 * </ul>
 *
 * <p>The map view is what field reads and writes use; the methods below are what {@code req.json()},
 * {@code req.query("page", 1)} and {@code req.header("Authorization")} call.
 */
public interface Request extends Map<String, Object> {
    /**
     * The body parsed as JSON ({@code req.json()}): objects, arrays, numbers, strings, booleans, nil.
     * Each call parses again, so changing the result does not change the request.
     *
     * @return the parsed value
     * @throws dev.ruchy.runtime.RuchyError {@code Runtime error: Malformed JSON in request body: ...};
     *                                      unless the handler catches it, the server answers {@code 400}
     */
    Object json();

    /**
     * A query parameter, or nil ({@code req.query("q")}).
     *
     * @param name parameter name
     * @return its first value, or nil when absent
     */
    Object query(Object name);

    /**
     * A query parameter with a default whose type decides the result's ({@code req.query("page", 1)}
     * is an integer): an integer default parses an integer, a float default a float, a boolean default
     * {@code true}/{@code false}/{@code 1}/{@code 0}; the default when absent or unparsable.
     *
     * @param name         parameter name
     * @param defaultValue the value when absent; its type is the result's
     * @return the value
     */
    Object query(Object name, Object defaultValue);

    /**
     * An integer query parameter ({@code req.query("page", 1)}, typed): the parameter parsed as an
     * integer, or {@code defaultValue} when absent or unparsable.
     *
     * @param name         parameter name
     * @param defaultValue the value when absent or not an integer
     * @return the value
     */
    default long queryInt(Object name, long defaultValue) {
        return (Long) query(name, defaultValue);
    }

    /**
     * A float query parameter ({@code req.query("ratio", 0.5)}, typed): the parameter parsed as a
     * finite float, or {@code defaultValue} when absent or unparsable.
     *
     * @param name         parameter name
     * @param defaultValue the value when absent or not a float
     * @return the value
     */
    default double queryFloat(Object name, double defaultValue) {
        return (Double) query(name, defaultValue);
    }

    /**
     * A boolean query parameter ({@code req.query("draft", false)}, typed): {@code true}/{@code 1}/
     * {@code yes}/{@code on} or their opposites, else {@code defaultValue}.
     *
     * @param name         parameter name
     * @param defaultValue the value when absent or not a boolean
     * @return the value
     */
    default boolean queryBool(Object name, boolean defaultValue) {
        return (Boolean) query(name, defaultValue);
    }

    /**
     * A string query parameter with a default ({@code req.query("sort", "date")}, typed).
     *
     * @param name         parameter name
     * @param defaultValue the value when absent
     * @return the parameter's first value, or {@code defaultValue}
     */
    default String queryStr(Object name, String defaultValue) {
        return (String) query(name, defaultValue);
    }

    /**
     * A request header ({@code req.header("Authorization")}), by case-insensitive name.
     *
     * @param name header name
     * @return its value ({@code ", "}-joined when repeated), or nil
     */
    Object header(Object name);

    /**
     * A path parameter ({@code req.param("id")}); the same as {@code req.params.id}.
     *
     * @param name parameter name
     * @return its value, or nil
     */
    Object param(Object name);
    // ---------------------------------------------------------------- typed reads of the fields

    /** The {@code method} field: {@code "GET"}, {@code "POST"}, ... */
    default String method() {
        return string(this, "method");
    }

    /** The {@code path} field: the decoded path, {@code "/api/users/7"}. */
    default String path() {
        return string(this, "path");
    }

    /** The {@code url} field: path and query as sent. */
    default String url() {
        return string(this, "url");
    }

    /** The {@code body} field: the body as a string (UTF-8), read on first use. */
    default String body() {
        return string(this, "body");
    }

    /**
     * The {@code params} field: path parameters, names to string values.
     *
     * @throws dev.ruchy.runtime.RuchyError a type error when a handler stored something else there
     */
    default dev.ruchy.runtime.RObject params() {
        return object(this, "params");
    }

    /**
     * The {@code query} field: query parameters, names to their first values.
     *
     * @throws dev.ruchy.runtime.RuchyError a type error when a handler stored something else there
     */
    default dev.ruchy.runtime.RObject query() {
        return object(this, "query");
    }

    /**
     * The {@code headers} field: header names in lower case to values.
     *
     * @throws dev.ruchy.runtime.RuchyError a type error when a handler stored something else there
     */
    default dev.ruchy.runtime.RObject headers() {
        return object(this, "headers");
    }

    /**
     * Field {@code name} as an object.
     *
     * @throws dev.ruchy.runtime.RuchyError a type error when a handler stored something else there
     */
    private static dev.ruchy.runtime.RObject object(Request req, String name) {
        Object value = req.get(name);
        if (value instanceof dev.ruchy.runtime.RObject o) {
            return o;
        }
        throw dev.ruchy.runtime.RuchyError.type("req." + name + " must be an object, got "
                + dev.ruchy.runtime.Values.typeOf(value));
    }

    /**
     * Field {@code name} as a string.
     *
     * @throws dev.ruchy.runtime.RuchyError a type error when a handler stored something else there
     */
    private static String string(Request req, String name) {
        Object value = req.get(name);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw dev.ruchy.runtime.RuchyError.type("req." + name + " must be a string, got "
                + dev.ruchy.runtime.Values.typeOf(value));
    }
}
