package dev.ruchy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RuchyCommandTest {
    private static final String CLEAN = "fn main() {\n    let x = (1 + 2) * 3\n    println(x)\n}\n";
    private static final String UNCLOSED = "let x = (1 + 2\n";

    @TempDir
    Path dir;

    /** What one run of the command printed and returned. */
    record Run(int exit, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = RuchyCommand.newCommandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        cli.getOut().flush();
        cli.getErr().flush();
        return new Run(exit, out.toString(), err.toString());
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static void assertNoStackTrace(Run run) {
        String all = run.out() + run.err();
        assertFalse(all.contains("Exception") || all.contains("java.lang."), () -> "an exception reached the user:\n" + abbreviate(all));
        assertFalse(all.contains("\tat "), () -> "a stack trace reached the user:\n" + abbreviate(all));
    }

    /** Exit {@code code} with exactly one line on stderr, which contains {@code fragment}. */
    private static void assertOneLineError(Run run, int code, String fragment) {
        assertEquals(code, run.exit(), run::toString);
        assertEquals(1, run.errLines().size(), () -> "expected one line on stderr:\n" + run.err());
        assertTrue(run.err().startsWith("ruchy: "), run::err);
        assertTrue(run.err().contains(fragment), run::err);
        assertEquals("", run.out());
        assertNoStackTrace(run);
    }

    @Test
    void versionPrintsNameAndVersion() {
        Run run = run("--version");
        assertEquals(0, run.exit());
        assertTrue(run.out().startsWith("ruchy "), run.out());
        assertEquals(1, run.out().lines().count(), run.out());
        assertEquals("", run.err());
    }

    @Test
    void helpListsTheSubcommands() {
        Run run = run("--help");
        assertEquals(0, run.exit());
        assertTrue(run.out().startsWith("Usage: ruchy"), run.out());
        assertTrue(Pattern.compile("(?m)^\\s+check\\s").matcher(run.out()).find(), run.out());
        assertTrue(Pattern.compile("(?m)^\\s+parse\\s").matcher(run.out()).find(), run.out());
    }

    @Test
    void noArgumentsPrintsUsage() {
        Run run = run();
        assertEquals(0, run.exit());
        assertTrue(run.out().startsWith("Usage: ruchy"), run.out());
    }

    @Test
    void checkCleanFileSaysOk() throws IOException {
        Path file = write("clean.ruchy", CLEAN);
        Run run = run("check", file.toString());
        assertEquals(0, run.exit(), run::toString);
        assertEquals(file + ": ok" + System.lineSeparator(), run.out());
        assertEquals("", run.err());
    }

    @Test
    void checkSeveralCleanFilesSaysHowMany() throws IOException {
        Path a = write("a.ruchy", CLEAN);
        Path b = write("b.ruchy", "println(\"hi\")\n");
        Run run = run("check", a.toString(), b.toString());
        assertEquals(0, run.exit(), run::toString);
        assertEquals("2 files: ok" + System.lineSeparator(), run.out());
    }

    @Test
    void checkSyntaxErrorShowsLocationSourceLineAndCaret() throws IOException {
        Path file = write("unclosed.ruchy", UNCLOSED);
        Run run = run("check", file.toString());
        assertEquals(1, run.exit(), run::toString);
        assertEquals("", run.out());
        List<String> lines = run.errLines();
        assertTrue(Pattern.matches(Pattern.quote(file.toString()) + ":1:15: error\\[R\\d{4}]: .+", lines.get(0)), run.err());
        assertEquals("  |", lines.get(1));
        assertEquals("1 | let x = (1 + 2", lines.get(2));
        assertEquals("  | " + " ".repeat(14) + "^", lines.get(3), "caret under column 15");
        assertEquals("1 error", lines.get(lines.size() - 1));
        assertNoStackTrace(run);
    }

    @Test
    void checkReportsErrorsInEveryFile() throws IOException {
        Path first = write("first.ruchy", UNCLOSED);
        Path clean = write("clean.ruchy", CLEAN);
        Path second = write("second.ruchy", "fn f() {\n    let y = 1\n    if y > 0 { println(y)\n}\n");
        Run run = run("check", first.toString(), clean.toString(), second.toString());
        assertEquals(1, run.exit(), run::toString);
        assertEquals("", run.out());
        Pattern header = Pattern.compile("(?m)^(.+):\\d+:\\d+: error\\[R\\d{4}]: ");
        var reported = header.matcher(run.err()).results().map(m -> m.group(1)).distinct().toList();
        assertEquals(List.of(first.toString(), second.toString()), reported, run.err());
        assertTrue(run.errLines().get(run.errLines().size() - 1).matches("\\d+ errors"), run.err());
        assertFalse(run.err().contains(clean.toString()), run.err());
    }

    @Test
    void checkMissingFileIsOneLineAndExit65() {
        Path missing = dir.resolve("missing.ruchy");
        Run run = run("check", missing.toString());
        assertOneLineError(run, 65, missing + ": no such file");
    }

    @Test
    void checkDirectoryIsOneLineAndExit65() {
        Run run = run("check", dir.toString());
        assertOneLineError(run, 65, dir + ": is a directory");
    }

    @Test
    void checkNonUtf8FileIsOneLineAndExit65() throws IOException {
        // "café" in Latin-1: SourceFile.read would silently turn 0xE9 into U+FFFD
        Path file = Files.write(dir.resolve("latin1.ruchy"),
                "let s = \"caf\u00e9\"\n".getBytes(StandardCharsets.ISO_8859_1));
        Run run = run("check", file.toString());
        assertOneLineError(run, 65, file + ": not UTF-8 text (invalid byte 0xE9 at line 1");
    }

    @Test
    void checkTruncatedUtf8SequenceAtEndIsRejected() throws IOException {
        Path file = Files.write(dir.resolve("truncated.ruchy"), new byte[] {'l', 'e', 't', ' ', (byte) 0xE2, (byte) 0x82});
        Run run = run("check", file.toString());
        assertOneLineError(run, 65, "not UTF-8 text");
    }

    @Test
    void checkAcceptsUtf8WithByteOrderMark() throws IOException {
        Path file = Files.write(dir.resolve("bom.ruchy"),
                ("\uFEFFlet s = \"caf\u00e9 \u2603\"\nprintln(s)\n").getBytes(StandardCharsets.UTF_8));
        Run run = run("check", file.toString());
        assertEquals(0, run.exit(), run::toString);
    }

    @Test
    void checkReportsUnreadableAndBrokenFilesTogether() throws IOException {
        Path missing = dir.resolve("missing.ruchy");
        Path broken = write("broken.ruchy", UNCLOSED);
        Run run = run("check", missing.toString(), broken.toString());
        assertEquals(1, run.exit(), "syntax errors decide the exit code");
        assertTrue(run.err().startsWith("ruchy: " + missing + ": no such file"), run.err());
        assertTrue(run.err().contains(broken + ":1:15: error["), run.err());
        assertNoStackTrace(run);
    }

    @Test
    void checkDeeplyNestedInputGivesADiagnosticOrOneLineWithoutStackTrace() throws IOException {
        Path file = write("deep.ruchy", "let x = " + "(".repeat(100_000) + "1" + ")".repeat(100_000) + "\n");
        Run run = run("check", file.toString());
        assertNoStackTrace(run);
        if (run.exit() == 70) {
            assertEquals(1, run.errLines().size(), () -> abbreviate(run.err()));
            assertTrue(run.err().startsWith("ruchy: " + file + ": internal error: "), () -> abbreviate(run.err()));
        } else {
            assertEquals(1, run.exit(), () -> abbreviate(run.err()));
            assertTrue(run.err().startsWith(file + ":1:"), () -> abbreviate(run.err()));
        }
    }

    @Test
    void parseAstOfVeryDeepTreeDoesNotShowAStackTrace() throws IOException {
        // a left-nested sum: the parser loops, but the tree is 100,000 nodes deep
        Path file = write("long_sum.ruchy", "let x = " + "1 + ".repeat(100_000) + "1\n");
        Run run = run("parse", "--ast", file.toString());
        assertNoStackTrace(run);
        if (run.exit() == 70) {
            assertEquals("ruchy: " + file + ": internal error: the syntax tree is too deep to print", run.err().strip());
        } else if (run.exit() == 1) {
            // the parser limits chains of operations and says so
            assertTrue(run.err().startsWith(file + ":1:"), () -> abbreviate(run.err()));
        } else {
            assertEquals(0, run.exit(), () -> abbreviate(run.err()));
            assertTrue(run.out().startsWith("Program "));
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 2000) + "...";
    }

    @Test
    void checkWithoutFilesIsAUsageError() {
        Run run = run("check");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("Missing required parameter"), run.err());
    }

    @Test
    void parseAstPrintsTheTree() throws IOException {
        Path file = write("clean.ruchy", CLEAN);
        Run run = run("parse", "--ast", file.toString());
        assertEquals(0, run.exit(), run::toString);
        assertTrue(run.out().startsWith("Program " + file + System.lineSeparator()), run.out());
        assertTrue(run.out().contains("Stmt.Fun"), run.out());
        assertTrue(run.out().contains("name=\"main\""), run.out());
        assertEquals("", run.err());
    }

    @Test
    void parseAstOfBrokenFilePrintsTreeAndDiagnostics() throws IOException {
        Path file = write("unclosed.ruchy", UNCLOSED);
        Run run = run("parse", "--ast", file.toString());
        assertEquals(1, run.exit(), run::toString);
        assertTrue(run.out().startsWith("Program "), run.out());
        assertTrue(run.err().startsWith(file + ":1:15: error[R"), run.err());
    }

    @Test
    void parseMissingFileIsOneLineAndExit65() {
        Path missing = dir.resolve("nope.ruchy");
        Run run = run("parse", "--ast", missing.toString());
        assertOneLineError(run, 65, missing + ": no such file");
    }

    @Test
    void unknownOptionIsAUsageError() {
        Run run = run("--no-such-option");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("Unknown option: '--no-such-option'"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void unknownSubcommandOptionIsAUsageError() throws IOException {
        Path file = write("clean.ruchy", CLEAN);
        Run run = run("check", "--frobnicate", file.toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("--frobnicate"), run.err());
    }

    @Test
    void staticExecuteReturnsTheExitCode() throws IOException {
        Path file = write("clean.ruchy", CLEAN);
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(0, RuchyCommand.execute("check", file.toString()));
            assertEquals(65, RuchyCommand.execute("check", dir.resolve("absent.ruchy").toString()));
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith(file + ": ok"), out::toString);
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("ruchy: "), err::toString);
    }
}
