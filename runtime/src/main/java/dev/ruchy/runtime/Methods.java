package dev.ruchy.runtime;

import java.util.List;
import java.util.Set;

/**
 * The method dispatcher behind {@link Ops#invoke}: picks the method table by the receiver's kind
 * (ruchy-semantics §5.3–5.6, Decisions on maps and Option), and falls back to reflection for generated
 * structs and enums and for runtime service objects.
 */
final class Methods {
    /** Array methods a range also has, applied to its values (a project extension; §5.5 gives ranges only {@code to_string}). */
    private static final Set<String> RANGE_AS_ARRAY = Set.of("map", "filter", "reduce", "sum", "product", "any",
            "all", "find", "each", "for_each", "collect", "to_vec", "iter", "reverse", "enumerate", "zip", "take",
            "skip", "min", "max", "join", "first", "last", "is_empty");

    private Methods() {
    }

    static Object invoke(Object receiver, String m, Object[] given) {
        Object[] args = given == null ? new Object[] {null} : given;
        if (m.equals("await") && args.length == 0) {
            return Ops.await(receiver); // every value can be awaited (§4.14: await of a non-task is the value)
        }
        return switch (receiver) {
            case String s -> StringMethods.call(s, m, args);
            case Character c -> StringMethods.call(c.toString(), m, args);
            case List<?> l -> {
                try {
                    yield ArrayMethods.call(l, m, args);
                } catch (UnsupportedOperationException e) {
                    throw RuchyError.runtime("Cannot " + m + " on a read-only array");
                }
            }
            case RObject o -> objectMethod(o, m, args);
            case Long l -> intMethod(l, m, args);
            case Integer i -> intMethod(i.longValue(), m, args);
            case Short s -> intMethod(s.longValue(), m, args);
            case Double d -> floatMethod(d, m, args);
            case Float f -> floatMethod(f.doubleValue(), m, args);
            case Option<?> o -> optionMethod(o, m, args);
            case Result<?, ?> r -> resultMethod(r, m, args);
            case Range r -> rangeMethod(r, m, args);
            case Tuple t -> tupleMethod(t, m, args);
            case Task t -> taskMethod(t, m, args);
            case null -> {
                if (m.equals("to_string") && args.length == 0) {
                    yield "nil";
                }
                throw notFound(null, m);
            }
            default -> otherMethod(receiver, m, args);
        };
    }

    private static RuchyError notFound(Object receiver, String m) {
        String type = Values.typeOf(receiver);
        if (type.equals("object") && !(receiver instanceof RObject) && !receiver.getClass().getName().startsWith("java.")) {
            // a runtime service object (a response, a socket, a server): its Display names it better
            return RuchyError.runtime("Method '" + m + "' not found for " + receiver);
        }
        return RuchyError.runtime("Method '" + m + "' not found for type " + type);
    }

    /**
     * Integer methods (§5.5): {@code abs()} (wrapping), {@code to_string()}, {@code pow(k)} with
     * {@code k >= 0} (wrapping); Rust's {@code min(k)}, {@code max(k)}, {@code to_float()}/{@code to_f64()}
     * as extensions, and {@code sqrt()}, a float as the builtin {@code sqrt(n)} returns ({@code 16.sqrt()}
     * is {@code 4.0}; a negative integer gives {@code NaN}).
     */
    private static Object intMethod(long n, String m, Object[] args) {
        switch (m) {
            case "abs" -> {
                if (args.length == 0) {
                    return Math.abs(n);
                }
            }
            case "to_string" -> {
                if (args.length == 0) {
                    return Long.toString(n);
                }
            }
            case "min", "max" -> {
                if (args.length == 1 && Arith.isInt(args[0])) {
                    long other = Arith.longOf(args[0]);
                    return m.equals("min") ? Math.min(n, other) : Math.max(n, other);
                }
            }
            case "to_float", "to_f64" -> {
                if (args.length == 0) {
                    return (double) n;
                }
            }
            case "sqrt" -> {
                if (args.length == 0) {
                    return Math.sqrt((double) n);
                }
            }
            case "pow" -> {
                if (args.length == 1 && Arith.isInt(args[0])) {
                    long k = Arith.longOf(args[0]);
                    if (k < 0) {
                        throw RuchyError.runtime("pow() exponent must be non-negative, got " + k);
                    }
                    return Arith.wrappingPow(n, k);
                }
            }
            default -> {
                // unknown
            }
        }
        throw RuchyError.runtime("Unknown integer method: " + m);
    }

