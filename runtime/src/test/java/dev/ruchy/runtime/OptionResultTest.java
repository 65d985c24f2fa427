package dev.ruchy.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Some/None and Ok/Err as real variants with structural equality (project Decisions). */
class OptionResultTest {
    @Test
    void optionEqualityIsStructural() {
        assertEquals(Option.some(1L), Option.some(1L));
        assertEquals(Option.some(List.of("a")), Option.some(List.of("a")));
        assertEquals(Option.none(), Option.none());
        assertEquals(Option.none(), new Option.None<>());
        assertSame(Option.none(), Option.none());
        assertNotEquals(Option.some(1L), Option.some(2L));
        assertNotEquals(Option.some(1L), Option.none());
        assertEquals(Option.some(null), Option.some(null));
        assertEquals(Option.some(1L).hashCode(), Option.some(1L).hashCode());
    }

    @Test
    void resultEqualityIsStructural() {
        assertEquals(Result.ok(1L), Result.ok(1L));
        assertEquals(Result.err("e"), Result.err("e"));
        assertNotEquals(Result.ok(1L), Result.err(1L));
        assertNotEquals(Result.ok("e"), Result.err("e"));
        assertNotEquals(Result.ok(1L), Option.some(1L));
    }

    @Test
    void printing() {
        assertEquals("Some(2)", Fmt.display(Option.some(2L)));
        assertEquals("None", Fmt.display(Option.none()));
        assertEquals("Ok(1)", Fmt.display(Result.ok(1L)));
        assertEquals("Err(\"e\")", Fmt.display(Result.err("e")));
        assertEquals("Some(Some(2.0))", Fmt.display(Option.some(Option.some(2.0))));
        assertEquals("[Some(1), None]", Fmt.display(List.of(Option.some(1L), Option.none())));
        assertEquals("Some(2)", Option.some(2L).toString());
        assertEquals("Ok(1)", Result.ok(1L).toString());
    }

    @Test
    void optionMethods() {
        Option<Long> two = Option.some(2L);
        Option<Long> none = Option.none();
        assertTrue(two.isSome());
        assertFalse(two.isNone());
        assertTrue(none.isNone());
        assertEquals(2L, two.unwrap());
        assertEquals(2L, two.unwrapOr(9L));
        assertEquals(9L, none.unwrapOr(9L));
        assertEquals(Option.some(4L), two.map(v -> v * 2));
        assertEquals(Option.none(), none.map(v -> v * 2));
        assertEquals(Option.none(), Option.ofNullable(null));
        assertEquals(Option.some("x"), Option.ofNullable("x"));
        RuchyError e = assertThrows(RuchyError.class, none::unwrap);
        assertEquals("Runtime error: called `Option::unwrap()` on a `None` value", e.getMessage());
    }

    @Test
    void resultMethods() {
        Result<Long, String> ok = Result.ok(1L);
        Result<Long, String> err = Result.err("bad");
        assertTrue(ok.isOk());
        assertTrue(err.isErr());
        assertFalse(ok.isErr());
        assertEquals(1L, ok.unwrap());
        assertEquals(7L, err.unwrapOr(7L));
        RuchyError e = assertThrows(RuchyError.class, err::unwrap);
        assertEquals("Runtime error: called `Result::unwrap()` on an `Err` value: \"bad\"", e.getMessage());
    }

    @Test
    void patternMatchingAsGeneratedCodeWillUseIt() {
        // match half(n) { Ok(q) => ..., Err(m) => ... }
        Result<Long, String> r = Result.err("3 is odd");
        String text = switch (r) {
            case Result.Ok<Long, String>(var q) -> "ok " + q;
            case Result.Err<Long, String>(var m) -> "err " + m;
        };
        assertEquals("err 3 is odd", text);
        Option<Long> o = Option.some(5L);
        long v = switch (o) {
            case Option.Some<Long>(var x) -> x;
            case Option.None<Long>() -> 0L;
        };
        assertEquals(5L, v);
    }
}
