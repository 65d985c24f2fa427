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
 * A row of an array of arrays that stays the same in every round of a loop (m[i] in a loop over j
 * or k) is read once before the loop, when nothing in the loop can assign the array, the index or a
 * row. Everything else behaves as before: a row out of bounds raises its error where the program
 * uses it (and not when the loop never runs), in the same order with other errors, and two names
 * for one array see each other's writes. Rows an inner loop counts through (m[k][j] in a loop over k
 * inside one over j) are read from a table of the rows made once before the outer loop; what the
 * table does not hold (a row before 0 or past the bound, a column past a shorter row) is read from
 * the array, with its errors. (A caught error is dynamic, Object: `catch e` takes any thrown value.)
 *
 * <p>Generated from loop_rows.ruchy.
 */
public final class LoopRows {
    private LoopRows() {
    }

    static List<List<Double>> grid(long rows, long cols) {
        List<List<Double>> m = new ArrayList<>();
        for (long r = 0; r < rows; r++) {
            List<Double> row = new DoubleList<>();
            for (long c = 0; c < cols; c++) {
                row.add((r * cols + c) * 1.0);
            }
            m.add(row);
        }
        return m;
    }

    static List<Double> rowSums(List<List<Double>> m, long rows, long cols) {
        List<Double> sums = new DoubleList<>();
        var i = 0L;
        while (i < rows) {
            var total = 0.0;
            int j = 0;
            // the same row in every round, read once: the loop assigns no m or i
            // and calls nothing that could change an array of arrays
            List<Double> mRowI = Lists.row(m, i);
            while (j < cols) {
                total = total + Lists.getDouble(mRowI, j);
                j = j + 1;
            }
            sums.add(total);
            i = i + 1;
        }
        return sums;
    }

    /**
     * writes through one name, reads through the other: the same rows
     */
    static void scaleThroughAlias(List<List<Double>> m, long rows, long cols) {
        List<List<Double>> alias = m;
        for (long i = 0; i < rows; i++) {
            // the same rows in every round, read once: the loop assigns no alias, i or m
            // and calls nothing that could change an array of arrays
            List<Double> aliasRowI = Lists.row(alias, i);
            List<Double> mRowI = Lists.row(m, i);
            for (int j = 0; j < cols; j++) {
                Lists.setDouble(Lists.checkRow(aliasRowI), j, Lists.getDouble(mRowI, j) * 2.0);
            }
        }
    }

    /**
     * the last row, by a negative index
     */
    static double lastRowTotal(List<List<Double>> m, long cols) {
        var total = 0.0;
        var last = -1L;
        // the same row in every round, read once: the loop assigns no m or last
        // and calls nothing that could change an array of arrays
        List<Double> mRowLast = Lists.row(m, last);
        for (int j = 0; j < cols; j++) {
            total = total + Lists.getDouble(mRowLast, j);
        }
        return total;
    }

    /**
     * a row index out of bounds, and the loop that would use it runs count times
     */
    static void fillRow(List<List<Double>> m, long i, long count, List<Double> values) {
        int k = 0;
        // the same row in every round, read once: the loop assigns no m or i
        // and calls nothing that could change an array of arrays
        List<Double> mRowI = Lists.row(m, i);
        while (k < count) {
            Lists.setDouble(Lists.checkRow(mRowI), k, Lists.getDouble(values, k));
            k = k + 1;
        }
    }

    static double readRow(List<List<Double>> m, long i, long count, List<Double> values) {
        var total = 0.0;
        int k = 0;
        // the same row in every round, read once: the loop assigns no m or i
        // and calls nothing that could change an array of arrays
        List<Double> mRowI = Lists.row(m, i);
        while (k < count) {
            total = total + Lists.getDouble(values, k) + Lists.getDouble(mRowI, k);
            k = k + 1;
        }
        return total;
    }

    /**
     * a loop that replaces a row keeps reading the array in every round
     */
    static double replacedRow(List<List<Double>> m) {
        var total = 0.0;
        int j = 0;
        while (j < 2) {
            total = total + Lists.getDouble(Lists.get(m, 0), j);
            Lists.set(m, 0, DoubleList.of(10.0, 20.0));
            j = j + 1;
        }
        return total;
    }

    /**
     * column totals from row `first` on, through the table of m's rows
     */
    static List<Double> columnSums(List<List<Double>> m, long first, long rows, long cols) {
        List<Double> sums = DoubleList.repeat(0.0, cols);
        // a table of the rows of m, made once: the loop can neither resize nor replace a row
        DoubleRows mRows = DoubleRows.of(m, rows);
        for (long j = 0; j < cols; j++) {
            var k = first;
            while (k < rows) {
                Lists.setDouble(sums, j, Lists.getDouble(sums, j) + mRows.get(k, j));
                k = k + 1;
            }
        }
        return sums;
    }

