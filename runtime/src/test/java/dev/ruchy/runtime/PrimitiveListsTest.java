package dev.ruchy.runtime;

import static dev.ruchy.runtime.OpsTest.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Arrays of floats and of integers held unboxed ({@link DoubleList}, {@link LongList}) behave as any Ruchy array. */
@SuppressWarnings("unchecked")
class PrimitiveListsTest {
    @Test
    void readAndWriteUnboxedWithRuchyIndexes() {
        List<Double> xs = DoubleList.of(1.5, 2.5, 3.5);
        assertEquals(3.5, Lists.getDouble(xs, -1));
        Lists.setDouble(xs, -3, 0.25);
        assertEquals(0.25, Lists.getDouble(xs, 0));
        assertEquals("Runtime error: Index 3 out of bounds for array of length 3", error(() -> Lists.getDouble(xs, 3)));
        assertEquals("Runtime error: Index -4 out of bounds for array of length 3",
                error(() -> Lists.setDouble(xs, -4, 1.0)));
        List<Long> ns = LongList.repeat(7L, 2);
        Lists.push(ns, 9L);
        Lists.setLong(ns, 1, 8L);
        assertEquals(List.of(7L, 8L, 9L), ns);
        assertEquals(9L, Lists.getLong(ns, -1));
        assertEquals("Runtime error: Index 3 out of bounds for array of length 3", error(() -> Lists.getLong(ns, 3)));
        assertEquals("Runtime error: Cannot repeat an array element -1 times", error(() -> LongList.repeat(0L, -1)));
    }

    @Test
    void theSameValueAsAnArrayListToTheRestOfTheRuntime() {
        List<Long> ns = LongList.of(1L, 2L, 3L);
        assertEquals(Lists.of(1L, 2L, 3L), ns);
        assertEquals(Lists.of(1L, 2L, 3L).hashCode(), ns.hashCode());
        assertTrue((Boolean) Ops.eq(ns, Lists.of(1L, 2L, 3L)));
        assertEquals("[1, 2, 3]", Fmt.display(ns));
        assertEquals("[1.0, 0.5]", Fmt.display(DoubleList.of(1.0, 0.5)));
        assertEquals("[1.0,0.5]", Builtins.toJson(DoubleList.of(1.0, 0.5)));
        assertEquals(3L, Ops.invoke(ns, "len"));
        assertEquals(List.of(2L, 3L), Ops.invoke(ns, "slice", 1L, 3L));
        Ops.invoke(ns, "push", 4L);
        assertEquals(4L, Lists.getLong(ns, 3));
        assertEquals(4L, Ops.index(ns, -1L));
        Ops.setIndex(ns, 0L, 10L);
        assertEquals(10L, Lists.getLong(ns, 0));
        assertTrue(((LongList<?>) ns).isUnboxed());
    }

    @Test
    void anElementOfAnotherKindBoxesTheArrayInsteadOfFailing() {
        List<Long> ns = LongList.of(1L, 2L);
        Ops.setIndex(ns, 1L, "two"); // dynamic code writing through an alias
        Ops.invoke(ns, "push", (Object) null);
        assertFalse(((LongList<?>) ns).isUnboxed());
        assertEquals("[1, \"two\", nil]", Fmt.display(ns));
        assertEquals(1L, Lists.getLong(ns, 0));
        Lists.push(ns, 5L);
        Lists.setLong(ns, 0, 6L);
        assertEquals("[6, \"two\", nil, 5]", Fmt.display(ns));
        assertThrows(ClassCastException.class, () -> Lists.getLong(ns, 1));
        List<Double> xs = DoubleList.of(1.0);
        ((List<Object>) (List<?>) xs).add(0, 2L);
        assertEquals("[2, 1.0]", Fmt.display(xs));
    }

    @Test
    void appendingStaysUnboxedUntilAnotherKindArrives() {
        List<Double> xs = new DoubleList<>();
        xs.add(1.5);
        xs.add(2.5);
        assertTrue(((DoubleList<?>) xs).isUnboxed());
        assertEquals(2.5, Lists.getDouble(xs, -1));
        ((List<Object>) (List<?>) xs).add("three");
        assertFalse(((DoubleList<?>) xs).isUnboxed());
        xs.add(4.5);
        assertEquals("[1.5, 2.5, \"three\", 4.5]", Fmt.display(xs));
        List<Long> ns = LongList.of(1L);
        ns.add(2L);
        assertTrue(((LongList<?>) ns).isUnboxed());
        ((List<Object>) (List<?>) ns).add(null);
        assertEquals("[1, 2, nil]", Fmt.display(ns));
        assertEquals(3, ns.size());
    }

