import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.Cell;
import dev.ruchy.runtime.Fn0;
import dev.ruchy.runtime.Fn1;
import dev.ruchy.runtime.Ops;

/**
 * Generated from closure_counter.ruchy.
 */
public final class ClosureCounter {
    private static Object total = 0L;

    private ClosureCounter() {
    }

    /**
     * A local captured and reassigned by a closure is held in a Cell. `total` is dynamic:
     * closure parameters are dynamic values, and `total += n` mixes it with one.
     */
    static Fn0 makeCounter() {
        var count = new Cell<Long>(0L);
        var step = (Fn0) () -> {
            count.set(count.get() + 1L);
            return count.get();
        };
        return step;
    }

    public static void main(String[] args) {
        var next = makeCounter();
        Ops.call(next);
        Ops.call(next);
        Builtins.println(Ops.call(next)); // expect: 3
        var add = (Fn1) n -> {
            total = Ops.add(total, n);
            return null;
        };
        Ops.call(add, 5L);
        Ops.call(add, 7L);
        Builtins.println(total); // expect: 12
    }
}
