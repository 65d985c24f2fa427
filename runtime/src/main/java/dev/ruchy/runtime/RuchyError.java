package dev.ruchy.runtime;

/**
 * A Ruchy runtime error: what {@code ruchy run} reports as {@code Error: Evaluation error: <message>}
 * (ruchy-semantics §6.1), and also the carrier of a value raised by {@code throw v} (§4.8).
 *
 * <p>{@link #getMessage()} is the full Ruchy text, kind prefix included: {@code Division by zero},
 * {@code Type error: Cannot add string and nil}, {@code Runtime error: Object has no field named 'k'},
 * {@code Uncaught exception: String("boom")}. {@link #detail()} is the text without the prefix, which
 * is what a Ruchy {@code catch e} sees as {@code e.message}.
 */
public final class RuchyError extends RuntimeException {
    static {
        UncaughtErrors.install(); // programs started with plain `java` report an uncaught error as Ruchy does
    }

    /** The error kinds of §6.1, each with the prefix Ruchy prints before the detail. */
    public enum Kind {
        /** {@code Runtime error: <detail>}; caught as {@code {message, type: "RuntimeError"}}. */
        RUNTIME("Runtime error: "),
        /** {@code Type error: <detail>}; caught as {@code {message, type: "TypeError"}}. */
        TYPE("Type error: "),
        /** {@code Division by zero}; caught as the string {@code "DivisionByZero"}. */
        DIVISION_BY_ZERO(""),
        /** {@code Assertion failed: <detail>}; caught as the string {@code AssertionFailed("<detail>")}. */
        ASSERTION("Assertion failed: "),
        /** {@code Uncaught exception: <Debug of value>}; caught as the thrown value itself. */
        THROWN("Uncaught exception: "),
        /**
         * Not an error: the {@code ?} operator leaving the enclosing function with an {@code Err} or
         * {@code None} (§4.8, see {@link RuchyError#earlyReturn}). Its message, {@code Early return: <Debug>},
         * shows only if nothing turns it back into a return value.
         */
        EARLY_RETURN("Early return: ");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        /** The text Ruchy prints before the detail, possibly empty. */
        public String prefix() {
            return prefix;
        }
    }

    private final Kind kind;
    private final String detail;
    private final transient Object payload;

    private RuchyError(Kind kind, String detail, Object payload) {
        super(kind.prefix + detail);
        this.kind = kind;
        this.detail = detail;
        this.payload = payload;
    }

    /** Without a stack trace: for control flow that is not an error. */
    private RuchyError(Kind kind, String detail, Object payload, boolean stackTrace) {
        super(kind.prefix + detail, null, false, stackTrace);
        this.kind = kind;
        this.detail = detail;
        this.payload = payload;
    }

    /** A runtime error, e.g. {@code runtime("Index 5 out of bounds for array of length 3")}. */
    public static RuchyError runtime(String detail) {
        return new RuchyError(Kind.RUNTIME, detail, null);
    }

    /** A type error, e.g. {@code type("Cannot add string and nil")}. */
    public static RuchyError type(String detail) {
        return new RuchyError(Kind.TYPE, detail, null);
    }

    /** Integer {@code /} or {@code %} by zero, or float {@code %} by zero (§3.1, §3.2). */
    public static RuchyError divisionByZero() {
        return new RuchyError(Kind.DIVISION_BY_ZERO, "Division by zero", null);
    }

    /** A failed {@code assert}/{@code assert_eq}; {@code detail} as §6.2 spells it. */
    public static RuchyError assertion(String detail) {
        return new RuchyError(Kind.ASSERTION, detail, null);
    }

    /**
     * The error raised by Ruchy's {@code throw value} (§4.8). The message, used only when nothing
     * catches it, is {@code Uncaught exception: } followed by the value's {@link Fmt#debug Debug dump}.
     *
     * @param value any Ruchy value, {@code null} for nil
     */
    public static RuchyError thrown(Object value) {
        return new RuchyError(Kind.THROWN, Fmt.debug(value), value);
    }

    /** {@code Runtime error: No match arm matched the value} (§4.5); {@code value} is the unmatched value (not shown). */
    public static RuchyError noMatch(Object value) {
        return runtime("No match arm matched the value");
    }

    /** {@code Runtime error: <what> is not supported yet}, for a construct the runtime does not implement. */
    public static RuchyError unsupported(String what) {
        return runtime(what + " is not supported yet");
    }

    /** {@code Runtime error: Undefined: <name>}, e.g. an unknown runtime path {@code a::b} (§6.2). */
    public static RuchyError undefined(String name) {
        return runtime("Undefined: " + name);
    }

    /**
     * What the {@code ?} operator throws on {@code Err(e)} or {@code None} (§4.8; see
     * {@link Ops#tryUnwrap}): the "early return" of {@code value} (the whole {@code Err}/{@code None}) from
     * the enclosing function. Generated code catches it at the function boundary
     * ({@code catch (RuchyError r) { if (r.isEarlyReturn()) return r.payload(); throw r; }}), and a Ruchy
     * {@code try/catch} must rethrow it, since {@code catch} sees errors only (Decisions). It carries no
     * stack trace.
     *
     * @param value the {@code Err}/{@code None} being returned
     */
    public static RuchyError earlyReturn(Object value) {
        return new RuchyError(Kind.EARLY_RETURN, Fmt.debug(value), value, false);
    }

    /** Whether this is the {@code ?} operator's {@link #earlyReturn} rather than an error. */
    public boolean isEarlyReturn() {
        return kind == Kind.EARLY_RETURN;
    }

    public Kind kind() {
        return kind;
    }

    /** The message without its kind prefix. */
    public String detail() {
        return detail;
    }

    /**
     * The thrown value for {@link Kind#THROWN}, the returned {@code Err}/{@code None} for
     * {@link Kind#EARLY_RETURN}; {@code null} for every other kind.
     */
    public Object payload() {
        return payload;
    }

    /**
     * The value a Ruchy {@code catch e} binds (§4.8): the thrown value itself; for runtime and type
     * errors an {@link RObject} {@code {message: detail, type: "RuntimeError"|"TypeError"}}; for
     * division by zero the string {@code DivisionByZero}; for assertions {@code AssertionFailed("...")};
     * for an {@link #earlyReturn} (which generated code should never let a {@code catch} see) the
     * interpreter's {@code Return(<Debug>)}.
     */
    public Object caught() {
        return switch (kind) {
            case THROWN -> payload;
            case RUNTIME -> RObject.of("message", detail, "type", "RuntimeError");
            case TYPE -> RObject.of("message", detail, "type", "TypeError");
            case DIVISION_BY_ZERO -> "DivisionByZero";
            case ASSERTION -> "AssertionFailed(" + DebugDump.quote(detail) + ")";
            case EARLY_RETURN -> "Return(" + detail + ")";
        };
    }
}