    @Test
    void otherListsStillWork() {
        List<Double> boxed = new ArrayList<>(List.of(1.0, 2.0));
        Lists.setDouble(boxed, -1, 3.0);
        Lists.push(boxed, 4.0);
        assertEquals(3.0, Lists.getDouble(boxed, 1));
        assertEquals(List.of(1.0, 3.0, 4.0), boxed);
        List<Long> fixed = new ArrayList<>(List.of(5L));
        assertEquals(5L, Lists.getLong(fixed, 0));
    }

    @Test
    void repeatedRowsAreIndependentAndStayUnboxed() {
        List<List<Double>> grid = Lists.repeat(DoubleList.repeat(0.0, 2), 2);
        Lists.setDouble(grid.get(0), 1, 2.5);
        assertEquals("[[0.0, 2.5], [0.0, 0.0]]", Fmt.display(grid));
        assertNotSame(grid.get(0), grid.get(1));
        assertInstanceOf(DoubleList.class, grid.get(1));
        List<List<Long>> boxedRows = Lists.repeat(LongList.of(1L), 2);
        Ops.setIndex(boxedRows.get(0), 0L, "x");
        assertEquals("[[\"x\"], [1]]", Fmt.display(boxedRows));
    }

    @Test
    void pushesFromManyThreadsAllLand() throws InterruptedException {
        List<Long> ns = new LongList<>();
        List<Double> xs = new DoubleList<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 10_000; i++) {
                    Lists.push(ns, 1L);
                    Lists.push(xs, 0.5);
                    Lists.getLong(ns, -1);
                    Lists.getDouble(xs, 0);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(40_000, ns.size());
        assertEquals(40_000, xs.size());
        assertEquals(40_000L, ns.stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void rowsReadOnceBeforeALoopReadTheRowsOwnArrays() {
        List<List<Double>> m = new ArrayList<>(List.of(DoubleList.of(1.0, 2.0, 3.0), DoubleList.of(4.0, 5.0)));
        DoubleRows rows = DoubleRows.of(m, 2);
        assertEquals(5.0, rows.get(1, 1));
        Lists.setDouble(m.get(0), 2, 9.0); // a store through the row itself, during the loop
        assertEquals(9.0, rows.get(0, 2)); // past the shortest row: read from m
        Lists.setDouble(m.get(0), 0, 7.0);
        assertEquals(7.0, rows.get(0, 0));
        assertEquals(5.0, rows.get(-1, -1)); // negative indexes count from the end, as Lists.get/getDouble
        assertEquals("Runtime error: Index 2 out of bounds for array of length 2", error(() -> rows.get(1, 2)));
        assertEquals("Runtime error: Index 2 out of bounds for array of length 2", error(() -> rows.get(2, 0)));
        // rows the table does not hold unboxed are read from the array of rows
        List<List<Double>> mixed = new ArrayList<>(List.of(new ArrayList<>(List.of(1.5)), DoubleList.of(2.5), DoubleList.of()));
        Ops.setIndex(mixed.get(1), 0L, 3.5);
        DoubleRows boxed = DoubleRows.of(mixed, 10);
        assertEquals(1.5, boxed.get(0, 0));
        assertEquals(3.5, boxed.get(1, 0));
        assertEquals("Runtime error: Index 0 out of bounds for array of length 0", error(() -> boxed.get(2, 0)));
        assertEquals(4.0, DoubleRows.of(m, -1).get(1, 0)); // an empty table: every read from m

        List<List<Long>> ns = new ArrayList<>(List.of(LongList.of(1L, 2L), LongList.repeat(3L, 4)));
        LongRows longs = LongRows.of(ns, 2);
        assertEquals(2L, longs.get(0, 1));
        Lists.setLong(ns.get(1), 3, 8L);
        assertEquals(8L, longs.get(1, 3));
        assertEquals(8L, longs.get(-1, -1));
        assertEquals("Runtime error: Index 4 out of bounds for array of length 4", error(() -> longs.get(1, 4)));
    }
}
