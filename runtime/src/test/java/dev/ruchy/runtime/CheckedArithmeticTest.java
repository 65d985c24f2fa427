package dev.ruchy.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CheckedArithmeticTest {
    @Test
    void inRangeResultsAreExact() {
        assertEquals(5, Ops.addExact(2, 3));
        assertEquals(-1, Ops.subtractExact(2, 3));
        assertEquals(-6, Ops.multiplyExact(2, -3));
        assertEquals(Long.MIN_VALUE, Ops.multiplyExact(Long.MIN_VALUE, 1));
        assertEquals(Long.MIN_VALUE, Ops.addExact(Long.MIN_VALUE + 1, -1));
    }

    @Test
    void overflowRaisesRuchysError() {
        assertEquals("Runtime error: Integer overflow in addition",
                assertThrows(RuchyError.class, () -> Ops.addExact(Long.MAX_VALUE, 1)).getMessage());
        assertEquals("Runtime error: Integer overflow in subtraction",
                assertThrows(RuchyError.class, () -> Ops.subtractExact(Long.MIN_VALUE, 1)).getMessage());
        assertEquals("Runtime error: Integer overflow in multiplication",
                assertThrows(RuchyError.class, () -> Ops.multiplyExact(Long.MAX_VALUE / 2 + 1, 2)).getMessage());
        assertEquals("Runtime error: Integer overflow in multiplication",
                assertThrows(RuchyError.class, () -> Ops.multiplyExact(Long.MIN_VALUE, -1)).getMessage());
    }
}
