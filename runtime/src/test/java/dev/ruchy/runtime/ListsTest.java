package dev.ruchy.runtime;

import static dev.ruchy.runtime.OpsTest.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Array literals, indexing and repetition (ruchy-semantics §5.4), and string length and trimming (§5.3). */
@SuppressWarnings("unchecked")
class ListsTest {
    @Test
    void literalsAreMutableAndAllowNil() {
        List<Object> xs = Lists.of(1L, null, "a");
        assertInstanceOf(ArrayList.class, xs);
        xs.add(2L);
        assertEquals(4, xs.size());
        assertNull(xs.get(1));
        assertEquals(List.of(), Lists.of());
        List<Object> one = Lists.of((Object[]) null);
        assertEquals(1, one.size());
        assertNull(one.get(0));
    }

    @Test
    void getCountsNegativeIndexesFromTheEnd() {
        List<Long> xs = Lists.of(10L, 20L, 30L);
        assertEquals(10L, Lists.get(xs, 0));
        assertEquals(30L, Lists.get(xs, -1));
        assertEquals(10L, Lists.get(xs, -3));
        assertEquals("Runtime error: Index 5 out of bounds for array of length 3", error(() -> Lists.get(xs, 5)));
        assertEquals("Runtime error: Index 3 out of bounds for array of length 3", error(() -> Lists.get(xs, 3)));
        assertEquals("Runtime error: Index -4 out of bounds for array of length 3", error(() -> Lists.get(xs, -4)));
        assertEquals("Runtime error: Index 0 out of bounds for array of length 0", error(() -> Lists.get(List.of(), 0)));
        assertEquals("Runtime error: Index 4294967296 out of bounds for array of length 3", error(() -> Lists.get(xs, 1L << 32)));
    }

    @Test
    void setCountsNegativeIndexesFromTheEndAndRaisesRuchysErrorPastIt() {
        List<String> xs = Lists.of("a", "b");
        Lists.set(xs, -1, "z");
        Lists.set(xs, 0, "y");
        assertEquals(List.of("y", "z"), xs);
        assertEquals("Runtime error: Index 2 out of bounds for array of length 2", error(() -> Lists.set(xs, 2, "c")));
        assertEquals("Runtime error: Index -3 out of bounds for array of length 2", error(() -> Lists.set(xs, -3, "c")));
        assertEquals("Runtime error: Index 4294967296 out of bounds for array of length 2",
                error(() -> Lists.set(xs, 1L << 32, "c")));
    }

    @Test
    void getTakesIndexesBeyondAnIntAsOutOfBounds() {
        List<Object> xs = Lists.of("a", "b");
        assertEquals("Runtime error: Index 4294967296 out of bounds for array of length 2",
                error(() -> Lists.get(xs, 1L << 32)));
        assertEquals("Runtime error: Index -4294967295 out of bounds for array of length 2",
                error(() -> Lists.get(xs, -(1L << 32) + 1)));
        List<Double> ds = DoubleList.of(1.0, 2.0);
        assertEquals("Runtime error: Index 4294967296 out of bounds for array of length 2",
                error(() -> Lists.getDouble(ds, 1L << 32)));
        assertEquals("Runtime error: Index 4294967297 out of bounds for array of length 2",
                error(() -> Lists.setDouble(ds, (1L << 32) + 1, 0.5)));
        List<Long> ns = LongList.of(1L, 2L);
        assertEquals("Runtime error: Index 4294967296 out of bounds for array of length 2",
                error(() -> Lists.getLong(ns, 1L << 32)));
        assertEquals("Runtime error: Index -3 out of bounds for array of length 2", error(() -> Lists.setLong(ns, -3, 0L)));
    }

