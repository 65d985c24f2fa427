package dev.ruchy.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruchy.runtime.sample.Generated;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Operators and the dynamic layer: concatenation (§3.6, §2.6), arithmetic (§3.1–3.3), comparison and
 * truthiness (§3.5, §3.7), casts (§3.8), fields and indexing (§5.4–5.6), patterns (§4.5), {@code ?}
 * (§4.8), calls, paths, macros and tasks.
 */
class OpsTest {
    static String error(Executable code) {
        return assertThrows(RuchyError.class, code).getMessage();
    }

    static List<Object> array(Object... items) {
        return new ArrayList<>(Arrays.asList(items));
    }

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

    // ---------------------------------------------------------------- arithmetic

    @Test
    void integerArithmeticWrapsAndMixesWithFloats() {
        assertEquals(5L, Ops.add(2L, 3L));
        assertEquals(5L, Ops.add(2, 3L)); // Integer accepted
        assertEquals(3.5, Ops.add(1L, 2.5));
        assertEquals(3.0, Ops.div(6.0, 2L));
        assertEquals(3.5, Ops.div(7L, 2.0));
        assertEquals(3L, Ops.div(7L, 2L));
        assertEquals(-3L, Ops.div(-7L, 2L));
        assertEquals(-1L, Ops.rem(-7L, 3L));
        assertEquals(1L, Ops.rem(7L, -3L));
        assertEquals(Long.MIN_VALUE, Ops.add(Long.MAX_VALUE, 1L)); // Decisions: plain long arithmetic
        assertEquals(-1L, Ops.sub(2L, 3L));
        assertEquals(0.5, Ops.sub(1L, 0.5));
        assertEquals(12L, Ops.mul(3L, 4L));
        assertEquals(1.5, Ops.rem(5.5, 2L));
        assertEquals(-5L, Ops.neg(5L));
        assertEquals(-2.5, Ops.neg(2.5));
        assertEquals(Double.POSITIVE_INFINITY, Ops.div(1.0, 0L));
        assertTrue(Double.isNaN((Double) Ops.div(0.0, 0.0)));
    }

    @Test
    void divisionByZeroAndOverflow() {
        assertEquals("Division by zero", error(() -> Ops.div(1L, 0L)));
        assertEquals("Division by zero", error(() -> Ops.div(1L, (Object) 0L)));
        assertEquals("Division by zero", error(() -> Ops.rem(1L, 0L)));
        assertEquals("Division by zero", error(() -> Ops.rem((Object) 5.0, 0L)));
        assertEquals("Division by zero", error(() -> Ops.rem((Object) 5L, 0.0)));
        assertEquals("Division by zero", error(() -> Ops.rem(5.0, 0.0)));
        assertEquals("Division by zero", error(() -> Ops.rem((Object) 1L, 0L)));
        assertEquals(RuchyError.Kind.DIVISION_BY_ZERO, assertThrows(RuchyError.class, () -> Ops.div(1L, 0L)).kind());
        assertEquals("Runtime error: Integer overflow in division", error(() -> Ops.div(Long.MIN_VALUE, -1L)));
        assertEquals("Runtime error: Integer overflow in modulo", error(() -> Ops.rem(Long.MIN_VALUE, -1L)));
        assertEquals("Runtime error: Integer overflow in division", error(() -> Ops.div((Object) Long.MIN_VALUE, -1L)));
        assertEquals(Long.MIN_VALUE, Ops.neg(Long.MIN_VALUE));
    }

    @Test
    void power() {
        assertEquals(1024L, Ops.pow(2L, 10L));
        assertEquals(1L, Ops.pow(5L, 0L));
        assertEquals(-8L, Ops.pow(-2L, 3L));
        assertEquals(Long.MIN_VALUE, Ops.pow(-2L, 63L));
        assertEquals(18446744073709551616.0, Ops.pow(2L, 64L)); // overflow becomes a float
        assertEquals("18446744073709551616.0", Fmt.display(Ops.pow(2L, 64L)));
        assertEquals(0.25, Ops.pow(2L, -2L));
        assertEquals(8.0, Ops.pow(2.0, 3L));
        assertEquals(1.4142135623730951, Ops.pow(2L, 0.5));
        assertEquals(64L, Ops.pow(Ops.pow(2L, 3L), 2L)); // 2 ** 3 ** 2 is left-associative
        assertEquals(1L, Ops.pow(1L, Long.MAX_VALUE));
        assertEquals("Type error: Cannot compute string to the power of integer", error(() -> Ops.pow("a", 2L)));
    }

