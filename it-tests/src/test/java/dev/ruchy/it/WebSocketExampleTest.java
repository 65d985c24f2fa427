package dev.ruchy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.RObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's WebSocket server and client ({@code examples/src/main/ruchy/dev/ruchy/examples/04_websocket.ruchy}): the
 * server, run by {@code bin/ruchy run}, gets messages from 20 clients at once, each sending 10, and
 * broadcasts every one to every client (so 20 connection threads send to the same sockets at the same
 * time; every message must arrive whole, exactly once); then the program's own client mode connects,
 * says hello, prints the broadcast, and its disconnection is noticed.
 */
@DisabledOnOs(OS.WINDOWS)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class WebSocketExampleTest {
    private static final int CLIENTS = 20;
    private static final int MESSAGES = 10;

    @TempDir
    Path dir;

    @Test
    void broadcastsReachEveryClientAndTheProgramsClientTalks() throws Exception {
        int port = RuchyProcess.freePort();
        Map<String, String> env = Map.of("PORT", String.valueOf(port));
        try (RuchyProcess server = RuchyProcess.start(RuchyProcess.example("04_websocket.ruchy"), dir, env)) {
            server.awaitOutput("WebSocket server on ws://localhost:" + port, RuchyProcess.seconds(60));
            RuchyProcess.awaitPort(port, RuchyProcess.seconds(10));
            String url = "ws://127.0.0.1:" + port + "/";
            List<WsTestClient> clients = new ArrayList<>();
            try {
                for (int c = 0; c < CLIENTS; c++) {
                    clients.add(WsTestClient.connect(url));
                }
                awaitCount(server, "WebSocket connected: ", CLIENTS);
                long start = System.nanoTime();
                CountDownLatch go = new CountDownLatch(1);
                List<Thread> senders = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    WsTestClient client = clients.get(c);
                    int id = c;
                    senders.add(Thread.ofVirtual().start(() -> {
                        try {
                            go.await();
                        } catch (InterruptedException e) {
                            return;
                        }
                        for (int i = 0; i < MESSAGES; i++) {
                            client.send("client " + id + " message " + i + " " + "ü".repeat(id * 50));
                        }
                    }));
                }
                go.countDown();
                for (Thread t : senders) {
                    t.join(30_000);
                }
                Map<String, String> senderIds = new HashMap<>(); // message text -> socket.id the server gave its sender
                for (WsTestClient client : clients) {
                    Set<String> seen = new HashSet<>();
                    for (int k = 0; k < CLIENTS * MESSAGES; k++) {
                        RObject m = (RObject) Builtins.parseJson(client.next(20_000));
                        assertEquals("chat", m.get("type"));
                        String text = (String) m.get("message");
                        assertTrue(seen.add(text), "delivered twice: " + text);
                        String user = (String) m.get("user");
                        String before = senderIds.putIfAbsent(text, user);
                        assertTrue(before == null || before.equals(user), "one sender id per message");
                    }
                    assertEquals(CLIENTS * MESSAGES, seen.size());
                }
                assertEquals(CLIENTS, new HashSet<>(senderIds.values()).size(), "each connection has its own id");
                long ms = (System.nanoTime() - start) / 1_000_000;
                System.out.println("websocket: " + CLIENTS + " clients x " + MESSAGES + " messages, "
                        + CLIENTS * CLIENTS * MESSAGES + " broadcast deliveries in " + ms + " ms");

                try (RuchyProcess client = RuchyProcess.start(RuchyProcess.example("04_websocket.ruchy"), dir, env, "client")) {
                    client.awaitOutput("Server says: ", RuchyProcess.seconds(60));
                    String out = client.out();
                    assertTrue(out.startsWith("Connected to server\nServer says: {\"type\":\"chat\",\"user\":\""), out);
                    assertTrue(out.contains("\",\"message\":\"Hello, server!\"}"), out);
                    server.awaitOutput("Received: Hello, server!", RuchyProcess.seconds(5));
                    for (WsTestClient c : clients) {
                        RObject m = (RObject) Builtins.parseJson(c.next(10_000));
                        assertEquals("Hello, server!", m.get("message"));
                    }
                }
                awaitCount(server, "WebSocket disconnected: ", 1);
            } finally {
                clients.forEach(WsTestClient::close);
            }
            awaitCount(server, "WebSocket disconnected: ", CLIENTS + 1);
        }
    }

    static void awaitCount(RuchyProcess p, String needle, int expected) {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (true) {
            String out = p.out();
            int n = 0;
            for (int i = out.indexOf(needle); i >= 0; i = out.indexOf(needle, i + 1)) {
                n++;
            }
            if (n >= expected) {
                return;
            }
            assertTrue(System.nanoTime() < deadline, "expected " + expected + " x '" + needle + "':\n" + out + "\n" + p.err());
            RuchyProcess.sleep(50);
        }
    }
}
