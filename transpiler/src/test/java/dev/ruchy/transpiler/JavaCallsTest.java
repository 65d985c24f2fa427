package dev.ruchy.transpiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruchy.transpiler.code.Type;
import dev.ruchy.transpiler.interop.ClassFileJavaTypes;
import dev.ruchy.transpiler.interop.JavaTypes;
import dev.ruchy.transpiler.interop.fixture.Shelf;
import dev.ruchy.transpiler.source.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Calls of Java members as the transpiler writes them: overloads by phase, narrowing and widening,
 * varargs, generic type arguments, closures for functional interfaces, and the fixtures of this
 * module's tests as a project's own classes.
 */
class JavaCallsTest {
    private static String java(String ruchy) {
        Transpiler.TranspileResult result = Transpiler.transpile(SourceFile.of("calls.ruchy", ruchy), "");
        assertFalse(result.hasErrors(), () -> result.diagnostics().toString());
        return result.source();
    }

    private static void assertContains(String expected, String java) {
        assertTrue(java.contains(expected), () -> "no `" + expected + "` in:\n" + java);
    }

    @Test
    void overloadsAreChosenByPhase() {
        String java = java("""
                use java::lang::{Math, StringBuilder};
                println(Math::max(1, 2))
                println(Math::max(1.5, 2.0))
                println(Math::max(1, 2.0))
                let sb = StringBuilder::new(16)
                sb.append(1).append(2.5).append("s").append(true)
                println("abc".indexOf("c", 1))
                let n = 2
                println("abcd".codePointAt(n))
                """);
        assertContains("Math.max(1L, 2L)", java);        // max(long, long): no narrowing when long fits
        assertContains("Math.max(1.5, 2.0)", java);
        assertContains("Math.max(1L, 2.0)", java);       // long widens to double: max(double, double), no cast
        assertContains("new StringBuilder(16)", java);    // StringBuilder(int): a literal narrowed by writing it as an int
        assertContains("sb.append(1L).append(2.5).append(\"s\").append(true)", java);
        assertContains("(long) \"abc\".indexOf(\"c\", 1)", java);   // indexOf(String, int), its int widened
        assertContains("\"abcd\".codePointAt(Math.toIntExact(n))", java);
    }

    @Test
    void aSnakeCaseNameFindsTheCamelCaseMethodAndInheritedPublicMethodsOfHiddenClassesAreFound() {
        // setLength is declared in StringBuilder's package-private superclass, as javac allows it
        String java = java("""
                use java::util::UUID;
                use java::lang::{Integer, StringBuilder};
                let id = UUID::randomUUID()
                println(id.to_string().len())
                println(Integer::parse_int("42") + 1)
                let sb = StringBuilder::new()
                sb.append("ab").set_length(1)
                println(sb.to_string())
                """);
        assertContains("UUID.randomUUID()", java);
        assertContains("id.toString()", java);
        assertContains("Integer.parseInt(\"42\")", java);
        assertContains("sb.append(\"ab\").setLength(1)", java);
    }

    @Test
    void anIntegerTakesAnIntOverloadBeforeBoxingOrAFloatButItsOwnLongFirst() {
        String java = java("""
                use java::util::ArrayList;
                use java::lang::Math;
                let names = ArrayList::new()
                names.add("a")
                names.remove(0)
                let i = 0
                names.add(i, "b")
                let n = 5000000000
                println(Math::max(n, 3))
                """);
        assertContains("names.remove(0);", java);                       // remove(int), not remove(Object)
        assertContains("names.add(Math.toIntExact(i), \"b\")", java);   // add(int, E), narrowed checked
        assertContains("Math.max(n, 3L)", java);                       // max(long, long): no narrowing
    }

    @Test
    void varargsAndGenericsFromTheArguments() {
        String java = java("""
                use java::util::{List, Arrays};
                use java::lang::String as JString;
                println(JString::format("%d-%s", 1, "a"))
                let xs = List::of(1, 2)
                let mixed = List::of(1, "a")
                let ys = Arrays::asList("a", "b")
                println(xs.lastIndexOf(2) + 1)
                println(ys)
                println(mixed)
                """);
        assertContains("String.format(\"%d-%s\", 1L, \"a\")", java);
        assertContains("List<Long> xs = List.of(1L, 2L)", java);
        assertContains("List.<Object>of(1L, \"a\")", java);    // two types: Object named, not an intersection
        assertContains("List<String> ys = Arrays.asList(\"a\", \"b\")", java);
        assertContains("Builtins.println((long) xs.lastIndexOf(2L) + 1)", java);
    }

    @Test
    void closuresTakeTheFunctionalInterfacesTypes() {
        String java = java("""
                use java::util::{ArrayList, Comparator};
                use java::util::function::Supplier;
                let xs = ArrayList::<String>::new()
                xs.add("bb")
                xs.add("a")
                xs.sort(|a, b| a.len() - b.len())
                xs.removeIf(|s| s.is_empty())
                xs.forEach(|s| println(s))
                println(xs.stream().map(|s| s.to_upper()).toList())
                """);
        assertContains("xs.sort((a, b) -> Math.toIntExact(Strings.len(a) - Strings.len(b)))", java);
        assertContains("xs.removeIf(s -> s.isEmpty())", java);
        assertContains("xs.forEach(s -> {", java);
        assertContains("xs.stream().map(s -> s.toUpperCase(Locale.ROOT)).toList()", java);
    }

