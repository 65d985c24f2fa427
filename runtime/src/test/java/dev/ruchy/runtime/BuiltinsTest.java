package dev.ruchy.runtime;

import static dev.ruchy.runtime.OpsTest.array;
import static dev.ruchy.runtime.OpsTest.error;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruchy.runtime.sample.Generated;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The global builtins of ruchy-semantics §5.2, with their §3.10 conversions, §6.2 messages and §5.7 JSON. */
class BuiltinsTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void capture() {
        Console.setOut(new PrintStream(out, false, StandardCharsets.UTF_8));
        Console.setErr(new PrintStream(err, false, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        Console.setOut(null);
        Console.setErr(null);
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printing() {
        Builtins.println();
        Builtins.println("a", 1L, 2.0);
        Builtins.println("{} costs {:.2}", "tea", 4.0);
        Builtins.println((Object) null);
        Builtins.print("A", 1L);
        Builtins.printEvalResult("ab");
        Builtins.printEvalResult(null);
        Builtins.printEvalResult(List.of(1L));
        assertEquals("\na 1 2.0\ntea costs 4.00\nnil\nA 1\"ab\"\n[1]\n", output());
        Builtins.eprintln("oops", 1L);
        assertEquals("oops 1\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void dbgReturnsItsArgument() {
        assertEquals(5L, Builtins.dbg(5L));
        assertEquals(List.of(1L, "a"), Builtins.dbg(1L, "a"));
        assertNull(Builtins.dbg());
        assertEquals("[DEBUG] Integer(5)\n[DEBUG] [Integer(1), String(\"a\")]\n[DEBUG] Nil\n", output());
    }

    @Test
    void lengthsAndTypes() {
        assertEquals(6L, Builtins.len("héllo"));
        assertEquals(2L, Builtins.len(array(1L, 2L)));
        assertEquals(2L, Builtins.len(Tuple.of(1L, 2L)));
        assertEquals(1L, Builtins.len(RObject.of("a", 1L)));
        assertEquals("Runtime error: len() expects a string, array, tuple or object, got integer", error(() -> Builtins.len(5L)));
        assertEquals("Runtime error: len() expects a string, array, tuple or object, got nil", error(() -> Builtins.len(null)));
        assertEquals("integer", Builtins.typeOf(1L));
        assertEquals("nil", Builtins.typeOf(null));
        assertTrue(Builtins.isNil(null));
        assertFalse(Builtins.isNil(false));
        assertEquals("a", Builtins.str("a"));
        assertEquals("2.0", Builtins.str(2.0));
        assertEquals("\"a\"", Builtins.toStringQuoted("a"));
        assertEquals("[1, \"b\"]", Builtins.toStringQuoted(array(1L, "b")));
    }

    @Test
    void ranges() {
        assertEquals(List.of(0L, 1L, 2L), Builtins.range(3L));
        assertEquals(List.of(2L, 3L, 4L), Builtins.range(2L, 5L));
        assertEquals(List.of(0L, 3L, 6L, 9L), Builtins.range(0L, 10L, 3L));
        assertEquals(List.of(5L, 3L, 1L), Builtins.range(5L, 0L, -2L));
        assertEquals(List.of(), Builtins.range(5L, 0L));
        assertEquals(List.of(Long.MAX_VALUE - 1), Builtins.range(Long.MAX_VALUE - 1, Long.MAX_VALUE));
        assertEquals("Runtime error: range() step cannot be zero", error(() -> Builtins.range(0L, 5L, 0L)));
        assertEquals("Runtime error: range() expects 1 to 3 arguments, got 0", error(() -> Builtins.range()));
        assertEquals("Type error: range() expects an integer, got float", error(() -> Builtins.range(1.5)));
    }

    @Test
    void numericConversions() {
        assertEquals(3L, Builtins.toInt(3.9));
        assertEquals(-3L, Builtins.toInt(-3.9));
        assertEquals(42L, Builtins.toInt("42"));
        assertEquals(1L, Builtins.toInt(true));
        assertEquals("Runtime error: int() cannot parse string: ' 42'", error(() -> Builtins.toInt(" 42")));
        assertEquals("Runtime error: int() cannot parse string: '4.2'", error(() -> Builtins.toInt("4.2")));
        assertEquals("Runtime error: int() cannot convert nil to an integer", error(() -> Builtins.toInt(null)));
        assertEquals(3.0, Builtins.toFloat(3L));
        assertEquals(2.5, Builtins.toFloat("2.5"));
        assertEquals(0.5, Builtins.toFloat(".5"));
        assertEquals(1e5, Builtins.toFloat("1e5"));
        assertEquals(Double.POSITIVE_INFINITY, Builtins.toFloat("inf"));
        assertEquals(Double.NEGATIVE_INFINITY, Builtins.toFloat("-Infinity"));
        assertTrue(Double.isNaN(Builtins.toFloat("NaN")));
        assertEquals("Runtime error: float() cannot parse string: 'x'", error(() -> Builtins.toFloat("x")));
        assertEquals("Runtime error: float() cannot parse string: '0x1p3'", error(() -> Builtins.toFloat("0x1p3")));
        assertEquals("Runtime error: float() cannot parse string: '1d'", error(() -> Builtins.toFloat("1d")));
        assertEquals("Runtime error: float() cannot parse string: ' 1'", error(() -> Builtins.toFloat(" 1")));
        assertFalse(Builtins.toBool(0L));
        assertFalse(Builtins.toBool(0.0));
        assertFalse(Builtins.toBool(""));
        assertFalse(Builtins.toBool(array()));
        assertFalse(Builtins.toBool(null));
        assertFalse(Builtins.toBool(false));
        assertTrue(Builtins.toBool(2L));
        assertTrue(Builtins.toBool("x"));
        assertTrue(Builtins.toBool(new RObject()));
        assertEquals(7L, Builtins.parseInt("7"));
        assertEquals(-7L, Builtins.parseInt("-7"));
        assertEquals("Runtime error: parse_int() cannot parse string: ' 7'", error(() -> Builtins.parseInt(" 7")));
        assertEquals("Type error: parse_int() expects a string, got integer", error(() -> Builtins.parseInt(7L)));
        assertEquals(7.5, Builtins.parseFloat("7.5"));
        assertEquals("Runtime error: parse_float() cannot parse string: 'abc'", error(() -> Builtins.parseFloat("abc")));
    }

    @Test
    void math() {
        assertEquals(4.0, Builtins.sqrt(16L));
        assertEquals(3L, Builtins.abs(-3L));
        assertEquals(2.5, Builtins.abs(-2.5));
        assertEquals(2L, Builtins.floor(2.7));
        assertEquals(-3L, Builtins.floor(-2.1));
        assertEquals(3L, Builtins.ceil(2.1));
        assertEquals(3L, Builtins.round(2.5));
        assertEquals(-3L, Builtins.round(-2.5));
        assertEquals(0L, Builtins.round(0.49999999999999994));
        assertEquals(2L, Builtins.round(2.4));
        assertEquals(5L, Builtins.round(5L));
        assertEquals(0.0, Builtins.sin(0L));
        assertEquals(1.0, Builtins.cos(0L));
        assertEquals(0.0, Builtins.tan(0L));
        assertEquals(1.0, Builtins.log(Math.E));
        assertEquals(2.0, Builtins.log10(100L));
        assertEquals(1.0, Builtins.exp(0L));
        assertEquals(8L, Builtins.pow(2L, 3L));
        assertEquals(0.25, Builtins.pow(2L, -2L));
        assertEquals(8.0, Builtins.pow(2.0, 3L));
        assertEquals(0L, Builtins.pow(2L, 64L)); // wraps (§3.1)
        assertEquals(2L, Builtins.min(2L, 7L));
        assertEquals(7.5, Builtins.max(2L, 7.5));
        assertEquals(2.0, Builtins.min(2L, 7.5));
        assertEquals("Runtime error: sqrt() expects a number, got string", error(() -> Builtins.sqrt("x")));
        assertEquals("Runtime error: max() expects a number, got nil", error(() -> Builtins.max(1L, null)));
        for (int i = 0; i < 100; i++) {
            double r = Builtins.random();
            assertTrue(r >= 0 && r < 1);
        }
    }

    @Test
    void assertions() {
        Builtins.assertTrue(true);
        Builtins.assertTrue(true, "m");
        Builtins.assertEq(1L, 1L);
        Builtins.assertEq(array(1L, "a"), array(1L, "a"));
        Builtins.assertNe(1L, 2L);
        Builtins.assertNe(1L, 1.0); // strict
        assertEquals("Assertion failed: Assertion failed", error(() -> Builtins.assertTrue(false)));
        assertEquals("Assertion failed: \"m\"", error(() -> Builtins.assertTrue(false, "m")));
        assertEquals("Type error: assert() expects a boolean condition, got integer", error(() -> Builtins.assertTrue(1L)));
        assertEquals("Runtime error: assert() expects 1 or 2 arguments, got 0", error(() -> Builtins.assertTrue()));
        assertEquals("Assertion failed: Assertion failed: expected Integer(1), got Integer(2)", error(() -> Builtins.assertEq(1L, 2L)));
        assertEquals("Assertion failed: Assertion failed: expected Integer(1), got Float(1.0)", error(() -> Builtins.assertEq(1L, 1.0)));
        assertEquals("Assertion failed: \"sizes\"", error(() -> Builtins.assertEq(1L, 2L, "sizes")));
        assertEquals("Assertion failed: Assertion failed: expected values to differ, both were String(\"a\")",
                error(() -> Builtins.assertNe("a", "a")));
        RuchyError e = org.junit.jupiter.api.Assertions.assertThrows(RuchyError.class, () -> Builtins.assertEq(1L, 2L));
        assertEquals(RuchyError.Kind.ASSERTION, e.kind());
    }

    @Test
    void arrayBuiltinsDoNotMutate() {
        List<Object> xs = array(3L, 1L, 2L);
        assertEquals(List.of(2L, 1L, 3L), Builtins.reverse(xs));
        assertEquals("cba\uD83D\uDE00", Builtins.reverse("\uD83D\uDE00abc"));
        assertEquals(List.of(1L, 2L, 3L), Builtins.sort(xs));
        assertEquals(List.of(1L, 2.5, 10L), Builtins.sort(array(10L, 2.5, 1L)));
        assertEquals(List.of(3L, 1L, 2L, 4L), Builtins.push(xs, 4L));
        assertEquals(2L, Builtins.pop(xs));
        assertNull(Builtins.pop(array()));
        assertEquals(List.of(3L, 1L, 2L), xs);
        assertEquals(List.of(Tuple.of(1L, "a")), Builtins.zip(array(1L, 2L), array("a")));
        assertEquals(List.of(Tuple.of(0L, "x")), Builtins.enumerate(array("x")));
        assertEquals("Runtime error: reverse() expects an array or a string, got integer", error(() -> Builtins.reverse(1L)));
        assertEquals("Type error: sort() expects an array, got string", error(() -> Builtins.sort("x")));
        assertEquals("Runtime error: sort() cannot order integer and string", error(() -> Builtins.sort(array(1L, "a"))));
    }

    @Test
    void timeAndIds() {
        long before = System.nanoTime();
        Builtins.sleep(5L);
        Builtins.sleep(0.5);
        Builtins.sleep(-1L);
        assertTrue(System.nanoTime() - before >= 5_000_000);
        assertTrue(Math.abs(Builtins.currentTimeMs() - System.currentTimeMillis()) < 1000);
        assertTrue(Builtins.currentDatetime().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
        String id = Builtins.generateId();
        assertTrue(id.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
        assertFalse(id.equals(Builtins.generateId()));
    }

    @Test
    void files(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("notes.txt");
        String p = file.toString();
        assertFalse(Builtins.fileExists(p));
        assertEquals(Result.ok(null), Builtins.writeFile(p, "héllo\n"));
        assertTrue(Builtins.fileExists(p));
        assertEquals("héllo\n", Builtins.readFile(p));
        assertEquals(Result.ok(null), Builtins.writeFile(p, "second"));
        assertEquals("second", Builtins.readFile(p));
        Builtins.appendFile(p, " line");
        Builtins.appendFile(p, 5L);
        assertEquals("second line5", Builtins.readFile(p));
        try (Stream<Path> entries = Files.list(dir)) {
            assertEquals(List.of(file), entries.toList()); // no temporary file left behind
        }
        assertEquals(Result.ok(null), Builtins.deleteFile(p));
        assertEquals(Result.ok(null), Builtins.deleteFile(p)); // also when missing
        assertFalse(Builtins.fileExists(p));
        assertEquals("Runtime error: Failed to read file '" + p + "': No such file or directory (os error 2)",
                error(() -> Builtins.readFile(p)));
        assertEquals("Runtime error: Failed to read file '" + dir + "': Is a directory (os error 21)",
                error(() -> Builtins.readFile(dir.toString())));
        String missingDir = dir.resolve("no/such/file.txt").toString();
        Object failed = Builtins.writeFile(missingDir, "x");
        assertInstanceOf(Result.Err.class, failed);
        assertEquals("Err(\"Failed to write file '" + missingDir + "': No such file or directory (os error 2)\")", Fmt.display(failed));
        Files.write(file, new byte[] {(byte) 0xC3, (byte) 0x28});
        assertEquals("Runtime error: Failed to read file '" + p + "': stream did not contain valid UTF-8", error(() -> Builtins.readFile(p)));
        assertEquals("Type error: read_file() expects a string, got integer", error(() -> Builtins.readFile(1L)));
    }

    @Test
    void jsonParsing() {
        Object v = Builtins.parseJson("{\"b\": 1, \"a\": [true, null, 2.5, \"x\"], \"big\": 123456789012345678901, \"e\": 1e2, \"o\": {}}");
        RObject o = assertInstanceOf(RObject.class, v);
        assertEquals(List.of("b", "a", "big", "e", "o"), o.keys()); // document order
        assertEquals(1L, o.get("b"));
        assertEquals(array(true, null, 2.5, "x"), o.get("a"));
        assertEquals(1.2345678901234568e20, o.get("big"));
        assertEquals(100.0, o.get("e"));
        assertEquals(new RObject(), o.get("o"));
        assertNull(Builtins.parseJson("null"));
        assertEquals(-5L, Builtins.parseJson(" -5 "));
        assertEquals("é\n", Builtins.parseJson("\"\\u00e9\\n\""));
        assertTrue(error(() -> Builtins.parseJson("{\"a\": }")).startsWith("Runtime error: JSON parse error: "));
        assertTrue(error(() -> Builtins.parseJson("[1] 2")).startsWith("Runtime error: JSON parse error: "));
        assertEquals("Runtime error: JSON parse error: EOF while parsing a value at line 1 column 0", error(() -> Builtins.parseJson("")));
    }

    @Test
    void jsonWriting() {
        RObject o = RObject.of("name", "Ann \"A\"", "tags", array(true, null), "n", 3L, "f", 3.0);
        assertEquals("{\"name\":\"Ann \\\"A\\\"\",\"tags\":[true,null],\"n\":3,\"f\":3.0}", Builtins.toJson(o));
        assertEquals("{\n  \"name\": \"Ann \\\"A\\\"\",\n  \"tags\": [\n    true,\n    null\n  ],\n  \"n\": 3,\n  \"f\": 3.0\n}",
                Builtins.toJsonPretty(o));
        assertEquals("{}", Builtins.toJsonPretty(new RObject()));
        assertEquals("[]", Builtins.toJsonPretty(array()));
        assertEquals("[[],{}]", Builtins.toJson(array(array(), new RObject())));
        assertEquals("\"tab\\there \\u001f é\"", Builtins.toJson("tab\there \u001f é"));
        assertEquals("[0.1,1e21,1.5e-7,1e16,1000000000000000.0,0.00001,1e-6,-0.0,null,null]",
                Builtins.toJson(array(0.1, 1e21, 1.5e-7, 1e16, 1e15, 0.00001, 0.000001, -0.0, Double.NaN, Double.POSITIVE_INFINITY)));
        assertEquals("Runtime error: Cannot convert Tuple([Integer(1)]) to JSON", error(() -> Builtins.toJson(Tuple.of(1L))));
        assertEquals("Runtime error: Cannot convert Struct { name: \"Pt\", fields: {\"x\": Integer(1), \"y\": Integer(2)} } to JSON",
                error(() -> Builtins.toJson(Generated.pt(1, 2))));
        assertTrue(error(() -> Builtins.toJson(Option.some(1L))).startsWith("Runtime error: Cannot convert EnumVariant"));
        List<Object> loop = array();
        loop.add(loop);
        assertEquals("Runtime error: Cannot convert a value that contains itself to JSON", error(() -> Builtins.toJson(loop)));
    }

    @Test
    void jsonNestingAndCycles() {
        // deep values are written whole; cycles are caught however deep they start
        List<Object> deep = array();
        List<Object> innermost = deep;
        for (int i = 0; i < 300; i++) {
            List<Object> next = array();
            innermost.add(next);
            innermost = next;
        }
        assertEquals("[".repeat(301) + "]".repeat(301), Builtins.toJson(deep));
        RObject top = new RObject();
        RObject at = top;
        for (int i = 0; i < 100; i++) {
            RObject next = new RObject();
            at.set("k", next);
            at = next;
        }
        at.set("back", top);
        assertEquals("Runtime error: Cannot convert a value that contains itself to JSON", error(() -> Builtins.toJson(top)));
        // a value seen twice, not inside itself, is no cycle
        RObject shared = RObject.of("x", 1L);
        assertEquals("[{\"x\":1},{\"x\":1}]", Builtins.toJson(array(shared, shared)));
    }

    @Test
    void jsonAsUtf8BytesIsTheJsonText() {
        RObject o = RObject.of("name", "Zoë \"Z\" 😀", "n", List.of(1L, 2.5, true), "none", null);
        assertArrayEquals(Builtins.toJson(o).getBytes(java.nio.charset.StandardCharsets.UTF_8), Builtins.toJsonUtf8(o));
        assertEquals("Runtime error: Cannot convert Tuple([Integer(1)]) to JSON", error(() -> Builtins.toJsonUtf8(Tuple.of(1L))));
    }

    @Test
    void jsonRoundTrip() {
        String text = "{\"id\":7,\"name\":\"Zoë\",\"scores\":[1.5,2.0,-3],\"nested\":{\"ok\":true,\"none\":null},\"empty\":[]}";
        Object value = Builtins.parseJson(text);
        assertEquals(text, Builtins.toJson(value));
        assertTrue(Ops.eq(value, Builtins.parseJson(Builtins.toJsonPretty(value))));
        for (double d : new double[] {0.1, 1e21, 1.5e-7, 123.456, 5e-324, Double.MAX_VALUE, -2.5e-5}) {
            assertEquals(d, Builtins.parseJson(Builtins.toJson(d)));
        }
    }

    @Test
    void input() {
        InputStream saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream("first\r\nsécond\nlast".getBytes(StandardCharsets.UTF_8)));
            assertEquals("first", Builtins.input("Name: "));
            assertEquals("sécond", Builtins.input());
            assertEquals("last", Builtins.input(">"));
            assertEquals("", Builtins.input());
            assertEquals("Name: >", output());
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void environmentAndProcess() {
        String path = System.getenv("PATH");
        if (path != null) {
            assertEquals(Result.ok(path), Builtins.envVar("PATH"));
        }
        assertEquals(Result.err("NotFound"), Builtins.envVar("RUCHY_SURELY_UNSET_VARIABLE"));
        Builtins.setArgs("app.ruchy", "--port", "80");
        List<String> args = Builtins.envArgs();
        assertEquals(List.of("app.ruchy", "--port", "80"), args);
        args.add("x"); // a new array each time
        assertEquals(3, Builtins.envArgs().size());
        Builtins.setArgs();
        assertEquals(List.of(), Builtins.envArgs());
        assertEquals("Runtime error: boom", error(() -> Builtins.panic("boom")));
        assertEquals("Runtime error: explicit panic", error(() -> Builtins.panic()));
        assertEquals("Runtime error: 1 and 2", error(() -> Builtins.panic("{} and {}", 1L, 2L)));
        assertEquals("x = 2.0, y = [1]", Builtins.formatMacro("x = {}, y = {}", 2.0, array(1L)));
        assertEquals("{} 5", Builtins.formatMacro("{{}} {}", 5L));
        assertEquals("Runtime error: format! expects a format string", error(() -> Builtins.formatMacro(1L)));
    }

    @Test
    void builtinValuesShareTheImplementations() {
        assertSame(Ops.builtin("type_of"), Ops.builtin("type_of"));
        assertEquals("float", Ops.call(Ops.builtin("typeof"), 1.0));
        assertEquals(List.of(0L, 1L), Ops.call(Ops.builtin("range"), 2L));
        assertEquals("Runtime error: random() expects exactly 0 arguments, got 1", error(() -> Ops.call(Ops.builtin("random"), 1L)));
        Ops.call(Ops.builtin("println"), "via", "value");
        assertEquals("via value\n", output());
    }
}