    @Test
    void aRowReadOnceIsTheRowOrStandsInForTheErrorAtEachUse() {
        List<List<Double>> rows = new ArrayList<>(List.of(DoubleList.of(1.0, 2.0), DoubleList.of(3.0)));
        List<Double> last = Lists.row(rows, -1);
        assertSame(rows.get(1), last);
        assertSame(last, Lists.checkRow(last));
        List<Double> missing = Lists.row(rows, 5); // no error yet: the loop may never use it
        String expected = "Runtime error: Index 5 out of bounds for array of length 2";
        assertEquals(expected, error(() -> Lists.getDouble(missing, 0)));
        assertEquals(expected, error(() -> Lists.setDouble(missing, 0, 1.0)));
        assertEquals(expected, error(() -> Lists.get(missing, 0)));
        assertEquals(expected, error(() -> Lists.checkRow(missing)));
        assertEquals("Runtime error: Index -3 out of bounds for array of length 2",
                error(() -> Lists.getDouble(Lists.row(rows, -3), 0)));
        List<List<Long>> none = new ArrayList<>();
        assertEquals("Runtime error: Index 0 out of bounds for array of length 0",
                error(() -> Lists.getLong(Lists.row(none, 0), 0)));
    }

    @Test
    void repeatClonesArraysObjectsAndTuplesDeeply() {
        List<Object> row = Lists.of(0L, Lists.of(1L), RObject.of("k", Lists.of(2L)));
        List<List<Object>> grid = Lists.repeat(row, 3);
        assertEquals(List.of(row, row, row), grid);
        assertNotSame(grid.get(0), grid.get(2));
        assertNotSame(row, grid.get(0));
        ((List<Object>) grid.get(0).get(1)).add(9L);
        ((RObject) grid.get(1).get(2)).set("k", "changed");
        grid.get(2).set(0, 5L);
        assertEquals("[[0, [1, 9], {k: [2]}], [0, [1], {k: \"changed\"}], [5, [1], {k: [2]}]]", Fmt.display(grid));
        assertEquals("[0, [1], {k: [2]}]", Fmt.display(row)); // the value itself is untouched

        List<Object> inner = Lists.of(1L);
        Tuple pair = Tuple.of(inner, "a");
        List<Tuple> pairs = Lists.repeat(pair, 2);
        ((List<Object>) pairs.get(0).get(0)).add(2L);
        assertEquals("[([1, 2], \"a\"), ([1], \"a\")]", Fmt.display(pairs));

        List<Object> shared = Lists.of(1L);
        List<Object> twice = Lists.of(shared, shared); // one array reached twice stays one array in each copy
        List<Object> selfish = new ArrayList<>();
        selfish.add(selfish);
        List<List<Object>> copies = Lists.repeat(twice, 2);
        assertSame(copies.get(0).get(0), copies.get(0).get(1));
        assertNotSame(copies.get(0).get(0), copies.get(1).get(0));
        List<List<Object>> loops = Lists.repeat(selfish, 2);
        assertSame(loops.get(0), loops.get(0).get(0));

        Object struct = dev.ruchy.runtime.sample.Generated.counter(1, 2); // other values are not copied
        List<Object> structs = Lists.repeat(struct, 2);
        assertSame(struct, structs.get(0));
        assertSame(struct, structs.get(1));
        assertEquals(List.of(), Lists.repeat(0L, 0));
        assertEquals(List.of(), Lists.repeat(Lists.of(1L), 0));
        assertEquals(List.of(0L, 0L), Lists.repeat(0L, 2));
        assertEquals("Runtime error: Cannot repeat an array element -1 times", error(() -> Lists.repeat(0L, -1)));
    }

    @Test
    void stringLengthIsUtf8Bytes() {
        assertEquals(5L, Strings.len("hello"));
        assertEquals(6L, Strings.len("héllo"));
        assertEquals(3L, Strings.len("€"));
        assertEquals(4L, Strings.len("\uD83D\uDE00"));
        assertEquals(0L, Strings.len(""));
    }

    @Test
    void trimRemovesUnicodeWhiteSpace() {
        assertEquals("a b", Strings.trim("  a b\t\n"));
        assertEquals("x", Strings.trim("\u00A0x\u3000"));
        assertEquals("x", Strings.trim("\u2007\u202Fx\u0085"));
        assertEquals("", Strings.trim(" \u00A0 "));
        assertEquals("", Strings.trim(""));
        assertEquals("\u200Bx", Strings.trim("\u200Bx")); // ZERO WIDTH SPACE is not White_Space
    }
}
