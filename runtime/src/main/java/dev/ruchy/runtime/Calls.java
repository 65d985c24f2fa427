package dev.ruchy.runtime;

import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/** Calling function values whose arity is known only at run time (ruchy-semantics §4.7). */
final class Calls {
    private Calls() {
    }

    /**
     * Calls {@code fn} with {@code args}: an {@link FnN} takes any count; {@link Fn0}…{@link Fn4} (and
     * {@code Supplier}, {@code Callable}, {@code Runnable}, {@code Function}, {@code BiFunction}) need
     * exactly their own.
     *
     * @throws RuchyError {@code Runtime error: Function expects 2 arguments, got 3};
     *                    {@code Type error: Cannot call non-function value: integer}
     */
    static Object call(Object fn, Object[] args) {
        switch (fn) {
            case FnN f -> {
                return f.call(args);
            }
            case Fn0 f -> {
                arity(0, args);
                return f.call();
            }
            case Fn1 f -> {
                arity(1, args);
                return f.call(args[0]);
            }
            case Fn2 f -> {
                arity(2, args);
                return f.call(args[0], args[1]);
            }
            case Fn3 f -> {
                arity(3, args);
                return f.call(args[0], args[1], args[2]);
            }
            case Fn4 f -> {
                arity(4, args);
                return f.call(args[0], args[1], args[2], args[3]);
            }
            case Supplier<?> f -> {
                arity(0, args);
                return f.get();
            }
            case Callable<?> f -> {
                arity(0, args);
                try {
                    return f.call();
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw RuchyError.runtime(e.toString());
                }
            }
            case Runnable f -> {
                arity(0, args);
                f.run();
                return null;
            }
            case Function<?, ?> f -> {
                arity(1, args);
                @SuppressWarnings("unchecked")
                Function<Object, Object> g = (Function<Object, Object>) f;
                return g.apply(args[0]);
            }
            case BiFunction<?, ?, ?> f -> {
                arity(2, args);
                @SuppressWarnings("unchecked")
                BiFunction<Object, Object, Object> g = (BiFunction<Object, Object, Object>) f;
                return g.apply(args[0], args[1]);
            }
            case null, default -> throw RuchyError.type("Cannot call non-function value: " + Values.typeOf(fn));
        }
    }

    /** {@code fn(a)}, the common case of {@code map}/{@code filter} callbacks, without a varargs array for {@link Fn1}. */
    static Object call1(Object fn, Object a) {
        return fn instanceof Fn1 f ? f.call(a) : call(fn, new Object[] {a});
    }

    /** {@code fn(a, b)}, as {@code reduce} calls it. */
    static Object call2(Object fn, Object a, Object b) {
        return fn instanceof Fn2 f ? f.call(a, b) : call(fn, new Object[] {a, b});
    }

    /** Whether {@link #call} accepts {@code value} as a function. */
    static boolean isCallable(Object value) {
        return value instanceof FnN || value instanceof Fn0 || value instanceof Fn1 || value instanceof Fn2
                || value instanceof Fn3 || value instanceof Fn4 || value instanceof Supplier<?>
                || value instanceof Callable<?> || value instanceof Runnable || value instanceof Function<?, ?>
                || value instanceof BiFunction<?, ?, ?>;
    }

    static void arity(int expected, Object[] args) {
        if (args.length != expected) {
            throw RuchyError.runtime("Function expects " + expected + " arguments, got " + args.length);
        }
    }
}