    @Test
    void operandErrorsNameBothKinds() {
        assertEquals("Type error: Cannot add integer and boolean", error(() -> Ops.add(1L, true)));
        assertEquals("Type error: Cannot add nil and nil", error(() -> Ops.add(null, null)));
        assertEquals("Type error: Cannot subtract string from integer", error(() -> Ops.sub(1L, "a")));
        assertEquals("Type error: Cannot multiply integer and string", error(() -> Ops.mul(3L, "ab")));
        assertEquals("Type error: Cannot divide string by integer", error(() -> Ops.div("a", 1L)));
        assertEquals("Type error: Cannot compute string modulo integer", error(() -> Ops.rem("a", 1L)));
        assertEquals("Type error: Cannot negate string", error(() -> Ops.neg("a")));
        assertEquals("Type error: Cannot negate nil", error(() -> Ops.neg(null)));
    }

    @Test
    void stringAndArrayOperators() {
        assertEquals("ababab", Ops.mul("ab", 3L));
        assertEquals("", Ops.mul("ab", 0L));
        assertEquals("", Ops.mul("ab", -2L));
        assertEquals("n=5", Ops.add("n=", 5L));
        assertEquals("x2", Ops.add("x", 2.0));
        assertEquals("ab", Ops.add('a', "b"));
        List<Object> a = array(1L);
        Object joined = Ops.add(a, array(2L, 3L));
        assertEquals(List.of(1L, 2L, 3L), joined);
        assertEquals(List.of(1L), a);
        assertEquals("Type error: Cannot add string and nil", error(() -> Ops.add("x", null)));
    }

    @Test
    void bitwise() {
        assertEquals(2L, Ops.bitAnd(6L, 3L));
        assertEquals(7L, Ops.bitOr(6L, 3L));
        assertEquals(5L, Ops.bitXor(6L, 3L));
        assertEquals(16L, Ops.shl(1L, 4L));
        assertEquals(2L, Ops.shl(1L, 65L)); // count masked to 0-63
        assertEquals(-2L, Ops.shr(-8L, 2L));
        assertEquals(-1L, Ops.bitNot(0L));
        assertEquals(false, Ops.bitAnd(true, false));
        assertEquals("Type error: Bitwise operations require integer operands, got float and integer",
                error(() -> Ops.bitAnd(1.0, 1L)));
        assertEquals("Type error: Bitwise operations require integer operands, got string", error(() -> Ops.bitNot("a")));
    }

    // ---------------------------------------------------------------- comparison and truthiness

    @Test
    void equalityIsStructural() {
        assertTrue(Ops.eq(1L, 1.0));
        assertTrue(Ops.eq(1, 1L));
        assertTrue(Ops.eq(null, null));
        assertFalse(Ops.eq(null, 0L));
        assertFalse(Ops.eq(1L, "1"));
        assertFalse(Ops.eq(Double.NaN, Double.NaN));
        Double nan = Double.NaN;
        assertFalse(Ops.eq(nan, nan));
        assertTrue(Ops.eq("a", 'a'));
        assertTrue(Ops.eq(array(1L, array("x")), array(1.0, List.of("x"))));
        assertFalse(Ops.eq(array(1L), array(1L, 2L)));
        assertTrue(Ops.eq(Tuple.of(1L, "a"), Tuple.of(1.0, "a")));
        assertFalse(Ops.eq(Tuple.of(1L), array(1L)));
        assertTrue(Ops.eq(RObject.of("a", 1L, "b", 2L), RObject.of("b", 2.0, "a", 1L)));
        assertFalse(Ops.eq(RObject.of("a", 1L), RObject.of("a", 1L, "b", null)));
        assertTrue(Ops.eq(Option.some(1L), Option.some(1.0)));
        assertTrue(Ops.eq(Option.none(), Option.none()));
        assertFalse(Ops.eq(Option.some(1L), Option.none()));
        assertTrue(Ops.eq(Result.ok(array(1L)), Result.ok(array(1L))));
        assertFalse(Ops.eq(Result.ok(1L), Result.err(1L)));
        assertTrue(Ops.eq(Generated.circle(2), Generated.circle(2)));
        assertFalse(Ops.eq(Generated.circle(2), Generated.circle(3)));
        assertTrue(Ops.eq(Generated.red(), Generated.red()));
        assertTrue(Ops.eq(Generated.pt(1, 2), Generated.pt(1, 2)));
        assertTrue(Ops.eq(new Range(1, 3, true), new Range(1, 3, true)));
        assertTrue(Ops.eq(new Atom("ok"), Ops.atom("ok")));
    }

