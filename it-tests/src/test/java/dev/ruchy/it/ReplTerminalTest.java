package dev.ruchy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ruchy repl} driven through a real pseudo-terminal ({@link PtyRepl}): each input runs
 * once and its definitions stay, the history recalls earlier inputs with the up arrow, Ctrl-C
 * stops a running input and keeps the session, Tab completes runtime paths, and the network
 * chapter's session works as written, with the server answering while the prompt is back.
 */
@DisabledOnOs(OS.WINDOWS)
class ReplTerminalTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void aSideEffectRunsOnceAndDefinitionsStay() throws Exception {
        Path log = dir.resolve("log.txt");
        try (PtyRepl repl = PtyRepl.start(dir, dir)) {
            repl.enter("append_file(\"" + log + "\", \"line\\n\")");
            repl.enter("let base = 40");
            repl.enter("fun add(a, b) { a + b }");
            repl.enter("struct Point { x: i64, y: i64 }");
            repl.enter("let p = Point { x: 1, y: 1 }");
            assertTrue(repl.enter("add(base, p.x + p.y)").contains("42"), repl.output());
            assertTrue(repl.enter("p").contains("Point {x: 1, y: 1}"), repl.output());
            // a new definition replaces the old one for later inputs
            repl.enter("fun add(a, b) { a * b }");
            assertTrue(repl.enter("add(base, 2)").contains("80"), repl.output());
            assertEquals(0, repl.leave());
        }
        assertEquals("line\n", Files.readString(log), "the append_file input ran once, not once per later input");
    }

    @Test
    void errorsAreReportedAtTheirPlaceInTheInput() throws Exception {
        try (PtyRepl repl = PtyRepl.start(dir, dir)) {
            repl.enter("let a = 1");
            repl.enter("let b = 2");
            assertTrue(repl.enter("a + nope").contains("<repl>:1:5: error"), repl.output());
            assertTrue(repl.enter("1 / 0").contains("--> <repl>:1"), repl.output());
            assertTrue(repl.enter("a + b").contains("3"), repl.output());
            repl.leave();
        }
    }

    @Test
    void theUpArrowRecallsTheHistoryWhichIsKept() throws Exception {
        try (PtyRepl repl = PtyRepl.start(dir, dir)) {
            repl.enter("40 + 2");
            int from = repl.output().length();
            repl.type("\u001bOA"); // the up arrow, as xterm sends it in the application-cursor mode JLine sets
            repl.awaitOutput(from, "40 + 2", WAIT);
            String shown = repl.enter("");
            assertTrue(shown.contains("42"), repl.output());
            assertEquals(0, repl.leave());
        }
        assertTrue(Files.readString(dir.resolve(".ruchy_history")).contains("40 + 2"));
    }

    @Test
    void ctrlCStopsALoopAndTheSessionGoesOn() throws Exception {
        try (PtyRepl repl = PtyRepl.start(dir, dir)) {
            repl.enter("let keep = 6");
            repl.enter("fun times(a) { a * keep }");
            int prompts = repl.prompts();
            int from = repl.output().length();
            repl.type("loop { }\r");
            PtyRepl.sleep(1500);
            repl.type("\u0003");
            repl.awaitOutput(from, "interrupted", WAIT);
            repl.awaitPrompts(prompts + 1, WAIT);
            assertTrue(repl.enter("times(7)").contains("42"), repl.output());
            assertEquals(0, repl.leave());
        }
    }

    @Test
    void tabCompletesRuntimePaths() throws Exception {
        try (PtyRepl repl = PtyRepl.start(dir, dir)) {
            int from = repl.output().length();
            repl.type("http::se\t");
            repl.awaitOutput(from, "http::serve", WAIT);
            repl.type("\u0015"); // Ctrl-U: clear the line
            repl.enter("let counter_value = 1");
            from = repl.output().length();
            repl.type("counter_v\t");
            repl.awaitOutput(from, "counter_value", WAIT);
            assertTrue(repl.enter("").contains("1"));
            // methods after `.` where the type is known: a list, a struct of the session
            repl.enter("let items = [1, 2]");
            from = repl.output().length();
            repl.type("items.pu\t");
            repl.awaitOutput(from, "items.push", WAIT);
            repl.type("\u0015");
            repl.enter("struct Pt { x: i64 }");
            repl.enter("impl Pt { fun doubled(&self) -> i64 { self.x * 2 } }");
            repl.enter("let pt = Pt { x: 21 }");
            from = repl.output().length();
            repl.type("pt.dou\t");
            repl.awaitOutput(from, "pt.doubled", WAIT);
            assertTrue(repl.enter("()").contains("42"), repl.output());
            repl.leave();
        }
    }

    @Test
    void theChaptersSessionServesInTheBackground() throws Exception {
        int port = RuchyProcess.freePort();
        int closed = RuchyProcess.freePort();
        try (PtyRepl repl = PtyRepl.start(dir, dir)) {
            String served = repl.enter(
                    "http::serve(" + port + ", |req, res| {",
                    "    res.text(f\"Hello from {req.path}!\")",
                    "})");
            assertTrue(served.contains("serves in the background"), repl.output());
            HttpResponse<String> curl = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/abc")).timeout(WAIT).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals("Hello from /abc!", curl.body());
            repl.enter("let body = http::get(\"http://127.0.0.1:" + port + "/x\").text()");
            assertTrue(repl.enter("println(body)").contains("Hello from /x!"), repl.output());
            assertTrue(repl.enter("net::is_port_open(\"127.0.0.1\", " + port + ")").contains("true"), repl.output());
            assertTrue(repl.enter("net::is_port_open(\"127.0.0.1\", " + closed + ")").contains("false"), repl.output());
            assertTrue(repl.enter(":servers").contains("1  <http server"), repl.output());
            assertEquals(0, repl.leave());
        }
        assertFalse(isOpen(port), "leaving the REPL stops its servers");
    }

    @Test
    void aTcpAcceptLoopServesInTheBackgroundUntilStopped() throws Exception {
        int port = RuchyProcess.freePort();
        try (PtyRepl repl = PtyRepl.start(dir, dir)) {
            repl.enter("let listener = net::TcpListener::bind(\"127.0.0.1:" + port + "\")");
            String served = repl.enter("loop {", "  let s = listener.accept()", "  s.write(\"hi\\n\")", "  s.close()", "}");
            assertTrue(served.contains("serves in the background"), repl.output());
            try (Socket s = new Socket("127.0.0.1", port)) {
                assertEquals("hi", new String(s.getInputStream().readNBytes(2), java.nio.charset.StandardCharsets.UTF_8));
            }
            assertTrue(repl.enter(":stop 1").contains("server 1 stopped"), repl.output());
            assertFalse(isOpen(port));
            assertTrue(repl.enter("1 + 1").contains("2"), repl.output());
            assertEquals(0, repl.leave());
        }
    }

    private static boolean isOpen(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
