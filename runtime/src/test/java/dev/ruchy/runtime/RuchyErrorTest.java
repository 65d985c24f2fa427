package dev.ruchy.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Error texts (ruchy-semantics §6.1–6.2) and what {@code catch e} binds (§4.8). */
class RuchyErrorTest {
    @Test
    void divisionByZero() {
        RuchyError e = RuchyError.divisionByZero();
        assertEquals("Division by zero", e.getMessage());
        assertEquals("DivisionByZero", e.caught());
        assertNull(e.payload());
    }

    @Test
    void runtimeAndTypeErrorsAreCaughtAsObjects() {
        RuchyError e = RuchyError.runtime("Index 5 out of bounds for array of length 2");
        assertEquals("Runtime error: Index 5 out of bounds for array of length 2", e.getMessage());
        assertEquals(RObject.of("message", "Index 5 out of bounds for array of length 2", "type", "RuntimeError"), e.caught());
        RuchyError t = RuchyError.type("Cannot add string and nil");
        assertEquals("Type error: Cannot add string and nil", t.getMessage());
        assertEquals("{message: \"Cannot add string and nil\", type: \"TypeError\"}", Fmt.display(t.caught()));
    }

    @Test
    void thrownValues() {
        RuchyError e = RuchyError.thrown("boom");
        assertEquals("Uncaught exception: String(\"boom\")", e.getMessage());
        assertEquals("boom", e.payload());
        assertEquals("boom", e.caught());
        assertEquals(RuchyError.Kind.THROWN, e.kind());
        RuchyError list = RuchyError.thrown(List.of(1L));
        assertEquals("Uncaught exception: Array([Integer(1)])", list.getMessage());
        assertEquals(List.of(1L), list.caught());
        RuchyError nil = RuchyError.thrown(null);
        assertEquals("Uncaught exception: Nil", nil.getMessage());
        assertNull(nil.caught());
    }

    @Test
    void assertions() {
        RuchyError e = RuchyError.assertion("\"m\"");
        assertEquals("Assertion failed: \"m\"", e.getMessage());
        assertEquals("AssertionFailed(\"\\\"m\\\"\")", e.caught());
        assertEquals("Assertion failed: Assertion failed", RuchyError.assertion("Assertion failed").getMessage());
    }

    @Test
    void kindPrefixes() {
        assertEquals("Runtime error: ", RuchyError.Kind.RUNTIME.prefix());
        assertEquals("", RuchyError.Kind.DIVISION_BY_ZERO.prefix());
    }
}
