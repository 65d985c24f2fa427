package dev.ruchy.runtime;

import static dev.ruchy.runtime.OpsTest.array;
import static dev.ruchy.runtime.OpsTest.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruchy.runtime.sample.Generated;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Ops#invoke}: the builtin methods of ruchy-semantics §5.3–5.6 and the Decisions, and reflection. */
class InvokeTest {
    private static Object call(Object receiver, String method, Object... args) {
        return Ops.invoke(receiver, method, args);
    }

    // ---------------------------------------------------------------- strings (§5.3)

    @Test
    void stringBasics() {
        assertEquals(6L, call("héllo", "len"));
        assertEquals(6L, call("héllo", "length"));
        assertEquals("HÉLLO", call("héllo", "to_upper"));
        assertEquals("STRASSE", call("straße", "to_uppercase"));
        assertEquals("abc", call("ABC", "lower"));
        assertEquals("title", call("TITLE", "to_lowercase"));
        assertEquals("a b", call("\u00A0 a b \n", "trim"));
        assertEquals("a ", call("  a ", "trim_start"));
        assertEquals("  a", call("  a ", "trim_end"));
        assertEquals(true, call("", "is_empty"));
        assertEquals(true, call("123", "is_numeric"));
        assertEquals(true, call("", "is_numeric"));
        assertEquals(false, call("12a", "is_numeric"));
        assertEquals(true, call("abcé", "is_alphabetic"));
        assertEquals(true, call("ab12", "is_alphanumeric"));
        assertEquals(false, call("ab 12", "is_alphanumeric"));
        assertEquals("s", call("s", "to_string"));
        assertEquals("s", call("s", "as_str"));
        assertEquals(List.of("a", "b", "c"), call("  a\tb\u00A0 c \n", "split_whitespace"));
        assertEquals(List.of(), call("   ", "split_whitespace"));
    }

    @Test
    void stringSplitting() {
        assertEquals(List.of("h", "é", "\uD83D\uDE00"), call("hé\uD83D\uDE00", "chars"));
        assertEquals(List.of("a", "", "b"), call("a\r\n\nb\n", "lines"));
        assertEquals(List.of(), call("", "lines"));
        assertEquals(List.of(""), call("\n", "lines"));
        assertEquals(List.of("a", "", "b", ""), call("a,,b,", "split", ","));
        assertEquals(List.of("", "a", "b", ""), call("ab", "split", ""));
        assertEquals(List.of(""), call("", "split", ","));
        assertEquals(List.of("a", "b"), call("a::b", "split", "::"));
    }

    @Test
    void stringSearchAndEdit() {
        assertEquals(true, call("hello", "contains", "ell"));
        assertEquals(true, call("hello", "starts_with", "he"));
        assertEquals(true, call("hello", "ends_with", "lo"));
        assertEquals(false, call("hello", "ends_with", "he"));
        assertEquals("a-b-c", call("a.b.c", "replace", ".", "-"));
        assertEquals("ababab", call("ab", "repeat", 3L));
        assertEquals("", call("ab", "repeat", 0L));
        assertEquals("Runtime error: repeat() count cannot be negative: -1", error(() -> call("ab", "repeat", -1L)));
        assertEquals("é", call("héllo", "char_at", 1L));
        assertNull(call("héllo", "char_at", 9L));
        assertNull(call("héllo", "char_at", -1L));
        assertEquals("él", call("héllo", "substring", 1L, 3L));
        assertEquals("llo", call("héllo", "slice", 2L, 99L));
        assertEquals("Runtime error: Invalid range: start 3 is greater than end 1", error(() -> call("hello", "substring", 3L, 1L)));
        assertEquals("Runtime error: substring() indices cannot be negative: -1, 2", error(() -> call("hello", "substring", -1L, 2L)));
        assertEquals("ab1", call("ab", "append", 1L));
        assertEquals("1 + 2.0 = x", call("{} + {} = {}", "format", 1L, 2.0, "x"));
        assertEquals(List.of(104L, 195L, 169L), call("hé", "as_bytes"));
        assertEquals("Type error: contains() expects a string argument, got integer", error(() -> call("a", "contains", 1L)));
    }

