package dev.ruchy.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** String concatenation, ruchy-semantics §3.6 and §2.6. */
class OpsTest {
    @Test
    void stringsJoin() {
        assertEquals("abcd", Ops.concat("ab", "cd"));
        assertEquals("", Ops.concat("", ""));
    }

    @Test
    void numbersAndBooleansJoinOnEitherSide() {
        assertEquals("n=5", Ops.concat("n=", 5L));
        assertEquals("5!", Ops.concat(5L, "!"));
        assertEquals("x2", Ops.concat("x", 2.0));
        assertEquals("x0.25", Ops.concat("x", 0.25));
        assertEquals("2x", Ops.concat(2.0, "x"));
        assertEquals("xtrue", Ops.concat("x", true));
        assertEquals("falsex", Ops.concat(false, "x"));
        assertEquals("Price: $19.99", Ops.concat("Price: $", 19.99));
        assertEquals("Temperature: -5", Ops.concat("Temperature: ", -5L));
        assertEquals("a1000000000000000000000", Ops.concat("a", 1e21));
        assertEquals("a-0", Ops.concat("a", -0.0));
        assertEquals("aNaN", Ops.concat("a", Double.NaN));
        assertEquals("a1", Ops.concat("a", 1));
        assertEquals("ab", Ops.concat("a", 'b'));
    }

    @Test
    void otherValuesAreTypeErrors() {
        assertEquals("Type error: Cannot add string and nil", assertThrows(RuchyError.class, () -> Ops.concat("x", null)).getMessage());
        assertEquals("Type error: Cannot add string and array", assertThrows(RuchyError.class, () -> Ops.concat("x", List.of(1L))).getMessage());
        assertEquals("Type error: Cannot add nil and string", assertThrows(RuchyError.class, () -> Ops.concat(null, "x")).getMessage());
        assertEquals("Type error: Cannot add string and object", assertThrows(RuchyError.class, () -> Ops.concat("x", new RObject())).getMessage());
        assertEquals("Type error: Cannot add string and tuple", assertThrows(RuchyError.class, () -> Ops.concat("x", Tuple.of(1L))).getMessage());
        assertEquals("Type error: Cannot add integer and integer", assertThrows(RuchyError.class, () -> Ops.concat(1L, 2L)).getMessage());
        RuchyError e = assertThrows(RuchyError.class, () -> Ops.concat("x", null));
        assertEquals(RuchyError.Kind.TYPE, e.kind());
        assertEquals("Cannot add string and nil", e.detail());
    }

    @Test
    void theDigestSection26Example() {
        // let f = 2.0; println("a" + f, str(f), f.to_string(), f"{f}", [f].join(","))
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Console.setOut(new PrintStream(bytes, false, StandardCharsets.UTF_8));
        try {
            double f = 2.0;
            Console.println(Ops.concat("a", f), Fmt.toStr(f), Fmt.plain(f), Fmt.interpolate(f), Fmt.toStr(f));
        } finally {
            Console.setOut(null);
        }
        assertEquals("a2 2.0 2 2.0 2.0\n", bytes.toString(StandardCharsets.UTF_8));
    }
}
