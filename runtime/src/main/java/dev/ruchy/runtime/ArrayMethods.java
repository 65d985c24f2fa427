package dev.ruchy.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Array methods (ruchy-semantics §5.4) on the runtime's mutable, shared arrays (Decisions). Callbacks
 * are any function value, called through {@link Calls}; they run over a snapshot of the array, so they
 * may change it. Methods that "return a new array" never change the receiver; {@code push}, {@code pop},
 * {@code sort}, {@code sort_by}, {@code insert}, {@code remove}, {@code clear} and {@code extend} change
 * it in place.
 */
final class ArrayMethods {
    /** Methods that change the receiver, which a range (a fresh array each time) refuses. */
    static final Set<String> MUTATORS = Set.of("push", "pop", "insert", "remove", "clear", "extend");
    /** Rust's {@code f64::EPSILON}. */
    private static final double EPSILON = Math.ulp(1.0);

    private ArrayMethods() {
    }

    /**
     * {@code receiver.m(args...)}. Arrays may be shared between threads (a chat room's members, pushed
     * by one connection while another broadcasts), so each method is atomic with respect to the others:
     * it runs holding the array's monitor, and methods that call back into Ruchy code ({@code map},
     * {@code filter}, {@code each}, ...) run over a snapshot taken under it, without holding it.
     */
    static Object call(List<?> receiver, String m, Object[] args) {
        if (CALLBACK_READERS.contains(m)) {
            List<Object> snapshot;
            synchronized (receiver) {
                snapshot = new ArrayList<>(receiver);
            }
            return dispatch(snapshot, m, args);
        }
        synchronized (receiver) {
            return dispatch(receiver, m, args);
        }
    }

    /** Methods that call a function and do not change the array: they run over a snapshot. */
    private static final Set<String> CALLBACK_READERS = Set.of("map", "filter", "any", "all", "find", "each",
            "for_each", "reduce");