    @Test
    void stringParsing() {
        assertEquals(42L, call("  42 ", "to_int"));
        assertEquals(42L, call("42", "parse"));
        assertEquals(-7L, call("-7", "to_integer"));
        assertEquals(8080L, call("8080", "to_i"));
        assertEquals("Runtime error: Failed to parse 'x' as integer", error(() -> call("x", "parse")));
        assertEquals("Runtime error: Failed to parse '4.2' as integer", error(() -> call("4.2", "to_int")));
        assertEquals("Runtime error: Failed to parse '٣' as integer", error(() -> call("٣", "to_int"))); // ASCII digits only
    }

    @Test
    void unknownStringMethodsNameTheArgumentCount() {
        assertEquals("Runtime error: Unknown zero-argument string method: foo", error(() -> call("a", "foo")));
        assertEquals("Runtime error: Unknown single-argument string method: foo", error(() -> call("a", "foo", 1L)));
        assertEquals("Runtime error: Unknown two-argument string method: foo", error(() -> call("a", "foo", 1L, 2L)));
        assertEquals("Runtime error: Unknown zero-argument string method: reverse", error(() -> call("a", "reverse")));
    }

    // ---------------------------------------------------------------- arrays (§5.4)

    @Test
    void arrayAccessors() {
        List<Object> xs = array(1L, 2L, 3L);
        assertEquals(3L, call(xs, "len"));
        assertEquals(false, call(xs, "is_empty"));
        assertEquals(1L, call(xs, "first"));
        assertEquals(3L, call(xs, "last"));
        assertNull(call(array(), "first"));
        assertNull(call(array(), "last"));
        assertEquals(2L, call(xs, "get", 1L));
        assertNull(call(xs, "get", 5L));
        assertNull(call(xs, "get", -1L));
        assertEquals(Option.some(2L), call(xs, "nth", 1L));
        assertEquals(Option.none(), call(xs, "nth", 3L));
        assertEquals(true, call(xs, "contains", 2L));
        assertEquals(false, call(xs, "contains", 2.0)); // strict (§3.5)
        assertEquals(true, call(array(0.1 + 0.2), "contains", 0.3)); // floats within f64::EPSILON
        assertEquals(true, call(array(array(1L)), "contains", array(1L)));
        assertEquals(true, call(array((Object) null), "contains", (Object) null));
        assertEquals("[1, 2, 3]", call(xs, "to_string"));
    }

    @Test
    void pushAndPopMutateInPlace() {
        List<Object> xs = array(1L);
        List<Object> alias = xs;
        assertNull(call(xs, "push", 2L));
        assertEquals(List.of(1L, 2L), alias);
        assertEquals(2L, call(xs, "pop"));
        assertEquals(List.of(1L), alias);
        assertEquals(1L, call(xs, "pop"));
        assertNull(call(xs, "pop"));
        assertNull(call(xs, "insert", 0L, "a"));
        assertNull(call(xs, "insert", 1L, "b"));
        assertEquals(List.of("a", "b"), xs);
        assertEquals("a", call(xs, "remove", 0L));
        assertNull(call(xs, "extend", array(1L, 2L)));
        assertEquals(List.of("b", 1L, 2L), xs);
        assertNull(call(xs, "clear"));
        assertEquals(List.of(), xs);
        assertEquals("Runtime error: push() expects 1 argument, got 0", error(() -> call(xs, "push")));
        assertEquals("Runtime error: Index 0 out of bounds for array of length 0", error(() -> call(xs, "remove", 0L)));
        assertEquals("Runtime error: Cannot push on a read-only array", error(() -> call(List.of(1L), "push", 2L)));
    }

