package dev.ruchy.runtime;

import static dev.ruchy.runtime.OpsTest.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Array literals, indexing and repetition (ruchy-semantics §5.4), and string length and trimming (§5.3). */
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
    void repeatSharesTheValue() {
        List<Object> row = new ArrayList<>();
        List<Object> grid = Lists.repeat(row, 3);
        assertEquals(3, grid.size());
        assertSame(grid.get(0), grid.get(2));
        grid.add("x"); // mutable
        assertEquals(List.of(), Lists.repeat(0L, 0));
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
