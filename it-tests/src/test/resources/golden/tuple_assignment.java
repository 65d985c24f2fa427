import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.Lists;
import dev.ruchy.runtime.Ops;
import dev.ruchy.runtime.Tuple;

/**
 * Generated from tuple_assignment.ruchy.
 */
public final class TupleAssignment {
    private TupleAssignment() {
    }

    /**
     * A tuple assignment evaluates its whole right side before it assigns any target.
     */
    static long fib(long n) {
        var a = 0L;
        var b = 1L;
        for (var item : Ops.iterate(Ops.range(0L, n, false))) {
            var newA = b;
            var newB = a + b;
            a = newA;
            b = newB;
        }
        return a;
    }

    static Tuple divmod(long a, long b) {
        return Tuple.of(Ops.div(a, b), Ops.rem(a, b));
    }

    public static void main(String[] args) {
        Builtins.println(fib(10)); // expect: 55
        var q = 0L;
        var r = 0L;
        var values = divmod(17, 5);
        q = Ops.asInt(Ops.field(values, "0"));
        r = Ops.asInt(Ops.field(values, "1"));
        Builtins.println(q, r); // expect: 3 2
        var count = 0L;
        for (String word : Lists.of("a", "b", "c")) {
            count += 1;
        }
        count -= 1;
        Builtins.println(count); // expect: 2
    }
}