    /**
     * Float methods (§5.5), none with arguments: {@code sqrt abs round floor ceil} (floats), {@code to_int}
     * (truncating), {@code to_string} (plain form); Rust's {@code sin cos tan ln log10 exp}, {@code min(x)},
     * {@code max(x)}, {@code powi(k)} as extensions. {@code powf} is an explanatory error, as in the interpreter.
     */
    private static Object floatMethod(double d, String m, Object[] args) {
        if (m.equals("powf")) {
            throw RuchyError.runtime("powf() is not available on floats: use the ** operator or pow(x, y)");
        }
        if (args.length == 1 && Arith.isNumber(args[0])) {
            double x = Arith.doubleOf(args[0]);
            switch (m) {
                case "min" -> {
                    return Math.min(d, x);
                }
                case "max" -> {
                    return Math.max(d, x);
                }
                case "powi" -> {
                    if (Arith.isInt(args[0])) {
                        return Math.pow(d, x);
                    }
                }
                default -> {
                    // unknown
                }
            }
        }
        if (args.length == 0) {
            switch (m) {
                case "sqrt" -> {
                    return Math.sqrt(d);
                }
                case "sin" -> {
                    return Math.sin(d);
                }
                case "cos" -> {
                    return Math.cos(d);
                }
                case "tan" -> {
                    return Math.tan(d);
                }
                case "ln" -> {
                    return Math.log(d);
                }
                case "log10" -> {
                    return Math.log10(d);
                }
                case "exp" -> {
                    return Math.exp(d);
                }
                case "abs" -> {
                    return Math.abs(d);
                }
                case "round" -> {
                    return Arith.roundHalfAway(d);
                }
                case "floor" -> {
                    return Math.floor(d);
                }
                case "ceil" -> {
                    return Math.ceil(d);
                }
                case "to_int", "to_integer" -> {
                    return (long) d;
                }
                case "to_string" -> {
                    return Fmt.plain(d);
                }
                default -> {
                    // unknown
                }
            }
        }
        throw RuchyError.runtime("Unknown float method: " + m);
    }

    /**
     * Object methods (Decisions): {@code keys values items get insert/set remove has_key/contains_key len
     * is_empty to_string clone}. Any other name is a key holding a function, called as a method
     * ({@code obj.greet()}), so objects work as namespaces; the built-in names come first, as in the
     * typed calls the transpiler writes for them ({@code obj.has_key(k)} is {@code obj.has(k)}).
     */
    private static Object objectMethod(RObject o, String m, Object[] args) {
        switch (m) {
            case "keys" -> {
                ArrayMethods.arity(m, args, 0);
                return o.keys();
            }
            case "values" -> {
                ArrayMethods.arity(m, args, 0);
                return o.values();
            }
            case "items", "entries" -> {
                ArrayMethods.arity(m, args, 0);
                return o.items();
            }
            case "get" -> {
                if (args.length != 1 && args.length != 2) {
                    throw RuchyError.runtime("get() expects 1 or 2 arguments, got " + args.length);
                }
                return o.getOrDefault(args[0], args.length == 2 ? args[1] : null);
            }
            case "insert", "set" -> {
                ArrayMethods.arity(m, args, 2);
                o.set(RObject.key(args[0], m + "()"), args[1]);
                return null;
            }
            case "remove" -> {
                ArrayMethods.arity(m, args, 1);
                return o.remove(args[0]); // a value that cannot be a key is absent
            }
            case "has_key", "contains_key", "contains" -> {
                ArrayMethods.arity(m, args, 1);
                return o.has(args[0]);
            }
            case "len", "length" -> {
                ArrayMethods.arity(m, args, 0);
                return o.len();
            }
            case "is_empty" -> {
                ArrayMethods.arity(m, args, 0);
                return o.isEmpty();
            }
            case "to_string" -> {
                ArrayMethods.arity(m, args, 0);
                return Fmt.display(o);
            }
            case "clone" -> {
                ArrayMethods.arity(m, args, 0);
                return new RObject().withAll(o);
            }
            default -> {
                Object own = o.getOrNull(m);
                if (own != null && Calls.isCallable(own)) {
                    return Calls.call(own, args);
                }
                throw RuchyError.runtime("Unknown object method: " + m);
            }
        }
    }

