package dev.ruchy.runtime;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;

/**
 * Ruchy operators and the dynamic layer on values whose types are known only at run time: arithmetic,
 * comparison, truthiness, calls, method dispatch ({@link #invoke}), fields and indexing, conversions,
 * pattern-matching helpers, {@code ?}, and tasks. Where the transpiler knows the operand types it should
 * emit plain Java instead ({@code "n=" + n} for a {@code long}, {@code a + b} for two {@code long}s,
 * {@code "x" + Fmt.plain(d)} for a {@code double}).
 *
 * <p>Every method taking {@code Object} accepts any Ruchy value (see the package documentation) and
 * reports a value of the wrong kind with the Ruchy error of ruchy-semantics §6.2, as a {@link RuchyError},
 * never a {@code ClassCastException} or {@code NullPointerException}.
 */
public final class Ops {
    private Ops() {
    }

    // ---------------------------------------------------------------- arithmetic (§3.1–3.3, §3.6)

    /**
     * {@code a + b}: integers (wrapping, Decisions), floats (an integer mixed with a float gives a float),
     * strings joined with numbers and booleans as {@link #concat}, arrays concatenated into a new array.
     *
     * @throws RuchyError {@code Type error: Cannot add integer and boolean}
     */
    public static Object add(Object a, Object b) {
        return Arith.add(a, b);
    }

    /**
     * {@code a - b}.
     *
     * @throws RuchyError {@code Type error: Cannot subtract string from integer} (right operand named first)
     */
    public static Object sub(Object a, Object b) {
        return Arith.sub(a, b);
    }

    /**
     * {@code a * b}: numbers; {@code "ab" * 3} repeats ({@code ""} for a count of zero or less).
     *
     * @throws RuchyError {@code Type error: Cannot multiply integer and string}
     */
    public static Object mul(Object a, Object b) {
        return Arith.mul(a, b);
    }

    /**
     * {@code a / b}: integers truncate toward zero; floats follow IEEE ({@code 1.0 / 0} is {@code inf}).
     *
     * @throws RuchyError {@code Division by zero} for integers; {@code Runtime error: Integer overflow in division}
     *                    for {@code i64::MIN / -1}; {@code Type error: Cannot divide string by integer}
     */
    public static Object div(Object a, Object b) {
        return Arith.div(a, b);
    }

    /**
     * {@code a + b} under the checked-arithmetic option ({@code ruchy run --checked}) when the operand
     * types are not known at compile time: two integers add as {@link #addExact}, anything else as {@link #add}.
     *
     * @throws RuchyError {@code Runtime error: Integer overflow in addition}; as {@link #add}
     */
    public static Object addChecked(Object a, Object b) {
        return Arith.isInt(a) && Arith.isInt(b) ? (Object) addExact(Arith.longOf(a), Arith.longOf(b)) : add(a, b);
    }

    /** {@code a - b} under the checked-arithmetic option; see {@link #addChecked}. */
    public static Object subChecked(Object a, Object b) {
        return Arith.isInt(a) && Arith.isInt(b) ? (Object) subtractExact(Arith.longOf(a), Arith.longOf(b)) : sub(a, b);
    }

    /** {@code a * b} under the checked-arithmetic option; see {@link #addChecked}. */
    public static Object mulChecked(Object a, Object b) {
        return Arith.isInt(a) && Arith.isInt(b) ? (Object) multiplyExact(Arith.longOf(a), Arith.longOf(b)) : mul(a, b);
    }

    /**
     * Integer {@code a + b} under the checked-arithmetic option.
     *
     * @throws RuchyError {@code Runtime error: Integer overflow in addition} (ruchy-semantics §3.1)
     */
    public static long addExact(long a, long b) {
        long r = a + b;
        if (((a ^ r) & (b ^ r)) < 0) {
            throw RuchyError.runtime("Integer overflow in addition");
        }
        return r;
    }

    /**
     * Integer {@code a - b} under the checked-arithmetic option.
     *
     * @throws RuchyError {@code Runtime error: Integer overflow in subtraction} (ruchy-semantics §3.1)
     */
    public static long subtractExact(long a, long b) {
        long r = a - b;
        if (((a ^ b) & (a ^ r)) < 0) {
            throw RuchyError.runtime("Integer overflow in subtraction");
        }
        return r;
    }

