package dev.ruchy.runtime.net.ws;

import static dev.ruchy.runtime.net.ws.RawWsClient.bytes;
import static dev.ruchy.runtime.net.ws.RawWsClient.closePayload;
import static dev.ruchy.runtime.net.ws.RawWsClient.concat;
import static dev.ruchy.runtime.net.ws.RawWsClient.frame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruchy.runtime.Fn1;
import dev.ruchy.runtime.Fn2;
import dev.ruchy.runtime.Ops;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A WebSocket server against clients that send too much or break RFC 6455. On loopback, with the
 * JDK's client, or a raw socket for frames no WebSocket client would send.
 */
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

    /** A server that echoes each message and records every message and close it reports. */
    private static final class EchoServer implements AutoCloseable {
        final List<Object> received = new CopyOnWriteArrayList<>();
        final CompletableFuture<String> closed = new CompletableFuture<>();
        final WsServer server = WsServer.create("127.0.0.1:0");

        EchoServer() {
            server.onConnection((Fn1) socket -> {
                Ops.invoke(socket, "on", "message", (Fn1) m -> {
                    received.add(m);
                    return Ops.invoke(socket, "send", m);
                });
                Ops.invoke(socket, "on", "close", (Fn2) (code, reason) -> closed.complete(code + " " + reason));
                return null;
            });
            server.start();
        }

        RawWsClient client() throws IOException {
            return RawWsClient.connect(server.port());
        }

        String closeReported() throws Exception {
            return closed.get(10, TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            server.stop();
        }
    }

    /** Sends {@code frames}; the server must answer a close frame with {@code code} and end the stream. */
    private static void assertClosedWith(EchoServer server, int code, byte[]... frames) throws Exception {
        try (RawWsClient c = server.client()) {
            c.send(frames);
            RawWsClient.Frame close = c.readClose();
            assertEquals(code, close.closeCode(), "close frame: " + close.text());
            assertTrue(c.streamEnded(), "the server closes the connection after its close frame");
        }
        assertTrue(server.closeReported().startsWith(code + " "), server.closeReported());
    }

    @ParameterizedTest
    @ValueSource(ints = {0x3, 0x7, 0xb, 0xf})
    void aReservedOpcodeClosesWith1002(int opcode) throws Exception {
        try (EchoServer server = new EchoServer()) {
            assertClosedWith(server, 1002, frame(0x80 | opcode, bytes('h', 'i')));
        }
    }

    @Test
    void aPingOver125BytesClosesWith1002() throws Exception {
        try (EchoServer server = new EchoServer()) {
            assertClosedWith(server, 1002, frame(0x89, new byte[126]));
        }
    }

    @Test
    void aPingOf125BytesGetsItsPong() throws Exception {
        try (EchoServer server = new EchoServer(); RawWsClient c = server.client()) {
            byte[] data = "p".repeat(125).getBytes(StandardCharsets.US_ASCII);
            c.send(frame(0x89, data));
            RawWsClient.Frame pong = c.read();
            assertEquals(0xA, pong.opcode());
            assertEquals(new String(data, StandardCharsets.US_ASCII), pong.text());
        }
    }

    @Test
    void aFragmentedControlFrameClosesWith1002() throws Exception {
        try (EchoServer server = new EchoServer()) {
            assertClosedWith(server, 1002, frame(0x09, bytes('p')));
        }
    }

    @Test
    void invalidUtf8InATextMessageClosesWith1007() throws Exception {
        try (EchoServer server = new EchoServer()) {
            assertClosedWith(server, 1007, frame(0x81, bytes('o', 'k', 0xc3, 0x28)));
            assertEquals(List.of(), server.received);
        }
    }

    @Test
    void aTextMessageEndingInsideACharacterClosesWith1007() throws Exception {
        try (EchoServer server = new EchoServer()) {
            assertClosedWith(server, 1007, frame(0x01, bytes('a', 0xe2, 0x82)), frame(0x80, new byte[0]));
            assertEquals(List.of(), server.received);
        }
    }

    @Test
    void invalidUtf8InALaterFragmentClosesWith1007AndNothingIsDelivered() throws Exception {
        try (EchoServer server = new EchoServer()) {
            assertClosedWith(server, 1007, frame(0x01, bytes('a', 'b')), frame(0x80, bytes(0xed, 0xa0, 0x80)));
            assertEquals(List.of(), server.received);
        }
    }

    @Test
    void aCharacterSplitBetweenFragmentsArrivesWhole() throws Exception {
        try (EchoServer server = new EchoServer(); RawWsClient c = server.client()) {
            byte[] euro = "a\u20acb".getBytes(StandardCharsets.UTF_8); // a, E2 82 AC, b
            c.send(frame(0x01, java.util.Arrays.copyOfRange(euro, 0, 2)),
                    frame(0x00, java.util.Arrays.copyOfRange(euro, 2, 3)),
                    frame(0x80, java.util.Arrays.copyOfRange(euro, 3, euro.length)));
            assertEquals("a\u20acb", c.read().text());
            assertEquals(List.of("a\u20acb"), server.received);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 999, 1004, 1005, 1006, 1015, 1016, 2999, 5000, 65535})
    void aCloseWithAnInvalidCodeIsAnsweredWith1002(int code) throws Exception {
        try (EchoServer server = new EchoServer()) {
            assertClosedWith(server, 1002, frame(0x88, closePayload(code, new byte[0])));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1000, 1001, 1003, 1011, 3000, 4999})
    void aCloseWithAValidCodeIsAnsweredWith1000(int code) throws Exception {
        try (EchoServer server = new EchoServer(); RawWsClient c = server.client()) {
            c.send(frame(0x88, closePayload(code, "bye".getBytes(StandardCharsets.UTF_8))));
            assertEquals(1000, c.readClose().closeCode());
            assertEquals(code + " bye", server.closeReported());
        }
    }

    @Test
    void aCloseWithAOneBytePayloadIsAnsweredWith1002() throws Exception {
        try (EchoServer server = new EchoServer()) {
            assertClosedWith(server, 1002, frame(0x88, bytes(0x03)));
        }
    }

    @Test
    void aCloseReasonWithInvalidUtf8IsAnsweredWith1007() throws Exception {
        try (EchoServer server = new EchoServer()) {
            assertClosedWith(server, 1007, frame(0x88, closePayload(1000, bytes(0xff))));
        }
    }

    @Test
    void messagesBeforeAProtocolErrorAreDelivered() throws Exception {
        try (EchoServer server = new EchoServer(); RawWsClient c = server.client()) {
            c.send(concat(frame(0x81, "one".getBytes(StandardCharsets.UTF_8)), frame(0x83, new byte[0])));
            assertEquals("one", c.read().text());
            assertEquals(1002, c.readClose().closeCode());
            assertEquals(List.of("one"), server.received);
        }
    }
}
