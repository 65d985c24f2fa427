package dev.ruchy.runtime.net.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ruchy.runtime.Fn1;
import dev.ruchy.runtime.Fn2;
import dev.ruchy.runtime.Ops;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A WebSocket server against clients that send too much. On loopback, with the JDK's client. */
@Timeout(30)
class HostileWsTest {
    @AfterEach
    void clear() {
        System.clearProperty("ruchy.ws.maxMessageBytes");
    }

    @Test
    void aMessageOverTheLimitClosesTheConnectionWith1009() throws Exception {
        System.setProperty("ruchy.ws.maxMessageBytes", "1000");
        List<Object> received = new CopyOnWriteArrayList<>();
        CompletableFuture<Object> serverClose = new CompletableFuture<>();
        WsServer server = WsServer.create("127.0.0.1:0");
        server.onConnection((Fn1) socket -> {
            Ops.invoke(socket, "on", "message", (Fn1) received::add);
            Ops.invoke(socket, "on", "close", (Fn2) (code, reason) -> serverClose.complete(code + " " + reason));
            return null;
        });
        server.start();
        try {
            CompletableFuture<Integer> clientClose = new CompletableFuture<>();
            WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/"), new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onClose(WebSocket w, int status, String reason) {
                            clientClose.complete(status);
                            return null;
                        }
                    }).get(5, TimeUnit.SECONDS);
            ws.sendText("é".repeat(500), true).get(5, TimeUnit.SECONDS); // 1000 bytes: at the limit
            ws.sendText("x".repeat(600), false).get(5, TimeUnit.SECONDS);
            ws.sendText("x".repeat(600), true).get(5, TimeUnit.SECONDS); // 1200 bytes in two frames
            assertEquals(1009, clientClose.get(10, TimeUnit.SECONDS));
            assertEquals("1009 message too big", serverClose.get(10, TimeUnit.SECONDS));
            assertEquals(List.of("é".repeat(500)), received);
        } finally {
            server.stop();
        }
    }
}
