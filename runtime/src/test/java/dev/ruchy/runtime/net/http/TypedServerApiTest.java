package dev.ruchy.runtime.net.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ruchy.runtime.RObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The server API as hand-written Java uses it: typed lambdas for middleware, handlers and error
 * middleware, typed request fields, no casts. On loopback.
 */
class TypedServerApiTest {
    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void typedHandlersMiddlewareAndErrorMiddlewareServeRequests() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        try (HttpServer server = HttpServer.create("127.0.0.1:0")) {
            server.use((req, res, next) -> {
                next.run();
                log.add(req.method() + " " + req.path() + " - " + res.status());
            });
            server.get("/hello/:name", (req, res) -> res.text("hi " + ((RObject) req.params()).get("name")));
            server.post("/echo", (req, res) -> res.status(201).text(req.body()));
            server.get("/guarded", (req, res, next) -> {
                req.put("user", "ann");
                next.run();
            }, (req, res) -> res.text("user " + req.get("user")));
            server.get("/fail", (req, res) -> {
                throw new IllegalStateException("boom");
            });
            server.use((err, req, res, next) -> res.status(503).text("handled " + ((RObject) err).get("message")));
            server.start();
            String base = "http://127.0.0.1:" + server.port();

            HttpResponse<String> hello = send(HttpRequest.newBuilder(URI.create(base + "/hello/bo")).build());
            assertEquals(200, hello.statusCode());
            assertEquals("hi bo", hello.body());

            HttpResponse<String> echo = send(HttpRequest.newBuilder(URI.create(base + "/echo"))
                    .POST(HttpRequest.BodyPublishers.ofString("payload")).build());
            assertEquals(201, echo.statusCode());
            assertEquals("payload", echo.body());

            assertEquals("user ann", send(HttpRequest.newBuilder(URI.create(base + "/guarded")).build()).body());

            HttpResponse<String> fail = send(HttpRequest.newBuilder(URI.create(base + "/fail")).build());
            assertEquals(503, fail.statusCode());
            assertEquals("handled boom", fail.body());
        }
        assertEquals(List.of("GET /hello/bo - 200", "POST /echo - 201", "GET /guarded - 200", "GET /fail - 503"), log);
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
