package dev.ruchy.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP client: the seed's client program ({@code examples/src/main/ruchy/dev/ruchy/examples/03_http_client.ruchy}) and
 * a program of further client features ({@code it-tests/src/test/resources/net/http_client_features.ruchy}),
 * both run by {@code bin/ruchy run} against a server in this test (the JDK's), which records what
 * arrives: methods, headers, query parameters, bodies; a timeout that must fire; a {@value #BIG} byte
 * download whose progress must only grow and whose file must have the served SHA-256; a failed download
 * that must leave no file.
 */
@DisabledOnOs(OS.WINDOWS)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class HttpClientExampleTest {
    static final int BIG = 50 * 1024 * 1024;
    private static final int SMALL = 10 * 1000 * 1000;

    record Seen(String method, String path, Map<String, String> query, Map<String, String> headers, String body) {
    }

    @TempDir
    static Path dir;

    private static HttpServer server;
    private static String base;
    private static byte[] big;
    private static byte[] small;
    private static final List<Seen> SEEN = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startServer() throws IOException {
        Random random = new Random(3);
        big = new byte[BIG];
        random.nextBytes(big);
        small = new byte[SMALL];
        random.nextBytes(small);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", HttpClientExampleTest::handle);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
    }

    private static void handle(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(", ", v)));
        Map<String, String> query = query(ex.getRequestURI().getRawQuery());
        String path = ex.getRequestURI().getPath();
        SEEN.add(new Seen(ex.getRequestMethod(), path, query, headers, body));
        switch (path) {
            case "/data" -> reply(ex, 200, "application/json",
                    "{\"items\":[1,2,3],\"page\":" + query.getOrDefault("page", "0") + "}");
            case "/users" -> reply(ex, 201, "application/json", body.replaceFirst("}$", ",\"id\":7}"));
            case "/echo" -> {
                ex.getResponseHeaders().add("X-Seen-Method", ex.getRequestMethod());
                reply(ex, 200, "application/json", "{\"body\":\"" + body.replace("\"", "\\\"") + "\"}");
            }
            case "/slow" -> {
                RuchyProcess.sleep(2000);
                reply(ex, 200, "text/plain", "late");
            }
            case "/big-file.zip" -> file(ex, big);
            case "/big" -> file(ex, small);
            default -> reply(ex, 404, "text/plain", "not found");
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                out.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static void reply(HttpExchange ex, int status, String type, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void file(HttpExchange ex, byte[] data) throws IOException {
        ex.getResponseHeaders().add("Content-Type", "application/octet-stream");
        ex.sendResponseHeaders(200, data.length);
        try (OutputStream out = ex.getResponseBody()) {
            for (int i = 0; i < data.length; i += 16 * 1024) {
                out.write(data, i, Math.min(16 * 1024, data.length - i));
            }
        }
    }

    private static Seen seen(String method, String path, String probe) {
        return SEEN.stream().filter(s -> s.method().equals(method) && s.path().equals(path) && probe.equals(s.query().get("probe")))
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no " + method + " " + path + " ?probe=" + probe + " in " + SEEN));
    }

    private static Seen seen(String method, String path) {
        return SEEN.stream().filter(s -> s.method().equals(method) && s.path().equals(path)).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no " + method + " " + path + " in " + SEEN));
    }

    @Test
    void theSeedsClientProgram() throws Exception {
        Path work = dir.resolve("seed-client");
        Path target = work.resolve("downloads/file.zip");
        long start = System.nanoTime();
        try (RuchyProcess client = RuchyProcess.start(RuchyProcess.example("03_http_client.ruchy"), work, Map.of(
                "API_BASE", base, "DOWNLOAD_URL", base + "/big-file.zip", "API_TOKEN", "t0k3n"))) {
            assertEquals(0, client.awaitExit(RuchyProcess.seconds(80)), client.out() + client.err());
            String out = client.out();
            assertTrue(out.startsWith("Got 3 items\nCreated: 201 {\"name\":\"Alice\",\"email\":\"alice@example.com\",\"id\":7}\n"
                    + "Processing page 1: 3 items\n"), out);
            assertTrue(out.endsWith("\nSaved downloads/file.zip\n"), out);

            Seen post = seen("POST", "/users");
            assertEquals("{\"name\":\"Alice\",\"email\":\"alice@example.com\"}", post.body());
            assertEquals("application/json", post.headers().get("content-type"));
            Seen advanced = SEEN.stream().filter(s -> s.path().equals("/data") && !s.query().isEmpty()).findFirst().orElseThrow();
            assertEquals("GET", advanced.method());
            assertEquals(Map.of("page", "1", "limit", "100"), advanced.query());
            assertEquals("Bearer t0k3n", advanced.headers().get("authorization"));
            assertEquals("Ruchy/1.0", advanced.headers().get("user-agent"));

            // progress: print(f"\rDownloading: {percent:.1}%") per chunk; it only grows, up to 100.0
            Matcher m = Pattern.compile("Downloading: (\\d+\\.\\d)%").matcher(out);
            List<Double> percents = new ArrayList<>();
            while (m.find()) {
                percents.add(Double.parseDouble(m.group(1)));
            }
            assertTrue(percents.size() >= BIG / (64 * 1024), "a progress call per chunk of at most 64 KiB: " + percents.size());
            for (int i = 1; i < percents.size(); i++) {
                assertTrue(percents.get(i) >= percents.get(i - 1), "progress went back at call " + i);
            }
            assertEquals(0.0, percents.get(0));
            assertEquals(100.0, percents.get(percents.size() - 1));
            assertArrayEquals(sha256(big), sha256(Files.readAllBytes(target)));
            try (Stream<Path> files = Files.list(target.getParent())) {
                assertEquals(List.of(target), files.toList(), "no temporary file left");
            }
        }
        System.out.printf("http client: seed program with a %d MB download in %d ms%n", BIG >> 20,
                (System.nanoTime() - start) / 1_000_000);
    }

    @Test
    void methodsHeadersQueryBodiesTimeoutAndDownloads() throws Exception {
        Path work = dir.resolve("features");
        Path out = Files.createDirectories(dir.resolve("features-out"));
        try (RuchyProcess client = RuchyProcess.start(RuchyProcess.testProgram("http_client_features.ruchy"), work,
                Map.of("BASE", base, "OUT_DIR", out.toString()))) {
            assertEquals(0, client.awaitExit(RuchyProcess.seconds(80)), client.out() + client.err());
            List<String> lines = client.outLines();
            assertEquals("patch 200 true PATCH {\"body\":\"{\\\"k\\\":[1,2]}\"}", lines.get(0));
            Seen patch = seen("PATCH", "/echo");
            assertEquals(Map.of("q", "a b&c", "n", "5"), patch.query());
            assertEquals("1", patch.headers().get("x-one"));
            assertEquals("two", patch.headers().get("x-two"));
            assertFalse(patch.headers().getOrDefault("host", "").contains("ignored"), "Host is the client's: " + patch.headers());
            assertEquals("application/json", patch.headers().get("content-type"));
            assertEquals("{\"k\":[1,2]}", patch.body());

            assertEquals("delete 200 DELETE plain text", lines.get(1));
            Seen delete = seen("DELETE", "/echo");
            assertEquals("plain text", delete.body());
            assertEquals("text/plain; charset=UTF-8", delete.headers().get("content-type"));

            assertEquals("missing 404 false", lines.get(2));
            assertEquals("slow: HTTP GET " + base + "/slow timed out after 300 ms", lines.get(3));
            Matcher took = Pattern.compile("slow took (\\d+) ms").matcher(lines.get(4));
            assertTrue(took.matches(), lines.get(4));
            assertTrue(Long.parseLong(took.group(1)) < 1900, "the timeout fired before the server answered: " + lines.get(4));

            Path saved = out.resolve("nested/dir/big.bin");
            Matcher dl = Pattern.compile("downloaded (.+) (\\d+) of (\\d+) in (\\d+) calls").matcher(lines.get(5));
            assertTrue(dl.matches(), lines.get(5));
            assertEquals(saved.toString(), dl.group(1));
            assertEquals(String.valueOf(SMALL), dl.group(2));
            assertEquals(String.valueOf(SMALL), dl.group(3));
            assertTrue(Integer.parseInt(dl.group(4)) >= SMALL / (64 * 1024) + 1, lines.get(5));
            assertFalse(client.out().contains("progress went back"), client.out());
            assertArrayEquals(sha256(small), sha256(Files.readAllBytes(saved)));

            assertEquals("missing download: Download of " + base + "/missing failed with status 404", lines.get(6));
            assertFalse(Files.exists(out.resolve("never.bin")));
            try (Stream<Path> files = Files.list(out)) {
                assertEquals(List.of(out.resolve("nested")), files.toList(), "no temporary file left");
            }

            assertEquals("get slow: HTTP GET " + base + "/slow timed out after 300 ms", lines.get(7));
            assertEquals("get built 200 GET", lines.get(8));
            assertEquals("yes", seen("GET", "/echo", "built").headers().get("x-check"));
            assertEquals("get once 200 true 0", lines.get(9));
            assertEquals(1, SEEN.stream().filter(s -> "once".equals(s.query().get("probe"))).count(), "sent once: " + SEEN);
            assertEquals("late setter: Cannot call timeout() on http::get(...) after its response was read; "
                    + "set it before .send() or the first use of the response", lines.get(10));
            assertEquals(11, lines.size(), client.out());
        }
    }

    private static byte[] sha256(byte[] data) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(data);
    }
}