    /**
     * Integer {@code a * b} under the checked-arithmetic option.
     *
     * @throws RuchyError {@code Runtime error: Integer overflow in multiplication} (ruchy-semantics §3.1)
     */
    public static long multiplyExact(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        if ((hi != 0 || lo < 0) && (hi != -1 || lo >= 0)) {
            throw RuchyError.runtime("Integer overflow in multiplication");
        }
        return lo;
    }

    /** {@code a / b} on two integers; errors as {@link #div(Object, Object)}. */
    public static long div(long a, long b) {
        return Arith.div(a, b);
    }

    /**
     * {@code a % b}: sign of the dividend; float {@code %} is fmod.
     *
     * @throws RuchyError {@code Division by zero} for a zero divisor of either kind (§3.2);
     *                    {@code Runtime error: Integer overflow in modulo} for {@code i64::MIN % -1};
     *                    {@code Type error: Cannot compute string modulo integer}
     */
    public static Object rem(Object a, Object b) {
        return Arith.rem(a, b);
    }

    /** {@code a % b} on two integers; errors as {@link #rem(Object, Object)}. */
    public static long rem(long a, long b) {
        return Arith.rem(a, b);
    }

    /**
     * {@code a % b} on two floats.
     *
     * @throws RuchyError {@code Division by zero} when {@code b} is zero
     */
    public static double rem(double a, double b) {
        return Arith.rem(a, b);
    }

    /**
     * {@code a ** b} (§3.3): integer ** non-negative integer is an integer, or a float if it overflows
     * ({@code 2 ** 64} is {@code 18446744073709551616.0}); integer ** negative integer is a float
     * ({@code 2 ** -2} is {@code 0.25}); any float operand gives a float.
     *
     * @throws RuchyError {@code Type error: Cannot compute string to the power of integer}
     */
    public static Object pow(Object a, Object b) {
        return Arith.pow(a, b);
    }

    /**
     * {@code -a} (wrapping for integers).
     *
     * @throws RuchyError {@code Type error: Cannot negate string}
     */
    public static Object neg(Object a) {
        return Arith.neg(a);
    }

    /**
     * {@code ~a} on an integer.
     *
     * @throws RuchyError {@code Type error: Bitwise operations require integer operands, got string}
     */
    public static Object bitNot(Object a) {
        return Arith.bitNot(a);
    }

    /**
     * {@code a & b} on integers (§3.8), or two booleans (no short-circuit).
     *
     * @throws RuchyError {@code Type error: Bitwise operations require integer operands, got float and integer}
     */
    public static Object bitAnd(Object a, Object b) {
        return Arith.bitwise('&', a, b);
    }

    /** {@code a | b}; as {@link #bitAnd}. */
    public static Object bitOr(Object a, Object b) {
        return Arith.bitwise('|', a, b);
    }

    /** {@code a ^ b}; as {@link #bitAnd}. */
    public static Object bitXor(Object a, Object b) {
        return Arith.bitwise('^', a, b);
    }

    /** {@code a << b} on integers, the count masked to 0–63 (§3.8). */
    public static Object shl(Object a, Object b) {
        return Arith.bitwise('<', a, b);
    }

    /** {@code a >> b} on integers (arithmetic shift), the count masked to 0–63 (§3.8). */
    public static Object shr(Object a, Object b) {
        return Arith.bitwise('>', a, b);
    }

    // ---------------------------------------------------------------- comparison and logic (§3.5, §3.7)

    /**
     * {@code a == b}: structural (§3.5, Decisions). Integers and floats compare numerically
     * ({@code 1 == 1.0}); arrays, tuples, objects (in any key order), Some/None, Ok/Err, structs and enum
     * variants compare element by element; values of different kinds are unequal. NaN equals nothing.
     */
    public static boolean eq(Object a, Object b) {
        return Compare.equal(a, b, false);
    }

