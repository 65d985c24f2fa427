package dev.ruchy.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ruchy.runtime.sample.Generated;
import java.util.List;
import org.junit.jupiter.api.Test;

/** f-string {@code {expr}} rendering without spec, ruchy-semantics §2.5. */
class InterpolateTest {
    @Test
    void theDigestExample() {
        // println(f"{t} {names} {s} {2.0}")
        Object t = Tuple.of(1L, "b");
        Object names = List.of("x", "y");
        Object s = Option.some("z");
        String line = Fmt.interpolate(t) + " " + Fmt.interpolate(names) + " " + Fmt.interpolate(s) + " " + Fmt.interpolate(2.0);
        assertEquals("(1, b) [x, y] Some(\"z\") 2.0", line);
    }

    @Test
    void stringsAreRawAtTopLevelAndInsideArraysTuplesAndObjects() {
        assertEquals("Ada", Fmt.interpolate("Ada"));
        assertEquals("[[a], (b, 1)]", Fmt.interpolate(List.of(List.of("a"), Tuple.of("b", 1L))));
        assertEquals("{a: [y], b: x}", Fmt.interpolate(RObject.of("b", "x", "a", List.of("y"))));
    }

    @Test
    void structsEnumsAndOptionsUseDisplayInside() {
        assertEquals("User {age: 3, user_name: \"q\"}", Fmt.interpolate(Generated.user("q", 3)));
        assertEquals("[Some(\"a\")]", Fmt.interpolate(List.of(Option.some("a"))));
        assertEquals("Err(\"boom\")", Fmt.interpolate(Result.err("boom")));
        assertEquals("Some([\"a\"])", Fmt.interpolate(Option.some(List.of("a"))));
    }

    @Test
    void everythingElseAsDisplay() {
        assertEquals("3", Fmt.interpolate(3L));
        assertEquals("0.30000000000000004", Fmt.interpolate(0.1 + 0.2));
        assertEquals("nil", Fmt.interpolate(null));
        assertEquals("true", Fmt.interpolate(true));
        assertEquals("Circle(2.0)", Fmt.interpolate(Generated.circle(2)));
        assertEquals("1..=5", Fmt.interpolate(new Range(1, 5, true)));
    }
}
