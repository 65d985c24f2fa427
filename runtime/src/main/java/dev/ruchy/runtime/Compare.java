package dev.ruchy.runtime;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Equality and ordering of dynamic values (ruchy-semantics §3.5, Decisions). Two equalities exist:
 * {@code ==} is structural with numbers compared numerically ({@code 1 == 1.0}); the strict one used
 * by patterns, {@code assert_eq} and {@code contains} also requires numbers of the same kind.
 */
final class Compare {
    /** The natural order of {@code sort()}: numbers numerically, strings by code point (Decisions). */
    static final Comparator<Object> NATURAL = Compare::natural;

    private Compare() {
    }

    /**
     * Structural equality: numbers numerically (strictly: same kind too), strings, booleans, nil;
     * arrays, tuples, objects, Some/None, Ok/Err element by element; structs and enum variants by
     * class and components (the interpreter ignores struct names, §3.5; this runtime does not);
     * anything else by {@link Object#equals}. NaN equals nothing.
     */
    static boolean equal(Object a, Object b, boolean strict) {
        if (Arith.isNumber(a) && Arith.isNumber(b)) {
            boolean ia = Arith.isInt(a);
            if (ia && Arith.isInt(b)) {
                return Arith.longOf(a) == Arith.longOf(b);
            }
            if (strict && ia != Arith.isInt(b)) {
                return false;
            }
            return Arith.doubleOf(a) == Arith.doubleOf(b);
        }
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (isText(a) && isText(b)) {
            return a.toString().equals(b.toString());
        }
        return switch (a) {
            case List<?> x -> b instanceof List<?> y && sequences(x, y, strict);
            case Tuple x -> b instanceof Tuple y && sequences(x.elements(), y.elements(), strict);
            case RObject x -> b instanceof RObject y && maps(x.toMap(), y.toMap(), strict);
            case Option.Some<?> x -> b instanceof Option.Some<?> y && equal(x.value(), y.value(), strict);
            case Result.Ok<?, ?> x -> b instanceof Result.Ok<?, ?> y && equal(x.value(), y.value(), strict);
            case Result.Err<?, ?> x -> b instanceof Result.Err<?, ?> y && equal(x.error(), y.error(), strict);
            case Option.None<?> x -> b instanceof Option.None<?>;
            case Range x -> x.equals(b);
            case Atom x -> x.equals(b);
            case Map<?, ?> x -> b instanceof Map<?, ?> y && maps(x, y, strict);
            case RuchyStruct x -> b.getClass() == a.getClass() && maps(x.fields(), ((RuchyStruct) b).fields(), strict);
            case Record x -> b.getClass() == a.getClass() && sequences(Records.values(x), Records.values((Record) b), strict);
            default -> a.equals(b);
        };
    }

    private static boolean isText(Object v) {
        return v instanceof String || v instanceof Character;
    }

    private static boolean sequences(List<?> a, List<?> b, boolean strict) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!equal(a.get(i), b.get(i), strict)) {
                return false;
            }
        }
        return true;
    }

    private static boolean maps(Map<?, ?> a, Map<?, ?> b, boolean strict) {
        if (a.size() != b.size()) {
            return false;
        }
        for (Map.Entry<?, ?> e : a.entrySet()) {
            if (!b.containsKey(e.getKey()) || !equal(e.getValue(), b.get(e.getKey()), strict)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The comparison of {@code < <= > >=} (§3.5): {@code op} is one of {@code "<" "<=" ">" ">="}.
     * Numbers compare numerically, kinds mixed (NaN compares false), strings by code point.
     *
     * @throws RuchyError {@code Type error: Cannot compare X and Y for ordering}
     */
    static boolean ordered(Object a, Object b, String op) {
        int c;
        if (Arith.isInt(a) && Arith.isInt(b)) {
            c = Long.compare(Arith.longOf(a), Arith.longOf(b));
        } else if (Arith.isNumber(a) && Arith.isNumber(b)) {
            double x = Arith.doubleOf(a);
            double y = Arith.doubleOf(b);
            return switch (op) {
                case "<" -> x < y;
                case "<=" -> x <= y;
                case ">" -> x > y;
                default -> x >= y;
            };
        } else if (isText(a) && isText(b)) {
            c = Renderer.compareCodePoints(a.toString(), b.toString());
        } else {
            throw RuchyError.type("Cannot compare " + Values.typeOf(a) + " and " + Values.typeOf(b) + " for ordering");
        }
        return switch (op) {
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            default -> c >= 0;
        };
    }

    /**
     * The sort kind of a value: {@code number}, {@code string}, {@code boolean}, {@code sequence}
     * (arrays and tuples, compared element by element), or its type name when it cannot be sorted.
     */
    static String sortKind(Object v) {
        if (Arith.isNumber(v)) {
            return "number";
        }
        if (isText(v)) {
            return "string";
        }
        if (v instanceof Boolean) {
            return "boolean";
        }
        if (v instanceof List<?> || v instanceof Tuple) {
            return "sequence";
        }
        return Values.typeOf(v);
    }

    /**
     * Checks that {@code values} can be sorted together (Decisions: mixed kinds are a clear error).
     *
     * @param what the operation, for the message, e.g. {@code sort()}
     * @throws RuchyError {@code Runtime error: sort() cannot order integer and string}
     */
    static void checkSortable(List<?> values, String what) {
        String kind = null;
        Object first = null;
        for (Object v : values) {
            String k = sortKind(v);
            if (!k.equals("number") && !k.equals("string") && !k.equals("boolean") && !k.equals("sequence")) {
                throw RuchyError.runtime(what + " cannot order values of type " + Values.typeOf(v));
            }
            if (kind == null) {
                kind = k;
                first = v;
            } else if (!kind.equals(k)) {
                throw RuchyError.runtime(what + " cannot order " + Values.typeOf(first) + " and " + Values.typeOf(v));
            }
        }
    }

    /** The natural order; numbers of both kinds together, NaN after every other number. */
    static int natural(Object a, Object b) {
        if (Arith.isInt(a) && Arith.isInt(b)) {
            return Long.compare(Arith.longOf(a), Arith.longOf(b));
        }
        if (Arith.isNumber(a) && Arith.isNumber(b)) {
            return Double.compare(Arith.doubleOf(a), Arith.doubleOf(b));
        }
        if (isText(a) && isText(b)) {
            return Renderer.compareCodePoints(a.toString(), b.toString());
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return Boolean.compare(x, y);
        }
        List<?> x = a instanceof Tuple t ? t.elements() : a instanceof List<?> l ? l : null;
        List<?> y = b instanceof Tuple t ? t.elements() : b instanceof List<?> l ? l : null;
        if (x != null && y != null) {
            for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
                int c = natural(x.get(i), y.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(x.size(), y.size());
        }
        throw RuchyError.runtime("sort() cannot order " + Values.typeOf(a) + " and " + Values.typeOf(b));
    }
}
