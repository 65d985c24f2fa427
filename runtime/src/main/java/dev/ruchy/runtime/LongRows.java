package dev.ruchy.runtime;

import java.util.List;

/**
 * The rows of an array of integer arrays, read once before a loop that reads its elements by row and
 * column: in {@code c[i][j] = c[i][j] + a[i][k] * b[k][j]} the row {@code b[k]} changes in every
 * round, so instead of the array of rows, then the row, then its element, the loop reads
 * {@code bRows.get(k, j)} from a table of the rows' {@code long[]}s made before it
 * ({@code LongRows bRows = LongRows.of(b, n)}).
 *
 * <p>The transpiler makes one only before a loop that cannot change the length of any array, put
 * another row into one or box a row (no call, no push, no float element stored: a float
 * stored into an integer row through another name would box the row), so the table stays
 * the rows' own arrays for the whole loop: an element stored through another name for a row
 * ({@code c[i][j] = ...} where {@code c[i]} is {@code b[i]}) is read here as in {@code b[i]}. An
 * element outside the table (a row past the {@code count} it was made for, a negative index, a row
 * that is not unboxed, a column past the shortest row) is read from {@code rows} itself, with the
 * errors that read raises. Another thread that grows a row meanwhile races with the loop, as it does
 * with the unoptimised read, which takes no lock either.
 */
public final class LongRows {
    private final List<? extends List<Long>> rows;
    /** Each row's unboxed elements ({@link LongList#unboxedValues}), {@code null} for a row that has none. */
    private final long[][] values;
    /** The fewest elements of the rows in {@link #values}: every column below it is in every one of them. */
    private final int width;

    private LongRows(List<? extends List<Long>> rows, long[][] values, int width) {
        this.rows = rows;
        this.values = values;
        this.width = width;
    }

    /**
     * A table of rows {@code 0} to {@code count - 1} of {@code rows} (those of them it has); its cost is
     * one pass over those rows, no element copied.
     *
     * @param count how many rows the loop reads at most, the bound of its row index (a negative one
     *              gives an empty table, whose every read goes to {@code rows})
     */
    public static LongRows of(List<? extends List<Long>> rows, long count) {
        // no rows (null where dynamic code passed nil): an empty table, every read raising what it raised
        int n = rows == null ? 0 : (int) Math.max(0, Math.min(count, rows.size()));
        long[][] values = new long[n][];
        int width = Integer.MAX_VALUE;
        try {
            for (int r = 0; r < n; r++) {
                if (rows.get(r) instanceof LongList<?> row) {
                    long[] elements = row.unboxedValues();
                    // both fields read without the row's monitor, as LongList.getLong reads them: a push
                    // racing this read cannot make an index below both point outside the array
                    int size = Math.min(row.unboxedSize(), elements.length);
                    if (size > 0) {
                        values[r] = elements;
                        width = Math.min(width, size);
                    }
                }
            }
        } catch (IndexOutOfBoundsException e) {
            // another thread shrank the array of rows: the rows not read are read from it at each use
        }
        return new LongRows(rows, values, width == Integer.MAX_VALUE ? 0 : width);
    }

    /**
     * {@code rows[row][column]}: as {@code Lists.getLong(Lists.get(rows, row), column)}, negative
     * indexes counting from the end.
     *
     * @throws RuchyError {@code Runtime error: Index 5 out of bounds for array of length 3}, for the row
     *                    or the column
     */
    public long get(long row, long column) {
        int r = (int) row;
        int c = (int) column;
        if (r == row && c == column && r >= 0 && r < values.length && c >= 0 && c < width) {
            long[] elements = values[r];
            if (elements != null) {
                return elements[c];
            }
        }
        return Lists.getLong(Lists.get(rows, row), column);
    }
}
