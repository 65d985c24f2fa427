package dev.ruchy.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruchy.runtime.sample.Generated;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Type names (§2.1), the Debug dump (§2.4), tuples, ranges and atoms. */
class ValuesTest {
    @Test
    void typeNames() {
        Function<Object, Object> f = x -> x;
        assertEquals("integer", Values.typeOf(1L));
        assertEquals("float", Values.typeOf(1.0));
        assertEquals("boolean", Values.typeOf(true));
        assertEquals("string", Values.typeOf("s"));
        assertEquals("nil", Values.typeOf(null));
        assertEquals("array", Values.typeOf(new ArrayList<>()));
        assertEquals("tuple", Values.typeOf(Tuple.of(1L)));
        assertEquals("object", Values.typeOf(new RObject()));
        assertEquals("range", Values.typeOf(new Range(0, 1, false)));
        assertEquals("function", Values.typeOf(f));
        assertEquals("enum_variant", Values.typeOf(Option.some(1L)));
        assertEquals("enum_variant", Values.typeOf(Option.none()));
        assertEquals("enum_variant", Values.typeOf(Result.ok(1L)));
        assertEquals("enum_variant", Values.typeOf(Generated.circle(1)));
        assertEquals("enum_variant", Values.typeOf(Generated.red()));
        assertEquals("struct", Values.typeOf(Generated.pt(1, 2)));
        assertEquals("struct", Values.typeOf(Generated.account()));
        assertEquals("atom", Values.typeOf(new Atom("ok")));
        assertEquals("byte", Values.typeOf((byte) 97));
    }

    @Test
    void debugDump() {
        assertEquals("Integer(5)", Fmt.debug(5L));
        assertEquals("String(\"hi\")", Fmt.debug("hi"));
        assertEquals("String(\"say \\\"hi\\\"\")", Fmt.debug("say \"hi\""));
        assertEquals("Float(2.0)", Fmt.debug(2.0));
        assertEquals("Float(0.1)", Fmt.debug(0.1));
        assertEquals("Float(1e21)", Fmt.debug(1e21));
        assertEquals("Float(1.5e-7)", Fmt.debug(1.5e-7));
        assertEquals("Float(-0.0)", Fmt.debug(-0.0));
        assertEquals("Float(NaN)", Fmt.debug(Double.NaN));
        assertEquals("Bool(true)", Fmt.debug(true));
        assertEquals("Nil", Fmt.debug(null));
        assertEquals("Array([Integer(1)])", Fmt.debug(List.of(1L)));
        assertEquals("Tuple([Integer(1), String(\"a\")])", Fmt.debug(Tuple.of(1L, "a")));
        assertEquals("Object({\"a\": Integer(1), \"b\": Nil})", Fmt.debug(RObject.of("b", null, "a", 1L)));
        assertEquals("EnumVariant { enum_name: \"Option\", variant_name: \"Some\", data: Some([Integer(1)]) }", Fmt.debug(Option.some(1L)));
        assertEquals("EnumVariant { enum_name: \"Option\", variant_name: \"None\", data: None }", Fmt.debug(Option.none()));
        assertEquals("EnumVariant { enum_name: \"Result\", variant_name: \"Err\", data: Some([String(\"e\")]) }", Fmt.debug(Result.err("e")));
        assertEquals("EnumVariant { enum_name: \"Shape\", variant_name: \"Circle\", data: Some([Float(2.0)]) }", Fmt.debug(Generated.circle(2)));
        assertEquals("EnumVariant { enum_name: \"Shape\", variant_name: \"Dot\", data: None }", Fmt.debug(Generated.dot()));
        assertEquals("EnumVariant { enum_name: \"Color\", variant_name: \"Red\", data: None }", Fmt.debug(Generated.red()));
        assertEquals("Struct { name: \"Pt\", fields: {\"x\": Integer(1), \"y\": Integer(2)} }", Fmt.debug(Generated.pt(1, 2)));
        assertEquals("Range { start: Integer(1), end: Integer(5), inclusive: true }", Fmt.debug(new Range(1, 5, true)));
        assertEquals("Atom(\"ok\")", Fmt.debug(new Atom("ok")));
        assertEquals("Byte(97)", Fmt.debug((byte) 97));
    }

    @Test
    void tuples() {
        Tuple t = Tuple.of(1L, null, "a");
        assertEquals(3L, t.len());
        assertEquals("a", t.get(2));
        assertEquals(Tuple.of(1L, null, "a"), t);
        assertEquals("Runtime error: Index 3 out of bounds for tuple of length 3",
                assertThrows(RuchyError.class, () -> t.get(3)).getMessage());
        assertThrows(UnsupportedOperationException.class, () -> t.elements().add(1L));
        List<Object> source = new ArrayList<>(List.of(1L));
        Tuple copy = new Tuple(source);
        source.add(2L);
        assertEquals(1L, copy.len());
    }

    @Test
    void ranges() {
        assertEquals(List.of(1L, 2L, 3L), new Range(1, 4, false).toList());
        assertEquals(List.of(1L, 2L, 3L), new Range(1, 3, true).toList());
        assertEquals(List.of(), new Range(5, 0, false).toList());
        assertEquals(List.of(), new Range(3, 3, false).toList());
        assertEquals(List.of(3L), new Range(3, 3, true).toList());
        assertEquals(List.of(Long.MAX_VALUE - 1, Long.MAX_VALUE), new Range(Long.MAX_VALUE - 1, Long.MAX_VALUE, true).toList());
        assertTrue(new Range(1, 5, false).contains(4));
        assertFalse(new Range(1, 5, false).contains(5));
        assertTrue(new Range(1, 5, true).contains(5));
        Range open = new Range(2, Range.OPEN_END, false);
        assertTrue(open.openEnd());
        assertEquals("2..", open.toString());
        assertEquals("Runtime error: Cannot collect the open range 2.. into an array",
                assertThrows(RuchyError.class, open::toList).getMessage());
        long sum = 0;
        for (long i : new Range(0, 5, false)) {
            sum += i;
        }
        assertEquals(10L, sum);
    }

    @Test
    void atoms() {
        assertEquals(new Atom("ok"), new Atom("ok"));
        assertEquals(":ok", new Atom("ok").toString());
    }
}
