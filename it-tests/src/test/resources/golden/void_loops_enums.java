import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.Fmt;
import dev.ruchy.runtime.Fn0;
import dev.ruchy.runtime.Lists;
import dev.ruchy.runtime.Ops;
import dev.ruchy.runtime.RuchyEnum;
import dev.ruchy.runtime.RuchyError;
import dev.ruchy.runtime.RuchyName;
import java.util.ArrayList;
import java.util.List;

/**
 * Generated from void_loops_enums.ruchy.
 */
public final class VoidLoopsEnums {
    private VoidLoopsEnums() {
    }

    /**
     * Values of void calls, endless loops left by return, enum variables, captured loop variables.
     * Closures are dynamic values here.
     */
    static void log(String msg) {
        Builtins.println(msg);
    }

    static long countTo(long n) {
        var i = 0L;
        while (true) {
            i += 1;
            if (i > n) {
                return i;
            }
        }
    }

    public static void main(String[] args) {
        log("x");
        Builtins.println((Object) null);
        // expect: x
        // expect: nil
        Builtins.println(countTo(3)); // expect: 4
        Shape s = new Shape.Circle(2.0);
        switch (s) {
            case Shape.Dot() -> Builtins.println("dot");
            case Shape.Circle(var r) -> Builtins.println("circle", r);
            case null -> throw RuchyError.noMatch(s);
        }
        // expect: circle 2.0
        List<Fn0> fns = new ArrayList<>();
        for (long i : Ops.longs(Ops.range(0L, 3L, false))) {
            fns.add((Fn0) () -> i * 10);
        }
        Builtins.println(Ops.call(Lists.get(fns, 2))); // expect: 20
        Builtins.println(Level.High.value()); // expect: 10
        Builtins.println(new P(3L).toString_()); // expect: P(3)
    }

    sealed interface Shape extends RuchyEnum permits Shape.Dot, Shape.Circle {
        record Dot() implements Shape {
            @Override
            public String toString() {
                return Fmt.display(this);
            }
        }

        record Circle(double value) implements Shape {
            @Override
            public String toString() {
                return Fmt.display(this);
            }
        }
    }

    enum Level implements RuchyEnum {
        Low(1L),

        High(10L);

        private final long value;

        Level(long value) {
            this.value = value;
        }

        public long value() {
            return value;
        }
    }

    static record P(long x) {
        @Override
        public String toString() {
            return Fmt.display(this);
        }

        @RuchyName("to_string")
        public String toString_() {
            return "P(" + this.x + ")";
        }
    }
}
