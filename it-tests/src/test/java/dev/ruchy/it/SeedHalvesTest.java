package dev.ruchy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's TCP echo and WebSocket programs hold a server and a client in one file, the client after
 * the server's endless loop. Each half is cut from the seed text at its {@code // ... Client} comment
 * and run unchanged, on the ports the seed names (9000 and 8081): the echo server closes a
 * connection whose client sends the empty line, and each client half talks to its server half.
 */
@DisabledOnOs(OS.WINDOWS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SeedHalvesTest {
    @TempDir
    Path dir;

    @Test
    void theEchoServerClosesOnTheEmptyLineAndTheSeedsClientGetsItsEcho() throws Exception {
        Path[] halves = split("02_tcp_echo.ruchy", "// TCP Client");
        assumeTrue(portIsFree(9000), "the seed binds port 9000, which is in use here");
        try (RuchyProcess server = RuchyProcess.start(halves[0], dir, Map.of())) {
            server.awaitOutput("Server listening on port 9000", RuchyProcess.seconds(60));
            try (Socket s = new Socket("127.0.0.1", 9000)) {
                s.setSoTimeout(10_000);
                OutputStream out = s.getOutputStream();
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                out.write("first\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                assertEquals("Echo: first", in.readLine());
                out.write("\n".getBytes(StandardCharsets.UTF_8)); // the empty line; the socket stays open on this side
                out.flush();
                assertEquals(null, in.readLine(), "the server closes the connection after the empty line");
            }
            server.awaitOutput("Client disconnected", RuchyProcess.seconds(10));

            try (RuchyProcess client = RuchyProcess.start(halves[1], dir, Map.of())) {
                assertEquals(0, client.awaitExit(RuchyProcess.seconds(60)), client.err());
                assertEquals("Server replied: Echo: Hello, server!\n", client.out());
            }
            server.awaitOutput("Received: Hello, server!", RuchyProcess.seconds(10));
        }
    }

    @Test
    void theWebSocketSeedsClientConnectsAndHearsTheServer() throws Exception {
        Path[] halves = split("04_websocket.ruchy", "// WebSocket Client");
        assumeTrue(portIsFree(8081), "the seed binds port 8081, which is in use here");
        try (RuchyProcess server = RuchyProcess.start(halves[0], dir, Map.of())) {
            RuchyProcess.awaitPort(8081, RuchyProcess.seconds(60));
            try (RuchyProcess client = RuchyProcess.start(halves[1], dir, Map.of())) {
                client.awaitOutput("Server says: ", RuchyProcess.seconds(60));
                String out = client.out();
                assertTrue(out.startsWith("Connected to server\nServer says: "), out);
                assertTrue(out.contains("Hello, server!"), out);
            }
            server.awaitOutput("Hello, server!", RuchyProcess.seconds(10));
        }
    }

    /** The seed program's text before {@code marker} and from it on, as two files in the test's directory. */
    private Path[] split(String seed, String marker) throws IOException {
        Path program = SharedCorpus.shared().resolve("seed/programs").resolve(seed);
        String text = Files.readString(program, StandardCharsets.UTF_8);
        int cut = text.indexOf(marker);
        assertTrue(cut > 0, seed + " has no '" + marker + "' line");
        String name = seed.replace(".ruchy", "");
        Path server = Files.writeString(dir.resolve(name + "_server.ruchy"), text.substring(0, cut));
        Path client = Files.writeString(dir.resolve(name + "_client.ruchy"), text.substring(cut));
        return new Path[] {server, client};
    }

    private static boolean portIsFree(int port) {
        try (ServerSocket s = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