    /** Option methods (Decisions): {@code unwrap expect unwrap_or unwrap_or_else is_some is_none map and_then filter ok_or to_string}. */
    private static Object optionMethod(Option<?> o, String m, Object[] args) {
        Object value = o instanceof Option.Some<?> s ? s.value() : null;
        boolean some = o.isSome();
        return switch (m) {
            case "unwrap" -> {
                ArrayMethods.arity(m, args, 0);
                yield o.unwrap();
            }
            case "expect" -> {
                ArrayMethods.arity(m, args, 1);
                if (!some) {
                    throw RuchyError.runtime(Fmt.toStr(args[0]));
                }
                yield value;
            }
            case "unwrap_or" -> {
                ArrayMethods.arity(m, args, 1);
                yield some ? value : args[0];
            }
            case "unwrap_or_else" -> {
                ArrayMethods.arity(m, args, 1);
                yield some ? value : Calls.call(args[0], new Object[0]);
            }
            case "is_some" -> {
                ArrayMethods.arity(m, args, 0);
                yield some;
            }
            case "is_none" -> {
                ArrayMethods.arity(m, args, 0);
                yield !some;
            }
            case "map" -> {
                ArrayMethods.arity(m, args, 1);
                yield some ? Option.some(Calls.call1(args[0], value)) : o;
            }
            case "and_then" -> {
                ArrayMethods.arity(m, args, 1);
                yield some ? Calls.call1(args[0], value) : o;
            }
            case "filter" -> {
                ArrayMethods.arity(m, args, 1);
                yield some && Ops.truthy(Calls.call1(args[0], value)) ? o : Option.none();
            }
            case "ok_or" -> {
                ArrayMethods.arity(m, args, 1);
                yield some ? Result.ok(value) : Result.err(args[0]);
            }
            case "to_string" -> {
                ArrayMethods.arity(m, args, 0);
                yield Fmt.display(o);
            }
            default -> throw notFound(o, m);
        };
    }

    /**
     * Result methods (Decisions, by analogy with Option): {@code unwrap expect unwrap_err unwrap_or
     * unwrap_or_else is_ok is_err map map_err and_then ok err to_string}.
     */
    private static Object resultMethod(Result<?, ?> r, String m, Object[] args) {
        boolean ok = r.isOk();
        Object value = r instanceof Result.Ok<?, ?> o ? o.value() : null;
        Object error = r instanceof Result.Err<?, ?> e ? e.error() : null;
        return switch (m) {
            case "unwrap" -> {
                ArrayMethods.arity(m, args, 0);
                yield r.unwrap();
            }
            case "expect" -> {
                ArrayMethods.arity(m, args, 1);
                if (!ok) {
                    throw RuchyError.runtime(Fmt.toStr(args[0]) + ": " + Fmt.display(error));
                }
                yield value;
            }
            case "unwrap_err" -> {
                ArrayMethods.arity(m, args, 0);
                if (ok) {
                    throw RuchyError.runtime("called `Result::unwrap_err()` on an `Ok` value: " + Fmt.display(value));
                }
                yield error;
            }
            case "unwrap_or" -> {
                ArrayMethods.arity(m, args, 1);
                yield ok ? value : args[0];
            }
            case "unwrap_or_else" -> {
                ArrayMethods.arity(m, args, 1);
                yield ok ? value : Calls.call1(args[0], error);
            }
            case "is_ok" -> {
                ArrayMethods.arity(m, args, 0);
                yield ok;
            }
            case "is_err" -> {
                ArrayMethods.arity(m, args, 0);
                yield !ok;
            }
            case "map" -> {
                ArrayMethods.arity(m, args, 1);
                yield ok ? Result.ok(Calls.call1(args[0], value)) : r;
            }
            case "map_err" -> {
                ArrayMethods.arity(m, args, 1);
                yield ok ? r : Result.err(Calls.call1(args[0], error));
            }
            case "and_then" -> {
                ArrayMethods.arity(m, args, 1);
                yield ok ? Calls.call1(args[0], value) : r;
            }
            case "ok" -> {
                ArrayMethods.arity(m, args, 0);
                yield ok ? Option.some(value) : Option.none();
            }
            case "err" -> {
                ArrayMethods.arity(m, args, 0);
                yield ok ? Option.none() : Option.some(error);
            }
            case "to_string" -> {
                ArrayMethods.arity(m, args, 0);
                yield Fmt.display(r);
            }
            default -> throw notFound(r, m);
        };
    }