    @Test
    void ordering() {
        assertTrue(Ops.lt(1L, 2L));
        assertTrue(Ops.lt(1L, 1.5));
        assertTrue(Ops.le(2.0, 2L));
        assertTrue(Ops.gt(3L, 2.5));
        assertTrue(Ops.ge(2L, 2L));
        assertFalse(Ops.lt(Double.NaN, 1L));
        assertFalse(Ops.ge(Double.NaN, 1L));
        assertTrue(Ops.lt("apple", "banana"));
        assertTrue(Ops.lt("Z", "a"));
        assertTrue(Ops.lt("\uFFFF", "\uD83D\uDE00")); // code point order, not UTF-16 order
        assertTrue(Ops.lt("ab", "abc"));
        assertEquals("Type error: Cannot compare string and integer for ordering", error(() -> Ops.lt("a", 1L)));
        assertEquals("Type error: Cannot compare boolean and integer for ordering", error(() -> Ops.gt(true, 1L)));
        assertEquals("Type error: Cannot compare nil and nil for ordering", error(() -> Ops.le(null, null)));
    }

    @Test
    void truthinessAndShortCircuit() {
        assertFalse(Ops.truthy(false));
        assertFalse(Ops.truthy(null));
        assertTrue(Ops.truthy(0L));
        assertTrue(Ops.truthy(""));
        assertTrue(Ops.truthy(array()));
        assertTrue(Ops.truthy(true));
        AtomicInteger calls = new AtomicInteger();
        Fn0 five = () -> {
            calls.incrementAndGet();
            return 5L;
        };
        assertEquals(5L, Ops.or(null, five));
        assertEquals("x", Ops.and(3L, () -> "x"));
        assertEquals(false, Ops.and(false, five));
        assertEquals(7L, Ops.or(7L, five));
        assertEquals(1, calls.get());
        assertNull(Ops.and(null, five));
        assertEquals(5L, Ops.coalesce(null, 5L));
        assertEquals(false, Ops.coalesce(false, 5L));
    }

    // ---------------------------------------------------------------- casts and conversions

    @Test
    void castsAndConversions() {
        assertEquals(3.0, Ops.toFloat(3L));
        assertEquals(3L, Ops.toInt(3.9));
        assertEquals(-3L, Ops.toInt(-3.9));
        assertEquals(0L, Ops.toInt(Double.NaN));
        assertEquals(Long.MAX_VALUE, Ops.toInt(1e300));
        assertEquals(1L, Ops.toInt(true));
        assertEquals(2.0, Ops.cast(2L, "f64"));
        assertEquals(2L, Ops.cast(2.7, "i32"));
        assertEquals(5L, Ops.cast(5L, "isize"));
        assertEquals("Type error: Cannot cast integer to usize", error(() -> Ops.cast(1L, "usize")));
        assertEquals("Type error: Cannot cast integer to String", error(() -> Ops.cast(1L, "String")));
        assertEquals("Type error: Cannot cast string to i64", error(() -> Ops.cast("1", "i64")));
        assertEquals("Type error: Cannot cast string to f64", error(() -> Ops.toFloat("1")));
        assertEquals("Type error: Cannot cast enum_variant to i64", error(() -> Ops.toInt(Generated.red())));
        assertEquals(7L, Ops.asInt(7L));
        assertEquals(7.0, Ops.asFloat(7L));
        assertEquals("Type error: Expected integer, got float", error(() -> Ops.asInt(1.5)));
        assertEquals("Type error: Expected float, got nil", error(() -> Ops.asFloat(null)));
        List<Object> xs = array(1L);
        assertSame(xs, Ops.asList(xs));
        assertEquals("Type error: Expected array, got object", error(() -> Ops.asList(new RObject())));
    }

