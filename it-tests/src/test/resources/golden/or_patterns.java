import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.Fmt;
import dev.ruchy.runtime.Ops;
import dev.ruchy.runtime.RuchyEnum;
import dev.ruchy.runtime.RuchyError;
import dev.ruchy.runtime.Tuple;

/**
 * Generated from or_patterns.ruchy.
 */
public final class OrPatterns {
    private OrPatterns() {
    }

    static long v(E e) {
        return switch (e) {
            case E.A(var x) -> x;
            case E.B(var x2) -> x2;
            case E.C() -> 0L;
            case null -> throw RuchyError.noMatch(e);
        };
    }

    public static void main(String[] args) {
        Builtins.println(v(new E.A(1L))); // expect: 1
        Builtins.println(v(new E.B(2L))); // expect: 2
        var subject = Tuple.of(5L, 1L);
        if (Ops.isTuple(subject, 2) && Ops.matches(Ops.element(subject, 0), 1L)) {
            long x = Ops.asInt(Ops.element(subject, 1));
            Builtins.println(x);
        } else if (Ops.isTuple(subject, 2) && Ops.matches(Ops.element(subject, 1), 1L)) {
            long x2 = Ops.asInt(Ops.element(subject, 0));
            Builtins.println(x2);
        } else {
            Builtins.println("none");
        }
        // expect: 5
        var c = 3L;
        if (c == 1 || c == 2) {
            Builtins.println("small");
        } else {
            Builtins.println("big");
        }
        // expect: big
    }

    /**
     * Alternatives that bind names bind from the alternative that matched: such an arm is one arm per
     * alternative. Alternatives without names stay one test.
     */
    sealed interface E extends RuchyEnum permits E.A, E.B, E.C {
        record A(long value) implements E {
            @Override
            public String toString() {
                return Fmt.display(this);
            }
        }

        record B(long value) implements E {
            @Override
            public String toString() {
                return Fmt.display(this);
            }
        }

        record C() implements E {
            @Override
            public String toString() {
                return Fmt.display(this);
            }
        }
    }
}
