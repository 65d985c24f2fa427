package dev.ruchy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's web server ({@code examples/src/main/ruchy/dev/ruchy/examples/01_web_server.ruchy}) run by {@code bin/ruchy
 * run} on a free loopback port, driven over real sockets: its routes, its logging middleware, its static
 * folder (with traversal attempts and a symbolic link out of it), a malformed JSON body and malformed
 * HTTP.
 */
@DisabledOnOs(OS.WINDOWS)
@Timeout(value = 90, unit = java.util.concurrent.TimeUnit.SECONDS)
class WebServerExampleTest {
    @TempDir
    static Path dir;

    private static RuchyProcess server;
    private static int port;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startServer() throws IOException {
        Path site = dir.resolve("site");
        Path stat = Files.createDirectories(site.resolve("static"));
        Files.writeString(stat.resolve("index.html"), "<h1>index</h1>\n");
        Files.createDirectories(stat.resolve("css"));
        Files.writeString(stat.resolve("css/app.css"), "body { color: red }\n");
        Files.writeString(stat.resolve("app.js"), "console.log(1)\n");
        Files.write(stat.resolve("logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 1, 2});
        Files.writeString(stat.resolve("data.json"), "{\"a\":1}\n");
        Files.writeString(stat.resolve("notes.txt"), "plain ü\n");
        Files.writeString(site.resolve("secret.txt"), "TOP SECRET\n");
        Files.createSymbolicLink(stat.resolve("escape.txt"), site.resolve("secret.txt"));
        Files.createSymbolicLink(stat.resolve("outside"), site);
        port = RuchyProcess.freePort();
        server = RuchyProcess.start(RuchyProcess.example("01_web_server.ruchy"), site, Map.of("PORT", String.valueOf(port)));
        server.awaitOutput("Server running on http://localhost:" + port, RuchyProcess.seconds(60));
        RuchyProcess.awaitPort(port, RuchyProcess.seconds(10));
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    @Test
    void rootIsHtml() throws Exception {
        HttpResponse<String> r = send(get("/"));
        assertEquals(200, r.statusCode());
        assertEquals("text/html; charset=UTF-8", r.headers().firstValue("content-type").orElse(""));
        assertEquals("<h1>Welcome to Ruchy Server!</h1>", r.body());
    }

    @Test
    void usersAreAJsonArray() throws Exception {
        HttpResponse<String> r = send(get("/api/users"));
        assertEquals(200, r.statusCode());
        assertEquals("application/json", r.headers().firstValue("content-type").orElse(""));
        assertEquals("[{\"id\":1,\"name\":\"Alice\",\"email\":\"alice@example.com\"},"
                + "{\"id\":2,\"name\":\"Bob\",\"email\":\"bob@example.com\"}]", r.body());
    }

    @Test
    void postCreatesAUserWithIdAndTime() throws Exception {
        HttpResponse<String> r = send(get("/api/users").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Zoë\",\"email\":\"z@example.com\"}")));
        assertEquals(201, r.statusCode(), r.body());
        Matcher m = Pattern.compile("\\{\"name\":\"Zoë\",\"email\":\"z@example.com\",\"id\":\"([0-9a-f-]{36})\","
                + "\"created\":\"(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z)\"}").matcher(r.body());
        assertTrue(m.matches(), r.body());
        server.awaitOutput("Creating user: Zoë", RuchyProcess.seconds(5));
    }

    @Test
    void middlewareLogsMethodPathStatusAndTime() throws Exception {
        send(get("/api/users?x=1"));
        send(get("/no/such/page"));
        send(get("/api/users").POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Log\"}")));
        server.awaitOutput("POST /api/users - 201 (", RuchyProcess.seconds(5));
        String out = server.out();
        assertTrue(Pattern.compile("(?m)^GET /api/users - 200 \\(\\d+ms\\)$").matcher(out).find(), out);
        assertTrue(Pattern.compile("(?m)^GET /no/such/page - 404 \\(\\d+ms\\)$").matcher(out).find(), out);
        assertTrue(Pattern.compile("(?m)^POST /api/users - 201 \\(\\d+ms\\)$").matcher(out).find(), out);
    }

    @Test
    void malformedJsonIs400WithAJsonBody() throws Exception {
        for (String body : List.of("{\"name\": ", "not json", "", "{\"a\":1} trailing")) {
            HttpResponse<String> r = send(get("/api/users").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
            assertEquals(400, r.statusCode(), body + " -> " + r.body());
            assertEquals("application/json", r.headers().firstValue("content-type").orElse(""));
            assertTrue(r.body().startsWith("{\"error\":\"Bad Request\",\"message\":\"Malformed JSON in request body"), r.body());
            assertFalse(r.body().contains("at dev.") || r.body().contains("Exception"), r.body());
        }
        server.awaitOutput("POST /api/users - 400 (", RuchyProcess.seconds(5));
    }

    @Test
    void jsonOfAnotherShapeOrOutOfRangeIs400() throws Exception {
        for (String body : List.of("[1, 2]", "\"text\"", "42", "null")) {
            HttpResponse<String> r = send(get("/api/users").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
            assertEquals(400, r.statusCode(), body + " -> " + r.body());
            assertEquals("{\"error\":\"Bad Request\",\"message\":\"The body must be a JSON object\"}", r.body());
        }
        HttpResponse<String> r = send(get("/api/users").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"x\", \"age\": 1e400}")));
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("number out of range"), r.body());
        assertFalse(server.err().contains("Error in POST"), server.err());
    }

    @Test
    void staticFilesHaveTheirContentTypes() throws Exception {
        Map<String, String> expected = Map.of(
                "/public/", "text/html; charset=UTF-8",
                "/public/index.html", "text/html; charset=UTF-8",
                "/public/css/app.css", "text/css; charset=UTF-8",
                "/public/app.js", "text/javascript; charset=UTF-8",
                "/public/logo.png", "image/png",
                "/public/data.json", "application/json",
                "/public/notes.txt", "text/plain; charset=UTF-8");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            HttpResponse<byte[]> r = HTTP.send(get(e.getKey()).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, r.statusCode(), e.getKey());
            assertEquals(e.getValue(), r.headers().firstValue("content-type").orElse(""), e.getKey());
        }
        HttpResponse<String> css = send(get("/public/css/app.css"));
        assertEquals("body { color: red }\n", css.body());
        assertEquals("plain ü\n", send(get("/public/notes.txt")).body());
        assertEquals(404, send(get("/public/nope.txt")).statusCode());
    }

    /** Raw request lines, so nothing normalises the path on the way. */
    @Test
    void traversalAttemptsAllFail() throws Exception {
        List<String> attempts = List.of(
                "/public/../secret.txt",
                "/public/../../etc/passwd",
                "/public/css/../../secret.txt",
                "/public/%2e%2e/secret.txt",
                "/public/%2E%2E/%2E%2E/etc/passwd",
                "/public/..%2fsecret.txt",
                "/public/..%2Fsecret.txt",
                "/public/%2e%2e%2fsecret.txt",
                "/public/..%5csecret.txt",
                "/public/..\\secret.txt",
                "/public//etc/passwd",
                "/public/%2fetc%2fpasswd",
                "/public/./../secret.txt",
                "/public/escape.txt",
                "/public/outside/secret.txt",
                "/public/%00index.html",
                "/public/index.html%00.txt",
                "/public/%252e%252e/secret.txt",
                "/public/..;/secret.txt",
                "/public/C:/Windows/win.ini");
        List<String> failures = new ArrayList<>();
        for (String path : attempts) {
            String response = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            int status = status(response);
            if (status < 400 || status > 499 || response.contains("TOP SECRET") || response.contains("root:")) {
                failures.add(path + " -> " + response.lines().findFirst().orElse("(nothing)"));
            }
        }
        assertTrue(failures.isEmpty(), "served: " + failures);
        assertEquals(200, status(raw("GET /public/css/app.css HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")));
    }

    @Test
    void malformedHttpGets4xxAndTheServerStaysUp() throws Exception {
        List<String> requests = List.of(
                "GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 47a\r\n\r\n",
                "NONSENSE\r\n\r\n",
                "GET / HTTP/9.9\r\nHost: x\r\n\r\n",
                "GET /\u0001 HTTP/1.1\r\nHost: x\r\n\r\n",
                "POST /api/users HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: x\r\nBad Header Without Colon\r\n\r\n",
                "G@T / HTTP/1.1\r\nHost: x\r\n\r\n", // not a token: fails inside Helidon's request-line reader
                "GE(T / HTTP/1.1\r\nHost: x\r\n\r\n",
                "POST /api/users HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n",
                "POST /api/users HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFF\r\n{}\r\n0\r\n\r\n");
        for (String request : requests) {
            String response = raw(request);
            int status = status(response);
            assertTrue(status >= 400 && status <= 499, request.lines().findFirst().orElse("") + " -> " + response);
        }
        assertEquals(200, send(get("/")).statusCode());
        assertFalse(server.err().contains("Exception"), server.err());
    }

    private static String raw(String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[8192];
            StringBuilder sb = new StringBuilder();
            try {
                int n;
                while ((n = in.read(buf)) > 0) {
                    sb.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
                    if (sb.indexOf("\r\n\r\n") >= 0 && complete(sb.toString())) {
                        break;
                    }
                }
            } catch (java.net.SocketTimeoutException | java.net.SocketException e) {
                // the server closed or stopped answering; what arrived is the answer
            }
            return sb.toString();
        }
    }

    private static boolean complete(String response) {
        Matcher m = Pattern.compile("(?i)content-length: (\\d+)").matcher(response);
        int head = response.indexOf("\r\n\r\n") + 4;
        return m.find() && response.length() - head >= Integer.parseInt(m.group(1));
    }

    private static int status(String response) {
        Matcher m = Pattern.compile("^HTTP/1\\.[01] (\\d{3})").matcher(response);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }
}
