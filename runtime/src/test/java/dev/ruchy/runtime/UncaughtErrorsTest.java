package dev.ruchy.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A program started with plain {@code java}, as the Maven plugin's classes are: an uncaught Ruchy error. */
class UncaughtErrorsTest {
    /** A generated program's main, in effect: prints, then fails as Ruchy code does. */
    static final class Program {
        public static void main(String[] args) {
            System.out.println("before");
            if (args.length > 0) {
                throw new IllegalStateException("a Java bug");
            }
            Ops.index(Lists.of(1L, 2L), 5L);
        }
    }

    @TempDir
    Path dir;

    private static Result run(String... extra) throws IOException, InterruptedException {
        return runWith(System.getProperty("java.class.path"), extra);
    }

    private static Result runWith(String classPath, String... extra) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", classPath, Program.class.getName()));
        command.addAll(List.of(extra));
        Process p = new ProcessBuilder(command).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private record Result(int status, String out, String err) {
    }

    @Test
    void aRuchyErrorEndsTheProgramAsRuchyRunReportsIt() throws Exception {
        Result r = run();
        assertEquals(1, r.status());
        assertEquals("before\n", r.out());
        assertEquals("Error: Runtime error: Index 5 out of bounds for array of length 2\n", r.err());
    }

    @Test
    void aLineMapBesideTheClassNamesTheRuchyLine() throws Exception {
        // as the Maven plugin writes it: the source's path, then the Ruchy line of every Java line
        Path map = dir.resolve("dev/ruchy/runtime/UncaughtErrorsTest.ruchy-lines");
        Files.createDirectories(map.getParent());
        Files.writeString(map, "app/program.ruchy\n" + "0 " + "7 ".repeat(400) + "\n");
        Result r = runWith(dir + java.io.File.pathSeparator + System.getProperty("java.class.path"));
        assertEquals(1, r.status());
        assertEquals("Error: Runtime error: Index 5 out of bounds for array of length 2\n  --> app/program.ruchy:7\n", r.err());
    }

    @Test
    void otherExceptionsKeepTheJvmsReport() throws Exception {
        Result r = run("java");
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("Exception in thread \"main\" java.lang.IllegalStateException: a Java bug"), r.err());
        assertTrue(r.err().contains("\tat "), r.err());
    }
}