    @Test
    void aProjectsClassesFromAClassDirectory() throws Exception {
        Path classes = Path.of(Shelf.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        JavaTypes types = JavaTypes.chain(List.of(ClassFileJavaTypes.jdk(), new ClassFileJavaTypes(List.of(classes))));
        TranspileOptions options = TranspileOptions.defaults().withJavaTypes(types);
        String ruchy = """
                use dev::ruchy::transpiler::interop::fixture::{Shelf, Colour, Point, Greeter};
                use dev::ruchy::transpiler::interop::fixture::Shelf::Label;
                let shelf = Shelf::of("b", "a")
                println(shelf.items)
                println(Shelf::CAPACITY)
                println(Colour::RED.lower())
                let p = Point::new(1, 2)
                println(p.x() + p.y())
                let label = Label::new()
                label.text = "hi"
                """;
        Transpiler.TranspileResult result = Transpiler.transpile(SourceFile.of("shelves.ruchy", ruchy), "", options);
        assertFalse(result.hasErrors(), () -> result.diagnostics().toString());
        String java = result.source();
        assertContains("import dev.ruchy.transpiler.interop.fixture.Shelf;", java);
        assertContains("Shelf.of(\"b\", \"a\")", java);
        assertContains("Builtins.println(shelf.items)", java);
        assertContains("(long) Shelf.CAPACITY", java);
        assertContains("Colour.RED.lower()", java);
        assertContains("p.x() + p.y()", java);
        assertContains("label.text = \"hi\"", java);
        assertFalse(java.contains("Ops."), java);

        var errors = Transpiler.check(SourceFile.of("bad.ruchy", """
                use dev::ruchy::transpiler::interop::fixture::Shelf;
                let s = Shelf::off("a")
                """), options).diagnostics();
        assertEquals(1, errors.size(), errors.toString());
        assertEquals("no static method `off` in Java class `Shelf`", errors.get(0).message());
        assertEquals("did you mean `of`?", errors.get(0).hint());
    }

    @Test
    void aJavaClassIsATypeOfItsOwn() {
        List<Type> types = new ArrayList<>();
        var session = SourceFile.of("s.ruchy", "use java::util::UUID;\nUUID::randomUUID()\n");
        types.add(Transpiler.typeOfSessionInput(session, 0, new ArrayList<>()));
        assertEquals(List.of(new Type.JavaType("java.util.UUID", List.of())), types);
    }

    @Test
    void aGlobUseImportsTheClassesAPathNames() {
        String java = java("""
                use java::util::*;
                use java::lang::*;
                let id = UUID::fromString("123e4567-e89b-12d3-a456-426614174000")
                println(id.version())
                println(String::from("s"))
                println(Arrays::toString(["a", "b"]))
                """);
        assertContains("UUID.fromString(", java);
        assertContains("(long) id.version()", java);
        assertContains("Arrays.toString(Lists.of(\"a\", \"b\").toArray(new Object[0]))", java);
    }

    @Test
    void aCallThatIsAStatementIsNotConverted() {
        String java = java("""
                use java::lang::StringBuilder;
                let sb = StringBuilder::new()
                sb.length()
                println(sb.length())
                """);
        assertContains("        sb.length();\n", java);
        assertContains("Builtins.println((long) sb.length())", java);
    }

    @Test
    void typeArgumentsFromTheCallsOnAVariable() {
        String java = java("""
                use java::util::{ArrayList, HashMap};
                let names = ArrayList::new()
                names.add("pear")
                let counts = HashMap::new()
                counts.put("a", 1)
                let mixed = ArrayList::new()
                mixed.add(1)
                mixed.add("x")
                println(names.get(0).len() + counts.get("a"))
                println(mixed)
                """);
        assertContains("var names = new ArrayList<String>();", java);
        assertContains("var counts = new HashMap<String, Long>();", java);
        assertContains("var mixed = new ArrayList<>();", java);
        assertContains("Strings.len(names.get(0)) + (long) counts.get(\"a\")", java);
    }

    @Test
    void typeParametersAndAliasesAreNoNearMissesOfDeclaredTypes() {
        var diagnostics = Transpiler.check(SourceFile.of("t.ruchy", """
                use java::time::Duration;
                struct U { v: int }
                type Durations = int
                fn first<T>(xs: Vec<T>) -> T {
                    xs[0]
                }
                fn count(d: Durations) -> Durations { d }
                println(first([1, 2]) + count(3))
                """)).diagnostics();
        assertTrue(diagnostics.isEmpty(), diagnostics.toString());
    }

    @Test
    void usesOfOtherPathsAreAsBefore() {
        var diagnostics = Transpiler.check(SourceFile.of("u.ruchy", """
                use std::collections::HashMap;
                use acme::tools::Thing;
                let x = 1
                """)).diagnostics();
        assertTrue(diagnostics.isEmpty(), diagnostics.toString());
    }
}
