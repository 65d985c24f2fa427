package dev.ruchy.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruchy.runtime.net.HostPort;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The networking runtime as generated code reaches it: paths through {@link Ops#callPath}, methods and
 * fields through {@link Ops#invoke} and {@link Ops#field}, on loopback sockets. The examples and the
 * load tests are end-to-end tests in {@code it-tests}.
 */
@Timeout(30)
class NetTest {
    @TempDir
    Path dir;

    private static RuchyError error(Runnable r) {
        return assertThrows(RuchyError.class, r::run);
    }

    @Test
    void addresses() {
        assertEquals(new HostPort("127.0.0.1", 9000), HostPort.parse("127.0.0.1:9000"));
        assertEquals(new HostPort("0.0.0.0", 80), HostPort.parse(":80"));
        assertEquals(new HostPort("::1", 8080), HostPort.parse("[::1]:8080"));
        assertEquals("[::1]:8080", HostPort.parse("[::1]:8080").toString());
        assertEquals("Runtime error: Invalid address 'localhost': expected host:port", error(() -> HostPort.parse("localhost")).getMessage());
        assertEquals("Runtime error: Invalid address 'h:99999': the port must be between 0 and 65535",
                error(() -> HostPort.parse("h:99999")).getMessage());
        assertEquals("Runtime error: Invalid address 'h:x': the port is not a number", error(() -> HostPort.parse("h:x")).getMessage());
    }

    @Test
    void tcpLinesBytesAndU32() throws Exception {
        Object listener = Ops.callPath("net::TcpListener::bind", "127.0.0.1:0");
        long port = (Long) Ops.invoke(listener, "port");
        assertTrue(port > 0);
        Object task = Ops.spawn(() -> {
            Object peer = Ops.invoke(listener, "accept");
            Ops.invoke(peer, "write", "first line\r\nsecond ü\n");
            Ops.invoke(peer, "write_u32", 0L);
            Ops.invoke(peer, "write_u32", 4294967295L);
            Ops.invoke(peer, "write_u32", 258L);
            Ops.invoke(peer, "write", "héllo");
            Ops.invoke(peer, "write", "no newline at the end");
            Ops.invoke(peer, "close");
            return null;
        });
        Object stream = Ops.callPath("net::TcpStream::connect", "127.0.0.1:" + port);
        assertEquals("first line", Ops.invoke(stream, "read_line"));
        assertEquals("second ü", Ops.invoke(stream, "read_line"));
        assertEquals(0L, Ops.invoke(stream, "read_u32"));
        assertEquals(4294967295L, Ops.invoke(stream, "read_u32"));
        long n = (Long) Ops.invoke(stream, "read_u32");
        assertEquals(258L, n);
        assertEquals("héllo", Ops.invoke(stream, "read", 6L), "read(n) counts UTF-8 bytes, as len() does");
        assertEquals("no newline at the end", Ops.invoke(stream, "read_line"));
        assertEquals("", Ops.invoke(stream, "read_line"), "end of stream");
        assertEquals("", Ops.invoke(stream, "read", 10L));
        assertEquals("Runtime error: Connection closed while reading a u32", error(() -> Ops.invoke(stream, "read_u32")).getMessage());
        assertTrue(((String) Ops.invoke(stream, "remote_addr")).equals("127.0.0.1:" + port));
        assertEquals("Runtime error: write_u32() value out of range: -1", error(() -> Ops.invoke(stream, "write_u32", -1L)).getMessage());
        Ops.await(task);
        Ops.invoke(stream, "close");
        Ops.invoke(listener, "close");
        assertEquals("Runtime error: Cannot connect to 127.0.0.1:" + port + ": Connection refused",
                error(() -> Ops.callPath("net::TcpStream::connect_timeout", "127.0.0.1:" + port, 500L)).getMessage());
    }

    @Test
    void httpServerWithPortZeroAndTheStaticKeyword() throws Exception {
        Files.writeString(dir.resolve("a.txt"), "file a");
        Object server = Ops.callPath("http::Server::new", "127.0.0.1:0");
        Ops.invoke(server, "get", "/hello/:name", (Fn2) (req, res) ->
                Ops.invoke(res, "text", "hi " + Ops.field(Ops.field(req, "params"), "name")));
        Ops.invoke(server, "static", "/files", dir.toString()); // `static` is a Java keyword: static_ answers
        Ops.invoke(server, "start");
        try {
            long port = (Long) Ops.field(server, "port");
            assertTrue(port > 0);
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> hi = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hello/ann")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals("hi ann", hi.body());
            HttpResponse<String> file = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/files/a.txt")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals("file a", file.body());
            assertEquals("text/plain; charset=UTF-8", file.headers().firstValue("content-type").orElse(""));
            assertEquals("Runtime error: Cannot call get() after the server started: add routes and middleware before listen()",
                    error(() -> Ops.invoke(server, "get", "/late", (Fn2) (a, b) -> null)).getMessage());
        } finally {
            Ops.invoke(server, "stop");
        }
    }

    @Test
    void isPortOpenAndServe() throws Exception {
        int port;
        try (java.net.ServerSocket open = new java.net.ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
            port = open.getLocalPort();
            assertEquals(true, Ops.callPath("net::is_port_open", "127.0.0.1", (long) port));
        }
        assertEquals(false, Ops.callPath("net::is_port_open", "127.0.0.1", (long) port)); // closed now
        assertEquals("Runtime error: net::is_port_open() port must be between 1 and 65535, got 0",
                error(() -> Ops.callPath("net::is_port_open", "127.0.0.1", 0L)).getMessage());

        // http::serve blocks like listen(); interrupting its thread stops the server
        Thread serving = Thread.ofVirtual().start(() -> Ops.callPath("http::serve", (long) port,
                (Fn2) (req, res) -> Ops.invoke(res, "text", "Hello from " + Ops.field(req, "path") + "!")));
        try {
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> r = null;
            for (int i = 0; i < 100 && r == null; i++) {
                try {
                    r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/any/path")).build(),
                            HttpResponse.BodyHandlers.ofString());
                } catch (java.io.IOException e) {
                    Thread.sleep(50); // not listening yet
                }
            }
            assertEquals("Hello from /any/path!", r.body());
        } finally {
            serving.interrupt();
            serving.join(10_000);
        }
        assertEquals(false, serving.isAlive());
    }

    @Test
    void clientErrors() {
        assertEquals("Runtime error: Invalid URL 'ftp://x/y': expected http://host/... or https://host/...",
                error(() -> Ops.callPath("http::get", "ftp://x/y")).getMessage());
        assertEquals("Type error: http::get() url must be a string, got integer", error(() -> Ops.callPath("http::get", 5L)).getMessage());
        assertEquals("Runtime error: http::download() expects exactly 2 arguments, got 1",
                error(() -> Ops.callPath("http::download", "http://x/")).getMessage());
        assertEquals("Runtime error: Invalid WebSocket URL 'http://x': expected ws://host:port/path or wss://...",
                error(() -> Ops.callPath("ws::connect", "http://x")).getMessage());
    }

    @Test
    void aBusyPortIsAnErrorNotASilentlyDeadServer() throws Exception {
        try (java.net.ServerSocket busy = new java.net.ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
            String address = "127.0.0.1:" + busy.getLocalPort();
            assertEquals("Runtime error: Cannot start HTTP server on " + address + ": Address already in use",
                    error(() -> Ops.invoke(Ops.callPath("http::Server::new", address), "listen")).getMessage());
            assertEquals("Runtime error: Cannot start WebSocket server on " + address + ": Address already in use",
                    error(() -> Ops.invoke(Ops.callPath("ws::Server::new", address), "listen")).getMessage());
            assertEquals("Runtime error: Cannot bind " + address + ": Address already in use",
                    error(() -> Ops.callPath("net::TcpListener::bind", address)).getMessage());
        }
    }

    /**
     * The WebSocket client: events before their listener are kept ({@code on("open")} after connect
     * runs), sends from many threads at once arrive whole, and {@code await()} returns at the close.
     */
    @Test
    void webSocketClientEventsAndConcurrentSends() throws Exception {
        List<Object> received = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.CountDownLatch all = new java.util.concurrent.CountDownLatch(400);
        Object server = Ops.callPath("ws::Server::new", "127.0.0.1:0");
        Ops.invoke(server, "on_connection", (Fn1) socket -> {
            Ops.invoke(socket, "on", "message", (Fn1) data -> {
                received.add(data);
                all.countDown();
                return null;
            });
            return Ops.invoke(socket, "send", RObject.of("hello", Ops.field(socket, "id")));
        });
        Ops.invoke(server, "start");
        try {
            Object ws = Ops.callPath("ws::connect", "ws://127.0.0.1:" + Ops.field(server, "port") + "/chat");
            java.util.concurrent.CompletableFuture<Object> opened = new java.util.concurrent.CompletableFuture<>();
            java.util.concurrent.CompletableFuture<Object> first = new java.util.concurrent.CompletableFuture<>();
            Thread.sleep(200); // the open event and the greeting arrive before any listener exists
            Ops.invoke(ws, "on", "open", (Fn0) () -> opened.complete(true));
            Ops.invoke(ws, "on", "message", (Fn1) first::complete);
            assertEquals(true, opened.get(5, java.util.concurrent.TimeUnit.SECONDS));
            assertTrue(((String) first.get(5, java.util.concurrent.TimeUnit.SECONDS)).startsWith("{\"hello\":\""));
            List<Object> tasks = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                long thread = t;
                tasks.add(Ops.spawn(() -> {
                    for (int i = 0; i < 50; i++) {
                        Ops.invoke(ws, "send", RObject.of("thread", thread, "i", (long) i, "pad", "x".repeat(1000)));
                    }
                    return null;
                }));
            }
            for (Object t : tasks) {
                Ops.await(t);
            }
            assertTrue(all.await(10, java.util.concurrent.TimeUnit.SECONDS), "received " + received.size());
            for (Object m : received) {
                assertTrue(((String) m).matches("\\{\"thread\":\\d,\"i\":\\d+,\"pad\":\"x{1000}\"}"), (String) m);
            }
            assertEquals(1L, Ops.invoke(server, "broadcast", "bye"));
            Ops.invoke(ws, "close");
            RObject closed = (RObject) Ops.await(ws);
            assertEquals(1000L, closed.get("code"));
            assertEquals(false, Ops.invoke(ws, "send", "late"));
        } finally {
            Ops.invoke(server, "stop");
        }
    }

    /**
     * A close the server starts: the client's close listener has run when {@code await()} returns, a
     * later send is refused, and the server side reports a normal closure (1000). Pings get pongs.
     */
    @Test
    void webSocketServerCloseAndPings() throws Exception {
        java.util.concurrent.CompletableFuture<Object> serverSaw = new java.util.concurrent.CompletableFuture<>();
        Object server = Ops.callPath("ws::Server::new", "127.0.0.1:0");
        Ops.invoke(server, "on_connection", (Fn1) socket -> {
            Ops.invoke(socket, "on", "message", (Fn1) data -> {
                if ("close me".equals(data)) {
                    Ops.invoke(socket, "on", "close", (Fn2) (code, reason) -> serverSaw.complete(code));
                    Ops.invoke(socket, "close");
                }
                return null;
            });
            return null;
        });
        Ops.invoke(server, "start");
        String url = "ws://127.0.0.1:" + Ops.field(server, "port") + "/";
        try {
            // a ping from a plain JDK client comes back as a pong with the same data
            java.util.concurrent.CompletableFuture<String> pong = new java.util.concurrent.CompletableFuture<>();
            java.net.http.WebSocket plain = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create(url), new java.net.http.WebSocket.Listener() {
                        @Override
                        public java.util.concurrent.CompletionStage<?> onPong(java.net.http.WebSocket ws, java.nio.ByteBuffer data) {
                            pong.complete(java.nio.charset.StandardCharsets.UTF_8.decode(data).toString());
                            return null;
                        }
                    }).get(5, java.util.concurrent.TimeUnit.SECONDS);
            plain.sendPing(java.nio.ByteBuffer.wrap("are you there".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            assertEquals("are you there", pong.get(5, java.util.concurrent.TimeUnit.SECONDS));
            plain.abort();

            List<Object> events = java.util.Collections.synchronizedList(new ArrayList<>());
            Object ws = Ops.callPath("ws::connect", url);
            Ops.invoke(ws, "on", "close", (Fn2) (code, reason) -> {
                Builtins.sleep(100L); // a slow listener: await() must still wait for it
                return events.add("close " + code);
            });
            Ops.invoke(ws, "send", "close me");
            RObject closed = (RObject) Ops.await(ws);
            assertEquals(List.of("close 1000"), events);
            assertEquals(1000L, closed.get("code"));
            assertEquals(false, Ops.invoke(ws, "send", "after close"));
            assertEquals(1000L, serverSaw.get(5, java.util.concurrent.TimeUnit.SECONDS));
        } finally {
            Ops.invoke(server, "stop");
        }
    }

    /** Arrays shared by threads: every push lands, and iteration never sees a half-changed array. */
    @Test
    void sharedArraysStayConsistent() throws Exception {
        List<Object> list = Lists.of();
        AtomicInteger iterations = new AtomicInteger();
        List<Object> tasks = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            tasks.add(Ops.spawn(() -> {
                for (int i = 0; i < 5000; i++) {
                    Ops.invoke(list, "push", (long) i);
                    if (i % 100 == 0) {
                        for (Object x : Ops.iterate(list)) {
                            if (x == null) {
                                throw new AssertionError("saw a slot not yet filled");
                            }
                        }
                        Ops.invoke(list, "filter", (Fn1) x -> true);
                        iterations.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Object t : tasks) {
            Ops.await(t);
        }
        assertEquals(40_000L, Ops.invoke(list, "len"));
        assertEquals(400, iterations.get());
    }
}