    /**
     * a write through another name, then a read of the same element through the table: the new value
     */
    static double overwriteAndSum(List<List<Double>> m, List<List<Double>> alias, long rows,
            long cols) {
        var total = 0.0;
        // a table of the rows of m, made once: the loop can neither resize nor replace a row
        DoubleRows mRows = DoubleRows.of(m, rows);
        for (long j = 0; j < cols; j++) {
            int k = 0;
            while (k < rows) {
                Lists.setDouble(Lists.get(alias, k), j, 1.0 + j);
                total = total + mRows.get(k, j);
                k = k + 1;
            }
        }
        return total;
    }

    /**
     * a column index that can fail keeps the plain read: the row's error comes first, as Ruchy reads b[k]
     * before it works out the column
     */
    static double columnsByIndex(List<List<Double>> b, List<Long> idx, long n) {
        var t = 0.0;
        for (long j = 0; j < 1; j++) {
            for (long k = 0; k < n; k++) {
                t = t + Lists.getDouble(Lists.get(b, k), Lists.getLong(idx, k * 5));
            }
        }
        return t;
    }

    /**
     * passes a float row on to r, which is typed as an array of integers (an unchecked conversion), so
     * r[0] = 7 boxes that row: a loop that stores integers gets no table of float rows
     */
    static List<Double> same(List<Double> x) {
        return x;
    }

    static double boxedDuringLoop(List<List<Double>> b, List<Long> r, long n) {
        var total = 0.0;
        for (long j = 0; j < 1; j++) {
            int k = 0;
            while (k < n) {
                Lists.setLong(r, 0, 7L);
                Lists.setDouble(Lists.get(b, k), 1, 9.0);
                total = total + Lists.getDouble(Lists.get(b, k), 1);
                k = k + 1;
            }
        }
        return total;
    }

    public static void main(String[] args) {
        List<List<Double>> m = grid(2, 3);
        Builtins.println(rowSums(m, 2, 3)); // expect: [3.0, 12.0]
        scaleThroughAlias(m, 2, 3);
        Builtins.println(m); // expect: [[0.0, 2.0, 4.0], [6.0, 8.0, 10.0]]
        Builtins.println(lastRowTotal(m, 3)); // expect: 24.0
        fillRow(m, 5, 0, DoubleList.of(1.0));
        Builtins.println("no round, no error"); // expect: no round, no error
        try {
            fillRow(m, 5, 2, DoubleList.of(1.0));
        } catch (RuchyError error) {
            Object e = error.caught();
            Builtins.println(Ops.field(e, "message")); // expect: Index 5 out of bounds for array of length 2
        }
        try {
            fillRow(m, 1, 4, DoubleList.of(1.0, 2.0, 3.0, 4.0));
        } catch (RuchyError error2) {
            Object e2 = error2.caught();
            Builtins.println(Ops.field(e2, "message")); // expect: Index 3 out of bounds for array of length 3
        }
        Builtins.println(Lists.get(m, 1)); // expect: [1.0, 2.0, 3.0]
        try {
            Builtins.println(readRow(m, 7, 3, DoubleList.of(1.0)));
        } catch (RuchyError error3) {
            Object e3 = error3.caught();
            Builtins.println(Ops.field(e3, "message")); // expect: Index 7 out of bounds for array of length 2
        }
        try {
            Builtins.println(readRow(m, 7, 3, Ops.<Double>asList(new ArrayList<>())));
        } catch (RuchyError error4) {
            Object e4 = error4.caught();
            Builtins.println(Ops.field(e4, "message")); // expect: Index 0 out of bounds for array of length 0
        }
        Builtins.println(replacedRow(grid(1, 2))); // expect: 20.0
        List<List<Double>> g = grid(3, 2);
        Builtins.println(columnSums(g, 0, 3, 2)); // expect: [6.0, 9.0]
        Builtins.println(columnSums(g, -1, 3, 2)); // expect: [10.0, 14.0]
        try {
            Builtins.println(columnSums(g, 0, 4, 2));
        } catch (RuchyError error5) {
            Object e5 = error5.caught();
            Builtins.println(Ops.field(e5, "message")); // expect: Index 3 out of bounds for array of length 3
        }
        try {
            Builtins.println(columnSums(Lists.of(DoubleList.of(1.0, 2.0), DoubleList.of(3.0)), 0, 2,
                    2));
        } catch (RuchyError error6) {
            Object e6 = error6.caught();
            Builtins.println(Ops.field(e6, "message")); // expect: Index 1 out of bounds for array of length 1
        }
        Builtins.println(overwriteAndSum(g, g, 3, 2)); // expect: 9.0
        try {
            Builtins.println(columnsByIndex(Lists.of(DoubleList.of(1.0)), LongList.of(0L, 0L), 2));
        } catch (RuchyError error7) {
            Object e7 = error7.caught();
            Builtins.println(Ops.field(e7, "message")); // expect: Index 1 out of bounds for array of length 1
        }
        var boxed = Lists.of(DoubleList.of(1.0, 2.0));
        Builtins.println(boxedDuringLoop(boxed, Ops.<Long>asList(same(Lists.get(boxed, 0))), 1)); // expect: 9.0
        Builtins.println(boxed); // expect: [[7, 9.0]]
    }
}
