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
import java.util.Set;
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
 * JSON, a table of injection attempts ({@link #ATTACKS}: values, query parameters, path ids, JSON keys
 * used as column names), a column name that is not one, 50 connections posting at once, and a restart
 * that finds the same data.
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

    /**
     * One injection attempt: what it goes through, the request ({@code {target}} in the path or body
     * is a post of alice's that the attempts may change), the statuses that are safe answers, and for
     * an attempt that stores its value, a fragment the stored row must show ({@code null}: nothing
     * stored).
     */
    private record Attack(String through, String method, String path, String body, Set<Integer> safe, String stored) {
        static Attack value(String field, String value) {
            return new Attack("value", "POST", "/api/posts", "{\"title\":\"v\"," + json(field) + ":" + json(value) + "}",
                    Set.of(201), json(field) + ":" + json(value));
        }

        static Attack update(String field, String value) {
            return new Attack("value", "PUT", "/api/posts/{target}", "{" + json(field) + ":" + json(value) + "}",
                    Set.of(200), json(field) + ":" + json(value));
        }

        static Attack query(String query) {
            return new Attack("query parameter", "GET", "/api/posts?" + query, null, Set.of(200), null);
        }

        static Attack id(String method, String path, String body) {
            return new Attack("path id", method, path, body, Set.of(403, 404, 500), null);
        }

        static Attack key(String method, String path, String body) {
            return new Attack("JSON key", method, path, body, Set.of(500), null);
        }
    }

    /** What an error answer must never contain: a database's error text, or SQL. */
    private static final List<String> LEAKS = List.of("Database error", "syntax", "SQLITE", "ERROR:", "SQLState",
            "DROP", "DELETE", "UNION", "SELECT", "INSERT", "UPDATE", "--", ";", "1=1");

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** {@code s} as a JSON string, escaped as the runtime's JSON writer escapes it. */
    private static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> b.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return b.append('"').toString();
    }

    /** The injection attempts: through values, query parameters, path ids and JSON keys used as column names. */
    private static final List<Attack> ATTACKS = List.of(
            Attack.value("title", "'); DROP TABLE posts; --"),
            Attack.value("title", "' OR '1'='1"),
            Attack.value("body", "x'); INSERT INTO posts (title, author_id, created_at) VALUES ('pwned', 1, 'now'); --"),
            Attack.value("title", "Robert\"); DROP TABLE posts;--"),
            Attack.value("title", "\\'; DELETE FROM posts; --"),
            Attack.value("title", "1; UPDATE posts SET title = 'pwned'"),
            Attack.value("body", "' UNION SELECT name, sql, 1, 1, 1, 1 FROM sqlite_master --"),
            Attack.value("title", "$1; DROP TABLE posts"),
            Attack.value("title", "?', ?); DROP TABLE posts; --"),
            new Attack("value", "POST", "/api/posts", "{\"title\":\"v\",\"author_id\":\"2; DROP TABLE posts\"}", Set.of(201),
                    "\"author_id\":1"),
            Attack.update("title", "x' WHERE 1=1; UPDATE posts SET title = 'pwned"),
            Attack.update("body", "'; DROP TABLE posts; --"),
            new Attack("value", "PUT", "/api/posts/{target}", "{\"author_id\":\"1 OR 1=1\"}", Set.of(500), null),
            new Attack("value", "POST", "/api/posts", "{\"title\":\"v\",\"id\":\"1; DROP TABLE posts\"}", Set.of(500), null),

            Attack.query("page=" + enc("1; DROP TABLE posts")),
            Attack.query("limit=" + enc("10 OR 1=1")),
            Attack.query("limit=" + enc("1 UNION SELECT 1, 2, 3, 4, 5, 6")),
            Attack.query("page=" + enc("1'--")),
            Attack.query("limit=-1"),
            Attack.query("page=0&limit=0"),
            Attack.query("page=9223372036854775807&limit=100"),
            Attack.query("limit=1000000"),
            Attack.query("page=1&page=" + enc("2; DELETE FROM posts")),
            Attack.query("limit=" + enc("10;\u0000")),

            Attack.id("GET", "/api/posts/" + enc("1 OR 1=1"), null),
            Attack.id("GET", "/api/posts/" + enc("1; DROP TABLE posts"), null),
            Attack.id("GET", "/api/posts/" + enc("0 UNION SELECT * FROM posts"), null),
            Attack.id("GET", "/api/posts/" + enc("' OR '1'='1"), null),
            Attack.id("GET", "/api/posts/-1", null),
            Attack.id("DELETE", "/api/posts/{target}" + enc(" OR 1=1"), null),
            Attack.id("PUT", "/api/posts/" + enc("1 OR 1=1"), "{\"title\":\"pwned\"}"),
            Attack.id("DELETE", "/api/posts/" + enc("{target}; DELETE FROM posts").replace("%7Btarget%7D", "{target}"), null),

            Attack.key("POST", "/api/posts", "{\"title\":\"x\",\"body\\\") VALUES ('a', 'b'); DROP TABLE posts; --\":\"y\"}"),
            Attack.key("PUT", "/api/posts/{target}", "{\"title = 'pwned' --\":1}"),
            Attack.key("PUT", "/api/posts/{target}", "{\"title\\\" = 'pwned', \\\"author_id\":2}"),
            Attack.key("POST", "/api/posts", "{\"title\":\"x\",\"\\\"; DROP TABLE posts; --\":1}"),
            Attack.key("POST", "/api/posts", "{\"title\":\"x\",\"title\\\" FROM posts; --\":1}"),
            Attack.key("POST", "/api/posts", "{\"title\":\"x\",\"`title`\":1}"),
            Attack.key("POST", "/api/posts", "{\"title\":\"x\",\"posts.title\":\"y\"}"),
            Attack.key("POST", "/api/posts", "{\"title\":\"x\",\"author_id) SELECT 1, 1, 1, 1, 1 --\":\"y\"}"),
            Attack.key("PUT", "/api/posts/{target}", "{\"author_id\\\" = 2 WHERE 1=1; --\":\"y\"}"),
            Attack.key("POST", "/api/posts", "{\"title\":\"x\",\"title\\u0000\":\"y\"}"));

    @Test
    @Order(4)
    void injectionAttemptsFailSafely() throws Exception {
        assertTrue(ATTACKS.size() >= 30, "at least 30 attempts");
        long target = created(post(ALICE, "{\"title\":\"target\"}"));
        long bobs = created(post(BOB, "{\"title\":\"bob's\",\"body\":\"untouched\"}"));
        String bobsRow = send(at("/api/posts/" + bobs)).body();
        long rows = total();
        for (Attack a : ATTACKS) {
            String label = a.through() + ": " + a.method() + " " + a.path() + (a.body() == null ? "" : " " + a.body());
            String path = a.path().replace("{target}", String.valueOf(target));
            HttpRequest.BodyPublisher body = a.body() == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(a.body().replace("{target}", String.valueOf(target)));
            HttpResponse<String> r = send(at(path).header("Authorization", ALICE).header("Content-Type", "application/json")
                    .method(a.method(), body));
            assertTrue(a.safe().contains(r.statusCode()), label + " -> " + r.statusCode() + " " + r.body());
            if (r.statusCode() >= 400) {
                for (String leak : LEAKS) {
                    assertFalse(r.body().contains(leak), label + " -> " + r.body());
                }
            }
            if (r.statusCode() == 201) {
                rows++;
                assertTrue(r.body().contains(a.stored()), label + " -> " + r.body());
                assertTrue(send(at("/api/posts/" + created(r))).body().contains(a.stored()), label);
            } else if (a.stored() != null) {
                assertTrue(r.body().contains(a.stored()), label + " -> " + r.body());
                assertTrue(r.body().startsWith("{\"id\":" + target + ","), label + " -> " + r.body());
            }
            if (a.through().equals("query parameter")) {
                int posts = r.body().split("\\{\"id\":", -1).length - 1;
                assertTrue(posts <= 10 || a.path().contains("limit=1000000") && posts <= 100, label + ": " + posts + " posts");
                assertTrue(r.body().endsWith(",\"total\":" + rows + "}"), label + " -> " + r.body());
            }
            assertEquals(rows, total(), label + ": no extra or missing rows, and the table is still there");
            assertEquals(bobsRow, send(at("/api/posts/" + bobs)).body(), label + ": another user's row unchanged");
            HttpResponse<String> still = send(at("/api/posts/" + target));
            assertEquals(200, still.statusCode(), label + ": the target is still there");
            assertTrue(still.body().contains(",\"author_id\":1,"), label + ": the target is still alice's: " + still.body());
        }
    }

    @Test
    @Order(5)
    void anUnknownColumnIsAClearErrorNotSql() throws Exception {
        long mine = created(post(ALICE, "{\"title\":\"kept\"}"));
        long before = total();
        HttpResponse<String> r = post(ALICE, "{\"title\":\"x\",\"color\":\"red\"}");
        assertEquals(500, r.statusCode(), r.body());
        assertEquals("{\"error\":\"Internal server error\",\"message\":\"Unknown column 'color' in table 'posts'\"}", r.body());
        HttpResponse<String> injected = post(ALICE,
                "{\"title\":\"x\",\"body\\\") VALUES ('a', 'b'); DROP TABLE posts; --\":\"y\"}");
        assertEquals(500, injected.statusCode(), injected.body());
        assertEquals("{\"error\":\"Internal server error\",\"message\":\"Unknown column 'body...' (not an identifier) in table 'posts'\"}",
                injected.body());
        HttpResponse<String> update = send(at("/api/posts/" + mine).header("Authorization", ALICE)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"title = 'pwned' --\":1}")));
        assertEquals(500, update.statusCode(), update.body());
        assertTrue(update.body().contains("Unknown column 'title...' (not an identifier) in table 'posts'"), update.body());
        assertEquals(before, total(), "nothing written, and the table is still there");
        assertTrue(send(at("/api/posts/" + mine)).body().contains("\"title\":\"kept\",\"body\":null"));
        assertTrue(server.err().contains("Error: {message: Unknown column 'color' in table 'posts', type: RuntimeError}"),
                server.err());
    }

    /**
     * How many posts {@link #fiftyConnectionsPostAtOnce} sends: the system property
     * {@code ruchy.api.posts}, by default 10,000.
     */
    private static final int CONCURRENT_POSTS = Integer.getInteger("ruchy.api.posts", 10_000);

    @Test
    @Order(6)
    void fiftyConnectionsPostAtOnce() throws Exception {
        long before = total();
        int connections = 50;
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ConcurrentLinkedQueue<String> errors = new java.util.concurrent.ConcurrentLinkedQueue<>();
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<Long> ids = new ArrayList<>();
        long started;
        // one client per connection: each keeps its one HTTP/1.1 connection, 50 in all
        try (ExecutorService pool = Executors.newFixedThreadPool(connections)) {
            List<Future<List<Long>>> done = new ArrayList<>();
            for (int t = 0; t < connections; t++) {
                int connection = t;
                done.add(pool.submit(() -> {
                    List<Long> mine = new ArrayList<>();
                    try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                            .connectTimeout(Duration.ofSeconds(5)).build()) {
                        go.await();
                        for (int i = next.getAndIncrement(); i < CONCURRENT_POSTS; i = next.getAndIncrement()) {
                            HttpResponse<String> r = client.send(at("/api/posts").timeout(Duration.ofSeconds(60))
                                    .header("Authorization", connection % 2 == 0 ? ALICE : BOB)
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"c" + i + "\",\"body\":\"concurrent\"}"))
                                    .build(), HttpResponse.BodyHandlers.ofString());
                            Matcher m = ID.matcher(r.body());
                            if (r.statusCode() == 201 && m.find()) {
                                mine.add(Long.parseLong(m.group(1)));
                            } else {
                                errors.add(i + ": " + r.statusCode() + " " + r.body());
                            }
                        }
                    }
                    return mine;
                }));
            }
            started = System.nanoTime();
            go.countDown();
            for (Future<List<Long>> f : done) {
                ids.addAll(f.get());
            }
        }
        long ms = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("%s: %d posts over %d connections in %d ms (%d/s), %d errors%n", getClass().getSimpleName(),
                CONCURRENT_POSTS, connections, ms, CONCURRENT_POSTS * 1000L / Math.max(ms, 1), errors.size());
        assertEquals(List.of(), errors.stream().limit(5).toList(), errors.size() + " errors");
        assertEquals(CONCURRENT_POSTS, ids.size());
        assertEquals(CONCURRENT_POSTS, ids.stream().distinct().count(), "every insert got its own id");
        assertEquals(before + CONCURRENT_POSTS, total());
        assertFalse(server.err().contains("SQLITE_BUSY"), server.err());
        assertFalse(server.err().contains("Database error"), server.err());
    }

    @Test
    @Order(7)
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