    @SuppressWarnings("unchecked")
    private static Object dispatch(List<?> receiver, String m, Object[] args) {
        List<Object> list = (List<Object>) receiver;
        return switch (m) {
            case "len", "length" -> {
                arity(m, args, 0);
                yield (long) list.size();
            }
            case "is_empty" -> {
                arity(m, args, 0);
                yield list.isEmpty();
            }
            case "first" -> {
                arity(m, args, 0);
                yield list.isEmpty() ? null : list.get(0);
            }
            case "last" -> {
                arity(m, args, 0);
                yield list.isEmpty() ? null : list.get(list.size() - 1);
            }
            case "get" -> {
                long i = integer(m, args, 0, 1);
                yield i < 0 || i >= list.size() ? null : list.get((int) i);
            }
            case "nth" -> {
                long i = integer(m, args, 0, 1);
                yield i < 0 || i >= list.size() ? Option.none() : Option.some(list.get((int) i));
            }
            case "push" -> {
                arity(m, args, 1);
                list.add(args[0]);
                yield null;
            }
            case "pop" -> {
                arity(m, args, 0);
                yield list.isEmpty() ? null : list.remove(list.size() - 1);
            }
            case "insert" -> {
                long i = integer(m, args, 0, 2);
                if (i < 0 || i > list.size()) {
                    throw RuchyError.runtime("Index " + i + " out of bounds for array of length " + list.size());
                }
                list.add((int) i, args[1]);
                yield null;
            }
            case "remove" -> list.remove(Lists.position(integer(m, args, 0, 1), list.size(), "array"));
            case "clear" -> {
                arity(m, args, 0);
                list.clear();
                yield null;
            }
            case "extend" -> {
                arity(m, args, 1);
                list.addAll(array(m, args[0]));
                yield null;
            }
            case "contains" -> {
                arity(m, args, 1);
                yield contains(list, args[0]);
            }
            case "join" -> {
                String sep = args.length == 0 ? "" : text(m, args, 0, 1);
                yield join(list, sep);
            }
            case "concat", "append" -> {
                arity(m, args, 1);
                List<Object> joined = new ArrayList<>(list);
                joined.addAll(array(m, args[0]));
                yield joined;
            }
            case "slice" -> {
                long from = integer(m, args, 0, 2);
                long to = integer(m, args, 1, 2);
                yield copy(list, from, to);
            }
            case "take" -> copy(list, 0, integer(m, args, 0, 1));
            case "skip" -> copy(list, integer(m, args, 0, 1), list.size());
            case "reverse" -> {
                arity(m, args, 0);
                List<Object> reversed = new ArrayList<>(list);
                Collections.reverse(reversed);
                yield reversed;
            }
            case "flatten" -> {
                arity(m, args, 0);
                List<Object> flat = new ArrayList<>();
                for (Object item : list) {
                    if (item instanceof List<?> inner) {
                        flat.addAll(inner);
                    } else {
                        flat.add(item);
                    }
                }
                yield flat;
            }
            case "enumerate" -> {
                arity(m, args, 0);
                yield enumerate(list);
            }
            case "zip" -> {
                arity(m, args, 1);
                yield zip(list, array(m, args[0]));
            }
            case "sum" -> {
                arity(m, args, 0);
                yield fold(list, true);
            }
            case "product" -> {
                arity(m, args, 0);
                yield fold(list, false);
            }
            case "min" -> {
                arity(m, args, 0);
                yield extreme(list, true);
            }
            case "max" -> {
                arity(m, args, 0);
                yield extreme(list, false);
            }
            case "unique" -> {
                arity(m, args, 0);
                yield new ArrayList<>(byIdentity(list).values());
            }
            case "union" -> {
                arity(m, args, 1);
                Map<String, Object> all = byIdentity(list);
                byIdentity(array(m, args[0])).forEach(all::putIfAbsent);
                yield new ArrayList<>(all.values());
            }
            case "intersection", "difference" -> {
                arity(m, args, 1);
                Set<String> other = byIdentity(array(m, args[0])).keySet();
                boolean keep = m.equals("intersection");
                List<Object> result = new ArrayList<>();
                byIdentity(list).forEach((key, v) -> {
                    if (other.contains(key) == keep) {
                        result.add(v);
                    }
                });
                yield result;
            }
            case "sort" -> {
                arity(m, args, 0);
                yield sort(list);
            }
            case "sort_by" -> {
                arity(m, args, 1);
                yield sortBy(list, args[0]);
            }
            case "map" -> {
                Object f = function(m, args);
                List<Object> mapped = new ArrayList<>(list.size());
                for (Object item : list.toArray()) {
                    mapped.add(Calls.call1(f, item));
                }
                yield mapped;
            }
            case "filter" -> {
                Object f = function(m, args);
                List<Object> kept = new ArrayList<>();
                for (Object item : list.toArray()) {
                    if (Ops.truthy(Calls.call1(f, item))) {
                        kept.add(item);
                    }
                }
                yield kept;
            }
            case "any", "all" -> {
                Object f = function(m, args);
                boolean any = m.equals("any");
                for (Object item : list.toArray()) {
                    if (Ops.truthy(Calls.call1(f, item)) == any) {
                        yield any;
                    }
                }
                yield !any;
            }
            case "find" -> {
                Object f = function(m, args);
                for (Object item : list.toArray()) {
                    if (Ops.truthy(Calls.call1(f, item))) {
                        yield item;
                    }
                }
                yield null;
            }
            case "each", "for_each" -> {
                Object f = function(m, args);
                for (Object item : list.toArray()) {
                    Calls.call1(f, item);
                }
                yield null;
            }
            case "reduce" -> reduce(list, args);
            case "iter", "collect", "to_vec", "clone" -> {
                arity(m, args, 0);
                yield m.equals("iter") || m.equals("collect") ? list : new ArrayList<>(list);
            }
            case "to_string" -> {
                arity(m, args, 0);
                yield Fmt.display(list);
            }
            default -> throw RuchyError.runtime("Unknown array method: " + m);
        };
    }

    /** {@code items.join(sep)}: strings raw, everything else in Display form (§2.6). */
    static String join(List<?> list, String sep) {
        StringBuilder sb = new StringBuilder();
        Object[] items = list.toArray();
        for (int i = 0; i < items.length; i++) {
            if (i > 0) {
                sb.append(sep);
            }
            sb.append(Fmt.toStr(items[i]));
        }
        return sb.toString();
    }