    @Test
    void arraysToNewArrays() {
        List<Object> xs = array(1L, 2L, 3L, 4L);
        assertEquals("1-2-3-4", call(xs, "join", "-"));
        assertEquals("a, 1.0, [\"b\"], nil", call(array("a", 1.0, array("b"), null), "join", ", "));
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), call(xs, "concat", array(5L)));
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), call(xs, "append", array(5L)));
        assertEquals(List.of(2L, 3L), call(xs, "slice", 1L, 3L));
        assertEquals(List.of(3L, 4L), call(xs, "slice", 2L, 99L));
        assertEquals(List.of(), call(xs, "slice", 3L, 1L));
        assertEquals(List.of(1L, 2L), call(xs, "take", 2L));
        assertEquals(xs, call(xs, "take", 99L));
        assertEquals(List.of(), call(xs, "take", -1L));
        assertEquals(List.of(3L, 4L), call(xs, "skip", 2L));
        assertEquals(List.of(), call(xs, "skip", 9L));
        assertEquals(List.of(4L, 3L, 2L, 1L), call(xs, "reverse"));
        assertEquals(List.of(1L, 2L, 3L, 4L), xs);
        assertEquals(List.of(1L, 2L, 3L, array(4L)), call(array(array(1L), array(2L, 3L), array(array(4L))), "flatten"));
        assertEquals(List.of(Tuple.of(0L, "a"), Tuple.of(1L, "b")), call(array("a", "b"), "enumerate"));
        assertEquals("[(0, \"a\"), (1, \"b\")]", Fmt.display(call(array("a", "b"), "enumerate")));
        assertEquals(List.of(Tuple.of(1L, "a"), Tuple.of(2L, "b")), call(xs, "zip", array("a", "b")));
        assertEquals(List.of(1L, 2L), call(array(1L, 2L, 1L, 2L), "unique"));
        assertEquals(List.of(1L, 1.0), call(array(1L, 1.0, 1L), "unique")); // identity by Debug text (§5.4)
        assertEquals(List.of(1L, 2L, 3L), call(array(1L, 2L), "union", array(2L, 3L)));
        assertEquals(List.of(2L), call(array(1L, 2L), "intersection", array(2L, 3L)));
        assertEquals(List.of(1L), call(array(1L, 2L), "difference", array(2L, 3L)));
        List<Object> copy = Ops.asList(call(xs, "clone"));
        assertEquals(xs, copy);
        assertNotSame(xs, copy);
    }

    @Test
    void sumsAndExtremes() {
        assertEquals(10L, call(array(1L, 2L, 3L, 4L), "sum"));
        assertEquals(0L, call(array(), "sum"));
        assertEquals(3.5, call(array(1L, 2.5), "sum"));
        assertEquals(24L, call(array(1L, 2L, 3L, 4L), "product"));
        assertEquals(1L, call(array(), "product"));
        assertEquals(Long.MIN_VALUE, call(array(Long.MAX_VALUE, 1L), "sum")); // wraps (§3.1)
        assertEquals("Type error: sum() requires numbers, got string", error(() -> call(array(1L, "a"), "sum")));
        assertEquals(1L, call(array(3L, 1L, 2L), "min"));
        assertEquals(3L, call(array(3L, 1L, 2L), "max"));
        assertEquals(3.0, call(array(3L, 1L, 2.5), "max")); // a float once any element is one
        assertEquals(Long.MAX_VALUE, call(array(Long.MAX_VALUE, Long.MAX_VALUE - 1), "max")); // exact
        assertEquals("apple", call(array("pear", "apple"), "min"));
        assertNull(call(array(), "min"));
        assertEquals("Type error: max() requires numbers or strings, got integer and string", error(() -> call(array(1L, "a"), "max")));
    }

    @Test
    void sortingUsesNaturalOrder() {
        List<Object> xs = array(10L, 9L, 100L, 2L);
        assertSame(xs, call(xs, "sort"));
        assertEquals(List.of(2L, 9L, 10L, 100L), xs); // in place (Decisions: natural order)
        assertEquals(List.of(-20L, -3L, 1.5, 2L), call(array(-3L, 2L, -20L, 1.5), "sort"));
        assertEquals(List.of("B", "a", "b", "é"), call(array("b", "é", "a", "B"), "sort"));
        assertEquals(List.of(Tuple.of(1L, "b"), Tuple.of(2L, "a")), call(array(Tuple.of(2L, "a"), Tuple.of(1L, "b")), "sort"));
        assertEquals("Runtime error: sort() cannot order integer and string", error(() -> call(array(1L, "a"), "sort")));
        assertEquals("Runtime error: sort() cannot order values of type nil", error(() -> call(array(1L, null), "sort")));
        List<Object> results = array(RObject.of("port", 443L), RObject.of("port", 22L), RObject.of("port", 80L));
        call(results, "sort_by", (Fn1) r -> Ops.field(r, "port"));
        assertEquals(List.of(22L, 80L, 443L), call(results, "map", (Fn1) r -> Ops.field(r, "port")));
        List<Object> desc = array(1L, 3L, 2L);
        call(desc, "sort_by", (Fn2) (a, b) -> Ops.sub(b, a));
        assertEquals(List.of(3L, 2L, 1L), desc);
    }

    @Test
    void higherOrderMethods() {
        List<Object> xs = array(1L, 2L, 3L, 4L);
        assertEquals(List.of(2L, 4L, 6L, 8L), call(xs, "map", (Fn1) x -> Ops.mul(x, 2L)));
        assertEquals(List.of(2L, 4L), call(xs, "filter", (Fn1) x -> Ops.eq(Ops.rem(x, 2L), 0L)));
        assertEquals(List.of(1L, 2L, 3L, 4L), call(xs, "filter", (Fn1) x -> 0L)); // 0 is truthy
        assertEquals(true, call(xs, "any", (Fn1) x -> Ops.gt(x, 3L)));
        assertEquals(false, call(xs, "all", (Fn1) x -> Ops.gt(x, 3L)));
        assertEquals(true, call(array(), "all", (Fn1) x -> false));
        assertEquals(3L, call(xs, "find", (Fn1) x -> Ops.gt(x, 2L)));
        assertNull(call(xs, "find", (Fn1) x -> Ops.gt(x, 9L)));
        assertEquals(10L, call(xs, "reduce", 0L, (Fn2) Ops::add));
        assertEquals(10L, call(xs, "reduce", (Fn2) Ops::add, 0L));
        assertEquals(10L, call(xs, "reduce", (Fn2) Ops::add));
        List<Object> seen = array();
        assertNull(call(xs, "each", (Fn1) x -> {
            seen.add(x);
            xs.add(0L); // the callback may change the array
            return null;
        }));
        assertEquals(List.of(1L, 2L, 3L, 4L), seen);
        assertEquals("Type error: map() expects a function, got integer", error(() -> call(xs, "map", 1L)));
        assertEquals("Runtime error: reduce() expects an initial value and a function", error(() -> call(xs, "reduce", 1L, 2L)));
        assertEquals(List.of(4.0, 9.0), call(array(2L, 3L), "map", (Fn1) x -> Ops.call(Ops.builtin("pow"), x, 2.0)));
    }

    @Test
    void unknownArrayMethod() {
        assertEquals("Runtime error: Unknown array method: foo", error(() -> call(array(), "foo")));
        assertEquals("Runtime error: Unknown array method: fold", error(() -> call(array(), "fold", 0L)));
    }

    // ---------------------------------------------------------------- numbers (§5.5)

    @Test
    void numberMethods() {
        assertEquals(3L, call(-3L, "abs"));
        assertEquals("-3", call(-3L, "to_string"));
        assertEquals(1024L, call(2L, "pow", 10L));
        assertEquals(0L, call(2L, "pow", 64L)); // wraps (§3.1)
        assertEquals(3.0, call(9L, "sqrt")); // a float, as the builtin sqrt(9)
        assertEquals(Double.NaN, call(-4L, "sqrt"));
        assertEquals("Runtime error: Unknown integer method: sqrt", error(() -> call(9L, "sqrt", 2L)));
        assertEquals("Runtime error: Unknown integer method: cbrt", error(() -> call(9L, "cbrt")));
        assertEquals(2L, call(5L, "min", 2L));
        assertEquals(5L, call(5L, "max", 2L));
        assertEquals(5.0, call(5L, "to_float"));
        assertEquals("Runtime error: Unknown integer method: min", error(() -> call(5L, "min", 2.5)));
        assertEquals(1.0, call(Math.E, "ln"));
        assertEquals(2.0, call(100.0, "log10"));
        assertEquals(1.5, call(2.5, "min", 1.5));
        assertEquals(8.0, call(2.0, "powi", 3L));
        assertEquals(0.0, call(0.0, "sin"));
        assertEquals(3.0, call(9.0, "sqrt"));
        assertEquals(2.5, call(-2.5, "abs"));
        assertEquals(3.0, call(2.5, "round"));
        assertEquals(-3.0, call(-2.5, "round"));
        assertEquals(2.0, call(2.7, "floor"));
        assertEquals(3.0, call(2.1, "ceil"));
        assertEquals(2L, call(2.9, "to_int"));
        assertEquals("2", call(2.0, "to_string"));
        assertEquals("0.25", call(0.25, "to_string"));
        assertEquals("Runtime error: Unknown float method: sqrt", error(() -> call(9.0, "sqrt", 1L)));
        assertEquals("Runtime error: Unknown float method: foo", error(() -> call(9.0, "foo")));
        assertTrue(error(() -> call(2.0, "powf", 2.0)).startsWith("Runtime error: powf() is not available"));
    }

    // ---------------------------------------------------------------- objects (Decisions)

    @Test
    void objectMethods() {
        RObject o = RObject.of("b", 2L, "a", 1L);
        assertEquals(List.of("b", "a"), call(o, "keys"));
        assertEquals(List.of(2L, 1L), call(o, "values"));
        assertEquals(List.of(Tuple.of("b", 2L), Tuple.of("a", 1L)), call(o, "items"));
        assertEquals(1L, call(o, "get", "a"));
        assertNull(call(o, "get", "zz"));
        assertEquals(0L, call(o, "get", "zz", 0L));
        assertNull(call(o, "insert", "c", 3L));
        assertNull(call(o, "set", "d", 4L));
        assertEquals(4L, call(o, "len"));
        assertEquals(2L, call(o, "remove", "b"));
        assertNull(call(o, "remove", "b"));
        assertEquals(true, call(o, "has_key", "a"));
        assertEquals(false, call(o, "contains_key", "b"));
        assertEquals(false, call(o, "is_empty"));
        assertEquals(true, call(new RObject(), "is_empty"));
        assertEquals("{a: 1, c: 3, d: 4}", call(o, "to_string"));
        assertEquals("Runtime error: Unknown object method: foo", error(() -> call(o, "foo")));
        assertNull(call(o, "get", 1L)); // keys keep their type: 1 is not "1"
        assertNull(call(o, "get", List.of(1L))); // a value that cannot be a key is absent, as RObject.getOrNull has it
        assertEquals("dflt", call(o, "get", List.of(1L), "dflt"));
        assertEquals(false, call(o, "has_key", List.of(1L)));
        RObject ports = RObject.of(21L, "FTP", 22L, "SSH");
        assertEquals("FTP", call(ports, "get", 21L, "Unknown"));
        assertEquals("Unknown", call(ports, "get", 80L, "Unknown"));
        assertNull(call(ports, "insert", 80L, "HTTP"));
        assertEquals(true, call(ports, "has_key", 22L));
        assertEquals(false, call(ports, "contains_key", "22"));
        assertEquals("FTP", call(ports, "remove", 21L));
        assertEquals(List.of(22L, 80L), call(ports, "keys"));
        assertEquals("SSH", Ops.index(ports, 22L));
        Ops.setIndex(ports, true, 1L);
        assertEquals(1L, Ops.index(ports, true));
        assertEquals(List.of(22L, 80L, true), Ops.iterate(ports));
        assertEquals("Runtime error: Key '23' not found in object", error(() -> Ops.index(ports, 23L)));
        assertEquals("Runtime error: Cannot index object with array", error(() -> Ops.index(ports, List.of(1L))));
        RObject module = RObject.of("double", (Fn1) x -> Ops.mul(x, 2L));
        assertEquals(10L, call(module, "double", 5L)); // a function-valued key is a method
    }

    // ---------------------------------------------------------------- Option and Result (Decisions)

    @Test
    void optionMethods() {
        Object some = Option.some(2L);
        Object none = Option.none();
        assertEquals(2L, call(some, "unwrap"));
        assertEquals("Runtime error: called `Option::unwrap()` on a `None` value", error(() -> call(none, "unwrap")));
        assertEquals(2L, call(some, "expect", "needed"));
        assertEquals("Runtime error: needed", error(() -> call(none, "expect", "needed")));
        assertEquals(2L, call(some, "unwrap_or", 0L));
        assertEquals(0L, call(none, "unwrap_or", 0L));
        assertEquals(9L, call(none, "unwrap_or_else", (Fn0) () -> 9L));
        assertEquals(true, call(some, "is_some"));
        assertEquals(true, call(none, "is_none"));
        assertEquals(Option.some(4L), call(some, "map", (Fn1) x -> Ops.mul(x, 2L)));
        assertSame(none, call(none, "map", (Fn1) x -> x));
        assertEquals(Option.some(3L), call(some, "and_then", (Fn1) x -> Option.some(Ops.add(x, 1L))));
        assertEquals(none, call(some, "filter", (Fn1) x -> false));
        assertEquals(Result.ok(2L), call(some, "ok_or", "e"));
        assertEquals(Result.err("e"), call(none, "ok_or", "e"));
        assertEquals("Some(2)", call(some, "to_string"));
        assertEquals("Runtime error: Method 'foo' not found for type enum_variant", error(() -> call(some, "foo")));
        List<Object> xs = array(5L);
        assertEquals(0L, call(Option.ofNullable(call(xs, "get", 3L)), "unwrap_or", 0L));
    }

    @Test
    void resultMethods() {
        Object ok = Result.ok(2L);
        Object err = Result.err("bad");
        assertEquals(2L, call(ok, "unwrap"));
        assertEquals("Runtime error: called `Result::unwrap()` on an `Err` value: \"bad\"", error(() -> call(err, "unwrap")));
        assertEquals("Runtime error: reading: \"bad\"", error(() -> call(err, "expect", "reading")));
        assertEquals("bad", call(err, "unwrap_err"));
        assertEquals("Runtime error: called `Result::unwrap_err()` on an `Ok` value: 2", error(() -> call(ok, "unwrap_err")));
        assertEquals(0L, call(err, "unwrap_or", 0L));
        assertEquals(3L, call(err, "unwrap_or_else", (Fn1) e -> Ops.invoke(e, "len")));
        assertEquals(true, call(ok, "is_ok"));
        assertEquals(true, call(err, "is_err"));
        assertEquals(Result.ok(3L), call(ok, "map", (Fn1) x -> Ops.add(x, 1L)));
        assertEquals(Result.err("BAD"), call(err, "map_err", (Fn1) e -> Ops.invoke(e, "to_upper")));
        assertEquals(Result.ok(1L), call(ok, "and_then", (Fn1) x -> Result.ok(1L)));
        assertEquals(Option.some(2L), call(ok, "ok"));
        assertEquals(Option.none(), call(ok, "err"));
        assertEquals(Option.some("bad"), call(err, "err"));
        assertEquals("Err(\"bad\")", call(err, "to_string"));
    }

    // ---------------------------------------------------------------- everything else

    @Test
    void otherReceivers() {
        assertEquals("true", call(true, "to_string"));
        assertEquals("nil", call(null, "to_string"));
        assertEquals(":ok", call(new Atom("ok"), "to_string"));
        assertEquals("(1, \"a\")", call(Tuple.of(1L, "a"), "to_string"));
        assertEquals(2L, call(Tuple.of(1L, "a"), "len"));
        assertEquals("<function>", call((Fn0) () -> 1L, "to_string"));
        assertEquals(5L, call((Fn1) x -> x, "call", 5L));
        assertEquals("Runtime error: Method 'foo' not found for type boolean", error(() -> call(true, "foo")));
        assertEquals("Runtime error: Method 'foo' not found for type nil", error(() -> call(null, "foo")));
        assertEquals("Runtime error: Method 'foo' not found for type tuple", error(() -> call(Tuple.of(), "foo")));
        assertEquals("Runtime error: Method 'wait' not found for type struct", error(() -> call(Generated.pt(1, 2), "wait")));
    }

    @Test
    void ranges() {
        Range r = new Range(1, 5, false);
        assertEquals(true, call(r, "contains", 4L));
        assertEquals(false, call(r, "contains", 5L));
        assertEquals(4L, call(r, "len"));
        assertEquals(5L, call(new Range(1, 5, true), "len"));
        assertEquals(0L, call(new Range(5, 1, false), "len"));
        assertEquals(List.of(2L, 4L, 6L, 8L), call(r, "map", (Fn1) x -> Ops.mul(x, 2L)));
        assertEquals(10L, call(r, "sum"));
        assertEquals(List.of(4L, 3L, 2L, 1L), call(r, "rev"));
        assertEquals("1..5", call(r, "to_string"));
        assertEquals("Runtime error: Method 'push' not found for type range", error(() -> call(r, "push", 1L)));
    }

    @Test
    void structsAndServicesByReflection() {
        Object rect = Generated.rectangle(2, 3);
        assertEquals(6.0, call(rect, "area"));
        assertEquals(Generated.rectangle(4, 6), call(rect, "scaled", 2L));
        assertEquals(4L, call(rect, "sides")); // int results become integers
        assertEquals("rect", call(rect, "get_label")); // by @RuchyName
        assertEquals(41L, call(rect, "notify")); // a Java name that Object's notify() forced to notify_
        assertEquals("a rectangle", call(rect, "to_string")); // the struct's own to_string wins over Display
        assertEquals("not renamed", call(rect, "camelOnly"));
        assertEquals("Runtime error: Method 'camel_only' not found for type struct", error(() -> call(rect, "camel_only")));
        assertEquals("Runtime error: Method 'notify_' not found for type struct", error(() -> call(rect, "notify_")));
        assertEquals("Rectangle {height: 3.0, width: 2.0}", Fmt.display(rect));
        assertEquals("Counter {n: 1, step: 2}", call(Generated.counter(1, 2), "to_string"));
        assertEquals("Runtime error: Method 'scaled' not found for type struct", error(() -> call(rect, "scaled", "x")));
        assertEquals(2.0, Ops.field(rect, "width"));
        Object box = Generated.mailbox();
        assertNull(call(box, "send", "hi"));
        Ops.send(box, "there");
        assertEquals(List.of("hi", "there"), Generated.received(box));
        assertEquals(2L, call(box, "size_of", array(1L, 2L)));
        assertEquals(10L, Ops.field(box, "max_size"));
        Ops.setField(box, "max_size", 20L);
        assertEquals(20L, Ops.field(box, "max_size"));
        assertEquals(1L, Ops.field(box, "camelField"));
        assertEquals("Runtime error: Cannot access field 'camel_field' on object", error(() -> Ops.field(box, "camel_field")));
        assertEquals("Runtime error: Cannot access field 'maxSize' on object", error(() -> Ops.field(box, "maxSize")));
        Object login = Generated.login();
        Ops.setField(login, "user_name", "bo");
        Ops.setField(login, "default", 7L);
        assertEquals("bo", Ops.field(login, "user_name"));
        assertEquals("Login {default: 7, user_name: \"bo\"}", Fmt.display(login));
        assertEquals("Runtime error: Cannot assign field 'userName' on struct", error(() -> Ops.setField(login, "userName", "x")));
        assertEquals("Runtime error: Cannot access field 'nope' on object", error(() -> Ops.field(box, "nope")));
        assertEquals("Runtime error: Method 'hash_code' not found for type struct", error(() -> call(rect, "hash_code")));
        assertEquals("Runtime error: Method 'equals' not found for type struct", error(() -> call(rect, "equals", rect)));
    }

    @Test
    void argumentsArrayMayBeNull() {
        List<Object> xs = array();
        assertNull(Ops.invoke(xs, "push", (Object[]) null)); // one nil argument
        assertEquals(1, xs.size());
        assertNull(xs.get(0));
        assertFalse(xs.isEmpty());
    }

    @Test
    void javaObjectsInDynamicPlaces() {
        java.util.UUID id = java.util.UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
        assertEquals("123e4567-e89b-12d3-a456-426614174000", call(id, "toString"));
        assertEquals(2L, call(id, "variant"));
        assertEquals(true, call(id, "equals", id));
        assertEquals((long) id.hashCode(), call(id, "hashCode"));
        // a class the JDK does not export, called through its public interface
        assertEquals(1L, call(java.util.Map.of("a", 1L), "get", "a"));
        StringBuilder sb = new StringBuilder();
        call(sb, "append", "x");
        assertEquals("x", sb.toString());
        assertTrue(error(() -> call(id, "toStrin")).contains("Method 'toStrin' not found"));
    }
}