    /** {@code contains}, {@code len}, {@code to_string}, and the array methods of {@link #RANGE_AS_ARRAY} on the range's values. */
    private static Object rangeMethod(Range r, String m, Object[] args) {
        if (m.equals("contains") && args.length == 1) {
            Object v = args[0];
            if (Arith.isInt(v)) {
                return r.contains(Arith.longOf(v));
            }
            if (Arith.isFloat(v)) {
                double d = Arith.doubleOf(v);
                return d >= r.start() && (r.inclusive() ? d <= r.end() : d < r.end());
            }
            return false;
        }
        if ((m.equals("len") || m.equals("length")) && args.length == 0) {
            if (r.openEnd()) {
                throw RuchyError.runtime("The open range " + r + " has no length");
            }
            long size = r.inclusive() ? r.end() - r.start() + 1 : r.end() - r.start();
            return Math.max(0, size);
        }
        if (m.equals("to_string") && args.length == 0) {
            return r.toString();
        }
        if (m.equals("rev") && args.length == 0) {
            return ArrayMethods.call(r.toList(), "reverse", args);
        }
        if (RANGE_AS_ARRAY.contains(m)) {
            return ArrayMethods.call(r.toList(), m, args);
        }
        throw notFound(r, m);
    }

    private static Object tupleMethod(Tuple t, String m, Object[] args) {
        if (args.length == 0 && (m.equals("len") || m.equals("length"))) {
            return t.len();
        }
        if (args.length == 0 && m.equals("to_string")) {
            return Fmt.display(t);
        }
        throw notFound(t, m);
    }

    private static Object taskMethod(Task t, String m, Object[] args) {
        if (args.length == 0 && (m.equals("join") || m.equals("get"))) {
            return t.join();
        }
        if (args.length == 0 && (m.equals("is_done") || m.equals("is_finished"))) {
            return t.isDone();
        }
        if (args.length == 0 && m.equals("to_string")) {
            return t.toString();
        }
        throw notFound(t, m);
    }

    /**
     * Booleans, atoms and functions have only {@code to_string}; structs, enum variants and other Java
     * objects are searched by reflection ({@link Reflect}), with {@code to_string} as Display when they
     * lack one.
     */
    private static Object otherMethod(Object receiver, String m, Object[] args) {
        boolean plain = receiver instanceof Boolean || receiver instanceof Atom || receiver instanceof Byte
                || receiver instanceof Number;
        if (Values.isFunction(receiver)) {
            if (m.equals("call")) {
                return Calls.call(receiver, args);
            }
            if (m.equals("to_string") && args.length == 0) {
                return Fmt.display(receiver);
            }
            throw notFound(receiver, m);
        }
        if (!plain) {
            Object result = Reflect.invoke(receiver, m, args);
            if (result != Reflect.NONE) {
                return result;
            }
        }
        if (m.equals("to_string") && args.length == 0) {
            return Fmt.display(receiver);
        }
        if (!plain && Values.typeOf(receiver).equals("object") && !(receiver instanceof RObject)) {
            // a Java object that reached a dynamic place: Object's own methods as Java has them
            switch (m) {
                case "toString" -> {
                    if (args.length == 0) {
                        return receiver.toString();
                    }
                }
                case "hashCode" -> {
                    if (args.length == 0) {
                        return (long) receiver.hashCode();
                    }
                }
                case "equals" -> {
                    if (args.length == 1) {
                        return receiver.equals(args[0]);
                    }
                }
                default -> {
                }
            }
        }
        throw notFound(receiver, m);
    }
}
