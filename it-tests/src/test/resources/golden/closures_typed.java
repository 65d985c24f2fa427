import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.Fn1;
import dev.ruchy.runtime.Lists;
import dev.ruchy.runtime.Ops;
import dev.ruchy.runtime.Strings;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.function.LongBinaryOperator;
import java.util.function.LongUnaryOperator;
import java.util.function.Predicate;

/**
 * Closures bound by `let` and only ever called are typed by their calls, as functions are by theirs:
 * each is a java.util.function lambda and its calls are direct.
 *
 * <p>Generated from closures_typed.ruchy.
 */
public final class ClosuresTyped {
    private static final long offset = 10L;

    private ClosuresTyped() {
    }

    /**
     * A function parameter that the body only calls, given a closure at every call, is typed by the
     * calls inside and the closures passed: `f` is a LongUnaryOperator, `visit` a Consumer<String>.
     */
    static long applyTwice(LongUnaryOperator f, long x) {
        return f.applyAsLong(f.applyAsLong(x));
    }

    static long combine(LongBinaryOperator op, long a, long b) {
        return op.applyAsLong(a, b);
    }

    static void eachWord(String text, Consumer<String> visit) {
        for (String w : Lists.snapshot(Strings.split(text, " "))) {
            visit.accept(w);
        }
    }

    /**
     * `identity` is called with an integer and with a string, so its closure's parameter is dynamic:
     * an Fn1 taking and giving Object, called through Ops.call.
     */
    static Object identity(Fn1 f, Object x) {
        return Ops.call(f, x);
    }

    public static void main(String[] args) {
        LongBinaryOperator add = (a, b) -> a + b;
        Builtins.println(add.applyAsLong(1L, 2L)); // expect: 3
        Builtins.println(add.applyAsLong(add.applyAsLong(1L, 2L), 40L)); // expect: 43
        DoubleUnaryOperator scale = x -> x * 1.5;
        Builtins.println(scale.applyAsDouble(2.0)); // expect: 3.0
        DoubleUnaryOperator half = x -> x / 2.0;
        Builtins.println(half.applyAsDouble(3.0)); // expect: 1.5
        Function<String, String> shout = s -> s.toUpperCase(Locale.ROOT);
        Builtins.println(shout.apply("hi")); // expect: HI
        Predicate<String> isLong = s -> Strings.len(s) > 3;
        Builtins.println(isLong.test("ruchy")); // expect: true
        Consumer<String> greet = name -> {
            Builtins.println("Hello, " + name + "!");
        };
        greet.accept("Ruchy"); // expect: Hello, Ruchy!
        LongUnaryOperator shifted = x -> x + offset;
        Builtins.println(shifted.applyAsLong(5L)); // expect: 15
        BiFunction<String, Long, String> count = (s, n) -> (String) Ops.invoke(s, "repeat", n);
        Builtins.println(count.apply("ab", 3L)); // expect: ababab
        LongUnaryOperator wrapped = x -> x + 1;
        Builtins.println(wrapped.applyAsLong(9223372036854775807L)); // expect: -9223372036854775808
        Builtins.println(applyTwice(n -> n + 1, 5)); // expect: 7
        Builtins.println(combine((a, b) -> a * b, 6, 7)); // expect: 42
        Builtins.println(combine((a, b) -> a - b, 6, 7)); // expect: -1
        eachWord("typed closures", w -> {
            Builtins.println(w.toUpperCase(Locale.ROOT));
        });
        // expect: TYPED
        // expect: CLOSURES
        Builtins.println(identity((Fn1) v -> v, 1L)); // expect: 1
        Builtins.println(identity((Fn1) v -> v, "s")); // expect: s
    }
}