    /** Strict equality (§3.5: {@code [1].contains(1.0)} is false); two floats are equal within {@code f64::EPSILON}. */
    static boolean contains(List<?> list, Object needle) {
        boolean floatNeedle = Arith.isFloat(needle);
        for (Object item : list.toArray()) {
            boolean equal;
            if (floatNeedle && Arith.isFloat(item)) {
                double a = Arith.doubleOf(item);
                double b = Arith.doubleOf(needle);
                equal = a == b || Math.abs(a - b) < EPSILON;
            } else {
                equal = Compare.equal(item, needle, true);
            }
            if (equal) {
                return true;
            }
        }
        return false;
    }

    /** Elements {@code [from, to)}, both clamped to the array; empty when {@code from >= to}. */
    private static List<Object> copy(List<Object> list, long from, long to) {
        int a = Math.clamp(from, 0, list.size());
        int b = Math.clamp(to, 0, list.size());
        return a >= b ? new ArrayList<>() : new ArrayList<>(list.subList(a, b));
    }

    static List<Tuple> enumerate(List<?> list) {
        List<Tuple> pairs = new ArrayList<>(list.size());
        Object[] items = list.toArray();
        for (int i = 0; i < items.length; i++) {
            pairs.add(Tuple.of((long) i, items[i]));
        }
        return pairs;
    }

