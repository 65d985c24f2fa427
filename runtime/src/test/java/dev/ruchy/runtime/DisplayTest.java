package dev.ruchy.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ruchy.runtime.sample.Generated;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The Display form, ruchy-semantics §2.2, and {@link Fmt#toStr}. */
class DisplayTest {
    private static List<Object> array(Object... items) {
        return new ArrayList<>(Arrays.asList(items));
    }

    @Test
    void scalars() {
        assertEquals("-12", Fmt.display(-12L));
        assertEquals("42", Fmt.display(42));
        assertEquals("true", Fmt.display(true));
        assertEquals("false", Fmt.display(false));
        assertEquals("nil", Fmt.display(null));
        assertEquals("97", Fmt.display((byte) 97));
        assertEquals("200", Fmt.display((byte) 200));
        assertEquals(":name", Fmt.display(new Atom("name")));
        assertEquals("3.0", Fmt.display(3.0));
    }

    @Test
    void stringsAreQuotedWithoutEscaping() {
        assertEquals("\"a\"", Fmt.display("a"));
        assertEquals("\"say \"hi\"\"", Fmt.display("say \"hi\""));
        assertEquals("\"two\nlines\"", Fmt.display("two\nlines"));
        assertEquals("\"c\"", Fmt.display('c'));
    }

    @Test
    void arrays() {
        assertEquals("[1, \"a\", 2.0]", Fmt.display(array(1L, "a", 2.0)));
        assertEquals("[\"pen\", 2, 1.0]", Fmt.display(array("pen", 2L, 1.0)));
        assertEquals("[]", Fmt.display(array()));
        assertEquals("[nil, [1, [2]]]", Fmt.display(array(null, array(1L, array(2L)))));
        assertEquals("[\"zero\", \"small\", \"negative\", \"digit\", \"big\"]",
                Fmt.display(array("zero", "small", "negative", "digit", "big")));
        assertEquals("[10, 100, 2, 9]", Fmt.display(List.of(10L, 100L, 2L, 9L)));
    }

    @Test
    void tuples() {
        assertEquals("(42, \"answer\")", Fmt.display(Tuple.of(42L, "answer")));
        assertEquals("(5)", Fmt.display(Tuple.of(5L)));
        assertEquals("(14.7, \"PSI\")", Fmt.display(Tuple.of(14.7, "PSI")));
        assertEquals("(\"Alice\", 30, true)", Fmt.display(Tuple.of("Alice", 30L, true)));
        assertEquals("[(0, \"a\"), (1, \"b\")]", Fmt.display(List.of(Tuple.of(0L, "a"), Tuple.of(1L, "b"))));
        assertEquals("(nil, nil)", Fmt.display(Tuple.of(null, null)));
    }

    @Test
    void objectsSortKeysAndLeaveThemUnquoted() {
        assertEquals("{age: 7, name: \"Ann\"}", Fmt.display(RObject.of("name", "Ann", "age", 7L)));
        assertEquals("{}", Fmt.display(new RObject()));
        assertEquals("{a: nil}", Fmt.display(RObject.of("a", null)));
        assertEquals("[{a: [1], b: {c: 2.0}}]",
                Fmt.display(List.of(RObject.of("b", RObject.of("c", 2.0), "a", List.of(1L)))));
    }

    @Test
    void objectKeysSortByUtf8ByteOrderNotUtf16() {
        RObject o = RObject.of("\uFFFD", 1L, "\uD83D\uDE00", 2L, "é", 3L, "alpha", 4L, "_x", 5L, "Zeta", 6L);
        assertEquals("{Zeta: 6, _x: 5, alpha: 4, é: 3, \uFFFD: 1, \uD83D\uDE00: 2}", Fmt.display(o));
    }

    @Test
    void javaMapsPrintLikeObjects() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("b", 1L);
        m.put("a", "x");
        assertEquals("{a: \"x\", b: 1}", Fmt.display(m));
    }

    @Test
    void structsAreRecordsWithSortedFields() {
        assertEquals("Counter {n: 7, step: 1}", Fmt.display(Generated.counter(7, 1)));
        assertEquals("Pt {x: 1, y: 2}", Fmt.display(Generated.pt(1, 2)));
        assertEquals("[Pt {x: 1, y: 2}]", Fmt.display(List.of(Generated.pt(1, 2))));
    }

    @Test
    void ruchyNamesReplaceJavaNames() {
        assertEquals("User {age: 30, user_name: \"x\"}", Fmt.display(Generated.user("x", 30)));
        assertEquals("http_req {path: \"/\"}", Fmt.display(Generated.httpReq("/")));
    }

    @Test
    void structClassesListTheirOwnFields() {
        assertEquals("Account {balance: 10.0, owner: \"Ann\"}", Fmt.display(Generated.account()));
    }

    @Test
    void enumVariants() {
        assertEquals("Dot", Fmt.display(Generated.dot()));
        assertEquals("Circle(1.5)", Fmt.display(Generated.circle(1.5)));
        assertEquals("Circle(2.0)", Fmt.display(Generated.circle(2)));
        assertEquals("Rect(2.0, 3.0)", Fmt.display(Generated.rect(2, 3)));
        assertEquals("Red", Fmt.display(Generated.red()));
        assertEquals("ALPHA", Fmt.display(Generated.plainEnum()));
        assertEquals("[Dot, Circle(1.5), Rect(2.0, 3.0)]",
                Fmt.display(List.of(Generated.dot(), Generated.circle(1.5), Generated.rect(2, 3))));
    }

    @Test
    void optionAndResult() {
        assertEquals("Some(2)", Fmt.display(Option.some(2L)));
        assertEquals("Some(\"a\")", Fmt.display(Option.some("a")));
        assertEquals("Some(nil)", Fmt.display(Option.some(null)));
        assertEquals("None", Fmt.display(Option.none()));
        assertEquals("Ok(1)", Fmt.display(Result.ok(1L)));
        assertEquals("Ok(nil)", Fmt.display(Result.ok(null)));
        assertEquals("Err(\"e\")", Fmt.display(Result.err("e")));
        assertEquals("Ok(Some([1, \"a\"]))", Fmt.display(Result.ok(Option.some(List.of(1L, "a")))));
    }

    @Test
    void ranges() {
        assertEquals("1..5", Fmt.display(new Range(1, 5, false)));
        assertEquals("1..=5", Fmt.display(new Range(1, 5, true)));
        assertEquals("-3..0", Fmt.display(new Range(-3, 0, false)));
    }

    @Test
    void functions() {
        Function<Object, Object> inc = x -> x;
        Runnable r = () -> { };
        Function<Object, String> ref = Fmt::display;
        assertEquals("<function>", Fmt.display(inc));
        assertEquals("<function>", Fmt.display(r));
        assertEquals("<function>", Fmt.display(ref));
        assertEquals("[<function>]", Fmt.display(List.of(inc)));
    }

    @Test
    void selfContainingContainersDoNotRecurseForever() {
        List<Object> xs = array(1L);
        xs.add(xs);
        assertEquals("[1, [...]]", Fmt.display(xs));
        RObject o = RObject.of("a", 1L);
        o.set("self", o);
        assertEquals("{a: 1, self: {...}}", Fmt.display(o));
    }

    @Test
    void toStrKeepsTopLevelStringsRaw() {
        assertEquals("abc", Fmt.toStr("abc"));
        assertEquals("2.0", Fmt.toStr(2.0));
        assertEquals("[1, \"a\"]", Fmt.toStr(array(1L, "a")));
        assertEquals("nil", Fmt.toStr(null));
    }

    @Test
    void toStringOfRuntimeTypesIsDisplay() {
        assertEquals("(1, \"a\")", Tuple.of(1L, "a").toString());
        assertEquals("{a: 1}", RObject.of("a", 1L).toString());
        assertEquals("Some(\"a\")", Option.some("a").toString());
        assertEquals("None", Option.none().toString());
        assertEquals("Err(\"e\")", Result.err("e").toString());
        assertEquals("1..=2", new Range(1, 2, true).toString());
    }
}
