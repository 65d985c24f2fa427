package dev.ruchy.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code console.log}, {@code info}, {@code warn} and {@code error} as Ruchy code reaches them. */
class ConsoleObjectTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void capture() {
        Console.setOut(new PrintStream(out, false, StandardCharsets.UTF_8));
        Console.setErr(new PrintStream(err, false, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        Console.setOut(null);
        Console.setErr(null);
    }

    @Test
    void logAndInfoGoToStandardOutputWarnAndErrorToStandardError() {
        Object console = Ops.path("console");
        Ops.invoke(console, "log", "a", 1L, null);
        Ops.invoke(console, "info", "x = {}", 2L);
        Ops.invoke(console, "log");
        Ops.invoke(console, "error", "Error: boom");
        Ops.invoke(console, "warn", "careful", 1.5);
        assertEquals("a 1 nil\nx = 2\n\n", out.toString(StandardCharsets.UTF_8));
        assertEquals("Error: boom\ncareful 1.5\n", err.toString(StandardCharsets.UTF_8));
    }
}