    // ---------------------------------------------------------------- fields and indexing

    @Test
    void indexing() {
        List<Object> xs = array(10L, 20L, 30L);
        assertEquals(10L, Ops.index(xs, 0L));
        assertEquals(30L, Ops.index(xs, -1L));
        assertEquals(10L, Ops.index(xs, -3L));
        assertEquals("Runtime error: Index 5 out of bounds for array of length 3", error(() -> Ops.index(xs, 5L)));
        assertEquals("Runtime error: Index -4 out of bounds for array of length 3", error(() -> Ops.index(xs, -4L)));
        assertEquals("é", Ops.index("héllo", 1L));
        assertEquals("o", Ops.index("héllo", -1L));
        assertEquals("\uD83D\uDE00", Ops.index("a\uD83D\uDE00b", 1L));
        assertEquals("Runtime error: Index 3 out of bounds for string of length 3", error(() -> Ops.index("abc", 3L)));
        assertEquals("a", Ops.index(Tuple.of(1L, "a"), 1L));
        assertEquals("Runtime error: Index 2 out of bounds for tuple of length 2", error(() -> Ops.index(Tuple.of(1L, "a"), 2L)));
        RObject o = RObject.of("k", 1L, "n", null);
        assertEquals(1L, Ops.index(o, "k"));
        assertNull(Ops.index(o, "n"));
        assertEquals("Runtime error: Key 'x' not found in object", error(() -> Ops.index(o, "x")));
        assertEquals("Runtime error: Cannot index integer with integer", error(() -> Ops.index(5L, 0L)));
        assertEquals("Runtime error: Cannot index array with string", error(() -> Ops.index(xs, "a")));
        assertEquals("Runtime error: Key '1' not found in object", error(() -> Ops.index(o, 1L))); // 1 is not "1"
        assertEquals("Runtime error: Cannot index object with nil", error(() -> Ops.index(o, null)));
        assertEquals("Runtime error: Cannot index nil with integer", error(() -> Ops.index(null, 1L)));
    }

    @Test
    void slicing() {
        List<Object> xs = array(0L, 1L, 2L, 3L, 4L);
        assertEquals(List.of(1L, 2L), Ops.index(xs, Ops.range(1L, 3L, false)));
        assertEquals(List.of(1L, 2L, 3L), Ops.index(xs, Ops.range(1L, 3L, true)));
        assertEquals(List.of(0L, 1L), Ops.index(xs, Ops.range(null, 2L, false)));
        assertEquals(List.of(3L, 4L), Ops.index(xs, Ops.range(3L, null, false)));
        assertEquals(List.of(3L, 4L), Ops.index(xs, Ops.range(-2L, null, false)));
        assertEquals(List.of(0L, 1L, 2L, 3L), Ops.index(xs, Ops.range(null, -1L, false)));
        assertEquals(List.of(2L, 3L, 4L), Ops.index(xs, Ops.range(2L, 99L, false))); // end clamped
        assertEquals(List.of(), Ops.index(xs, Ops.range(7L, null, false)));
        assertEquals(List.of(), Ops.index(xs, Ops.range(2L, 2L, false)));
        assertEquals("Runtime error: Invalid range: start 4 is greater than end 2", error(() -> Ops.index(xs, Ops.range(4L, 2L, false))));
        Object slice = Ops.index(xs, Ops.range(0L, 2L, false));
        Ops.invoke(slice, "push", 9L);
        assertEquals(5, xs.size()); // a slice is a copy
        assertEquals("él", Ops.index("héllo", Ops.range(1L, 3L, false)));
        assertEquals("llo", Ops.index("héllo", Ops.range(2L, null, false)));
        assertEquals("hél", Ops.index("héllo", Ops.range(null, 2L, true)));
        assertEquals("Runtime error: Cannot index integer with range", error(() -> Ops.index(1L, Ops.range(0L, 1L, false))));
        assertEquals("2..", Fmt.display(Ops.range(2L, null, false)));
        assertEquals("Type error: Range bounds must be integers, got float", error(() -> Ops.range(1.5, 2L, false)));
    }

