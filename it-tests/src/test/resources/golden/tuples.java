import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.Lists;
import dev.ruchy.runtime.LongList;
import dev.ruchy.runtime.Ops;
import dev.ruchy.runtime.Tuple;
import java.util.List;

/**
 * Generated from tuples.ruchy.
 */
public final class Tuples {
    private Tuples() {
    }

    static Tuple minMax(List<Long> values) {
        long lo = Lists.getLong(values, 0);
        long hi = Lists.getLong(values, 0);
        for (long v : Lists.snapshot(values)) {
            if (v < lo) {
                lo = v;
            }
            if (v > hi) {
                hi = v;
            }
        }
        return Tuple.of(lo, hi);
    }

    public static void main(String[] args) {
        var value = minMax(LongList.of(4L, 9L, 1L, 7L));
        long lo = Ops.asInt(Ops.element(value, 0));
        long hi = Ops.asInt(Ops.element(value, 1));
        Builtins.println(lo, hi); // expect: 1 9
        Builtins.println(minMax(LongList.of(2L, 3L))); // expect: (2, 3)
    }
}
