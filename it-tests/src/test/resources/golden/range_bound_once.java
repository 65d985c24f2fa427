import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.Lists;
import dev.ruchy.runtime.LongList;
import java.util.List;

/**
 * A range is made once, when its loop starts: a body that changes the variable of its bound does
 * not move the end, so the bound is read into a local before the Java loop.
 *
 * <p>Generated from range_bound_once.ruchy.
 */
public final class RangeBoundOnce {
    private RangeBoundOnce() {
    }

    static List<Long> fill(List<Long> ys, long n) {
        var m = n;
        var jEnd = m;
        for (int j = 0; j < jEnd; j++) {
            Lists.setLong(ys, j, 7L);
            m = m + 1;
        }
        return ys;
    }

    public static void main(String[] args) {
        var n = 3L;
        var count = 0L;
        var jEnd = n;
        for (long j = 0; j < jEnd; j++) {
            n = n + 1;
            count = count + 1;
            if (count > 10) {
                break;
            }
        }
        Builtins.println(count); // expect: 3
        Builtins.println(n); // expect: 6
        Builtins.println(fill(LongList.of(0L, 0L, 0L, 0L, 0L), 3)); // expect: [7, 7, 7, 0, 0]
    }
}
