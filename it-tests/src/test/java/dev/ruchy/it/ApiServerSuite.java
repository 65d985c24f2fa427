package dev.ruchy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The seed's REST API server ({@code examples/src/main/ruchy/dev/ruchy/examples/05_api_server.ruchy})
 * run by {@code bin/ruchy run} on a free loopback port with the database a subclass gives
 * ({@link #databaseUrl}), driven over real HTTP: every route, authentication and ownership, malformed
 * JSON, a column name that is not one (and SQL in it), concurrent writers, and a restart that finds
 * the same data.
 */
@DisabledOnOs(OS.WINDOWS)
@Timeout(value = 180, unit = java.util.concurrent.TimeUnit.SECONDS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ApiServerSuite {
    private static final String ALICE = "Bearer alice-token";
    private static final String BOB = "Bearer bob-token";
    private static final Pattern ID = Pattern.compile("^\\{\"id\":(\\d+),");

    /** The server's working directory, removed after the class. */
    Path dir;

    private RuchyProcess server;
    private int port;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The DATABASE_URL the server runs with (its working directory is {@link #dir}). */
    abstract String databaseUrl();

    /** What a restart must find besides the same rows (the SQLite file). */
    abstract void checkStorageAfterStop();

    @BeforeAll
    void startServer() throws IOException {
        dir = Files.createTempDirectory("ruchy-api");
        start();
    }

    private void start() {
        port = RuchyProcess.freePort();
        server = RuchyProcess.start(RuchyProcess.example("05_api_server.ruchy"), dir,
                Map.of("PORT", String.valueOf(port), "DATABASE_URL", databaseUrl()));
        server.awaitOutput("API server running on http://localhost:" + port, RuchyProcess.seconds(60));
        RuchyProcess.awaitPort(port, RuchyProcess.seconds(10));
    }

    @AfterAll
    void stopServer() throws IOException {
        if (server != null) {
            server.close();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    private HttpResponse<String> post(String token, String json) throws IOException, InterruptedException {
        return send(at("/api/posts").header("Authorization", token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static long created(HttpResponse<String> r) {
        assertEquals(201, r.statusCode(), r.body());
        Matcher m = ID.matcher(r.body());
        assertTrue(m.find(), r.body());
        return Long.parseLong(m.group(1));
    }

    private long total() throws IOException, InterruptedException {
        HttpResponse<String> r = send(at("/api/posts"));
        assertEquals(200, r.statusCode(), r.body());
        Matcher m = Pattern.compile("\"total\":(\\d+)}$").matcher(r.body());
        assertTrue(m.find(), r.body());
        return Long.parseLong(m.group(1));
    }

    @Test
    @Order(1)
    void createGetListUpdateDelete() throws Exception {
        HttpResponse<String> r = post(ALICE, "{\"title\":\"Hello\",\"body\":\"First post\"}");
        long id = created(r);
        assertTrue(Pattern.compile("\\{\"id\":" + id + ",\"title\":\"Hello\",\"body\":\"First post\",\"author_id\":1,"
                + "\"created_at\":\"\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z\",\"updated_at\":null}").matcher(r.body()).matches(), r.body());
        assertEquals("*", r.headers().firstValue("access-control-allow-origin").orElse(""));

        HttpResponse<String> got = send(at("/api/posts/" + id));
        assertEquals(200, got.statusCode());
        assertEquals("application/json", got.headers().firstValue("content-type").orElse(""));
        assertEquals(r.body(), got.body());

        HttpResponse<String> list = send(at("/api/posts?page=1&limit=5"));
        assertEquals(200, list.statusCode());
        assertTrue(list.body().startsWith("{\"posts\":[{\"id\":"), list.body());
        assertTrue(list.body().contains(r.body()), list.body());
        assertTrue(list.body().endsWith(",\"page\":1,\"total\":" + total() + "}"), list.body());

        HttpResponse<String> updated = send(at("/api/posts/" + id).header("Authorization", ALICE)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"title\":\"Hello again\"}")));
        assertEquals(200, updated.statusCode(), updated.body());
        assertTrue(updated.body().contains("\"title\":\"Hello again\",\"body\":\"First post\""), updated.body());
        assertFalse(updated.body().contains("\"updated_at\":null"), updated.body());

        HttpResponse<String> forbidden = send(at("/api/posts/" + id).header("Authorization", BOB)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"title\":\"mine now\"}")));
        assertEquals(403, forbidden.statusCode());
        assertEquals("{\"error\":\"Forbidden\"}", forbidden.body());
        assertEquals(403, send(at("/api/posts/" + id).header("Authorization", BOB).DELETE()).statusCode());

        HttpResponse<String> deleted = send(at("/api/posts/" + id).header("Authorization", ALICE).DELETE());
        assertEquals(204, deleted.statusCode());
        assertEquals("", deleted.body());
        assertEquals(404, send(at("/api/posts/" + id)).statusCode());
    }

    @Test
    @Order(2)
    void unknownIdsAre404AndWritesNeedAToken() throws Exception {
        for (String id : List.of("999999", "abc", "1%20OR%201=1")) {
            HttpResponse<String> r = send(at("/api/posts/" + id));
            assertEquals(404, r.statusCode(), id);
            assertEquals("{\"error\":\"Post not found\"}", r.body());
        }
        long before = total();
        assertEquals(401, post("Bearer nobody", "{\"title\":\"x\"}").statusCode());
        HttpResponse<String> none = send(at("/api/posts").POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"x\"}")));
        assertEquals(401, none.statusCode());
        assertEquals("{\"error\":\"Unauthorized\"}", none.body());
        assertEquals(before, total());
    }

    @Test
    @Order(3)
    void malformedJsonIs400() throws Exception {
        long before = total();
        for (String body : List.of("{\"title\": ", "not json", "")) {
            HttpResponse<String> r = post(ALICE, body);
            assertEquals(400, r.statusCode(), body + " -> " + r.body());
            assertTrue(r.body().startsWith("{\"error\":\"Bad Request\",\"message\":\"Malformed JSON in request body"), r.body());
        }
        for (String body : List.of("[1, 2]", "\"text\"", "42")) {
            HttpResponse<String> r = post(ALICE, body);
            assertEquals(400, r.statusCode(), body + " -> " + r.body());
            assertEquals("{\"error\":\"Bad Request\",\"message\":\"The body must be a JSON object\"}", r.body());
        }
        assertEquals(before, total());
    }

    @Test
    @Order(4)
    void anUnknownColumnIsAClearErrorNotSql() throws Exception {
        long mine = created(post(ALICE, "{\"title\":\"kept\"}"));
        long before = total();
        HttpResponse<String> r = post(ALICE, "{\"title\":\"x\",\"color\":\"red\"}");
        assertEquals(500, r.statusCode(), r.body());
        assertEquals("{\"error\":\"Internal server error\",\"message\":\"Unknown column 'color' in table 'posts'\"}", r.body());
        HttpResponse<String> injected = post(ALICE,
                "{\"title\":\"x\",\"body\\\") VALUES ('a', 'b'); DROP TABLE posts; --\":\"y\"}");
        assertEquals(500, injected.statusCode(), injected.body());
        assertTrue(injected.body().contains("Unknown column 'body\\\") VALUES"), injected.body());
        HttpResponse<String> update = send(at("/api/posts/" + mine).header("Authorization", ALICE)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"title = 'pwned' --\":1}")));
        assertEquals(500, update.statusCode(), update.body());
        assertTrue(update.body().contains("Unknown column 'title = 'pwned' --' in table 'posts'"), update.body());
        assertEquals(before, total(), "nothing written, and the table is still there");
        assertTrue(send(at("/api/posts/" + mine)).body().contains("\"title\":\"kept\",\"body\":null"));
        assertTrue(server.err().contains("Error: {message: Unknown column 'color' in table 'posts', type: RuntimeError}"),
                server.err());
    }

    @Test
    @Order(5)
    void concurrentWritersAllLand() throws Exception {
        long before = total();
        int threads = 20;
        int each = 25;
        List<Long> ids = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<List<Long>>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    List<Long> mine = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        mine.add(created(post(thread % 2 == 0 ? ALICE : BOB,
                                "{\"title\":\"t" + thread + "-" + i + "\",\"body\":\"concurrent\"}")));
                    }
                    return mine;
                }));
            }
            for (Future<List<Long>> f : done) {
                ids.addAll(f.get());
            }
        }
        assertEquals(threads * each, ids.size());
        assertEquals(threads * each, ids.stream().distinct().count(), "every insert got its own id");
        assertEquals(before + threads * each, total());
        assertFalse(server.err().contains("SQLITE_BUSY"), server.err());
        assertFalse(server.err().contains("Database error"), server.err());
    }

    @Test
    @Order(6)
    void aRestartFindsTheSameData() throws Exception {
        long id = created(post(BOB, "{\"title\":\"survives\",\"body\":\"restart\"}"));
        long before = total();
        String row = send(at("/api/posts/" + id)).body();
        server.close();
        checkStorageAfterStop();
        start();
        assertEquals(before, total());
        assertEquals(row, send(at("/api/posts/" + id)).body());
    }
}
