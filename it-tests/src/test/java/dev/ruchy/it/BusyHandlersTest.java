package dev.ruchy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Handlers busy computing do not starve the rest of a server: on a JVM told it has two cores, two
 * requests whose handlers compute for seconds must leave a trivial request answered at once (the JDK
 * gives virtual threads one carrier per core and never preempts one, so without more carriers the
 * trivial request waits for a busy one to finish).
 */
@DisabledOnOs(OS.WINDOWS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BusyHandlersTest {
    private static final String PROGRAM = """
            let server = http::Server::new(f"127.0.0.1:{env_var("PORT").unwrap_or("8080")}")
            server.get("/busy", |req, res| {
                let start = current_time_ms()
                let mut n = 0
                while current_time_ms() - start < 3000 {
                    n += 1
                }
                res.text(f"{n}")
            })
            server.get("/ping", |req, res| {
                res.text("pong")
            })
            println("ready")
            server.listen()
            """;

    @TempDir
    Path dir;

    @Test
    void aTrivialRequestIsAnsweredWhileTwoHandlersCompute() throws Exception {
        Path program = dir.resolve("busy.ruchy");
        Files.writeString(program, PROGRAM);
        int port = RuchyProcess.freePort();
        Map<String, String> env = Map.of("PORT", String.valueOf(port),
                "RUCHY_JAVA_OPTS", "-Xmx256m -XX:+UseSerialGC -XX:ActiveProcessorCount=2");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        try (RuchyProcess server = RuchyProcess.start(program, dir, env)) {
            server.awaitOutput("ready", RuchyProcess.seconds(60));
            RuchyProcess.awaitPort(port, RuchyProcess.seconds(10));
            String base = "http://127.0.0.1:" + port;
            for (int i = 0; i < 20; i++) { // warm up
                assertEquals("pong", client.send(HttpRequest.newBuilder(URI.create(base + "/ping")).build(),
                        HttpResponse.BodyHandlers.ofString()).body());
            }
            List<CompletableFuture<HttpResponse<String>>> busy = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                busy.add(client.sendAsync(HttpRequest.newBuilder(URI.create(base + "/busy")).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            Thread.sleep(500); // both handlers are computing
            long[] ms = new long[5];
            for (int i = 0; i < ms.length; i++) {
                long start = System.nanoTime();
                HttpResponse<String> ping = client.send(HttpRequest.newBuilder(URI.create(base + "/ping"))
                        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
                ms[i] = (System.nanoTime() - start) / 1_000_000;
                assertEquals("pong", ping.body());
            }
            for (CompletableFuture<HttpResponse<String>> b : busy) {
                assertEquals(200, b.get(30, TimeUnit.SECONDS).statusCode());
            }
            long[] sorted = ms.clone();
            Arrays.sort(sorted);
            System.out.println("busy handlers: trivial request while two handlers compute: " + Arrays.toString(ms) + " ms");
            assertTrue(sorted[sorted.length / 2] < 100, "median " + sorted[sorted.length / 2] + " ms: " + Arrays.toString(ms));
            assertTrue(sorted[sorted.length - 1] < 1000, "slowest " + sorted[sorted.length - 1] + " ms: " + Arrays.toString(ms));
        }
    }
}