    @Test
    void assignments() {
        List<Object> xs = array(1L, 2L, 3L);
        Ops.setIndex(xs, 0L, "a");
        Ops.setIndex(xs, -1L, "z");
        assertEquals(List.of("a", 2L, "z"), xs);
        assertEquals("Runtime error: Index 9 out of bounds for array of length 3", error(() -> Ops.setIndex(xs, 9L, 0L)));
        RObject users = new RObject();
        RObject user = RObject.of("name", "Ann");
        Ops.setIndex(users, "u1", user);
        Ops.setField(user, "name", "Bo"); // reference semantics (Decisions)
        assertEquals("Bo", Ops.field(Ops.index(users, "u1"), "name"));
        assertEquals("Runtime error: Cannot assign to string indexed with integer", error(() -> Ops.setIndex("abc", 0L, "x")));
        assertEquals("Runtime error: Cannot assign field 'x' of Pt: its fields are immutable",
                error(() -> Ops.setField(Generated.pt(1, 2), "x", 5L)));
        assertEquals("Runtime error: Cannot assign field 'x' on integer", error(() -> Ops.setField(1L, "x", 5L)));
    }

    @Test
    void fields() {
        assertEquals("Ann", Ops.field(RObject.of("name", "Ann"), "name"));
        assertEquals("Runtime error: Object has no field named 'k'", error(() -> Ops.field(new RObject(), "k")));
        assertEquals(2L, Ops.field(Generated.pt(1, 2), "y"));
        assertEquals("Runtime error: Field 'z' not found in struct Pt", error(() -> Ops.field(Generated.pt(1, 2), "z")));
        assertEquals("Ann", Ops.field(Generated.account(), "owner"));
        assertEquals("Runtime error: Field 'z' not found in struct Account", error(() -> Ops.field(Generated.account(), "z")));
        assertEquals("a", Ops.field(Tuple.of(1L, "a"), "1"));
        assertEquals("Runtime error: Index 2 out of bounds for tuple of length 2", error(() -> Ops.field(Tuple.of(1L, "a"), "2")));
        assertEquals(1L, Ops.field(new Range(1, 5, false), "start"));
        assertEquals("Runtime error: Cannot access field 'x' on integer", error(() -> Ops.field(5L, "x")));
        assertEquals("Runtime error: Cannot access field 'x' on nil", error(() -> Ops.field(null, "x")));
        assertEquals("Runtime error: Cannot access field 'value' on enum_variant", error(() -> Ops.field(Option.some(1L), "value")));
    }

    @Test
    void iteration() {
        List<Object> seen = new ArrayList<>();
        List<Object> xs = array(1L, 2L);
        for (Object x : Ops.iterate(xs)) {
            seen.add(x);
            xs.add(0L); // the loop visits a snapshot
        }
        assertEquals(List.of(1L, 2L), seen);
        seen.clear();
        Ops.iterate(Ops.range(1L, 3L, true)).forEach(seen::add);
        assertEquals(List.of(1L, 2L, 3L), seen);
        seen.clear();
        Ops.iterate(RObject.of("a", 1L, "b", 2L)).forEach(seen::add);
        assertEquals(List.of("a", "b"), seen);
        seen.clear();
        java.util.Map<String, Long> javaMap = new java.util.TreeMap<>(java.util.Map.of("y", 2L, "x", 1L));
        Ops.iterate(javaMap).forEach(seen::add); // a Java map iterates as an object does: its keys
        assertEquals(List.of("x", "y"), seen);
        long sum = 0;
        for (long i : Ops.longs(new Range(0, 4, false))) {
            sum += i;
        }
        assertEquals(6L, sum);
        assertEquals("Type error: For loop requires an iterable", error(() -> Ops.iterate("abc")));
        assertEquals("Type error: For loop requires an iterable", error(() -> Ops.iterate(Tuple.of(1L))));
        assertEquals("Type error: For loop requires an iterable", error(() -> Ops.iterate(5L)));
        assertEquals("Type error: For loop requires an iterable", error(() -> Ops.iterate(null)));
    }

