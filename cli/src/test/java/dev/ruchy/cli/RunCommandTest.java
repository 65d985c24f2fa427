package dev.ruchy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ruchy run} and {@code ruchy -e} in process: output, exit status and Ruchy-style errors. */
class RunCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;

    @BeforeEach
    void capture() {
        System.setProperty("ruchy.cache.dir", dir.resolve("cache").toString());
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
        System.clearProperty("ruchy.cache.dir");
    }

    private int run(String... args) {
        return RuchyCommand.execute(args);
    }

    private Path script(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    /** Compiles {@code source} (the class {@code demo.Greeter}) into {@code dir/name} and returns that folder. */
    private Path compiledGreeter(String name, String source) throws IOException {
        Path src = Files.createDirectories(dir.resolve(name + "-src/demo")).resolve("Greeter.java");
        Files.writeString(src, source);
        Path classes = Files.createDirectories(dir.resolve(name));
        assertEquals(0, javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                src.toString()));
        return classes;
    }

    @Test
    void aClassPathPutsItsJavaClassesInReachOfTheTranspilerTheCompilerAndTheRun() throws IOException {
        Path classes = compiledGreeter("v1", "package demo;\npublic class Greeter {\n"
                + "    public static String hi(String name) { return \"hi \" + name; }\n}\n");
        Path file = script("greet.ruchy", "use demo::Greeter\nprintln(Greeter::hi(\"ann\"))\n");
        assertEquals(0, run("run", "--class-path", classes.toString(), file.toString()));
        assertEquals("hi ann\n", out.toString(StandardCharsets.UTF_8));

        // check and transpile see the same classes
        out.reset();
        assertEquals(0, run("check", "--class-path", classes.toString(), file.toString()));
        Path typo = script("typo.ruchy", "use demo::Greeter\nprintln(Greeter::hello(\"ann\"))\n");
        assertEquals(1, run("check", "--class-path", classes.toString(), typo.toString()));
        out.reset();
        assertEquals(0, run("transpile", "--class-path", classes.toString(), "--stdout", file.toString()));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("Greeter.hi(\"ann\")"), out.toString(StandardCharsets.UTF_8));

        // recompiled with another body: the cache key holds the class path's state, so this runs the new class
        out.reset();
        Path again = compiledGreeter("v1", "package demo;\npublic class Greeter {\n"
                + "    public static String hi(String name) { return \"hello \" + name; }\n}\n");
        Files.setLastModifiedTime(again.resolve("demo/Greeter.class"),
                java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 10_000));
        assertEquals(0, run("run", "-cp", again.toString(), file.toString()));
        assertEquals("hello ann\n", out.toString(StandardCharsets.UTF_8));

        // without it the class is not in reach: every class the program can use is, so its `use` is an
        // error before anything runs (R0212 at the use), for check as for run
        out.reset();
        err.reset();
        assertEquals(1, run("run", file.toString()));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        String error = err.toString(StandardCharsets.UTF_8);
        assertTrue(error.contains("error[R0212]: cannot find Java class `demo.Greeter`") && error.contains(file + ":1:5"), error);
        out.reset();
        err.reset();
        assertEquals(1, run("check", file.toString()));
        String checked = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        assertTrue(checked.contains("error[R0212]") && checked.contains(file + ":1:5") && checked.contains("^^^"), checked);
    }

    @Test
    void aUseOfAPathTheProgramNeverNamesAsAClassStaysAlone() throws IOException {
        // a Ruchy module's or a crate's path that no call or type names is not taken for a missing Java class
        Path file = script("crates.ruchy", "use serde::Serialize;\nmod util {\n    pub fun one() { 1 }\n}\n"
                + "use util::one;\nprintln(2)\n");
        assertEquals(0, run("check", file.toString()));
    }

    @Test
    void integerOverflowWrapsByDefaultAndIsAnErrorWhenChecked() throws IOException {
        Path file = script("overflow.ruchy", "let big = 9223372036854775807\nprintln(big + 1)\n");
        assertEquals(0, run("run", file.toString()));
        assertEquals("-9223372036854775808\n", out.toString(StandardCharsets.UTF_8));
        out.reset();
        assertEquals(1, run("run", "--checked", file.toString()));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        assertEquals("Error: Runtime error: Integer overflow in addition\n  --> " + file + ":2\n",
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void mainIsCalledAfterTheTopLevelAndAMainWithParametersFailsAsInRuchy() throws IOException {
        Path plain = script("main.ruchy", "fun helper() { 2 }\nfun main() {\n    println(\"main\", helper())\n}\nprintln(\"top\")\n");
        assertEquals(0, run("run", plain.toString()));
        assertEquals("top\nmain 2\n", out.toString(StandardCharsets.UTF_8));
        out.reset();
        Path withArgs = script("main_args.ruchy", "println(\"top\")\nfun main(args) {\n    println(args)\n}\n");
        assertEquals(1, run("run", withArgs.toString()));
        assertEquals("top\n", out.toString(StandardCharsets.UTF_8));
        assertEquals("Error: Runtime error: Function expects 1-1 arguments, got 0\n  --> " + withArgs + ":2\n",
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void breakInAClosureIsRuchysRunTimeErrorNotAJavaCompileError() throws IOException {
        Path file = script("stray_break.ruchy", "for i in 0..3 {\n    [1, 2].each(|x| {\n        if x == 2 {\n            break\n        }\n"
                + "        println(x)\n    })\n}\n");
        assertEquals(1, run("run", file.toString()));
        assertEquals("1\n", out.toString(StandardCharsets.UTF_8));
        assertEquals("Error: Runtime error: Break outside of loop\n  --> " + file + ":4\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anErrorInsideASwitchArmNamesTheArmsLineAndANilSubjectTheMatchsLine() throws IOException {
        String shape = "enum Shape { Circle(i64), Square(i64) }\nfun inv(s: Shape) -> i64 {\n    match s {\n"
                + "        Shape::Circle(r) => 100 / r,\n        Shape::Square(w) => {\n            let q = 100 / w\n"
                + "            q\n        }\n    }\n}\nprintln(inv(Shape::Circle(4)))\n";
        Path oneLine = script("arm_value.ruchy", shape + "println(inv(Shape::Circle(0)))\n");
        Path block = script("arm_block.ruchy", shape + "println(inv(Shape::Square(0)))\n");
        Path nil = script("arm_nil.ruchy", shape + "let n = nil\nprintln(inv(n))\n");
        assertEquals(1, run("run", oneLine.toString()));
        assertEquals(1, run("run", block.toString()));
        assertEquals(1, run("run", nil.toString()));
        assertEquals("25\n25\n25\n", out.toString(StandardCharsets.UTF_8));
        assertEquals("Error: Division by zero\n  --> " + oneLine + ":4\n"
                + "Error: Division by zero\n  --> " + block + ":6\n"
                + "Error: Runtime error: No match arm matched the value\n  --> " + nil + ":3\n",
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void checkedArithmeticCoversValuesOfUnknownType() throws IOException {
        // i64::MAX is a dynamic value here; JSON numbers and closure parameters are too
        Path file = script("dynamic_overflow.ruchy", "let big = i64::MAX\nlet add = |a, b| a + b\nprintln(add(1, 2))\nprintln(add(big, 1))\n");
        assertEquals(1, run("run", "--checked", file.toString()));
        assertEquals("3\n", out.toString(StandardCharsets.UTF_8));
        assertEquals("Error: Runtime error: Integer overflow in addition\n  --> " + file + ":2\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void evalPrintsTheLastValueUnlessNil() {
        assertEquals(0, run("-e", "let x = 6\nx * 7"));
        assertEquals(0, run("-e", "println(\"side effect\")"));
        assertEquals(0, run("-e", "\"a\" + \"b\""));
        assertEquals("42\nside effect\n\"ab\"\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void evalOfAnExpressionThatAlwaysFailsIsARuntimeError() {
        assertEquals(1, run("-e", "break"));
        assertEquals(1, run("-e", "match 1 { }"));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        assertEquals("Error: Runtime error: Break outside of loop\n  --> <eval>:1\n"
                + "Error: Runtime error: No match arm matched the value\n  --> <eval>:1\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void undefinedFunctionIsReportedBeforeAnythingRuns() throws IOException {
        Path file = script("typo.ruchy", "println(\"never printed\")\nprntln(1)\n");
        assertEquals(1, run("run", file.toString()));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        String errors = err.toString(StandardCharsets.UTF_8);
        assertEquals(file + ":2:1: error[R0201]: cannot find function `prntln` in this scope", errors.lines().findFirst().orElse(""));
        assertEquals(true, errors.contains("did you mean `println`?"), errors); // builtins are suggested too
    }

    @Test
    void noCacheCompilesAgainEvenWhenTheEntryExists() throws IOException {
        Path file = script("again.ruchy", "println(1 + 1)\n");
        assertEquals(0, run("run", file.toString()));
        assertEquals(0, run("run", "--no-cache", file.toString()));
        assertEquals(0, run("run", "--no-cache", file.toString()));
        assertEquals("2\n2\n2\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void secondRunUsesTheCompileCache() throws IOException {
        Path file = script("twice.ruchy", "println(\"hi\")\n");
        assertEquals(0, run("run", file.toString()));
        try (var entries = Files.list(dir.resolve("cache"))) {
            assertEquals(1, entries.filter(Files::isDirectory).filter(p -> !p.endsWith("scripts")).count());
        }
        assertEquals(0, run("run", file.toString()));
        assertEquals("hi\nhi\n", out.toString(StandardCharsets.UTF_8));
    }
}
