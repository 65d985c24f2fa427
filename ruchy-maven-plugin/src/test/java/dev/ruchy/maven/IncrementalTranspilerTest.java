package dev.ruchy.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruchy.transpiler.RuchySourceTypes;
import dev.ruchy.transpiler.interop.ClassFileJavaTypes;
import dev.ruchy.transpiler.interop.JavaSourceTypes;
import dev.ruchy.transpiler.interop.JavaTypes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plugin's build logic without Maven: what is transpiled, written, deleted and logged. */
class IncrementalTranspilerTest {
    @TempDir
    Path base;
    Path src;
    Path out;
    Path status;
    final List<String> log = new ArrayList<>();

    @BeforeEach
    void setUp() {
        src = base.resolve("src/main/ruchy");
        out = base.resolve("target/generated-sources/ruchy");
        status = base.resolve("target/maven-status/ruchy/transpile/default/manifest.txt");
    }

    private IncrementalTranspiler.Outcome run(String tool, boolean testMode) throws IOException {
        log.clear();
        var config = new IncrementalTranspiler.Config(src, out, status, List.of("**/*.ruchy"), List.of(),
                StandardCharsets.UTF_8, testMode, tool);
        return new IncrementalTranspiler(config, reporter()).run();
    }

    /** Collects the build's info, warn and error lines in {@code log}. */
    private IncrementalTranspiler.Reporter reporter() {
        return new IncrementalTranspiler.Reporter() {
            @Override
            public void info(String message) {
                log.add("info " + message);
            }

            @Override
            public void debug(String message) {
            }

            @Override
            public void warn(String message) {
                log.add("warn " + message);
            }

            @Override
            public void error(String message) {
                log.add("error " + message);
            }
        };
    }

    private IncrementalTranspiler.Outcome run() throws IOException {
        return run("tool 1", false);
    }

    /** A build as the mojo runs it: the other Ruchy files, the Java sources in src/main/java and the JDK in reach. */
    private IncrementalTranspiler.Outcome runWithJava() throws IOException {
        log.clear();
        Path java = base.resolve("src/main/java");
        JavaTypes jdk = ClassFileJavaTypes.jdk();
        var config = new IncrementalTranspiler.Config(src, out, status, List.of("**/*.ruchy"), List.of(),
                StandardCharsets.UTF_8, false, "tool 1",
                () -> new RuchySourceTypes(List.of(src), StandardCharsets.UTF_8,
                        JavaTypes.chain(List.of(new JavaSourceTypes(List.of(java), jdk), jdk))).inReach(), jdk);
        return new IncrementalTranspiler(config, reporter()).run();
    }

