package dev.ruchy.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TestAssertionsTest {
    @Test
    void passingAssertionsDoNothing() {
        TestAssertions.assertTrue("t.ruchy:1", true);
        TestAssertions.assertEq("t.ruchy:2", 1L, 1L);
        TestAssertions.assertNe("t.ruchy:3", 1L, 2L);
    }

    @Test
    void aFailureIsAnAssertionErrorAtTheRuchyLine() {
        AssertionError e = assertThrows(AssertionError.class, () -> TestAssertions.assertEq("math_test.ruchy:12", 6L, 9L));
        assertEquals("math_test.ruchy:12: Assertion failed: expected Integer(6), got Integer(9)", e.getMessage());
        assertEquals(RuchyError.Kind.ASSERTION, ((RuchyError) e.getCause()).kind());
    }

    @Test
    void theMessageGivenReplacesTheDefault() {
        AssertionError e = assertThrows(AssertionError.class, () -> TestAssertions.assertTrue("t.ruchy:4", false, "too big"));
        assertEquals("t.ruchy:4: \"too big\"", e.getMessage()); // Ruchy shows the message in Display form
        e = assertThrows(AssertionError.class, () -> TestAssertions.assertNe("t.ruchy:5", 1L, 1L));
        assertEquals("t.ruchy:5: Assertion failed: expected values to differ, both were Integer(1)", e.getMessage());
    }

    @Test
    void otherErrorsStayRuchyErrors() {
        RuchyError e = assertThrows(RuchyError.class, () -> TestAssertions.assertTrue("t.ruchy:6", 1L));
        assertEquals(RuchyError.Kind.TYPE, e.kind());
    }
}
