import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.DoubleList;
import dev.ruchy.runtime.DoubleRows;
import dev.ruchy.runtime.Lists;
import dev.ruchy.runtime.LongList;
import dev.ruchy.runtime.Ops;
import dev.ruchy.runtime.RuchyError;
import java.util.ArrayList;
import java.util.List;

/**
 * Arrays known to hold only floats or only integers are DoubleList/LongList (a growable double[] or
 * long[] behind List), read and written without boxing: rows of a float matrix too. To printing,
 * equality, JSON and dynamic code they are ordinary arrays.
 *
 * <p>Generated from numeric_arrays.ruchy.
 */
public final class NumericArrays {
    private NumericArrays() {
    }

    static List<List<Double>> zeros(long n) {
        List<List<Double>> m = new ArrayList<>();
        var i = 0L;
        while (i < n) {
            List<Double> row = new DoubleList<>();
            var j = 0L;
            while (j < n) {
                row.add(0.0);
                j = j + 1;
            }
            m.add(row);
            i = i + 1;
        }
        return m;
    }

    static List<List<Double>> multiply(List<List<Double>> a, List<List<Double>> b, long n) {
        List<List<Double>> c = zeros(n);
        // a table of the rows of b, made once: the loop can neither resize nor replace a row
        DoubleRows bRows = DoubleRows.of(b, n);
        for (int i = 0; i < n; i++) {
            // the same rows in every round, read once: the loop assigns no c, i or a
            // and calls nothing that could change an array of arrays
            List<Double> cRowI = Lists.row(c, i);
            List<Double> aRowI = Lists.row(a, i);
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    Lists.setDouble(Lists.checkRow(cRowI), j, Lists.getDouble(cRowI, j)
                            + Lists.getDouble(aRowI, k) * bRows.get(k, j));
                }
            }
        }
        return c;
    }

    /**
     * `show` takes both an array and a string, so its parameter is dynamic: the array reaches it as is
     */
    static void show(Object value) {
        Builtins.println(Ops.invoke(value, "len"), value);
    }

    public static void main(String[] args) {
        var a = Lists.of(DoubleList.of(1.0, 2.0), DoubleList.of(3.0, 4.0));
        var b = Lists.of(DoubleList.of(0.5, 0.0), DoubleList.of(0.0, 2.0));
        List<List<Double>> c = multiply(a, b, 2);
        Builtins.println(c); // expect: [[0.5, 4.0], [1.5, 8.0]]
        Builtins.println(Lists.getDouble(Lists.get(c, 1), -1), (long) Lists.get(c, 0).size()); // expect: 8.0 2
        Builtins.println(Builtins.toJson(c)); // expect: [[0.5,4.0],[1.5,8.0]]
        List<Long> counts = LongList.repeat(0L, 3L);
        Lists.setLong(counts, 1, Lists.getLong(counts, 1) + 5);
        Lists.push(counts, 7L);
        Builtins.println(counts, (long) counts.size()); // expect: [0, 5, 0, 7] 4
        Builtins.println(Ops.eq(counts, LongList.of(0L, 5L, 0L, 7L))); // expect: true
        Builtins.println(Lists.getLong(counts, -1)); // expect: 7
        // compound assignment to an element: typed, one step under the array's monitor
        List<Long> hist = LongList.repeat(0L, 4L);
        for (long x : LongList.of(1L, 5L, 2L, 9L, 13L, 6L)) {
            var index = x % 4;
            synchronized (hist) {
                Lists.setLong(hist, index, Lists.getLong(hist, index) + 1L);
            }
        }
        Builtins.println(hist); // expect: [0, 4, 2, 0]
        var weights = DoubleList.of(0.5, 1.5);
        synchronized (weights) {
            Lists.setDouble(weights, -1, Lists.getDouble(weights, -1) * 2L);
        }
        synchronized (weights) {
            Lists.setDouble(weights, 0, Lists.getDouble(weights, 0) + 1L);
        }
        Builtins.println(weights); // expect: [1.5, 3.0]
        List<List<Long>> grid2 = Lists.repeat(LongList.repeat(0L, 2L), 2L);
        var target = Lists.get(grid2, 1);
        synchronized (target) {
            Lists.setLong(target, 0, Lists.getLong(target, 0) - 3L);
        }
        Builtins.println(grid2); // expect: [[0, 0], [-3, 0]]
        try {
            synchronized (hist) {
                Lists.setLong(hist, 4, Lists.getLong(hist, 4) + 1L);
            }
        } catch (RuchyError error) {
            Object e = error.caught();
            Builtins.println(Ops.field(e, "message")); // expect: Index 4 out of bounds for array of length 4
        }
        show(counts); // expect: 4 [0, 5, 0, 7]
        show("text"); // expect: 4 text
    }
}
