package dev.ruchy.runtime;

/**
 * Ruchy operators on values whose types are known only at run time. Where the transpiler knows the
 * operand types it should emit plain Java instead ({@code "n=" + n} for a {@code long},
 * {@code "x" + Fmt.plain(d)} for a {@code double}).
 */
public final class Ops {
    private Ops() {
    }

    /**
     * {@code a + b} where at least one side is a string (ruchy-semantics §3.6): two strings join; an
     * integer joins in decimal, a float in {@link Fmt#plain plain form} ({@code "x" + 2.0} →
     * {@code x2}), a boolean as {@code true}/{@code false}, on either side.
     *
     * @return the joined string
     * @throws RuchyError {@code Type error: Cannot add string and nil} (or {@code array}, {@code object},
     *                    ...; {@code Cannot add nil and string} when the string is on the right), and
     *                    {@code Cannot add integer and integer} etc. when neither side is a string
     */
    public static String concat(Object a, Object b) {
        if (a instanceof String left) {
            if (b instanceof String right) {
                return left.concat(right);
            }
            String right = piece(b);
            if (right == null) {
                throw addError(a, b);
            }
            return left.concat(right);
        }
        if (b instanceof String right) {
            String left = piece(a);
            if (left == null) {
                throw addError(a, b);
            }
            return left.concat(right);
        }
        throw addError(a, b);
    }

    /** The text of a value that may be added to a string, or {@code null} if it may not. */
    private static String piece(Object value) {
        return switch (value) {
            case Long l -> l.toString();
            case Integer i -> i.toString();
            case Short s -> s.toString();
            case Double d -> FloatFormat.plain(d);
            case Float f -> FloatFormat.plain(f);
            case Boolean b -> b.toString();
            case Character c -> c.toString();
            case null, default -> null;
        };
    }

    private static RuchyError addError(Object a, Object b) {
        return RuchyError.type("Cannot add " + Values.typeOf(a) + " and " + Values.typeOf(b));
    }
}