    static List<Tuple> zip(List<?> a, List<?> b) {
        Object[] x = a.toArray();
        Object[] y = b.toArray();
        List<Tuple> pairs = new ArrayList<>(Math.min(x.length, y.length));
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            pairs.add(Tuple.of(x[i], y[i]));
        }
        return pairs;
    }

    /** {@code sum()} / {@code product()}: integer (wrapping) while every element is one, float once any is. */
    private static Object fold(List<Object> list, boolean sum) {
        long l = sum ? 0 : 1;
        double d = l;
        boolean isFloat = false;
        for (Object item : list.toArray()) {
            if (Arith.isInt(item) && !isFloat) {
                l = sum ? l + Arith.longOf(item) : l * Arith.longOf(item);
            } else if (Arith.isNumber(item)) {
                if (!isFloat) {
                    d = l;
                    isFloat = true;
                }
                d = sum ? d + Arith.doubleOf(item) : d * Arith.doubleOf(item);
            } else {
                throw RuchyError.type((sum ? "sum" : "product") + "() requires numbers, got " + Values.typeOf(item));
            }
        }
        return isFloat ? (Object) d : (Object) l;
    }

    /**
     * {@code min()} / {@code max()}: nil when empty; integers exactly, an integer result when all are
     * integers, a float as soon as one is; strings by code point.
     */
    private static Object extreme(List<Object> list, boolean min) {
        Object[] items = list.toArray();
        if (items.length == 0) {
            return null;
        }
        boolean numbers = Arith.isNumber(items[0]);
        boolean anyFloat = false;
        Object best = items[0];
        for (Object item : items) {
            boolean ok = numbers ? Arith.isNumber(item) : item instanceof String;
            if (!ok) {
                throw RuchyError.type((min ? "min" : "max") + "() requires numbers or strings, got "
                        + Values.typeOf(items[0]) + " and " + Values.typeOf(item));
            }
            anyFloat |= Arith.isFloat(item);
            int c = Compare.natural(item, best);
            if (min ? c < 0 : c > 0) {
                best = item;
            }
        }
        return numbers && anyFloat ? (Object) Arith.doubleOf(best) : best;
    }

    /** Elements by identity as the interpreter sees it (§5.4: by Debug text, so {@code 1} and {@code 1.0} differ), first occurrence kept. */
    static Map<String, Object> byIdentity(List<?> list) {
        Map<String, Object> unique = new LinkedHashMap<>();
        for (Object item : list.toArray()) {
            unique.putIfAbsent(Fmt.debug(item), item);
        }
        return unique;
    }

    /** Sorts in natural order in place (Decisions) and returns the same array. */
    static List<Object> sort(List<Object> list) {
        Compare.checkSortable(list, "sort()");
        list.sort(Compare.NATURAL);
        return list;
    }

    /**
     * {@code sort_by(f)} in place, returning the array: a one-parameter {@code f} gives each element's
     * sort key (keys in natural order); a two-parameter {@code f} ({@link Fn2}) compares two elements and
     * returns a negative, zero or positive number.
     */
    private static List<Object> sortBy(List<Object> list, Object f) {
        if (f instanceof Fn2) {
            list.sort((a, b) -> {
                Object c = Calls.call2(f, a, b);
                if (!Arith.isNumber(c)) {
                    throw RuchyError.type("sort_by() comparator must return a number, got " + Values.typeOf(c));
                }
                return (int) Math.signum(Arith.doubleOf(c));
            });
            return list;
        }
        return sortByKey(list, item -> Calls.call1(f, item));
    }

    /**
     * Sorts {@code list} in place by the keys {@code key} gives its elements, in natural order,
     * stably; returns the same array.
     *
     * @throws RuchyError when the keys cannot be compared with each other
     */
    static <T> List<T> sortByKey(List<T> list, java.util.function.Function<? super T, ?> key) {
        @SuppressWarnings("unchecked")
        T[] items = (T[]) list.toArray();
        List<Object> keys = new ArrayList<>(items.length);
        for (T item : items) {
            keys.add(key.apply(item));
        }
        Compare.checkSortable(keys, "sort_by()");
        Integer[] order = new Integer[items.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (i, j) -> Compare.natural(keys.get(i), keys.get(j)));
        for (int i = 0; i < order.length; i++) {
            list.set(i, items[order[i]]);
        }
        return list;
    }

    /** {@code reduce(init, f)} or {@code reduce(f, init)} (§5.4); also {@code reduce(f)}, starting from the first element. */
    private static Object reduce(List<Object> list, Object[] args) {
        Object[] items = list.toArray();
        Object f;
        Object acc;
        int from = 0;
        if (args.length == 1 && Calls.isCallable(args[0])) {
            f = args[0];
            if (items.length == 0) {
                return null;
            }
            acc = items[0];
            from = 1;
        } else if (args.length == 2 && Calls.isCallable(args[1])) {
            f = args[1];
            acc = args[0];
        } else if (args.length == 2 && Calls.isCallable(args[0])) {
            f = args[0];
            acc = args[1];
        } else {
            throw RuchyError.runtime("reduce() expects an initial value and a function");
        }
        for (int i = from; i < items.length; i++) {
            acc = Calls.call2(f, acc, items[i]);
        }
        return acc;
    }

    private static Object function(String m, Object[] args) {
        arity(m, args, 1);
        if (!Calls.isCallable(args[0])) {
            throw RuchyError.type(m + "() expects a function, got " + Values.typeOf(args[0]));
        }
        return args[0];
    }

    private static List<?> array(String m, Object arg) {
        if (arg instanceof List<?> l) {
            return l;
        }
        throw RuchyError.type(m + "() expects an array argument, got " + Values.typeOf(arg));
    }

    private static long integer(String m, Object[] args, int index, int count) {
        arity(m, args, count);
        if (!Arith.isInt(args[index])) {
            throw RuchyError.type(m + "() expects an integer argument, got " + Values.typeOf(args[index]));
        }
        return Arith.longOf(args[index]);
    }

    private static String text(String m, Object[] args, int index, int count) {
        arity(m, args, count);
        if (args[index] instanceof String s) {
            return s;
        }
        if (args[index] instanceof Character c) {
            return c.toString();
        }
        throw RuchyError.type(m + "() expects a string argument, got " + Values.typeOf(args[index]));
    }

    /**
     * Checks that method {@code m} got {@code count} arguments.
     *
     * @throws RuchyError {@code Runtime error: push() expects 1 argument, got 0}
     */
    static void arity(String m, Object[] args, int count) {
        if (args.length != count) {
            throw RuchyError.runtime(m + "() expects " + count + " argument" + (count == 1 ? "" : "s") + ", got " + args.length);
        }
    }
}
