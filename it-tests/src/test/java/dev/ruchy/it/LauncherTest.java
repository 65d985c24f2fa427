package dev.ruchy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real launcher, {@code bin/ruchy}, as a process.
 *
 * <p>The launcher runs with {@code RUCHY_NO_BUILD=1}: the tests exercise the tool this Maven build
 * just compiled, and a build started from here would rewrite classes the running build is using.
 * The reactor refreshes the launcher's stamp, so the tool does not look stale anyway (checked by
 * {@link #theBuildRefreshesTheLaunchersStamp}); if a source changes while the build runs, the
 * launcher warns and the warning is set aside.
 */
@DisabledOnOs(OS.WINDOWS)
class LauncherTest {
    private static final long TIMEOUT_SECONDS = 30;
    private static final String STALE_WARNING = "ruchy: warning: the command line tool is older than its sources";

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    private Run launch(String... args) throws IOException, InterruptedException {
        Path root = SharedCorpus.projectRoot();
        List<String> command = new ArrayList<>();
        command.add(root.resolve("bin/ruchy").toString());
        command.addAll(List.of(args));
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(root.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().put("RUCHY_NO_BUILD", "1");
        builder.environment().put("RUCHY_CACHE_DIR", dir.resolve("cache").toString());
        builder.environment().remove("RUCHY_JAVA_OPTS");
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            fail(String.join(" ", command) + " did not finish within " + TIMEOUT_SECONDS + " s");
        }
        String errText = Files.readString(err, StandardCharsets.UTF_8);
        if (errText.startsWith(STALE_WARNING)) {
            // a source changed after this build compiled the tool: test the tool as built
            System.err.println("LauncherTest: " + errText.lines().findFirst().orElse(""));
            errText = errText.substring(errText.indexOf('\n') + 1);
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), errText);
    }

    /**
     * The reactor refreshes the launcher's stamp after compiling the cli module, so inside {@code
     * ./mvnw verify} (or {@code test}) the tool it just built does not look stale and the launcher
     * does not start a build of its own.
     */
    @Test
    void theBuildRefreshesTheLaunchersStamp() throws IOException {
        Path root = SharedCorpus.projectRoot();
        Path stamp = root.resolve("cli/target/classpath.txt");
        assertTrue(Files.isRegularFile(stamp), () -> stamp + " is missing: the cli module's build writes it");
        FileTime stampTime = Files.getLastModifiedTime(stamp);
        List<Path> built = new ArrayList<>(List.of(root.resolve("cli/target/classes")));
        for (String entry : Files.readString(stamp, StandardCharsets.UTF_8).strip().split(java.io.File.pathSeparator)) {
            Path path = Path.of(entry);
            if (path.startsWith(root)) {
                built.add(path); // the transpiler this build made (its jar under verify, its classes under test)
            }
            assertFalse(entry.contains("/dev/ruchy/ruchy-") && !path.startsWith(root),
                    () -> "the launcher's classpath takes a Ruchy module from the local repository: " + entry);
        }
        for (Path output : built) {
            FileTime newest = newest(output);
            assertTrue(newest.compareTo(stampTime) <= 0, () -> output + " (" + newest + ") is newer than the launcher's stamp "
                    + stamp + " (" + stampTime + "): the build did not refresh the stamp, so bin/ruchy would rebuild");
        }
    }

    private static FileTime newest(Path path) throws IOException {
        try (Stream<Path> files = Files.walk(path)) {
            return files.filter(Files::isRegularFile).map(p -> {
                try {
                    return Files.getLastModifiedTime(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).max(FileTime::compareTo).orElse(FileTime.fromMillis(0));
        }
    }

    @Test
    void runCompilesOnceThenRunsFromTheCache() throws Exception {
        Path script = Files.writeString(dir.resolve("greet.ruchy"), "fun greet(n) { f\"hi {n}\" }\nprintln(greet(\"Ada\"))\n");
        Run first = launch("run", script.toString());
        assertEquals(0, first.exit(), first::toString);
        assertEquals("hi Ada\n", first.out());
        try (var records = Files.list(dir.resolve("cache/scripts"))) {
            assertEquals(1, records.count(), "the first run indexes the script for the launcher");
        }
        Run second = launch("run", script.toString());
        assertEquals(0, second.exit(), second::toString);
        assertEquals("hi Ada\n", second.out());
        Files.writeString(script, "println(\"changed\")\n");
        Run third = launch("run", script.toString());
        assertEquals("changed\n", third.out(), third::toString);
    }

    @Test
    void aClassPathAfterTheFileTakesTheSlowPathWithItsOwnCacheEntry() throws Exception {
        Path src = Files.createDirectories(dir.resolve("java/demo")).resolve("Greeter.java");
        Files.writeString(src, "package demo;\npublic class Greeter { public static String hi(String n) { return \"hi \" + n; } }\n");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        assertEquals(0, javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                src.toString()));
        Path script = Files.writeString(dir.resolve("uses_java.ruchy"), "use demo::Greeter\nprintln(Greeter::hi(\"Ada\"))\n");
        // without the class path the class is not in reach: an error (R0212) before anything is compiled
        Run without = launch("run", script.toString());
        assertEquals(1, without.exit(), without::toString);
        assertTrue(without.err().contains("R0212"), without::toString);
        // the class path after the file: not the indexed classes, which were compiled without it
        for (int attempt = 0; attempt < 2; attempt++) {
            Run with = launch("run", script.toString(), "--class-path", classes.toString());
            assertEquals(0, with.exit(), with::toString);
            assertEquals("hi Ada\n", with.out());
        }
    }

    @Test
    void aCacheRecordWrittenByAnotherCheckoutIsNotRunDirectly() throws Exception {
        Path script = Files.writeString(dir.resolve("other.ruchy"), "println(\"mine\")\n");
        assertEquals("mine\n", launch("run", script.toString()).out());
        Path record;
        try (var records = Files.list(dir.resolve("cache/scripts"))) {
            record = records.findFirst().orElseThrow();
        }
        // as another checkout sharing the cache would leave it: its own entry, built with its own class path
        Path foreign = Files.createDirectories(dir.resolve("cache/foreign"));
        Files.write(foreign.resolve("program.jar"), new byte[0]);
        Files.writeString(record, script + "\n" + foreign + "\nForeign\n/elsewhere/cli/target/classes:x.jar\n");
        Run run = launch("run", script.toString());
        assertEquals(0, run.exit(), run::toString);
        assertEquals("mine\n", run.out(), "the launcher ran the other checkout's classes");
    }

    @Test
    void runtimeErrorNamesTheRuchyLineWithoutAJavaStackTrace() throws Exception {
        Path script = Files.writeString(dir.resolve("oops.ruchy"), "let xs = [1, 2]\nprintln(\"start\")\nprintln(xs[5])\n");
        for (int attempt = 0; attempt < 2; attempt++) { // compiled, then from the cache
            Run run = launch("run", script.toString());
            assertEquals(1, run.exit(), run::toString);
            assertEquals("start\n", run.out());
            assertEquals("Error: Runtime error: Index 5 out of bounds for array of length 2\n  --> " + script + ":3\n",
                    run.err(), run::toString);
        }
    }

    @Test
    void versionPrintsNameAndVersion() throws Exception {
        Run run = launch("--version");
        assertEquals(0, run.exit(), run::toString);
        assertTrue(run.out().startsWith("ruchy "), run::toString);
    }

    @Test
    void checkSeedProgramSaysOk() throws Exception {
        Path program = SharedCorpus.seedPrograms().get(0);
        Run run = launch("check", program.toString());
        assertEquals(0, run.exit(), run::toString);
        assertEquals(program + ": ok", run.out().strip());
        assertEquals("", run.err());
    }

    @Test
    void parseErrorReachesStderrBeforeTheProcessExits() throws Exception {
        Path file = Files.writeString(dir.resolve("unclosed.ruchy"), "let x = (1 + 2\n");
        Run run = launch("parse", "--ast", file.toString());
        assertEquals(1, run.exit(), run::toString);
        assertTrue(run.out().startsWith("Program "), run::toString);
        assertTrue(run.err().startsWith(file + ":1:15: error[R"), run::toString);
    }

    @Test
    void missingFileExits65WithOneLine() throws Exception {
        Path missing = dir.resolve("missing.ruchy");
        Run run = launch("check", missing.toString());
        assertEquals(65, run.exit(), run::toString);
        assertEquals("ruchy: " + missing + ": no such file", run.err().strip());
    }
}
