package dev.ruchy.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void runtimeFactories() {
        assertEquals("Runtime error: No match arm matched the value", RuchyError.noMatch(List.of()).getMessage());
        assertEquals("Runtime error: Actors is not supported yet", RuchyError.unsupported("Actors").getMessage());
        assertEquals("Runtime error: Undefined: a::b", RuchyError.undefined("a::b").getMessage());
        assertEquals(RuchyError.Kind.RUNTIME, RuchyError.undefined("x").kind());
    }

    @Test
    void earlyReturnIsNotAnError() {
        RuchyError r = RuchyError.earlyReturn(Result.err("e"));
        assertTrue(r.isEarlyReturn());
        assertEquals(RuchyError.Kind.EARLY_RETURN, r.kind());
        assertEquals(Result.err("e"), r.payload());
        assertEquals("Early return: EnumVariant { enum_name: \"Result\", variant_name: \"Err\", data: Some([String(\"e\")]) }",
                r.getMessage());
        assertEquals("Return(" + Fmt.debug(Result.err("e")) + ")", r.caught());
        assertFalse(RuchyError.thrown("x").isEarlyReturn());
    }
}
