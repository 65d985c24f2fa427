import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.Lists;
import dev.ruchy.runtime.LongList;
import dev.ruchy.runtime.LongRows;
import dev.ruchy.runtime.Ops;
import dev.ruchy.runtime.RuchyError;
import java.util.List;

/**
 * A loop counter that only indexes arrays is a Java int: every round that increments it has used it
 * as an index, and an array holds at most 2^31 - 1 elements, so it can never outgrow an int. Any
 * other use of the counter, or a round that may skip the index, keeps the Ruchy integer (a long).
 * (A caught error is dynamic, Object: `catch e` takes any thrown value.)
 *
 * <p>Generated from int_counters.ruchy.
 */
public final class IntCounters {
    private IntCounters() {
    }

    /**
     * int: the counter is the test, the increment and an index in every round
     */
    static long total(List<Long> xs, long n) {
        var sum = 0L;
        int i = 0;
        while (i < n) {
            sum = sum + Lists.getLong(xs, i);
            i = i + 1;
        }
        return sum;
    }

    /**
     * int, all three: the inner loops must run once whenever the outer one does (same n, never
     * assigned), and their first round indexes with every counter
     */
    static long productSum(List<List<Long>> a, List<List<Long>> b, long n) {
        var sum = 0L;
        int i = 0;
        // a table of the rows of b, made once: the loop can neither resize nor replace a row
        LongRows bRows = LongRows.of(b, n);
        while (i < n) {
            int j = 0;
            // the same row in every round, read once: the loop assigns no a or i
            // and calls nothing that could change an array of arrays
            List<Long> aRowI = Lists.row(a, i);
            while (j < n) {
                int k = 0;
                while (k < n) {
                    sum = sum + Lists.getLong(aRowI, k) * bRows.get(k, j);
                    k = k + 1;
                }
                j = j + 1;
            }
            i = i + 1;
        }
        return sum;
    }

    /**
     * int: a range loop whose body indexes with its counter
     */
    static List<Long> doubled(List<Long> xs, long n) {
        List<Long> out = new LongList<>();
        for (int i = 0; i < n; i++) {
            out.add(Lists.getLong(xs, i) * 2);
        }
        return out;
    }

    /**
     * int: against a list's length
     */
    static long sumAll(List<Long> xs) {
        var sum = 0L;
        int i = 0;
        while (i < xs.size()) {
            sum = sum + Lists.getLong(xs, i);
            i = i + 1;
        }
        return sum;
    }

    /**
     * int: an inclusive bound, which may be below zero (no round)
     */
    static long sumThrough(List<Long> xs, long last) {
        var sum = 0L;
        int i = 0;
        while (i <= last) {
            sum = sum + Lists.getLong(xs, i);
            i = i + 1;
        }
        return sum;
    }

    /**
     * long: the counter is also a value (multiplied)
     */
    static long weighted(List<Long> xs, long n) {
        var sum = 0L;
        var i = 0L;
        while (i < n) {
            sum = sum + Lists.getLong(xs, i) * i;
            i = i + 1;
        }
        return sum;
    }

    /**
     * long: a round may skip the index (it is inside an if)
     */
    static long evens(List<Long> xs, long n) {
        var count = 0L;
        var i = 0L;
        while (i < n) {
            if (i < xs.size()) {
                count = count + Lists.getLong(xs, i) % 2;
            }
            i = i + 1;
        }
        return count;
    }

    /**
     * long: a continue before the index increments a range loop's counter without indexing
     */
    static long skipFirst(List<Long> xs, long n) {
        var sum = 0L;
        for (long i = 0; i < n; i++) {
            if (sum < 0) {
                continue;
            }
            sum = sum + Lists.getLong(xs, i);
        }
        return sum;
    }

    /**
     * long: counting alone can pass 2^31
     */
    static long countTo(long n) {
        var i = 0L;
        while (i < n) {
            i = i + 1;
        }
        return i;
    }

    public static void main(String[] args) {
        var xs = LongList.of(3L, 4L, 5L);
        Builtins.println(total(xs, 3)); // expect: 12
        Builtins.println(productSum(Lists.of(LongList.of(1L, 2L), LongList.of(3L, 4L)),
                Lists.of(LongList.of(5L, 6L), LongList.of(7L, 8L)), 2)); // expect: 134
        Builtins.println(doubled(xs, 3)); // expect: [6, 8, 10]
        Builtins.println(sumAll(xs)); // expect: 12
        Builtins.println(sumThrough(xs, 1)); // expect: 7
        Builtins.println(sumThrough(xs, -5000000000L)); // expect: 0
        Builtins.println(weighted(xs, 3)); // expect: 14
        Builtins.println(evens(xs, 5)); // expect: 2
        Builtins.println(skipFirst(xs, 3)); // expect: 12
        Builtins.println(countTo(3000000000L)); // expect: 3000000000
        try {
            Builtins.println(total(xs, 3000000000L));
        } catch (RuchyError error) {
            Object e = error.caught();
            Builtins.println(Ops.field(e, "message")); // expect: Index 3 out of bounds for array of length 3
        }
    }
}
