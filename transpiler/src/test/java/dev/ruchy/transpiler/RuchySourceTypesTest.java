package dev.ruchy.transpiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruchy.transpiler.interop.ClassFileJavaTypes;
import dev.ruchy.transpiler.interop.JavaClass;
import dev.ruchy.transpiler.interop.JavaMethod;
import dev.ruchy.transpiler.interop.JavaSourceTypes;
import dev.ruchy.transpiler.interop.JavaTypes;
import dev.ruchy.transpiler.source.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ruchy files seen as the Java classes they become: names, visible members, and the types of the emitted methods. */
class RuchySourceTypesTest {
    private static final String MATHUTIL = """
            // Maths helpers
            pub fun square(x: i64) -> i64 { x * x }
            pub fun shout(s) { s.to_upper() }
            fun hidden(x) { x + 1 }
            pub fun mean(xs: Vec<f64>) -> f64 { 0.0 }
            pub fun greet(name: String) { println("hi " + name) }
            pub fun word_count(text: String) -> i64 { text.split(" ").len() }
            """;

    /** Functions of many shapes, whose signatures must be those of the emitted methods. */
    private static final String SHAPES = """
            struct Point { x: f64, y: f64 }
            pub fun origin() -> Point { Point { x: 0.0, y: 0.0 } }
            pub fun names(n: i64) -> Vec<String> { ["a", "b"] }
            pub fun lookup(key: String) -> Option<i64> { if key == "a" { Some(1) } else { None } }
            pub fun parse(text: String) -> Result<i64, String> { Ok(1) }
            pub fun twice(f: fn(i64) -> i64, x: i64) -> i64 { f(f(x)) }
            pub fun pair(a: i64, b: String) -> (i64, String) { (a, b) }
            pub fun flag(on: bool) -> bool { !on }
            pub fun anything(x) { x }
            pub fun nothing() { }
            pub fun counts() -> HashMap<String, i64> { {} }
            pub fun distance(p: Point) -> f64 { p.x + p.y }
            """;

    @TempDir
    Path dir;

    @Test
    void aRuchyFileIsTheClassItsPathNames() throws IOException {
        Path root = dir.resolve("ruchy");
        write(root.resolve("com/acme/mathutil.ruchy"), MATHUTIL);
        write(root.resolve("top_level.ruchy"), "pub fun one() -> i64 { 1 }\n");
        write(root.resolve("not-a-package/x.ruchy"), "pub fun one() -> i64 { 1 }\n");
        RuchySourceTypes types = new RuchySourceTypes(List.of(root, dir.resolve("missing")), StandardCharsets.UTF_8,
                JavaTypes.NONE);
        JavaClass mathutil = types.find("com.acme.Mathutil").orElseThrow();
        assertEquals("com.acme.Mathutil", mathutil.name());
        assertEquals(Set.of("square", "shout", "mean", "greet", "wordCount", "main"),
                mathutil.methods().stream().map(JavaMethod::name).collect(Collectors.toSet()), "only pub funs, and main");
        JavaMethod square = method(mathutil, "square");
        assertTrue(square.isStatic());
        assertEquals(List.of("long"), square.parameterTypes());
        assertEquals("long", square.returnType());
        assertEquals(List.of("java.lang.Object"), method(mathutil, "shout").parameterTypes(), "untyped: Object");
        assertEquals(List.of("java.util.List<java.lang.Double>"), method(mathutil, "mean").parameterTypes());
        assertEquals("void", method(mathutil, "greet").returnType());
        assertEquals(List.of("text"), method(mathutil, "wordCount").parameterNames());
        assertTrue(types.find("TopLevel").isPresent(), "the default package");
        assertEquals(Optional.empty(), types.find("not-a-package.X"));
        assertEquals(Optional.empty(), types.find("com.acme.Nothing"));
        assertEquals(Set.of("Mathutil"), types.classesIn("com.acme"));
        assertEquals(Optional.of(root.resolve("com/acme/mathutil.ruchy")), types.fileOf("com.acme.Mathutil"));
        assertTrue(types.inReach().find("java.util.UUID").isEmpty(), "others is NONE here");
    }

    @Test
    void theSignaturesAreThoseOfTheEmittedMethods() throws IOException {
        for (String text : List.of(MATHUTIL, SHAPES)) {
            SourceFile file = SourceFile.of("sample.ruchy", text);
            Transpiler.TranspileResult result = Transpiler.transpile(file, "demo", TranspileOptions.defaults());
            assertFalse(result.hasErrors(), result.diagnostics().toString());
            Path javaRoot = dir.resolve("java" + text.hashCode());
            write(javaRoot.resolve("demo/Sample.java"), result.source());
            JavaClass emitted = new JavaSourceTypes(List.of(javaRoot), ClassFileJavaTypes.jdk()).find("demo.Sample")
                    .orElseThrow();
            JavaClass described = Transpiler.publicSignatures(file, "demo", TranspileOptions.defaults()).orElseThrow();
            assertEquals(lines(emitted.methods()), lines(described.methods()), text);
            assertTrue(described.methods().size() > 3);
        }
    }

    @Test
    void filesThatImportEachOtherAreDescribed() throws IOException {
        Path root = dir.resolve("cycle");
        write(root.resolve("app/ping.ruchy"), "use app::Pong\npub fun ping(n: i64) -> i64 { if n > 0 { Pong::pong(n - 1) } else { 0 } }\n");
        write(root.resolve("app/pong.ruchy"), "use app::Ping\npub fun pong(n: i64) -> i64 { Ping::ping(n) }\n");
        RuchySourceTypes types = new RuchySourceTypes(List.of(root), StandardCharsets.UTF_8, ClassFileJavaTypes.jdk());
        assertEquals("long", method(types.find("app.Ping").orElseThrow(), "ping").returnType());
        assertEquals("long", method(types.find("app.Pong").orElseThrow(), "pong").returnType());
    }

    @Test
    void aFileWithSyntaxErrorsHasNoSignatures() {
        assertEquals(Optional.empty(), Transpiler.publicSignatures(SourceFile.of("bad.ruchy", "pub fun (\n"), "",
                TranspileOptions.defaults()));
    }

    private static JavaMethod method(JavaClass c, String name) {
        return c.methods().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }

    private static Set<String> lines(List<JavaMethod> methods) {
        return methods.stream().filter(JavaMethod::isStatic)
                .map(m -> new JavaMethod(m.name(), m.isStatic(), m.isAbstract(), m.typeParameters(), m.parameterTypes(),
                        List.of(), m.returnType(), m.varargs()).toString())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
