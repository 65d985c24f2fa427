package dev.ruchy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's TCP echo server and client ({@code examples/src/main/ruchy/dev/ruchy/examples/02_tcp_echo.ruchy}): the
 * server, run by {@code bin/ruchy run}, serves 50 concurrent clients of 100 lines each (every echo
 * checked, in order), then the program's own client mode talks to it.
 */
@DisabledOnOs(OS.WINDOWS)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class TcpEchoExampleTest {
    private static final int CLIENTS = 50;
    private static final int LINES = 100;

    @TempDir
    Path dir;

    @Test
    void fiftyConcurrentClientsAndTheProgramsOwnClient() throws Exception {
        int port = RuchyProcess.freePort();
        Map<String, String> env = Map.of("PORT", String.valueOf(port));
        try (RuchyProcess server = RuchyProcess.start(RuchyProcess.example("02_tcp_echo.ruchy"), dir, env)) {
            server.awaitOutput("Server listening on port " + port, RuchyProcess.seconds(60)); // printed once bound

            long start = System.nanoTime();
            CountDownLatch allConnected = new CountDownLatch(CLIENTS);
            List<Future<Integer>> results = new ArrayList<>();
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int c = 0; c < CLIENTS; c++) {
                    int client = c;
                    results.add(pool.submit(() -> echo(port, client, allConnected)));
                }
                int total = 0;
                for (Future<Integer> f : results) {
                    total += f.get(60, TimeUnit.SECONDS);
                }
                assertEquals(CLIENTS * LINES, total);
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            System.out.println("tcp echo: " + CLIENTS + " concurrent clients x " + LINES + " lines in " + ms + " ms");

            try (RuchyProcess client = RuchyProcess.start(RuchyProcess.example("02_tcp_echo.ruchy"), dir, env, "client")) {
                assertEquals(0, client.awaitExit(RuchyProcess.seconds(60)), client.err());
                assertEquals("Server replied: Echo: Hello, server!\n", client.out());
            }
            server.awaitOutput("Received: Hello, server!", RuchyProcess.seconds(5));
            String out = server.out();
            assertEquals(CLIENTS + 1, count(out, "Client connected: 127.0.0.1:"), "one line per connection");
            awaitCount(server, "Client disconnected", CLIENTS + 1);
            assertEquals(CLIENTS * LINES + 1, count(server.out(), "Received: "));
        }
    }

    /**
     * With the idle timeout at 2 s ({@code -Druchy.tcp.idleTimeoutMs}), a client that pauses for 1 s
     * between lines and inside one is echoed every line; once it goes silent, the server closes its
     * connection and the program's handler reports why.
     */
    @Test
    void aClientThatPausesIsServedAndASilentOneIsClosed() throws Exception {
        int port = RuchyProcess.freePort();
        Map<String, String> env = Map.of("PORT", String.valueOf(port),
                "RUCHY_JAVA_OPTS", "-Xmx256m -XX:+UseSerialGC -Druchy.tcp.idleTimeoutMs=2000");
        try (RuchyProcess server = RuchyProcess.start(RuchyProcess.example("02_tcp_echo.ruchy"), dir, env);
                Socket s = awaitConnect(server, port)) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            out.write("first\n".getBytes(StandardCharsets.UTF_8));
            assertEquals("Echo: first", in.readLine());
            Thread.sleep(1_000);
            out.write("sec".getBytes(StandardCharsets.UTF_8));
            Thread.sleep(1_000);
            out.write("ond\n".getBytes(StandardCharsets.UTF_8));
            assertEquals("Echo: second", in.readLine());
            long silent = System.nanoTime();
            assertEquals(null, in.readLine(), "the server closes the silent connection");
            long ms = (System.nanoTime() - silent) / 1_000_000;
            assertTrue(ms >= 1_500 && ms < 15_000, "closed after " + ms + " ms of silence");
            server.awaitOutput("was idle for 2000 ms; it is closed", RuchyProcess.seconds(5));
        }
    }

    private static Socket awaitConnect(RuchyProcess server, int port) {
        server.awaitOutput("Server listening on port " + port, RuchyProcess.seconds(60));
        try {
            return new Socket("127.0.0.1", port);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** One client: connects, waits for the others, sends its lines and checks each echo; returns the echo count. */
    private static int echo(int port, int client, CountDownLatch allConnected) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(30_000);
            allConnected.countDown();
            allConnected.await(30, TimeUnit.SECONDS);
            OutputStream out = s.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            int ok = 0;
            for (int i = 0; i < LINES; i++) {
                String line = "client " + client + " line " + i + " ünïcode ✓";
                out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                String reply = in.readLine();
                assertEquals("Echo: " + line, reply, "client " + client + " line " + i);
                ok++;
            }
            s.shutdownOutput();
            assertEquals(null, in.readLine(), "the server closes after the client's end of stream");
            return ok;
        }
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }

    private static void awaitCount(RuchyProcess p, String needle, int expected) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (count(p.out(), needle) < expected) {
            assertTrue(System.nanoTime() < deadline, "expected " + expected + " x '" + needle + "':\n" + p.out());
            RuchyProcess.sleep(50);
        }
    }
}