    // ---------------------------------------------------------------- patterns and ?

    @Test
    void literalPatternsAreStrict() {
        assertTrue(Ops.matches(1L, 1L));
        assertTrue(Ops.matches(1, 1L));
        assertFalse(Ops.matches(1.0, 1L));
        assertFalse(Ops.matches(1L, 1.0));
        assertTrue(Ops.matches(2.5, 2.5));
        assertTrue(Ops.matches("a", "a"));
        assertTrue(Ops.matches('a', "a"));
        assertFalse(Ops.matches("1", 1L));
        assertTrue(Ops.matches(true, true));
        assertTrue(Ops.matches(null, null));
        assertFalse(Ops.matches(false, null));
        assertFalse(Ops.matches(array(1L), array(1.0)));
        assertTrue(Ops.matches(Option.none(), Option.none()));
    }

    @Test
    void structuralPatterns() {
        assertTrue(Ops.inRange(5L, 4L, 9L, true));
        assertTrue(Ops.inRange(9L, 4L, 9L, true));
        assertFalse(Ops.inRange(9L, 4L, 9L, false));
        assertFalse(Ops.inRange(5.0, 4L, 9L, true));
        assertTrue(Ops.inRange(0.5, 0.0, 1.0, false));
        assertTrue(Ops.inRange("m", "a", "z", true));
        assertFalse(Ops.inRange("M", "a", "z", true));
        assertFalse(Ops.inRange(null, 1L, 2L, true));
        assertTrue(Ops.isTuple(Tuple.of(3L, "go"), 2));
        assertFalse(Ops.isTuple(Tuple.of(3L), 2));
        assertFalse(Ops.isTuple(array(1L, 2L), 2));
        assertTrue(Ops.isList(array(1L, 2L), 2, false));
        assertFalse(Ops.isList(array(1L, 2L, 3L), 2, false));
        assertTrue(Ops.isList(array(1L, 2L, 3L), 1, true));
        assertFalse(Ops.isList(array(), 1, true));
        assertFalse(Ops.isList("ab", 0, true));
        assertEquals("go", Ops.element(Tuple.of(3L, "go"), 1L));
        assertEquals(3L, Ops.element(array(1L, 2L, 3L), -1L));
        assertEquals(2.0, Ops.element(Generated.circle(2), 0L));
        assertEquals(3.0, Ops.element(Generated.rect(2, 3), 1L));
        assertEquals(5L, Ops.element(Option.some(5L), 0L));
        assertEquals("Runtime error: Cannot destructure integer", error(() -> Ops.element(5L, 0L)));
        assertEquals(List.of(2L, 3L), Ops.restOf(array(1L, 2L, 3L), 1, 0));
        assertEquals(List.of(2L), Ops.restOf(array(1L, 2L, 3L), 1, 1));
        assertEquals(List.of(), Ops.restOf(array(1L), 1, 0));
        assertTrue(Ops.isSome(Option.some(null)));
        assertTrue(Ops.isNone(Option.none()));
        assertTrue(Ops.isOk(Result.ok(1L)));
        assertTrue(Ops.isErr(Result.err("e")));
        assertFalse(Ops.isSome(null));
        assertEquals("e", Ops.payload(Result.err("e")));
        assertEquals(1L, Ops.payload(Result.ok(1L)));
        assertNull(Ops.payload(Option.some(null)));
        assertEquals("Runtime error: Expected Some, Ok or Err, got None", error(() -> Ops.payload(Option.none())));
        assertEquals("Runtime error: No match arm matched the value", RuchyError.noMatch(5L).getMessage());
    }

