package dev.ruchy.runtime.net.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import dev.ruchy.runtime.Console;
import dev.ruchy.runtime.RuchyError;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An HTTP server against clients that misbehave: half-sent requests, huge bodies, bodies that are
 * valid JSON of the wrong shape, paths that would forge log lines. On loopback, raw sockets.
 */
@Timeout(60)
class HostileHttpTest {
    @AfterEach
    void clearOptions() {
        System.clearProperty("ruchy.http.idleTimeoutMs");
        System.clearProperty("ruchy.http.maxBodyBytes");
        System.clearProperty("ruchy.net.maxConnections");
    }

    @Test
    void aHalfSentRequestIsClosedAfterTheIdleTimeout() throws Exception {
        System.setProperty("ruchy.http.idleTimeoutMs", "600");
        try (HttpServer server = HttpServer.create("127.0.0.1:0")) {
            server.get("/", (req, res) -> res.text("ok"));
            server.start();
            try (Socket half = new Socket("127.0.0.1", (int) server.port());
                    Socket body = new Socket("127.0.0.1", (int) server.port())) {
                half.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
                body.getOutputStream().write("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nabc"
                        .getBytes(StandardCharsets.US_ASCII));
                long start = System.nanoTime();
                assertClosedWithin(half, 10_000);
                assertClosedWithin(body, 10_000);
                long ms = (System.nanoTime() - start) / 1_000_000;
                assertTrue(ms >= 400, "closed after the timeout, not at once: " + ms + " ms");
            }
            assertEquals("ok", get(server, "/").body);
        }
    }

    @Test
    void aBodyOverTheLimitIs413AndNoHandlerRuns() throws Exception {
        System.setProperty("ruchy.http.maxBodyBytes", "1000");
        AtomicInteger handled = new AtomicInteger();
        try (HttpServer server = HttpServer.create("127.0.0.1:0")) {
            server.post("/", (req, res) -> {
                handled.incrementAndGet();
                res.text("got " + req.body().length());
            });
            server.start();
            assertEquals(200, post(server, "x".repeat(1000), false).status);
            assertEquals(413, post(server, "x".repeat(1001), false).status);
            assertEquals(413, post(server, "x".repeat(5000), true).status);
            assertEquals(2, handled.get(), "a chunked body's size is known only as the handler reads it");
        }
    }

    @Test
    void jsonOutOfAFloatsRangeAndPathsWithLineBreaksAre400() throws Exception {
        AtomicInteger handled = new AtomicInteger();
        try (HttpServer server = HttpServer.create("127.0.0.1:0")) {
            server.post("/", (req, res) -> res.json(req.json()));
            server.get("/*", (req, res) -> {
                handled.incrementAndGet();
                res.text(req.path());
            });
            server.start();
            Reply big = postJson(server, "{\"n\": 1e400}");
            assertEquals(400, big.status);
            assertTrue(big.body.contains("JSON parse error: number out of range"), big.body);
            assertEquals("[1,2.5]", postJson(server, "[1, 2.5]").body);
            Reply forged = get(server, "/a%0d%0aERROR%20forged%20line");
            assertEquals(400, forged.status);
            assertEquals(400, get(server, "/a%00b").status);
            assertEquals(0, handled.get());
            assertEquals("/caf\u00e9 ok", get(server, "/caf%C3%A9%20ok").body);
        }
    }

