import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.Lists;
import dev.ruchy.runtime.Ops;
import dev.ruchy.runtime.Tuple;
import java.util.List;

/**
 * Generated from tuples.ruchy.
 */
public final class Tuples {
    private Tuples() {
    }

    /**
     * Tuple elements are dynamic values: inference does not track per-element types yet.
     */
    static Tuple minMax(List<Long> values) {
        var lo = Lists.get(values, 0L);
        var hi = Lists.get(values, 0L);
        for (long v : values) {
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
        var value = minMax(Lists.of(4L, 9L, 1L, 7L));
        Object lo = Ops.element(value, 0);
        Object hi = Ops.element(value, 1);
        Builtins.println(lo, hi);
        // expect: 1 9
        Builtins.println(minMax(Lists.of(2L, 3L)));
    }
}