    @Test
    void questionMark() {
        assertEquals(4L, Ops.tryUnwrap(Result.ok(4L)));
        assertEquals(4L, Ops.tryUnwrap(Option.some(4L)));
        RuchyError err = assertThrows(RuchyError.class, () -> Ops.tryUnwrap(Result.err("odd")));
        assertTrue(err.isEarlyReturn());
        assertEquals(Result.err("odd"), err.payload());
        assertEquals(0, err.getStackTrace().length);
        RuchyError none = assertThrows(RuchyError.class, () -> Ops.tryUnwrap(Option.none()));
        assertTrue(none.isEarlyReturn());
        assertEquals(Option.none(), none.payload());
        assertFalse(RuchyError.runtime("x").isEarlyReturn());
        assertEquals("Runtime error: Try operator expects Result enum, got: Integer(5)", error(() -> Ops.tryUnwrap(5L)));
    }

    // ---------------------------------------------------------------- calls, paths, macros

    @Test
    void calls() {
        assertEquals(42L, Ops.call((Fn0) () -> 42L));
        assertEquals(6L, Ops.call((Fn1) x -> Ops.mul(x, 2L), 3L));
        assertEquals(5L, Ops.call((Fn2) Ops::add, 2L, 3L));
        assertEquals(6L, Ops.call((Fn3) (a, b, c) -> Ops.add(Ops.add(a, b), c), 1L, 2L, 3L));
        assertEquals(4L, Ops.call((Fn4) (a, b, c, d) -> d, 1L, 2L, 3L, 4L));
        assertEquals(3L, Ops.call((FnN) args -> (long) args.length, 1L, 2L, 3L));
        assertNull(Ops.call((Fn1) x -> x, (Object) null));
        assertEquals("Runtime error: Function expects 2 arguments, got 3", error(() -> Ops.call((Fn2) Ops::add, 1L, 2L, 3L)));
        assertEquals("Runtime error: Function expects 1 arguments, got 0", error(() -> Ops.call((Fn1) x -> x)));
        assertEquals("Type error: Cannot call non-function value: integer", error(() -> Ops.call(5L)));
        assertEquals("Type error: Cannot call non-function value: nil", error(() -> Ops.call(null, 1L)));
        assertEquals("function", Values.typeOf((Fn1) x -> x));
        assertEquals("<function>", Fmt.display((Fn0) () -> 1L));
    }

    @Test
    void builtinsAsValues() {
        Object sqrt = Ops.builtin("sqrt");
        assertEquals(3.0, Ops.call(sqrt, 9L));
        assertEquals(List.of(1L, 3L), Ops.invoke(array("a", "abc"), "map", Ops.builtin("len")));
        assertEquals("Runtime error: sqrt() expects exactly 1 argument, got 2", error(() -> Ops.call(sqrt, 1L, 2L)));
        assertEquals("Runtime error: max() expects exactly 2 arguments, got 1", error(() -> Ops.call(Ops.builtin("max"), 1L)));
        assertEquals("integer", Ops.call(Ops.builtin("type_of"), 1L));
        assertEquals("Runtime error: Undefined: nope", error(() -> Ops.builtin("nope")));
    }

