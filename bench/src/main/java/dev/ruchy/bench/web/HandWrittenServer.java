package dev.ruchy.bench.web;

import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.staticcontent.StaticContentFeature;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The hand-written Helidon 4.5 SE counterpart of
 * {@code examples/src/main/ruchy/dev/ruchy/examples/01_web_server.ruchy}, for
 * {@code bench/run-web-bench.sh}: the same routes ({@code GET /} HTML, {@code GET /api/users} a JSON
 * array of two objects, {@code POST /api/users}, static files under {@code /public} from
 * {@code STATIC_DIR}, default {@code ./static}) and the same logging middleware, a {@link
 * io.helidon.webserver.http.Filter} that prints method, path, status and milliseconds once the
 * response went out. Not a test; nothing runs it but the script.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.ruchy.bench.web.HandWrittenServer PORT [HOST]</pre>
 *
 * PORT defaults to 8080, HOST to 127.0.0.1.
 */
public final class HandWrittenServer {
    /** Held, since the logging framework keeps loggers only weakly. */
    private static final Logger HELIDON = Logger.getLogger("io.helidon");

    private HandWrittenServer() {
    }

    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
        String host = args.length > 1 ? args[1] : "127.0.0.1";
        String staticDir = System.getenv().getOrDefault("STATIC_DIR", "./static");
        // as the Ruchy runtime does: Helidon's start-up chatter off, warnings and errors kept
        HELIDON.setLevel(Level.WARNING);

        var builder = WebServer.builder()
                .host(host)
                .port(port)
                .shutdownGracePeriod(Duration.ofSeconds(5))
                .featuresDiscoverServices(false)
                .routing(HandWrittenServer::routing);
        Path statics = Path.of(staticDir).toAbsolutePath().normalize();
        if (statics.toFile().isDirectory()) {
            builder.addFeature(StaticContentFeature.builder()
                    .addPath(p -> p.location(statics).context("/public"))
                    .build());
        }
        WebServer server = builder.build().start();
        System.out.println("🚀 Server running on http://" + host + ":" + server.port());
    }

    static void routing(HttpRouting.Builder routing) {
        // Middleware for logging: runs around every request, static files included
        routing.addFilter((chain, req, res) -> {
            long start = System.currentTimeMillis();
            chain.proceed();
            long duration = System.currentTimeMillis() - start;
            System.out.println(req.prologue().method().text() + " " + req.path().path() + " - "
                    + res.status().code() + " (" + duration + "ms)");
        });

        routing.get("/", (req, res) -> {
            res.header(HeaderValues.create(HeaderNames.CONTENT_TYPE, "text/html; charset=UTF-8"));
            res.send("<h1>Welcome to Ruchy Server!</h1>");
        });

        routing.get("/api/users", (req, res) -> {
            List<Map<String, Object>> users = List.of(
                    user(1, "Alice", "alice@example.com"),
                    user(2, "Bob", "bob@example.com"));
            res.send(users);
        });

        routing.post("/api/users", (req, res) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> user = new LinkedHashMap<>(req.content().as(Map.class));
            System.out.println("Creating user: " + user.get("name"));
            user.put("id", UUID.randomUUID().toString());
            user.put("created", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
            res.status(Status.CREATED_201).send(user);
        });

        // malformed JSON is the client's fault, not the server's
        routing.error(RuntimeException.class, (req, res, ex) -> {
            if (!res.isSent()) {
                res.status(Status.BAD_REQUEST_400).send("Bad Request: " + ex.getMessage());
            }
        });
    }

    private static Map<String, Object> user(int id, String name, String email) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", id);
        user.put("name", name);
        user.put("email", email);
        return user;
    }
}
