package dev.ruchy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruchy.transpiler.Transpiler;
import dev.ruchy.transpiler.source.SourceFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated Java, pinned: each {@code golden/NAME.ruchy} sits beside {@code NAME.java}, the
 * exact output of the transpiler, reviewed by a person when it changes. Each case is also
 * transpiled twice (same bytes), compiled with {@code javac -Xlint:all -Werror} against the runtime,
 * and run: its output must match the {@code // expect:} comments of the Ruchy source. A case whose
 * Java mentions {@code Object} fails unless its source says, in a comment, why it is dynamic.
 * Regenerate the expected files with {@code -Druchy.golden.update=true}, then review the diff. The
 * transpiler module's {@code JavaGoldenBytesTest} compares the same files without compiling them; it
 * must call the transpiler as {@link #transpile} does.
 */
class JavaGoldenTest {
    private static final Path FOLDER = Path.of("src/test/resources/golden");
    private static final Pattern EXPECT = Pattern.compile("//\\s*expect:\\s?(.*)$");
    private static final Pattern OBJECT = Pattern.compile("\\bObject\\b");

    @TempDir
    static Path classes;

    private static List<Path> inputs;
    private static String compileErrors;

    @BeforeAll
    static void transpileAndCompileAll() throws IOException {
        try (Stream<Path> files = Files.list(FOLDER)) {
            inputs = files.filter(p -> p.toString().endsWith(".ruchy")).sorted().toList();
        }
        Path sources = Files.createDirectories(classes.resolve("src"));
        List<String> paths = new ArrayList<>();
        for (Path input : inputs) {
            Transpiler.TranspileResult result = transpile(input);
            if (result.source() != null) {
                Path file = sources.resolve(result.className() + ".java");
                Files.writeString(file, result.source());
                paths.add(file.toString());
            }
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        List<String> args = new ArrayList<>(List.of("--release", "21", "-Xlint:all", "-Werror", "-proc:none",
                "-classpath", existingClasspath(), "-d", classes.toString()));
        args.addAll(paths);
        int status = javac.run(null, new java.io.PrintStream(new ByteArrayOutputStream()), errorsStream(errors),
                args.toArray(String[]::new));
        compileErrors = status == 0 ? null : errors.toString();
    }

    /** The test's class path without entries that do not exist (javac warns about those under -Xlint:all). */
    private static String existingClasspath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> Files.exists(Path.of(entry)))
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    private static java.io.OutputStream errorsStream(StringWriter sink) {
        return new java.io.OutputStream() {
            @Override
            public void write(int b) {
                sink.write(b);
            }
        };
    }

    private static Transpiler.TranspileResult transpile(Path input) throws IOException {
        return Transpiler.transpile(SourceFile.of(input.getFileName().toString(), Files.readString(input)), "");
    }

    @TestFactory
    Stream<DynamicTest> goldens() {
        assertTrue(inputs.size() >= 25, "at least 25 golden programs, found " + inputs.size());
        return inputs.stream().map(input -> DynamicTest.dynamicTest(input.getFileName().toString(), () -> check(input)));
    }

    private static void check(Path input) throws Exception {
        String ruchy = Files.readString(input);
        Transpiler.TranspileResult first = transpile(input);
        assertFalse(first.hasErrors(), () -> input + " has errors: " + first.diagnostics());
        assertEquals(first.source(), transpile(input).source(), "two transpilations differ");
        Path expectedFile = Path.of(input.toString().replaceAll("\\.ruchy$", ".java"));
        if (Boolean.getBoolean("ruchy.golden.update")) {
            Files.writeString(expectedFile, first.source());
        }
        assertTrue(Files.exists(expectedFile), "no expected Java beside " + input);
        assertEquals(Files.readString(expectedFile), first.source(), "generated Java differs from " + expectedFile);

        boolean declaredDynamic = ruchy.lines().anyMatch(l -> l.contains("//") && l.toLowerCase(Locale.ROOT).contains("dynamic"));
        if (!declaredDynamic) {
            // RuchyStruct.fields() is the runtime's interface, not a value whose type was lost
            String code = first.source().replace("Map<String, Object> fields()", "");
            Matcher m = OBJECT.matcher(code);
            assertFalse(m.find(), () -> input + ": a knowable type was emitted as Object:\n" + first.source());
        }

        assertEquals(null, compileErrors, "the golden Java does not compile cleanly with -Xlint:all -Werror");
        List<String> expected = new ArrayList<>();
        for (String line : ruchy.lines().toList()) {
            Matcher m = EXPECT.matcher(line);
            if (m.find()) {
                expected.add(m.group(1));
            }
        }
        assertFalse(expected.isEmpty(), input + " has no // expect: lines");
        assertEquals(String.join("\n", expected) + "\n", run(first.className()), "output of " + input);
    }

    private static String run(String className) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                JavaGoldenTest.class.getClassLoader())) {
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            Method main = loader.loadClass(className).getMethod("main", String[].class);
            assertNotNull(main);
            main.invoke(null, (Object) new String[0]);
        } finally {
            System.out.flush();
            System.setOut(saved);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
