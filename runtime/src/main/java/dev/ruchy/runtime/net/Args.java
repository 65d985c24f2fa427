package dev.ruchy.runtime.net;

import dev.ruchy.runtime.Fmt;
import dev.ruchy.runtime.FnN;
import dev.ruchy.runtime.RObject;
import dev.ruchy.runtime.RuchyError;
import dev.ruchy.runtime.Values;
import java.util.LinkedHashMap;
import java.util.Map;

/** Checks and converts the arguments Ruchy code passes to the networking API. */
public final class Args {
    /** The characters an HTTP token cannot hold besides controls, spaces and non-ASCII. */
    private static final String SEPARATORS = "()<>@,;:\\\"/[]?={}";

    private Args() {
    }

    /**
     * {@code value} as a string.
     *
     * @param what what the argument is, for the message ({@code "http::get() url"})
     * @throws RuchyError {@code Type error: http::get() url must be a string, got integer}
     */
    public static String string(Object value, String what) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Character c) {
            return c.toString();
        }
        throw RuchyError.type(what + " must be a string, got " + Values.typeOf(value));
    }

    /**
     * Whether {@code s} is an HTTP token (RFC 9110 §5.6.2), as method and header names must be.
     */
    public static boolean isHttpToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= 32 || c >= 127 || SEPARATORS.indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * A header for a message about to be sent, checked: the name an HTTP token, the value free of
     * control characters (a CR or LF in it would end the header early and start another one).
     *
     * @throws RuchyError {@code Runtime error: Invalid header name 'Bad Name'};
     *                    {@code Invalid value for header X-A: it contains a control character (CR, LF, ...)}
     */
    public static void checkHeader(String name, String value) {
        if (!isHttpToken(name)) {
            throw RuchyError.runtime("Invalid header name '" + name + "'");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 32 && c != '\t' || c == 127) {
                throw RuchyError.runtime("Invalid value for header " + name + ": it contains a control character (CR, LF, ...)");
            }
        }
    }

    /**
     * {@code value} as a long.
     *
     * @throws RuchyError {@code Type error: read() length must be an integer, got string}
     */
    public static long integer(Object value, String what) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        throw RuchyError.type(what + " must be an integer, got " + Values.typeOf(value));
    }

    /**
     * {@code value} as a duration in milliseconds: an integer, or a float (rounded up).
     *
     * @throws RuchyError {@code Runtime error: timeout() must not be negative, got -1}
     */
    public static long millis(Object value, String what) {
        long ms;
        if (value instanceof Double || value instanceof Float) {
            ms = (long) Math.ceil(((Number) value).doubleValue());
        } else {
            ms = integer(value, what);
        }
        if (ms < 0) {
            throw RuchyError.runtime(what + " must not be negative, got " + ms);
        }
        return ms;
    }

    /**
     * A path function that first checks that it got {@code arity} arguments ({@link #arity}).
     *
     * @param name the path, for the error message ({@code http::get})
     */
    public static FnN withArity(String name, int arity, FnN f) {
        return args -> {
            arity(name, args, arity);
            return f.call(args);
        };
    }

    /**
     * Checks the number of arguments of a path function.
     *
     * @throws RuchyError {@code Runtime error: http::get() expects exactly 1 argument, got 2}
     */
    public static void arity(String name, Object[] args, int expected) {
        if (args.length != expected) {
            throw RuchyError.runtime(name + "() expects exactly " + expected + " argument" + (expected == 1 ? "" : "s")
                    + ", got " + args.length);
        }
    }

    /**
     * The entries of an object ({@code {"X-Id": 1}}) or Java map, values as text (nil values left out).
     *
     * @throws RuchyError {@code Type error: headers() expects an object, got array}
     */
    public static Map<String, String> textMap(Object value, String what) {
        Map<String, String> out = new LinkedHashMap<>();
        Map<?, ?> entries = switch (value) {
            case RObject o -> o.snapshot();
            case Map<?, ?> m -> m;
            case null, default -> throw RuchyError.type(what + " expects an object, got " + Values.typeOf(value));
        };
        entries.forEach((k, v) -> {
            if (v != null) {
                out.put(String.valueOf(k), text(v));
            }
        });
        return out;
    }

    /** A value as it appears in a header or query string: strings raw, anything else in Display form. */
    public static String text(Object value) {
        return Fmt.toStr(value);
    }
}
