package dev.ruchy.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * Arithmetic and bitwise operators on dynamic values (ruchy-semantics §3.1–3.3, §3.6, §3.8). Integers
 * are {@code Long} ({@code Integer} and {@code Short} accepted), floats {@code Double} ({@code Float}
 * accepted). Integer {@code + - *} wrap like Java {@code long} (Decisions); int ⊕ float is float.
 */
final class Arith {
    private Arith() {
    }

    static boolean isInt(Object v) {
        return v instanceof Long || v instanceof Integer || v instanceof Short;
    }

    static boolean isFloat(Object v) {
        return v instanceof Double || v instanceof Float;
    }

    static boolean isNumber(Object v) {
        return isInt(v) || isFloat(v);
    }

    /** The value of an integer or float; call only after {@link #isNumber}. */
    static long longOf(Object v) {
        return ((Number) v).longValue();
    }

    static double doubleOf(Object v) {
        return ((Number) v).doubleValue();
    }

    static Object add(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return x + y;
        }
        if (isInt(a) && isInt(b)) {
            return longOf(a) + longOf(b);
        }
        if (isNumber(a) && isNumber(b)) {
            return doubleOf(a) + doubleOf(b);
        }
        if (a instanceof Character c) {
            return add(c.toString(), b);
        }
        if (b instanceof Character c) {
            return add(a, c.toString());
        }
        if (a instanceof String || b instanceof String) {
            return Ops.concat(a, b);
        }
        if (a instanceof List<?> left && b instanceof List<?> right) {
            List<Object> joined = new ArrayList<>(left.size() + right.size());
            joined.addAll(left);
            joined.addAll(right);
            return joined;
        }
        throw RuchyError.type("Cannot add " + Values.typeOf(a) + " and " + Values.typeOf(b));
    }

    static Object sub(Object a, Object b) {
        if (isInt(a) && isInt(b)) {
            return longOf(a) - longOf(b);
        }
        if (isNumber(a) && isNumber(b)) {
            return doubleOf(a) - doubleOf(b);
        }
        throw RuchyError.type("Cannot subtract " + Values.typeOf(b) + " from " + Values.typeOf(a));
    }

    static Object mul(Object a, Object b) {
        if (isInt(a) && isInt(b)) {
            return longOf(a) * longOf(b);
        }
        if (isNumber(a) && isNumber(b)) {
            return doubleOf(a) * doubleOf(b);
        }
        if ((a instanceof String || a instanceof Character) && isInt(b)) {
            return repeat(a.toString(), longOf(b));
        }
        throw RuchyError.type("Cannot multiply " + Values.typeOf(a) + " and " + Values.typeOf(b));
    }

    /** {@code "ab" * 3} (§3.6); a count of zero or less gives {@code ""}. */
    static String repeat(String s, long count) {
        if (count <= 0 || s.isEmpty()) {
            return "";
        }
        if (count > Integer.MAX_VALUE || (long) s.length() * count > Integer.MAX_VALUE - 8) {
            throw RuchyError.runtime("String repetition of " + count + " is too large");
        }
        return s.repeat((int) count);
    }

    static Object div(Object a, Object b) {
        if (isInt(a) && isInt(b)) {
            return div(longOf(a), longOf(b));
        }
        if (isNumber(a) && isNumber(b)) {
            return doubleOf(a) / doubleOf(b);
        }
        throw RuchyError.type("Cannot divide " + Values.typeOf(a) + " by " + Values.typeOf(b));
    }

    static long div(long a, long b) {
        if (b == 0) {
            throw RuchyError.divisionByZero();
        }
        if (a == Long.MIN_VALUE && b == -1) {
            throw RuchyError.runtime("Integer overflow in division");
        }
        return a / b;
    }

    static Object rem(Object a, Object b) {
        if (isInt(a) && isInt(b)) {
            return rem(longOf(a), longOf(b));
        }
        if (isNumber(a) && isNumber(b)) {
            return rem(doubleOf(a), doubleOf(b));
        }
        throw RuchyError.type("Cannot compute " + Values.typeOf(a) + " modulo " + Values.typeOf(b));
    }

    static long rem(long a, long b) {
        if (b == 0) {
            throw RuchyError.divisionByZero();
        }
        if (a == Long.MIN_VALUE && b == -1) {
            throw RuchyError.runtime("Integer overflow in modulo");
        }
        return a % b;
    }

    static double rem(double a, double b) {
        if (b == 0) {
            throw RuchyError.divisionByZero();
        }
        return a % b;
    }

    static Object pow(Object a, Object b) {
        if (isInt(a) && isInt(b)) {
            long base = longOf(a);
            long exp = longOf(b);
            if (exp < 0) {
                return Math.pow(base, exp);
            }
            try {
                return exactPow(base, exp);
            } catch (ArithmeticException overflow) {
                return Math.pow(base, exp); // §3.3: an overflowing int ** int becomes a float
            }
        }
        if (isNumber(a) && isNumber(b)) {
            return Math.pow(doubleOf(a), doubleOf(b));
        }
        throw RuchyError.type("Cannot compute " + Values.typeOf(a) + " to the power of " + Values.typeOf(b));
    }

    /** {@code base ** exp} for {@code exp >= 0}; throws {@link ArithmeticException} on overflow. */
    static long exactPow(long base, long exp) {
        long result = 1;
        long square = base;
        long e = exp;
        while (true) {
            if ((e & 1) != 0) {
                result = Math.multiplyExact(result, square);
            }
            e >>>= 1;
            if (e == 0) {
                return result;
            }
            square = Math.multiplyExact(square, square); // needed later, so an overflow here overflows the result
        }
    }

    /** {@code base ** exp} for {@code exp >= 0}, wrapping like Rust's unchecked {@code i64::pow} (§3.1). */
    static long wrappingPow(long base, long exp) {
        long result = 1;
        long square = base;
        long e = exp;
        while (e != 0) {
            if ((e & 1) != 0) {
                result *= square;
            }
            square *= square;
            e >>>= 1;
        }
        return result;
    }

    static Object neg(Object a) {
        if (isInt(a)) {
            return -longOf(a);
        }
        if (isFloat(a)) {
            return -doubleOf(a);
        }
        throw RuchyError.type("Cannot negate " + Values.typeOf(a));
    }

    static Object bitNot(Object a) {
        if (isInt(a)) {
            return ~longOf(a);
        }
        throw RuchyError.type("Bitwise operations require integer operands, got " + Values.typeOf(a));
    }

    /** {@code & | ^ << >>} (§3.8); {@code & | ^} also combine two booleans without short-circuit. */
    static Object bitwise(char op, Object a, Object b) {
        if (isInt(a) && isInt(b)) {
            long x = longOf(a);
            long y = longOf(b);
            return switch (op) {
                case '&' -> x & y;
                case '|' -> x | y;
                case '^' -> x ^ y;
                case '<' -> x << y; // counts masked to 0-63, as §3.8 says
                case '>' -> x >> y;
                default -> throw new IllegalArgumentException("operator " + op);
            };
        }
        if (a instanceof Boolean x && b instanceof Boolean y && op != '<' && op != '>') {
            return switch (op) {
                case '&' -> x & y;
                case '|' -> x | y;
                default -> x ^ y;
            };
        }
        throw RuchyError.type("Bitwise operations require integer operands, got "
                + Values.typeOf(a) + " and " + Values.typeOf(b));
    }

    /**
     * Rounds half away from zero (§3.10: {@code round(2.5)} is 3, {@code round(-2.5)} is -3), exactly:
     * the fraction {@code a - floor(a)} of a double is always representable.
     */
    static double roundHalfAway(double d) {
        if (!Double.isFinite(d)) {
            return d;
        }
        double a = Math.abs(d);
        double f = Math.floor(a);
        return Math.copySign(a - f >= 0.5 ? f + 1 : f, d);
    }
}
