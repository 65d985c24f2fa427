package dev.ruchy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTP server features beyond the seed's web server, through a Ruchy program
 * ({@code it-tests/src/test/resources/net/http_server_features.ruchy}) run by {@code bin/ruchy run}:
 * path parameters ({@code :id} and {@code {id}}), typed query parameters, fields set on {@code req} by
 * middleware, middleware order and prefixes, route middleware ({@code post(path, require_auth,
 * handler)}), response headers, error middleware, and the default 500 without it.
 */
@DisabledOnOs(OS.WINDOWS)
@Timeout(value = 90, unit = java.util.concurrent.TimeUnit.SECONDS)
class HttpServerFeaturesTest {
    @TempDir
    static Path dir;

    private static RuchyProcess server;
    private static int port;
    private static int plainPort;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startServer() {
        port = RuchyProcess.freePort();
        plainPort = RuchyProcess.freePort();
        server = RuchyProcess.start(RuchyProcess.testProgram("http_server_features.ruchy"), dir,
                Map.of("PORT", String.valueOf(port), "PLAIN_PORT", String.valueOf(plainPort)));
        server.awaitOutput("ready " + plainPort + " " + port, RuchyProcess.seconds(60));
        RuchyProcess.awaitPort(port, RuchyProcess.seconds(10)); // "ready" is printed just before app.listen() binds
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private static HttpResponse<String> send(int port, String path, String method, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        return send(port, path, "GET", null, headers);
    }

    @Test
    void pathParametersInBothSpellings() throws Exception {
        assertEquals("{\"id\":\"42\",\"trail\":[\"first\",\"second\"]}", get("/items/42").body());
        assertEquals("{\"name\":\"a.txt\",\"version\":\"3\"}", get("/files/a.txt/versions/3").body());
    }

    @Test
    void queryDefaultsDecideTheType() throws Exception {
        assertEquals("{\"page\":3,\"next_page\":4,\"ratio\":0.25,\"exact\":true,\"q\":\"hi there\",\"missing\":null,"
                + "\"url\":\"/search?page=3&ratio=0.25&exact=true&q=hi%20there\"}",
                get("/search?page=3&ratio=0.25&exact=true&q=hi%20there").body());
        assertEquals("{\"page\":1,\"next_page\":2,\"ratio\":0.5,\"exact\":false,\"q\":\"\",\"missing\":null,"
                + "\"url\":\"/search?page=x&exact=maybe\"}", get("/search?page=x&exact=maybe").body());
    }

    @Test
    void middlewareRunsInOrderAndSetsFields() throws Exception {
        HttpResponse<String> r = get("/items/1");
        assertEquals("first", r.headers().firstValue("x-order").orElse(""));
        assertTrue(r.body().contains("\"trail\":[\"first\",\"second\"]"), r.body());
    }

    @Test
    void prefixedMiddlewareStopsTheChainWithoutNext() throws Exception {
        HttpResponse<String> denied = get("/admin/me");
        assertEquals(401, denied.statusCode());
        assertEquals("{\"error\":\"Unauthorized\"}", denied.body());
        HttpResponse<String> allowed = get("/admin/me", "Authorization", "Bearer let-me-in");
        assertEquals(200, allowed.statusCode());
        assertEquals("{\"user\":\"root\",\"id\":1}", allowed.body());
        assertEquals(200, get("/items/7").statusCode(), "the /admin middleware runs only under /admin");
    }

    @Test
    void routeMiddlewareAndResponseHeaders() throws Exception {
        HttpResponse<String> denied = send(port, "/posts", "POST", "{\"title\":\"t\"}");
        assertEquals(401, denied.statusCode());
        HttpResponse<String> created = send(port, "/posts", "POST", "{\"title\":\"t\"}", "Authorization", "ann");
        assertEquals(201, created.statusCode());
        assertEquals("{\"title\":\"t\",\"author\":\"ann\"}", created.body());
        assertEquals("yes", created.headers().firstValue("x-created").orElse(""));
        assertEquals("no-store", created.headers().firstValue("cache-control").orElse(""));
    }

    @Test
    void putDeleteTextAndEmptyResponses() throws Exception {
        HttpResponse<String> put = send(port, "/posts/5", "PUT", "xyz");
        assertEquals("put 5: xyz", put.body());
        assertEquals("text/plain; charset=UTF-8", put.headers().firstValue("content-type").orElse(""));
        assertEquals(204, send(port, "/posts/5", "DELETE", null).statusCode());
        HttpResponse<String> silent = get("/silent");
        assertEquals(202, silent.statusCode(), "a handler that sends nothing gets its status and an empty body");
        assertEquals("", silent.body());
        assertEquals(404, get("/nothing/here").statusCode());
    }

    @Test
    void requestHeaders() throws Exception {
        assertEquals("{\"agent\":\"probe/1\",\"custom\":\"c1\",\"method\":\"GET\"}",
                get("/headers", "User-Agent", "probe/1", "X-Custom", "c1").body());
    }

    @Test
    void aHeaderThatWouldSplitTheResponseIsTheHandlersError() throws Exception {
        HttpResponse<String> r = get("/inject");
        assertEquals(500, r.statusCode());
        assertEquals("{\"error\":\"Internal server error\",\"message\":\"Invalid value for header X-A: it contains a control "
                + "character (CR, LF, ...)\"}", r.body());
        assertTrue(r.headers().firstValue("set-cookie").isEmpty(), r.headers().toString());
        assertFalse(server.err().contains("Exception"), server.err());
    }

    @Test
    void headRunsTheGetRouteWithoutTheBody() throws Exception {
        HttpResponse<String> r = send(port, "/items/7", "HEAD", null);
        assertEquals(200, r.statusCode());
        assertEquals("", r.body());
        assertEquals("application/json", r.headers().firstValue("content-type").orElse(""));
        assertEquals(String.valueOf(get("/items/7").body().length()), r.headers().firstValue("content-length").orElse(""));
    }

    @Test
    void aThrownObjectReachesErrorMiddlewareWithItsFields() throws Exception {
        HttpResponse<String> r = get("/teapot");
        assertEquals(418, r.statusCode());
        assertEquals("{\"error\":\"short and stout\",\"type\":\"Thrown\"}", r.body());
    }

    @Test
    void errorMiddlewarePassesTheErrorOnWithNext() throws Exception {
        HttpResponse<String> r = get("/pass");
        assertEquals(502, r.statusCode());
        assertEquals("{\"error\":\"second\",\"message\":\"pass me on\"}", r.body());
    }

    @Test
    void requestFieldsReadOnDemand() throws Exception {
        String body = get("/peer").body();
        assertTrue(body.matches("\\{\"remote\":\"127\\.0\\.0\\.1:\\d+\",\"body\":\"\",\"path\":\"/peer\",\"params\":\\{}}"), body);
    }

    @Test
    void errorMiddlewareSeesTheError() throws Exception {
        HttpResponse<String> r = get("/fail");
        assertEquals(500, r.statusCode());
        assertEquals("{\"error\":\"Internal server error\",\"message\":\"handler failed\"}", r.body());
        awaitErr("Error middleware saw: handler failed");
    }

    @Test
    void withoutErrorMiddlewareAFailureIs500WithoutAStackTrace() throws Exception {
        for (String path : new String[] {"/boom", "/throw"}) {
            HttpResponse<String> r = send(plainPort, path, "GET", null);
            assertEquals(500, r.statusCode(), path);
            assertEquals("application/json", r.headers().firstValue("content-type").orElse(""));
            assertEquals("{\"error\":\"Internal Server Error\"}", r.body(), path);
        }
        // the failing line of the handler, not of the route's registration
        Path program = RuchyProcess.testProgram("http_server_features.ruchy");
        awaitErr("Error in GET /boom: Runtime error: Object has no field named 'missing'\n  --> " + program + ":11\n");
        awaitErr("Error in GET /throw: Uncaught exception: String(\"custom failure\")\n  --> " + program + ":14\n");
        assertFalse(server.err().contains("\tat "), "no stack trace on standard error either:\n" + server.err());
    }

    private static void awaitErr(String text) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!server.err().contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("standard error lacks '" + text + "':\n" + server.err());
            }
            RuchyProcess.sleep(50);
        }
    }
}