    @Test
    void paths() {
        assertEquals(new RObject(), Ops.callPath("HashMap::new"));
        assertEquals(new RObject(), Ops.callPath("std::collections::HashMap::new"));
        Object v = Ops.callPath("Vec::new");
        assertEquals(List.of(), v);
        assertInstanceOf(ArrayList.class, v);
        assertEquals("hi", Ops.callPath("String::from", "hi"));
        assertEquals(Long.MAX_VALUE, Ops.path("i64::MAX"));
        assertEquals(Math.PI, Ops.path("std::f64::consts::PI"));
        assertEquals(Option.none(), Ops.path("None"));
        assertEquals(Option.some(1L), Ops.call(Ops.path("Some"), 1L));
        assertEquals(2.0, Ops.callPath("std::math::sqrt", 4L));
        assertTrue(((String) Ops.callPath("chrono::Utc::now")).endsWith("Z"));
        Object missing = Ops.callPath("std::fs::read_to_string", "/nonexistent/file.txt");
        assertEquals(Result.err("Failed to read file '/nonexistent/file.txt': No such file or directory (os error 2)"), missing);
        assertEquals(Result.err("NotFound"), Ops.callPath("std::env::var", "RUCHY_SURELY_UNSET_VARIABLE"));
        assertEquals("Runtime error: Undefined: a::b", error(() -> Ops.callPath("a::b")));
        assertEquals("Runtime error: Undefined: std::nope", error(() -> Ops.path("std::nope")));
        assertEquals("Runtime error: String::from() expects exactly 1 argument, got 0", error(() -> Ops.callPath("String::from")));
    }

    @Test
    void macros() {
        assertEquals("a 1", Ops.macro("format!", "{} {}", "a", 1L));
        assertEquals(List.of(1L, 2L), Ops.macro("vec", 1L, 2L));
        assertEquals("Runtime error: boom 7", error(() -> Ops.macro("panic!", "boom {}", 7L)));
        assertEquals("Assertion failed: Assertion failed", error(() -> Ops.macro("assert!", false)));
        assertEquals("Runtime error: not yet implemented", error(() -> Ops.macro("todo!")));
        assertEquals("Runtime error: Macro 'foo!' not yet implemented", error(() -> Ops.macro("foo!")));
    }

    @Test
    void tasks() {
        Object task = Ops.async(() -> Ops.add(20L, 22L));
        assertEquals(42L, Ops.await(task));
        assertEquals(42L, Ops.invoke(task, "await"));
        assertEquals(5L, Ops.await(5L));
        assertEquals(5L, Ops.invoke(5L, "await"));
        assertEquals(3L, Ops.await(CompletableFuture.completedFuture(3)));
        Object failing = Ops.async(() -> Ops.div(1L, 0L));
        assertEquals("Division by zero", error(() -> Ops.await(failing)));
        Object thread = Ops.spawn(() -> Thread.currentThread().isVirtual());
        assertEquals(true, Ops.await(thread));
        assertEquals("<task>", Fmt.display(thread));
    }

    @Test
    void waitAllKeepsTheArrayOrder() {
        CountDownLatch release = new CountDownLatch(1);
        List<Object> tasks = new ArrayList<>();
        tasks.add(Ops.async(() -> {
            try {
                release.await(); // finishes last
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return 1L;
        }));
        tasks.add(Ops.async(() -> {
            release.countDown();
            return null;
        }));
        tasks.add(3L);
        assertEquals(Arrays.asList(1L, null, 3L), Ops.callPath("async::wait_all", tasks));
        assertEquals(List.of(), Ops.callPath("std::async::wait_all", new ArrayList<>()));
        List<Object> failing = new ArrayList<>(List.of(Ops.async(() -> Ops.div(1L, 0L)), Ops.async(() -> 2L)));
        assertEquals("Division by zero", error(() -> Ops.callPath("async::wait_all", failing)));
        assertEquals("Type error: async::wait_all expects an array of tasks, got integer", error(() -> Ops.callPath("async::wait_all", 1L)));
    }

    @Test
    void sendingMessages() throws InterruptedException {
        List<Object> got = new ArrayList<>();
        assertNull(Ops.send((Fn1) got::add, "hi"));
        assertEquals(List.of("hi"), got);
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(1);
        Ops.send(queue, 5L);
        assertEquals(5L, queue.take());
        assertEquals("Runtime error: Sending a message to integer is not supported yet", error(() -> Ops.send(1L, "x")));
    }

    @Test
    void discardAndCells() {
        Ops.discard(1L);
        Cell<Long> total = new Cell<>(0L);
        Fn1 add = n -> {
            total.set(total.get() + Ops.asInt(n));
            return null;
        };
        add.call(5L);
        add.call(7L);
        assertEquals(12L, total.get());
        Cell<Object> nil = new Cell<>(null);
        assertNull(nil.get());
    }
}
