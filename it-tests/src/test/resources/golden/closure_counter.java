import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.Cell;
import dev.ruchy.runtime.Fn0;
import dev.ruchy.runtime.Ops;
import java.util.function.LongConsumer;

/**
 * Generated from closure_counter.ruchy.
 */
public final class ClosureCounter {
    private static volatile long total = 0L;

    private ClosureCounter() {
    }

    /**
     * A local captured and reassigned by a closure is held in a Cell. `step` escapes (it is
     * returned), so it is a dynamic Fn0; `add` is only ever called, so its calls type it: a LongConsumer.
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
        LongConsumer add = n -> {
            synchronized (ClosureCounter.class) {
                total += n;
            }
        };
        add.accept(5L);
        add.accept(7L);
        Builtins.println(total); // expect: 12
    }
}
