package dev.ruchy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruchy.it.interop.Invoice;
import dev.ruchy.transpiler.TranspileOptions;
import dev.ruchy.transpiler.Transpiler;
import dev.ruchy.transpiler.interop.ClassFileJavaTypes;
import dev.ruchy.transpiler.interop.JavaTypes;
import dev.ruchy.transpiler.source.SourceFile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ruchy calling a project's own Java classes: the test's classes (dev.ruchy.it.interop) are a class
 * directory the transpiler reads with {@link ClassFileJavaTypes}; the generated Java must make plain
 * typed calls (constructors, fields, overloads, a custom functional interface), compile with
 * {@code -Xlint:all -Werror} and print what the source's {@code // expect:} lines say.
 */
class JavaInteropTest {
    private static final Pattern EXPECT = Pattern.compile("//\\s*expect:\\s?(.*)$");

    @TempDir
    Path classes;

    @Test
    void callsTheProjectsJavaClassesWithTypedJava() throws Exception {
        Path input = Path.of("src/test/resources/interop/billing.ruchy");
        String ruchy = Files.readString(input);
        Path testClasses = Path.of(Invoice.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        JavaTypes types = JavaTypes.chain(List.of(ClassFileJavaTypes.jdk(), new ClassFileJavaTypes(List.of(testClasses))));
        Transpiler.TranspileResult result = Transpiler.transpile(SourceFile.of("billing.ruchy", ruchy), "",
                TranspileOptions.defaults().withJavaTypes(types));
        assertFalse(result.hasErrors(), () -> "errors: " + result.diagnostics());
        String java = result.source();
        assertTrue(java.contains("import dev.ruchy.it.interop.Invoice;"), java);
        assertTrue(java.contains("var inv = new Invoice(\"ACME\", 1000L);"), java);
        assertTrue(java.contains("inv.add(100L, 3);"), java);
        assertTrue(java.contains("inv.totalAfter(c -> c - 800)"), java);
        assertTrue(java.contains("inv.totalAfter(Billing::half)"), java);
        assertTrue(java.contains("(long) inv.lines"), java);
        assertTrue(java.contains("inv.lines = 7;"), java);
        assertFalse(java.contains("Ops."), () -> "a Java member went through the dynamic layer:\n" + java);

        Path file = Files.createDirectories(classes.resolve("src")).resolve(result.className() + ".java");
        Files.writeString(file, java);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        int status = javac.run(null, new PrintStream(new ByteArrayOutputStream()), new PrintStream(
                new java.io.OutputStream() {
                    @Override
                    public void write(int b) {
                        errors.write(b);
                    }
                }), "--release", "21", "-Xlint:all", "-Werror", "-proc:none", "-classpath",
                existingClasspath(), "-d", classes.toString(), file.toString());
        assertEquals(0, status, () -> errors + "\n" + java);

        List<String> expected = new ArrayList<>();
        for (String line : ruchy.lines().toList()) {
            Matcher m = EXPECT.matcher(line);
            if (m.find()) {
                expected.add(m.group(1));
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                JavaInteropTest.class.getClassLoader())) {
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            loader.loadClass(result.className()).getMethod("main", String[].class).invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(saved);
        }
        assertEquals(String.join("\n", expected) + "\n", bytes.toString(StandardCharsets.UTF_8));
    }

    /** The test's class path without entries that do not exist (javac warns about those under -Xlint:all). */
    private static String existingClasspath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> Files.exists(Path.of(entry)))
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    @Test
    void aClassOfAKnownPackageThatIsNotThereIsAnError() throws Exception {
        Path testClasses = Path.of(Invoice.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        JavaTypes types = JavaTypes.chain(List.of(ClassFileJavaTypes.jdk(), new ClassFileJavaTypes(List.of(testClasses))));
        var result = Transpiler.check(SourceFile.of("bad.ruchy", "use dev::ruchy::it::interop::Invoyce;\n"),
                TranspileOptions.defaults().withJavaTypes(types));
        assertEquals(1, result.diagnostics().size(), result.diagnostics().toString());
        assertEquals("cannot find Java class `dev.ruchy.it.interop.Invoyce`", result.diagnostics().get(0).message());
        assertEquals("did you mean `Invoice`?", result.diagnostics().get(0).hint());
    }
}
