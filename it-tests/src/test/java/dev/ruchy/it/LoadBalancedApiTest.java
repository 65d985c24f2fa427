package dev.ruchy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * Two instances of the REST API example ({@code 05_api_server.ruchy}) on one database of a real
 * PostgreSQL server ({@link PostgresServer}), behind the load balancer example
 * ({@code 08_load_balancer.ruchy}), all run by {@code bin/ruchy run} on loopback ports: what is
 * created through either instance, or through the balancer, is seen through both instances and the
 * balancer; the balancer sends requests to both, and routes around an instance that stopped.
 */
@DisabledOnOs(OS.WINDOWS)
@Timeout(value = 180, unit = java.util.concurrent.TimeUnit.SECONDS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoadBalancedApiTest {
    private static final Pattern ID = Pattern.compile("^\\{\"id\":(\\d+),");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Path dir;
    private final List<RuchyProcess> processes = new ArrayList<>();
    private RuchyProcess balancer;
    private int first;
    private int second;
    private int front;

    @BeforeAll
    void start() throws IOException {
        dir = Files.createTempDirectory("ruchy-lb");
        String url = PostgresServer.get().createDatabase("balanced");
        first = RuchyProcess.freePort();
        second = RuchyProcess.freePort();
        front = RuchyProcess.freePort();
        for (int port : List.of(first, second)) {
            RuchyProcess api = RuchyProcess.start(RuchyProcess.example("05_api_server.ruchy"), dir.resolve("api-" + port),
                    Map.of("PORT", String.valueOf(port), "DATABASE_URL", url));
            processes.add(api);
            api.awaitOutput("API server running on http://localhost:" + port, RuchyProcess.seconds(60));
            RuchyProcess.awaitPort(port, RuchyProcess.seconds(10));
        }
        balancer = RuchyProcess.start(RuchyProcess.example("08_load_balancer.ruchy"), dir.resolve("balancer"),
                Map.of("PORT", String.valueOf(front), "HEALTH_INTERVAL_MS", "500",
                        "BACKENDS", "http://127.0.0.1:" + first + ", http://127.0.0.1:" + second));
        processes.add(balancer);
        balancer.awaitOutput("Load balancer running on port " + front, RuchyProcess.seconds(60));
        RuchyProcess.awaitPort(front, RuchyProcess.seconds(10));
        balancer.awaitOutput("Health check http://127.0.0.1:" + second + ": ✓", RuchyProcess.seconds(30));
    }

    @AfterAll
    void stop() throws IOException {
        processes.forEach(RuchyProcess::close);
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static HttpResponse<String> send(int port, String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer alice-token")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long create(int port, String title) throws Exception {
        HttpResponse<String> r = send(port, "POST", "/api/posts", "{\"title\":\"" + title + "\",\"body\":\"via " + port + "\"}");
        assertEquals(201, r.statusCode(), r.body());
        Matcher m = ID.matcher(r.body());
        assertTrue(m.find(), r.body());
        return Long.parseLong(m.group(1));
    }

    private static String row(int port, long id) throws Exception {
        HttpResponse<String> r = send(port, "GET", "/api/posts/" + id, null);
        assertEquals(200, r.statusCode(), "post " + id + " through port " + port + ": " + r.body());
        return r.body();
    }

    private static String total(int port) throws Exception {
        HttpResponse<String> r = send(port, "GET", "/api/posts?page=1&limit=1", null);
        assertEquals(200, r.statusCode(), r.body());
        Matcher m = Pattern.compile("\"total\":(\\d+)}$").matcher(r.body());
        assertTrue(m.find(), r.body());
        return m.group(1);
    }

    @Test
    @Order(1)
    void createsThroughEitherInstanceOrTheBalancerAreSeenThroughAll() throws Exception {
        List<Long> ids = new ArrayList<>();
        ids.add(create(first, "through the first"));
        ids.add(create(second, "through the second"));
        for (int i = 0; i < 4; i++) {
            ids.add(create(front, "through the balancer " + i));
        }
        for (long id : ids) {
            String row = row(first, id);
            assertEquals(row, row(second, id), "post " + id);
            assertEquals(row, row(front, id), "post " + id);
        }
        assertEquals(String.valueOf(ids.size()), total(first));
        assertEquals(total(first), total(second));
        assertEquals(total(first), total(front));

        HttpResponse<String> page = send(front, "GET", "/api/posts?page=2&limit=2", null);
        assertEquals(200, page.statusCode(), page.body());
        assertEquals(2, page.body().split("\\{\"id\":", -1).length - 1, "the query string reaches the instance: " + page.body());
        assertTrue(page.body().contains("\"page\":2,"), page.body());

        HttpResponse<String> put = send(front, "PUT", "/api/posts/" + ids.get(0), "{\"title\":\"edited through the balancer\"}");
        assertEquals(200, put.statusCode(), put.body());
        assertTrue(row(second, ids.get(0)).contains("\"title\":\"edited through the balancer\""));
        HttpResponse<String> deleted = send(front, "DELETE", "/api/posts/" + ids.get(1), null);
        assertEquals(204, deleted.statusCode(), deleted.body());
        assertEquals(404, send(first, "GET", "/api/posts/" + ids.get(1), null).statusCode());
        assertEquals(404, send(second, "GET", "/api/posts/" + ids.get(1), null).statusCode());

        HttpResponse<String> unauthorized = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + front + "/api/posts"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"x\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, unauthorized.statusCode(), "statuses and bodies come back through the balancer");
        assertEquals("{\"error\":\"Unauthorized\"}", unauthorized.body());
        assertEquals("*", unauthorized.headers().firstValue("access-control-allow-origin").orElse(""));

        String routed = balancer.out();
        assertTrue(routed.contains("-> http://127.0.0.1:" + first) && routed.contains("-> http://127.0.0.1:" + second),
                "the balancer used both instances:\n" + routed);
    }

    @Test
    @Order(2)
    void theBalancerRoutesAroundAStoppedInstance() throws Exception {
        long id = create(front, "before the stop");
        processes.get(1).close();
        balancer.awaitOutput("Health check http://127.0.0.1:" + second + ": ✗", RuchyProcess.seconds(30));
        for (int i = 0; i < 4; i++) {
            assertTrue(row(front, id).contains("\"title\":\"before the stop\""));
            create(front, "after the stop " + i);
        }
    }
}
