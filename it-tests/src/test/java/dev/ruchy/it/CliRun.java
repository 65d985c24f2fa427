package dev.ruchy.it;

import dev.ruchy.cli.RuchyCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A {@code ruchy} command run in this JVM, with what it printed.
 *
 * @param exit the command's exit code
 * @param out  what it wrote to standard output (UTF-8)
 * @param err  what it wrote to standard error (UTF-8)
 */
record CliRun(int exit, String out, String err) {
    /** Runs {@code ruchy ARGS...} with System.out and System.err captured (not thread-safe: tests run one at a time). */
    static CliRun of(String... args) {
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            exit = RuchyCommand.execute(args);
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
        return new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
