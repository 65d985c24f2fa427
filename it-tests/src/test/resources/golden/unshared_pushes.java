import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.DoubleList;
import dev.ruchy.runtime.Lists;
import dev.ruchy.runtime.LongList;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * A push onto a new local array that no other code can see yet is a plain `add`: nothing else holds
 * the array, so no other thread can push at the same time. Once the array has been passed, stored,
 * read or captured, its pushes take the array's monitor (Lists.push), as every array method does;
 * so does a push in a loop whose earlier round may have used the array.
 *
 * <p>Generated from unshared_pushes.ruchy.
 */
public final class UnsharedPushes {
    private UnsharedPushes() {
    }

    /**
     * add: the array is only pushed onto until it is returned
     */
    static List<Long> squares(long n) {
        List<Long> out = new LongList<>();
        for (long i = 0; i < n; i++) {
            out.add(i * i);
        }
        return out;
    }

    /**
     * add, then Lists.push: once `alias` holds the array, another variable sees its pushes
     */
    static List<Long> sharedAfter() {
        var out = LongList.of(0L);
        out.add(1L);
        List<Long> alias = out;
        Lists.push(out, 2L);
        Lists.push(alias, 3L);
        return out;
    }

    /**
     * Lists.push: the round before read the array's length
     */
    static List<Long> counted(long n) {
        List<Long> lengths = new LongList<>();
        List<Long> out = new LongList<>();
        var i = 0L;
        while (i < n) {
            Lists.push(out, i);
            lengths.add((long) out.size());
            i = i + 1;
        }
        return lengths;
    }

    /**
     * Lists.push: the value pushed reads the array
     */
    static List<Long> selfLength() {
        var out = LongList.of(7L);
        Lists.push(out, (long) out.size());
        return out;
    }

    /**
     * Lists.push: a closure holds the array
     */
    static long captured() {
        List<Long> out = new LongList<>();
        Lists.push(out, 1L);
        LongSupplier size = () -> (long) out.size();
        return size.getAsLong();
    }

    /**
     * add: an array of repeated floats, and the rows of a matrix
     */
    static List<List<Double>> grid(long rows, long cols) {
        List<List<Double>> m = new ArrayList<>();
        for (long r = 0; r < rows; r++) {
            List<Double> row = DoubleList.repeat(0.0, cols);
            row.add(r * 1.5);
            m.add(row);
        }
        return m;
    }

    public static void main(String[] args) {
        Builtins.println(squares(4)); // expect: [0, 1, 4, 9]
        Builtins.println(sharedAfter()); // expect: [0, 1, 2, 3]
        Builtins.println(counted(3)); // expect: [1, 2, 3]
        Builtins.println(selfLength()); // expect: [7, 1]
        Builtins.println(captured()); // expect: 1
        Builtins.println(grid(2, 2)); // expect: [[0.0, 0.0, 0.0], [0.0, 0.0, 1.5]]
    }
}
