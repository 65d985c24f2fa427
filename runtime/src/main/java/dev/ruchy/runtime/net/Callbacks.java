package dev.ruchy.runtime.net;

import dev.ruchy.runtime.Console;
import dev.ruchy.runtime.Fn0;
import dev.ruchy.runtime.Fn1;
import dev.ruchy.runtime.Fn2;
import dev.ruchy.runtime.Fn3;
import dev.ruchy.runtime.Fn4;
import dev.ruchy.runtime.FnN;
import dev.ruchy.runtime.Ops;
import dev.ruchy.runtime.ProgramMain;
import dev.ruchy.runtime.RObject;
import dev.ruchy.runtime.RuchyError;
import dev.ruchy.runtime.Values;
import java.util.Arrays;

/** Calling the closures Ruchy programs hand to the networking API (handlers, event listeners). */
public final class Callbacks {
    private Callbacks() {
    }

    /**
     * The number of parameters {@code fn} declares: 0 to 4 for {@link Fn0}…{@link Fn4}, -1 for
     * {@link FnN} (any) and other function values.
     */
    public static int arity(Object fn) {
        return switch (fn) {
            case Fn0 f -> 0;
            case Fn1 f -> 1;
            case Fn2 f -> 2;
            case Fn3 f -> 3;
            case Fn4 f -> 4;
            case null, default -> -1;
        };
    }

    /**
     * Checks that {@code fn} is a function value.
     *
     * @throws RuchyError {@code Type error: on() handler must be a function, got string}
     */
    public static Object function(Object fn, String what) {
        if (fn == null || !"function".equals(Values.typeOf(fn))) {
            throw RuchyError.type(what + " must be a function, got " + Values.typeOf(fn));
        }
        return fn;
    }

    /**
     * Calls {@code fn} with as many of {@code args} as it declares, so a listener may ignore trailing
     * arguments: {@code socket.on("close", || ...)} and {@code socket.on("close", |code, reason| ...)}
     * both work. An {@link FnN} gets them all.
     */
    public static Object callLenient(Object fn, Object... args) {
        int n = arity(fn);
        Object[] given = n < 0 || n >= args.length ? args : Arrays.copyOf(args, n);
        if (n > args.length) {
            given = Arrays.copyOf(args, n); // missing trailing arguments are nil
        }
        return Ops.call(fn, given);
    }

    /**
     * What a Ruchy error handler sees of a failure: {@code {message, type}} ({@code type} is
     * {@code RuntimeError}, {@code TypeError}, ..., or {@code Error} for a failure that is not a Ruchy
     * error), so {@code err.message} works whatever was thrown. A thrown object keeps its fields
     * (a copy), with {@code message} and {@code type} added when it has none.
     */
    public static RObject errorValue(Throwable t) {
        if (t instanceof RuchyError r && r.kind() == RuchyError.Kind.THROWN && r.payload() instanceof RObject thrown) {
            // `throw {message: "forbidden", code: 403}` or `next({...})`: the object's own fields, so that
            // `res.status(err.code)` works, with `message` and `type` added where it lacks them
            RObject err = new RObject().withAll(thrown);
            if (!err.has("message")) {
                err.set("message", message(t));
            }
            if (!err.has("type")) {
                err.set("type", errorType(t));
            }
            return err;
        }
        return RObject.of("message", message(t), "type", errorType(t));
    }

    /** The text of a failure as Ruchy prints it, without the {@code Runtime error: } prefix. */
    public static String message(Throwable t) {
        if (t instanceof RuchyError r) {
            return r.kind() == RuchyError.Kind.THROWN ? dev.ruchy.runtime.Fmt.toStr(r.payload()) : r.detail();
        }
        if (t instanceof NullPointerException) {
            return "nil used where a value is required";
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private static String errorType(Throwable t) {
        if (t instanceof RuchyError r) {
            return switch (r.kind()) {
                case RUNTIME -> "RuntimeError";
                case TYPE -> "TypeError";
                case DIVISION_BY_ZERO -> "DivisionByZero";
                case ASSERTION -> "AssertionFailed";
                case THROWN -> "Thrown";
                case EARLY_RETURN -> "EarlyReturn";
            };
        }
        return "Error";
    }

    /**
     * Reports a failure nobody handles (a handler or listener that threw) on standard error:
     * {@code Error in GET /: <message>}, then {@code   --> app.ruchy:18} when the failing line is known.
     * The first line is one line whatever the client sent: line breaks and other control characters
     * in {@code where} or the message (text from a request, {@code %0d%0a} decoded) are escaped (see
     * {@link #oneLine}), so they cannot forge lines in a log.
     */
    public static void report(String where, Throwable t) {
        String text = t instanceof RuchyError r ? r.getMessage() : "Runtime error: " + message(t);
        String at = ProgramMain.location(t);
        Console.eprintln("Error in " + oneLine(where) + ": " + oneLine(text) + (at == null ? "" : "\n  --> " + at));
    }

    /**
     * {@code s} with its control characters escaped as in a Ruchy string literal: a CR as backslash
     * and {@code r}, a LF as backslash and {@code n}, the others (C0 but tab, DEL, C1, U+2028,
     * U+2029) as backslash and {@code u{hex}}; a tab stays.
     */
    static String oneLine(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = (c < 0x20 && c != '\t') || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029';
            if (control && b == null) {
                b = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            if (b != null) {
                if (!control) {
                    b.append(c);
                } else if (c == '\r') {
                    b.append("\\r");
                } else if (c == '\n') {
                    b.append("\\n");
                } else {
                    b.append("\\u{").append(Integer.toHexString(c)).append('}');
                }
            }
        }
        return b == null ? s : b.toString();
    }
}