    /**
     * CR/LF sent percent-encoded cannot forge lines in what the server prints: a path holding them is
     * answered 400 before any middleware could log it, and client text in a failing handler's error
     * is reported on one line, the characters escaped.
     */
    @Test
    void percentEncodedLineBreaksDoNotForgeLogLines() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Console.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        Console.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try (HttpServer server = HttpServer.create("127.0.0.1:0")) {
            server.use((Middleware) (req, res, next) -> {
                next.run();
                Console.println(req.method() + " " + req.path() + " - " + res.status());
            });
            server.get("/users", (req, res) -> {
                throw RuchyError.runtime("no user named " + req.query("name"));
            });
            server.start();
            assertEquals(400, get(server, "/a%0d%0aERROR%20forged%20line").status);
            assertEquals(500, get(server, "/users?name=x%0d%0aERROR%20forged%20line%0a").status);
        } finally {
            Console.setOut(null);
            Console.setErr(null);
        }
        List<String> logged = (out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8)).lines().toList();
        assertEquals(List.of("GET /users - 500",
                "Error in GET /users: Runtime error: no user named x\\r\\nERROR forged line\\n"), logged);
        for (String line : logged) {
            assertFalse(line.startsWith("ERROR"), line);
        }
    }

    @Test
    void theDefaultBodyLimitIsTenMebibytes() throws Exception {
        try (HttpServer server = HttpServer.create("127.0.0.1:0")) {
            server.post("/", (req, res) -> res.text("got"));
            server.start();
            try (Socket s = new Socket("127.0.0.1", (int) server.port())) {
                s.setSoTimeout(10_000);
                s.getOutputStream().write(("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: " + (10L * 1024 * 1024 + 1)
                        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                assertTrue(readHead(s.getInputStream()).startsWith("HTTP/1.1 413"));
            }
        }
    }

    @Test
    void connectionCloseFromTheClientClosesTheConnectionAfterTheResponse() throws Exception {
        try (HttpServer server = HttpServer.create("127.0.0.1:0")) {
            server.get("/", (req, res) -> res.text("ok"));
            server.post("/", (req, res) -> res.status(201).text(req.body()));
            server.start();
            for (String request : List.of("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                    "POST / HTTP/1.1\r\nHost: x\r\nconnection: Close\r\nContent-Length: 2\r\n\r\nhi")) {
                try (Socket s = new Socket("127.0.0.1", (int) server.port())) {
                    s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
                    Reply reply = reply(s.getInputStream());
                    assertTrue(reply.status == 200 || reply.status == 201, request);
                    assertClosedWithin(s, 3_000);
                }
            }
        }
    }

    record Reply(int status, String body) {
    }

    private static Reply get(HttpServer server, String path) throws IOException {
        try (Socket s = new Socket("127.0.0.1", (int) server.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return reply(s.getInputStream());
        }
    }

    private static Reply postJson(HttpServer server, String json) throws IOException {
        try (Socket s = new Socket("127.0.0.1", (int) server.port())) {
            s.setSoTimeout(10_000);
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            s.getOutputStream().write(("POST / HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n" + json).getBytes(StandardCharsets.UTF_8));
            return reply(s.getInputStream());
        }
    }

    private static Reply post(HttpServer server, String body, boolean chunked) throws IOException {
        try (Socket s = new Socket("127.0.0.1", (int) server.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            String head = "POST / HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: text/plain\r\n";
            try {
                if (chunked) {
                    out.write((head + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    for (int i = 0; i < body.length(); i += 500) {
                        String part = body.substring(i, Math.min(body.length(), i + 500));
                        out.write((Integer.toHexString(part.length()) + "\r\n" + part + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } else {
                    out.write((head + "Content-Length: " + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
                }
            } catch (IOException e) {
                // the server answered and closed before the whole body was sent
            }
            return reply(s.getInputStream());
        }
    }

    static Reply reply(InputStream in) throws IOException {
        String head = readHead(in);
        int status = Integer.parseInt(head.substring(9, 12));
        int length = 0;
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        return new Reply(status, new String(in.readNBytes(length), StandardCharsets.UTF_8));
    }

    static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed after " + head);
            }
            head.write(b);
            matched = (b == '\r' || b == '\n') && (matched % 2 == 0) == (b == '\r') ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    private static void assertClosedWithin(Socket s, int ms) throws IOException {
        s.setSoTimeout(ms);
        InputStream in = s.getInputStream();
        try {
            while (in.read() >= 0) {
                // an error answer may come first
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("still open after " + ms + " ms");
        } catch (IOException e) {
            // reset: closed
        }
    }
}