    /**
     * {@code a < b}: numbers (kinds mixed), strings by code point (UTF-8 byte order).
     *
     * @throws RuchyError {@code Type error: Cannot compare string and integer for ordering}
     */
    public static boolean lt(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return x < y;
        }
        return Compare.ordered(a, b, "<");
    }

    /** {@code a <= b}; as {@link #lt}. */
    public static boolean le(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return x <= y;
        }
        return Compare.ordered(a, b, "<=");
    }

    /** {@code a > b}; as {@link #lt}. */
    public static boolean gt(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return x > y;
        }
        return Compare.ordered(a, b, ">");
    }

    /** {@code a >= b}; as {@link #lt}. */
    public static boolean ge(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return x >= y;
        }
        return Compare.ordered(a, b, ">=");
    }

    /** Ruchy truthiness (§3.7): only {@code false} and nil are false; {@code 0}, {@code ""} and {@code []} are true. */
    public static boolean truthy(Object value) {
        return value != null && !Boolean.FALSE.equals(value);
    }

    /** {@code left && right} (§3.7): {@code left} if it is falsy (then {@code right} is not run), else {@code right}'s value. */
    public static Object and(Object left, Fn0 right) {
        return truthy(left) ? right.call() : left;
    }

    /** {@code left || right} (§3.7): {@code left} if it is truthy (then {@code right} is not run), else {@code right}'s value. */
    public static Object or(Object left, Fn0 right) {
        return truthy(left) ? left : right.call();
    }

    /** {@code a ?? b} (§3.7): {@code b} only when {@code a} is nil (both already evaluated). */
    public static Object coalesce(Object a, Object b) {
        return a != null ? a : b;
    }

    // ---------------------------------------------------------------- names, calls and methods

    /** The atom {@code :name}. */
    public static Atom atom(String name) {
        return new Atom(name);
    }

    /**
     * A builtin function used as a value ({@code xs.map(sqrt)}): an {@link FnN} that checks its arity
     * ({@code sqrt() expects exactly 1 argument, got 2}) and calls the {@link Builtins} method.
     *
     * @param name the Ruchy name, e.g. {@code sqrt}, {@code type_of}, {@code parse_json}
     * @throws RuchyError {@code Runtime error: Undefined: name} for an unknown builtin
     */
    public static Object builtin(String name) {
        FnN f = BuiltinTable.get(name);
        if (f == null) {
            throw RuchyError.undefined(name);
        }
        return f;
    }

    /**
     * The value of a runtime path used as a value: a constant ({@code i64::MAX}, {@code f64::consts::PI},
     * {@code None}) or a function value ({@code std::fs::read_to_string}, {@code Some}). A leading
     * {@code std::}, {@code chrono::} or {@code collections::} is optional.
     *
     * @throws RuchyError {@code Runtime error: Undefined: a::b}
     */
    public static Object path(String path) {
        return Namespaces.value(path);
    }

    /**
     * Calls a runtime function by path: {@code std::fs::read_to_string(p)} ({@code Ok(text)} or
     * {@code Err(msg)}), {@code std::fs::write}, {@code std::fs::create_dir_all}, {@code std::env::args},
     * {@code std::env::var}, {@code std::process::exit}, {@code std::thread::sleep(ms)},
     * {@code Duration::from_millis}/{@code from_secs} (milliseconds as an integer), {@code String::from},
     * {@code String::new}, {@code HashMap::new} (a new {@link RObject}), {@code Vec::new} (a new array),
     * {@code Utc::now} (as {@link Builtins#currentDatetime}), {@code JSON::parse}/{@code stringify},
     * {@code math::<builtin>}.
     *
     * @throws RuchyError {@code Runtime error: Undefined: a::b}; arity errors as for builtins
     */
    public static Object callPath(String path, Object... args) {
        return Namespaces.call(path, args);
    }

    /**
     * A closure of five or more parameters: {@code Ops.fn(5, fnArgs -> ...)}. The function checks
     * the argument count before {@code body} runs, as the fixed-arity closures are checked at the call.
     *
     * @param arity the parameter count
     * @param body  the closure, reading its parameters from the array
     * @return the function value; calling it with another count throws
     *         {@code Runtime error: Function expects 5 arguments, got 2}
     */
    public static FnN fn(int arity, FnN body) {
        return args -> {
            Object[] given = args == null ? new Object[] {null} : args;
            Calls.arity(arity, given);
            return body.call(given);
        };
    }

    /**
     * Calls a function value with {@code args}: {@link Fn0}…{@link Fn4} need exactly their arity,
     * {@link FnN} takes any count.
     *
     * @throws RuchyError {@code Runtime error: Function expects 2 arguments, got 3};
     *                    {@code Type error: Cannot call non-function value: integer}
     */
    public static Object call(Object fn, Object... args) {
        return Calls.call(fn, args == null ? new Object[] {null} : args);
    }

    /**
     * {@code receiver.method(args...)} for every builtin method: strings (§5.3), arrays (§5.4; {@code push}
     * and {@code pop} change the array in place, {@code sort()} sorts in place in natural order and returns
     * the array), integers and floats (§5.5), objects ({@code keys values items get insert remove has_key
     * len is_empty}, Decisions), Some/None and Ok/Err ({@code unwrap unwrap_or is_some map expect ...}),
     * ranges, tuples, tasks, and {@code to_string} on everything; {@code x.await()} on anything. Other
     * receivers (generated structs and enums, runtime service objects) are searched by reflection for a
     * method whose Ruchy name ({@link RuchyName}, else its Java name) is {@code method}; {@code to_string}
     * is their Display form unless they have their own. Details and the full method list:
     * {@code docs/runtime.md}.
     *
     * @throws RuchyError {@code Runtime error: Unknown array method: foo},
     *                    {@code Unknown zero-argument string method: foo}, {@code Unknown integer method: foo},
     *                    {@code Unknown float method: foo}, {@code Unknown object method: foo},
     *                    {@code Method 'foo' not found for type boolean}; argument errors of the method
     */
    public static Object invoke(Object receiver, String method, Object... args) {
        return Methods.invoke(receiver, method, args);
    }

    /**
     * {@code actor ! message}: an {@link Fn1} receiver is called with the message, a
     * {@link BlockingQueue} gets it put, an object with a {@code send} method gets it sent; returns nil.
     *
     * @throws RuchyError {@code Runtime error: Sending a message to integer is not supported yet}
     */
    public static Object send(Object target, Object message) {
        switch (target) {
            case Fn1 f -> f.call(message);
            case BlockingQueue<?> q -> {
                @SuppressWarnings("unchecked")
                BlockingQueue<Object> queue = (BlockingQueue<Object>) q;
                try {
                    queue.put(message);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw RuchyError.runtime("Interrupted while sending a message");
                }
            }
            case null -> throw RuchyError.unsupported("Sending a message to nil");
            default -> {
                Object sent = Values.isFunction(target) || target instanceof List<?> || target instanceof RObject
                        || target instanceof String || target instanceof Number || target instanceof Boolean
                        ? Reflect.NONE : Reflect.invoke(target, "send", new Object[] {message});
                if (sent == Reflect.NONE) {
                    throw RuchyError.unsupported("Sending a message to " + Values.typeOf(target));
                }
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- fields and indexing

    /**
     * {@code obj.name}: an object's key, a struct's field (record component or {@link RuchyStruct} field,
     * by Ruchy name), a tuple's element ({@code "0"}, {@code "1"}, ...), a range's {@code start}/{@code end},
     * or a Java object's getter or field.
     *
     * @throws RuchyError {@code Runtime error: Object has no field named 'k'};
     *                    {@code Field 'k' not found in struct P}; {@code Cannot access field 'k' on integer}
     */
    public static Object field(Object obj, String name) {
        return Access.field(obj, name);
    }

    /**
     * {@code obj.name = value} on an object (adds or replaces the key) or a mutable struct class.
     *
     * @throws RuchyError {@code Runtime error: Cannot assign field 'x' on integer}; records are immutable:
     *                    {@code Cannot assign field 'x' of Pt: its fields are immutable}
     */
    public static void setField(Object obj, String name, Object value) {
        Access.setField(obj, name, value);
    }

    /**
     * {@code obj.name op= value} (and so {@code obj.count += 1}), done atomically on an object that
     * many threads change: {@code f} gets the current value and gives the new one, under the object's
     * lock ({@link RObject#update}). Generated code evaluates the right-hand side first, so {@code f}
     * only combines two values. Other receivers (struct classes, Java objects) read and write in two steps.
     *
     * @return the new value
     * @throws RuchyError as {@link #field} for a missing field
     */
    public static Object updateField(Object obj, String name, UnaryOperator<Object> f) {
        if (obj instanceof RObject o) {
            return o.update(name, f);
        }
        Object value = f.apply(field(obj, name));
        setField(obj, name, value);
        return value;
    }

    /**
     * {@code container[index] op= value}, atomically on an array (under its monitor, as the array
     * methods) or an object (under its lock); see {@link #updateField}.
     *
     * @return the new value
     * @throws RuchyError as {@link #index} and {@link #setIndex}
     */
    public static Object updateIndex(Object container, Object index, UnaryOperator<Object> f) {
        if (container instanceof List<?> list) {
            synchronized (list) {
                Object value = f.apply(index(list, index));
                setIndex(list, index, value);
                return value;
            }
        }
        if (container instanceof RObject o && o.has(index)) {
            return o.update(index, f);
        }
        Object value = f.apply(index(container, index));
        setIndex(container, index, value);
        return value;
    }

    /**
     * {@code container[index]}: an array or tuple element (negative from the end), a string's character
     * (code points, negative from the end), an object's key; with a {@link Range} index, a slice of an
     * array (a new array) or a string: {@code xs[1..3]}, {@code xs[..2]}, {@code xs[2..]}, {@code xs[1..=3]},
     * negative bounds from the end, the end clamped.
     *
     * @throws RuchyError {@code Runtime error: Index 5 out of bounds for array of length 3} (or string, tuple);
     *                    {@code Key 'k' not found in object}; {@code Invalid range: start 4 is greater than end 2};
     *                    {@code Cannot index integer with integer}
     */
    public static Object index(Object container, Object index) {
        return Access.index(container, index);
    }

    /**
     * {@code container[index] = value} on an array (an existing position, negative from the end) or an
     * object (adds or replaces the key).
     *
     * @throws RuchyError {@code Runtime error: Index 9 out of bounds for array of length 3};
     *                    {@code Cannot assign to string indexed with integer}
     */
    public static void setIndex(Object container, Object index, Object value) {
        Access.setIndex(container, index, value);
    }

    /**
     * {@code start..end} / {@code start..=end}; a missing bound (nil, in slices {@code xs[..3]},
     * {@code xs[2..]}) is {@code 0} for the start and {@link Range#OPEN_END} for the end.
     *
     * @throws RuchyError {@code Type error: Range bounds must be integers, got float}
     */
    public static Range range(Object start, Object end, boolean inclusive) {
        long from = start == null ? 0 : bound(start);
        if (end == null) {
            return new Range(from, Range.OPEN_END, false);
        }
        return new Range(from, bound(end), inclusive);
    }

    private static long bound(Object v) {
        if (Arith.isInt(v)) {
            return Arith.longOf(v);
        }
        throw RuchyError.type("Range bounds must be integers, got " + Values.typeOf(v));
    }

    /**
     * What {@code for x in value} visits (§4.6): an array's elements (a snapshot taken when the loop
     * starts, so the body may change the array), a range's integers; also (project extension) an
     * object's keys and any Java {@link Iterable}.
     *
     * @throws RuchyError {@code Type error: For loop requires an iterable} for strings, tuples, numbers, nil, ...
     */
    public static Iterable<Object> iterate(Object value) {
        return Access.iterate(value);
    }

    /** The integers of a range, unboxed by the caller: {@code for (long i : Ops.longs(r))}. */
    public static Iterable<Long> longs(Range range) {
        return range;
    }

    // ---------------------------------------------------------------- conversions (§3.8)

    /**
     * A dynamic value the generated code knows to be an integer, as {@code long}.
     *
     * @throws RuchyError {@code Type error: Expected integer, got float}
     */
    public static long asInt(Object value) {
        if (Arith.isInt(value)) {
            return Arith.longOf(value);
        }
        throw RuchyError.type("Expected integer, got " + Values.typeOf(value));
    }

    /**
     * A dynamic number as {@code double}: floats as they are, integers converted.
     *
     * @throws RuchyError {@code Type error: Expected float, got string}
     */
    public static double asFloat(Object value) {
        if (Arith.isNumber(value)) {
            return Arith.doubleOf(value);
        }
        throw RuchyError.type("Expected float, got " + Values.typeOf(value));
    }

    /**
     * A dynamic array as a {@code List} (unchecked: the elements are not inspected).
     *
     * @throws RuchyError {@code Type error: Expected array, got object}
     */
    @SuppressWarnings("unchecked")
    public static <T> List<T> asList(Object value) {
        if (value instanceof List<?> l) {
            return (List<T>) l;
        }
        throw RuchyError.type("Expected array, got " + Values.typeOf(value));
    }

    /**
     * {@code x as f64} (§3.8): integers convert, floats stay.
     *
     * @throws RuchyError {@code Type error: Cannot cast string to f64}
     */
    public static double toFloat(Object value) {
        if (Arith.isNumber(value)) {
            return Arith.doubleOf(value);
        }
        throw RuchyError.type("Cannot cast " + Values.typeOf(value) + " to f64");
    }

    /**
     * {@code x as i64} (§3.8): integers unchanged, floats truncated toward zero and saturated (NaN → 0),
     * booleans 1/0 (as in Rust), an enum variant with an explicit discriminant (a generated
     * {@code discriminant()} method) that number.
     *
     * @throws RuchyError {@code Type error: Cannot cast string to i64}
     */
    public static long toInt(Object value) {
        if (Arith.isInt(value)) {
            return Arith.longOf(value);
        }
        if (Arith.isFloat(value)) {
            return (long) Arith.doubleOf(value);
        }
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (value instanceof RuchyEnum) {
            Object d = Reflect.invoke(value, "discriminant", new Object[0]);
            if (Arith.isInt(d)) {
                return Arith.longOf(d);
            }
        }
        throw RuchyError.type("Cannot cast " + Values.typeOf(value) + " to i64");
    }

    /**
     * {@code value as T} with the type as written: {@code f64}/{@code f32} as {@link #toFloat},
     * {@code i64}/{@code i32}/{@code isize} as {@link #toInt} (no narrowing, §3.8).
     *
     * @throws RuchyError {@code Type error: Cannot cast integer to usize} for every other type ({@code usize},
     *                    {@code u8}, {@code String}, ...)
     */
    public static Object cast(Object value, String typeText) {
        return switch (typeText.strip()) {
            case "f64", "f32" -> toFloat(value);
            case "i64", "i32", "isize" -> {
                try {
                    yield toInt(value);
                } catch (RuchyError e) {
                    throw RuchyError.type("Cannot cast " + Values.typeOf(value) + " to " + typeText.strip());
                }
            }
            default -> throw RuchyError.type("Cannot cast " + Values.typeOf(value) + " to " + typeText.strip());
        };
    }

    // ---------------------------------------------------------------- patterns (§4.5)

    /**
     * A literal pattern (§4.5): strictly equal and of the same kind, so {@code 1} does not match
     * {@code 1.0}; a nil literal matches only nil.
     */
    public static boolean matches(Object value, Object literal) {
        if (literal == null) {
            return value == null;
        }
        if (Arith.isInt(literal)) {
            return Arith.isInt(value) && Arith.longOf(value) == Arith.longOf(literal);
        }
        if (Arith.isFloat(literal)) {
            return Arith.isFloat(value) && Arith.doubleOf(value) == Arith.doubleOf(literal);
        }
        return Compare.equal(value, literal, true);
    }

    /**
     * A range pattern {@code low..=high} / {@code low..high} (§4.5): an integer within integer bounds, a
     * float within float bounds; also (project extension, the interpreter never matches these) a
     * one-character string within string bounds, {@code 'a'..='z'}, by code point.
     */
    public static boolean inRange(Object value, Object low, Object high, boolean inclusive) {
        if (Arith.isInt(low) && Arith.isInt(high)) {
            if (!Arith.isInt(value)) {
                return false;
            }
            long v = Arith.longOf(value);
            return v >= Arith.longOf(low) && (inclusive ? v <= Arith.longOf(high) : v < Arith.longOf(high));
        }
        if (Arith.isNumber(low) && Arith.isNumber(high)) {
            if (!Arith.isFloat(value)) {
                return false;
            }
            double v = Arith.doubleOf(value);
            return v >= Arith.doubleOf(low) && (inclusive ? v <= Arith.doubleOf(high) : v < Arith.doubleOf(high));
        }
        if (value instanceof String v && low instanceof String lo && high instanceof String hi) {
            int c = Renderer.compareCodePoints(v, hi);
            return Renderer.compareCodePoints(v, lo) >= 0 && (inclusive ? c <= 0 : c < 0);
        }
        return false;
    }

    /** A tuple pattern {@code (p1, p2)}: a tuple of exactly {@code size} elements. */
    public static boolean isTuple(Object value, int size) {
        return value instanceof Tuple t && t.elements().size() == size;
    }

    /**
     * An array pattern: {@code [a, b]} is an array of exactly {@code fixedCount} elements;
     * {@code [first, ..rest]} / {@code [.., last]} ({@code hasRest}) at least {@code fixedCount}.
     */
    public static boolean isList(Object value, int fixedCount, boolean hasRest) {
        return value instanceof List<?> l && (hasRest ? l.size() >= fixedCount : l.size() == fixedCount);
    }

    /**
     * Element {@code index} of a tuple or array (negative from the end), the value inside Some/Ok/Err
     * (index 0), or component {@code index} of an enum variant or struct record.
     *
     * @throws RuchyError {@code Runtime error: Index 2 out of bounds for tuple of length 2};
     *                    {@code Cannot destructure integer}
     */
    public static Object element(Object value, long index) {
        return Access.element(value, index);
    }

    /**
     * The rest of an array pattern: the elements after the first {@code before} and before the last
     * {@code after}, as a new array ({@code [first, ..rest]} is {@code restOf(xs, 1, 0)}).
     *
     * @throws RuchyError {@code Runtime error: Cannot take the rest of ...} if {@code list} is not an array
     *                    that long (check {@link #isList} first)
     */
    public static List<Object> restOf(Object list, int before, int after) {
        return Access.restOf(list, before, after);
    }

    /** Whether {@code value} is {@code Some(...)}. */
    public static boolean isSome(Object value) {
        return value instanceof Option.Some<?>;
    }

    /** Whether {@code value} is {@code None}. */
    public static boolean isNone(Object value) {
        return value instanceof Option.None<?>;
    }

    /** Whether {@code value} is {@code Ok(...)}. */
    public static boolean isOk(Object value) {
        return value instanceof Result.Ok<?, ?>;
    }

    /** Whether {@code value} is {@code Err(...)}. */
    public static boolean isErr(Object value) {
        return value instanceof Result.Err<?, ?>;
    }

    /**
     * The value inside {@code Some(v)}, {@code Ok(v)} or {@code Err(v)}.
     *
     * @throws RuchyError {@code Runtime error: Expected Some, Ok or Err, got None}
     */
    public static Object payload(Object value) {
        return switch (value) {
            case Option.Some<?> s -> s.value();
            case Result.Ok<?, ?> ok -> ok.value();
            case Result.Err<?, ?> err -> err.error();
            case null, default -> throw RuchyError.runtime("Expected Some, Ok or Err, got " + Fmt.display(value));
        };
    }

    // ---------------------------------------------------------------- errors and control (§4.8)

    /**
     * {@code expr?} (§4.8): {@code Ok(v)} and {@code Some(v)} give {@code v}; {@code Err(..)} and
     * {@code None} throw {@link RuchyError#earlyReturn} carrying that value, which generated code turns
     * into a return from the enclosing function (and which a Ruchy {@code try/catch} must not catch).
     *
     * @throws RuchyError {@code Runtime error: Try operator expects Result enum, got: Integer(5)} for other values
     */
    public static Object tryUnwrap(Object value) {
        return switch (value) {
            case Result.Ok<?, ?> ok -> ok.value();
            case Option.Some<?> some -> some.value();
            case Result.Err<?, ?> err -> throw RuchyError.earlyReturn(err);
            case Option.None<?> none -> throw RuchyError.earlyReturn(none);
            case null, default -> throw RuchyError.runtime("Try operator expects Result enum, got: " + Fmt.debug(value));
        };
    }

    /**
     * The {@code Err}/{@code None} that the {@code ?} operator returns from the enclosing function,
     * typed as that function's result ({@code Result<Long, String>} and the like are erased, so the
     * cast is safe for the values {@code ?} passes on).
     */
    @SuppressWarnings("unchecked")
    public static <T> T propagate(Object errOrNone) {
        return (T) errOrNone;
    }

    /** Evaluates nothing more: marks an expression statement whose value is unused. */
    public static void discard(Object value) {
        // the argument has been evaluated; its value is dropped
    }

    /**
     * {@code macro!(args...)} (§4.16): {@code println! print! eprintln!} (as the functions),
     * {@code format!}, {@code vec!} (a new array), {@code panic!}, {@code assert! assert_eq! assert_ne!},
     * {@code dbg!}, {@code todo!}, {@code unimplemented!}, {@code unreachable!}. The name may carry its {@code !}.
     *
     * @throws RuchyError {@code Runtime error: Macro 'foo!' not yet implemented}
     */
    public static Object macro(String name, Object... args) {
        String bare = name.endsWith("!") ? name.substring(0, name.length() - 1) : name;
        Object[] a = args == null ? new Object[] {null} : args;
        switch (bare) {
            case "println" -> Builtins.println(a);
            case "print" -> Builtins.print(a);
            case "eprintln" -> Builtins.eprintln(a);
            case "format" -> {
                return Builtins.formatMacro(a);
            }
            case "vec" -> {
                return Lists.of(a);
            }
            case "panic" -> Builtins.panic(a);
            case "assert" -> Builtins.assertTrue(a);
            case "assert_eq" -> Builtins.assertEq(a);
            case "assert_ne" -> Builtins.assertNe(a);
            case "dbg" -> {
                return Builtins.dbg(a);
            }
            case "todo" -> throw RuchyError.runtime("not yet implemented");
            case "unimplemented" -> throw RuchyError.runtime("not implemented");
            case "unreachable" -> throw RuchyError.runtime("internal error: entered unreachable code");
            default -> throw RuchyError.runtime("Macro '" + bare + "!' not yet implemented");
        }
        return null;
    }

    // ---------------------------------------------------------------- tasks (§4.14, design: virtual threads)

    /**
     * Throws {@code error}; generated code calls it where a Ruchy run-time error stands in a position
     * that needs a value ({@code let j = i++}).
     *
     * @throws RuchyError always
     */
    public static Object fail(RuchyError error) {
        throw error;
    }

    /**
     * {@code await value}: waits for a {@link Task} (or any {@link Future} / {@link CompletionStage}) and
     * returns its value, rethrowing its error; any other value is returned as it is.
     */
    public static Object await(Object value) {
        switch (value) {
            case Task t -> {
                return t.join();
            }
            case Future<?> f -> {
                try {
                    return Reflect.normalize(f.get());
                } catch (ExecutionException e) {
                    throw Task.rethrow(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw RuchyError.runtime("Interrupted while waiting for a task");
                }
            }
            case CompletionStage<?> s -> {
                return await(s.toCompletableFuture());
            }
            case null, default -> {
                return value;
            }
        }
    }

    /** {@code async { body }}: starts {@code body} on a new virtual thread; {@link #await} on the returned {@link Task} joins it. */
    public static Task async(Fn0 body) {
        return Task.start(body, false);
    }

    /**
     * {@code spawn { body }}: starts {@code body} on a new virtual thread and returns its {@link Task}
     * handle; an error that ends the body is also reported on standard error, since the handle is often
     * dropped.
     */
    public static Task spawn(Fn0 body) {
        return Task.start(body, true);
    }

    /**
     * {@code spawn { body }} whose value nobody reads (a statement of its own): as
     * {@link #spawn(Fn0)}, for a body of statements with no value; its task's value is nil.
     */
    public static Task spawn(Runnable body) {
        return Task.start(() -> {
            body.run();
            return null;
        }, true);
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