    private void write(String path, String text) throws IOException {
        Path p = src.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    /** Every file under the target folder with its modification time, to prove nothing was touched. */
    private Map<String, FileTime> times() throws IOException {
        Map<String, FileTime> times = new TreeMap<>();
        try (Stream<Path> files = Files.walk(base.resolve("target"))) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                times.put(base.relativize(p).toString(), Files.getLastModifiedTime(p));
            }
        }
        return times;
    }

    /** Sets every file's time to the past, so a rewrite shows even on coarse clocks. */
    private void age() throws IOException {
        try (Stream<Path> files = Files.walk(base.resolve("target"))) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(p, FileTime.fromMillis(1_000_000_000_000L));
            }
        }
    }

    @Test
    void packagesFollowFoldersAndANoOpBuildTouchesNothing() throws IOException {
        write("com/acme/app.ruchy", "fun greet(name) { \"Hello, \" + name }\nprintln(greet(\"x\"))\n");
        write("top.ruchy", "println(1)\n");
        var first = run();
        assertEquals(2, first.transpiled());
        assertEquals(List.of("info Transpiling 2 files because of a clean build."), log);
        String app = Files.readString(out.resolve("com/acme/App.java"));
        assertTrue(app.startsWith("package com.acme;"), app);
        assertTrue(Files.isRegularFile(out.resolve("Top.java")));

        age();
        Map<String, FileTime> before = times();
        var second = run();
        assertEquals(0, second.transpiled());
        assertEquals(List.of("info Nothing to transpile - all Ruchy sources are up to date."), log);
        assertEquals(before, times());
    }

    @Test
    void onlyTheChangedSourceIsTranspiledAndWritten() throws IOException {
        write("a.ruchy", "println(1)\n");
        write("b.ruchy", "println(2)\n");
        run();
        age();
        Map<String, FileTime> before = times();
        write("b.ruchy", "println(3)\n");
        var outcome = run();
        assertEquals(List.of("info Transpiling 1 file because of changed source code."), log);
        assertEquals(1, outcome.written());
        Map<String, FileTime> after = times();
        assertEquals(before.get("target/generated-sources/ruchy/A.java"), after.get("target/generated-sources/ruchy/A.java"));
        assertFalse(before.get("target/generated-sources/ruchy/B.java").equals(after.get("target/generated-sources/ruchy/B.java")));
    }

    @Test
    void aSourceIsTranspiledAgainWhenAClassItUsesChangesItsSignatures() throws IOException {
        Path greeter = base.resolve("src/main/java/app/Greeter.java");
        Files.createDirectories(greeter.getParent());
        Files.writeString(greeter, "package app;\npublic class Greeter { public static String hi() { return \"hi\"; } }\n");
        write("app/numbers.ruchy", "pub fun two() -> i64 { 2 }\n");
        write("app/uses_numbers.ruchy", "use app::Numbers\nprintln(Numbers::two() + 1)\n");
        write("app/uses_greeter.ruchy", "use app::Greeter\nprintln(Greeter::hi())\n");
        write("app/alone.ruchy", "println(1)\n");
        assertEquals(4, runWithJava().transpiled());
        assertTrue(Files.readString(out.resolve("app/UsesNumbers.java")).contains("Numbers.two() + 1"),
                "a typed call of the other Ruchy file");
        String manifest = Files.readString(status);
        assertTrue(manifest.contains(">app.Numbers="), manifest);
        assertTrue(manifest.contains(">app.Greeter="), manifest);
        assertFalse(manifest.contains(">java."), "the JDK is not recorded: " + manifest);

        assertEquals(0, runWithJava().transpiled());
        assertEquals(List.of("info Nothing to transpile - all Ruchy sources are up to date."), log);

        // a new body, the same signatures: only the file itself
        write("app/numbers.ruchy", "pub fun two() -> i64 { 1 + 1 }\n");
        assertEquals(1, runWithJava().transpiled());

        // another return type: the file and the one that calls it
        write("app/numbers.ruchy", "pub fun two() -> f64 { 2.0 }\n");
        assertEquals(2, runWithJava().transpiled());
        assertEquals(List.of("info Transpiling 2 files because of changed source code."), log);
        assertTrue(Files.readString(out.resolve("app/UsesNumbers.java")).contains("Numbers.two() + 1"));

        // the Java class gets a method: the file that imports it, and no other
        Files.writeString(greeter, "package app;\npublic class Greeter { public static String hi() { return \"hi\"; }"
                + " public static String bye() { return \"bye\"; } }\n");
        assertEquals(1, runWithJava().transpiled());
        assertEquals(List.of("info Transpiling 1 file because of changed classes they use."), log);

        // a method body of the Java class changes: no signature does
        Files.writeString(greeter, "package app;\npublic class Greeter { public static String hi() { return \"hello\"; }"
                + " public static String bye() { return \"bye\"; } }\n");
        assertEquals(0, runWithJava().transpiled());

        // the Java class goes away: the file that uses it fails
        Files.delete(greeter);
        var outcome = runWithJava();
        assertEquals(1, outcome.transpiled());
        assertTrue(outcome.failed());
    }

    @Test
    void deletedSourcesLoseTheirOutputButOtherFilesStay() throws IOException {
        write("pkg/a.ruchy", "println(1)\n");
        write("pkg/b.ruchy", "println(2)\n");
        run();
        Files.writeString(out.resolve("pkg/Other.java"), "package pkg; class Other {}");
        Files.delete(src.resolve("pkg/b.ruchy"));
        var outcome = run();
        assertEquals(List.of("info Removed the output of 1 deleted source file."), log);
        assertEquals(2, outcome.deleted()); // B.java and its line map
        assertFalse(Files.exists(out.resolve("pkg/B.java")));
        assertFalse(Files.exists(out.resolve("pkg/B.ruchy-lines")));
        assertTrue(Files.exists(out.resolve("pkg/A.java")));
        assertTrue(Files.exists(out.resolve("pkg/Other.java")));
    }

    @Test
    void aRenameKeepsTheSharedOutput() throws IOException {
        write("web-app.ruchy", "println(1)\n");
        run();
        Files.move(src.resolve("web-app.ruchy"), src.resolve("web_app.ruchy"));
        run();
        assertTrue(Files.exists(out.resolve("WebApp.java")));
    }

    @Test
    void aNewToolRegeneratesEverythingButRewritesNothingThatIsTheSame() throws IOException {
        write("a.ruchy", "println(1)\n");
        run("tool 1", false);
        age();
        Map<String, FileTime> before = times();
        var outcome = run("tool 2", false);
        assertEquals(List.of("info Transpiling 1 file because of a new plugin or transpiler version."), log);
        assertEquals(0, outcome.written());
        Map<String, FileTime> after = times();
        assertEquals(before.get("target/generated-sources/ruchy/A.java"), after.get("target/generated-sources/ruchy/A.java"));
    }

    @Test
    void aTouchedSourceIsNotTranspiled() throws IOException {
        write("a.ruchy", "println(1)\n");
        run();
        Files.setLastModifiedTime(src.resolve("a.ruchy"), FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        run();
        assertEquals(List.of("info Nothing to transpile - all Ruchy sources are up to date."), log);
    }

    @Test
    void aSourceWithTheRecordedSizeAndTimeIsNotReadUnlessItIsRacy() throws IOException {
        write("a.ruchy", "println(1)\n");
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(src.resolve("a.ruchy"), old);
        run();
        // same size, same time, other content: taken as unchanged (the file is not even read)
        write("a.ruchy", "println(2)\n");
        Files.setLastModifiedTime(src.resolve("a.ruchy"), old);
        run();
        assertEquals(List.of("info Nothing to transpile - all Ruchy sources are up to date."), log);
        // but a time within two seconds of the manifest's is not trusted
        Files.setLastModifiedTime(status, FileTime.fromMillis(old.toMillis() + 1_000));
        run();
        assertEquals(List.of("info Transpiling 1 file because of changed source code."), log);
    }

    @Test
    void aMissingOutputIsRegenerated() throws IOException {
        write("a.ruchy", "println(1)\n");
        run();
        Files.delete(out.resolve("A.java"));
        run();
        assertEquals(List.of("info Transpiling 1 file because of missing generated files."), log);
        assertTrue(Files.exists(out.resolve("A.java")));
    }

    @Test
    void errorsNameFileLineAndColumnAndTheFileIsRetried() throws IOException {
        write("ok.ruchy", "println(1)\n");
        write("broken.ruchy", "let x = (1 + 2\n");
        var outcome = run();
        assertTrue(outcome.failed());
        assertEquals("Ruchy transpilation failed: 1 error", outcome.summary());
        String error = log.stream().filter(l -> l.startsWith("error ")).findFirst().orElseThrow();
        assertTrue(error.startsWith("error " + src.resolve("broken.ruchy").toAbsolutePath() + ":[1,15] error[R"), error);
        assertTrue(error.contains("\n1 | let x = (1 + 2\n"), error);
        assertTrue(Files.exists(out.resolve("Ok.java")));

        write("broken.ruchy", "let x = (1 + 2)\n");
        outcome = run();
        assertFalse(outcome.failed());
        assertEquals(List.of("info Transpiling 1 file because of sources that failed before."), log);
        assertTrue(Files.exists(out.resolve("Broken.java")));
    }

    @Test
    void aFolderThatIsNoPackageIsAnError() throws IOException {
        write("my-lib/a.ruchy", "println(1)\n");
        var outcome = run();
        assertTrue(outcome.failed());
        assertTrue(log.get(1).contains("my-lib/a.ruchy:[1,1] error: the folder my-lib is not a Java package name"), log.toString());
    }

    @Test
    void testSourcesBecomeJUnitTestsWhoseAssertionsNameTheRuchyLine() throws IOException {
        write("math_test.ruchy", "#[test]\nfun adds() {\n    assert_eq(1 + 1, 2)\n}\n");
        run("tool 1", true);
        String java = Files.readString(out.resolve("MathTest.java"));
        assertTrue(java.contains("@Test\n    public void adds()"), java);
        assertTrue(java.contains("TestAssertions.assertEq(\"math_test.ruchy:3\""), java);
        assertTrue(java.contains("public MathTest()"), java);
    }

    @Test
    void testsNoRunWouldFindAreWarnedAbout() throws IOException {
        write("math_checks.ruchy", "// checks\n#[test]\nfun adds() {\n    assert_eq(1 + 1, 2)\n}\n");
        write("math_test.ruchy", "#[test]\nfun adds() {\n    assert_eq(1 + 1, 2)\n}\n");
        run("tool 1", true);
        List<String> warnings = log.stream().filter(l -> l.startsWith("warn ")).toList();
        assertEquals(1, warnings.size(), log.toString());
        assertTrue(warnings.get(0).contains("math_checks.ruchy:[2,1] warning: #[test] functions become JUnit tests of class "
                + "MathChecks, which Surefire does not run by default; name the file *_test.ruchy"), warnings.toString());

        Files.delete(src.resolve("math_checks.ruchy"));
        Files.delete(src.resolve("math_test.ruchy"));
        write("app.ruchy", "#[test]\nfun adds() {\n    assert_eq(1 + 1, 2)\n}\n");
        run("tool 1", false);
        assertTrue(log.stream().anyMatch(l -> l.contains("app.ruchy:[1,1] warning: #[test] functions in main sources are plain "
                + "static methods, not tests; put tests in src/test/ruchy")), log.toString());
    }

    @Test
    void unreachableCodeIsWarnedAboutAndTheBuildGoesOn() throws IOException {
        write("server.ruchy", "loop {\n    println(1)\n}\nprintln(2)\n");
        run();
        assertTrue(Files.exists(out.resolve("Server.java")), log.toString());
        assertTrue(log.stream().anyMatch(l -> l.startsWith("warn ") && l.contains("server.ruchy:[4,1] warning[R0901]: "
                + "unreachable code: it follows a `loop` that never ends")), log.toString());
    }

    @Test
    void eachClassGetsALineMapBesideIt() throws IOException {
        write("com/acme/app.ruchy", "let x = 1\n\nprintln(x)\n");
        run();
        String map = Files.readString(out.resolve("com/acme/App.ruchy-lines"));
        assertTrue(map.startsWith("com/acme/app.ruchy\n"), map);
        String java = Files.readString(out.resolve("com/acme/App.java"));
        String[] lines = map.lines().toList().get(1).split(" ");
        int printLine = java.lines().toList().indexOf("        Builtins.println(x);") + 1;
        assertEquals("3", lines[printLine], map + "\n" + java);
    }

    @Test
    void noSourcesNoWork() throws IOException {
        var outcome = run();
        assertEquals(0, outcome.sources());
        assertFalse(Files.exists(base.resolve("target")));
    }
}
