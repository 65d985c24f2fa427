package dev.ruchy.runtime.net.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruchy.runtime.RuchyError;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * TCP connections from clients that misbehave: a reset in the middle of a line, a line that never
 * ends, a client that goes silent, a process out of file descriptors. On loopback.
 */
@Timeout(30)
class HostileTcpTest {
    @Test
    void aResetClientsConnectionIsClosedByTheFailingRead() throws Exception {
        try (TcpListener listener = TcpListener.bind("127.0.0.1:0")) {
            Socket client = new Socket("127.0.0.1", (int) listener.port());
            TcpStream stream = listener.accept();
            client.setSoLinger(true, 0);
            client.getOutputStream().write("half a li".getBytes(StandardCharsets.US_ASCII));
            client.close(); // RST
            RuchyError e = assertThrows(RuchyError.class, () -> {
                for (int i = 0; i < 3; i++) {
                    stream.readLine();
                }
            });
            assertTrue(e.getMessage().startsWith("Runtime error: Cannot read from 127.0.0.1:"), e.getMessage());
            assertTrue(stream.isClosed(), "the broken connection's descriptor is released without close()");
        }
    }

    @Test
    void aWriteToAResetClientClosesTheConnection() throws Exception {
        try (TcpListener listener = TcpListener.bind("127.0.0.1:0")) {
            Socket client = new Socket("127.0.0.1", (int) listener.port());
            TcpStream stream = listener.accept();
            client.setSoLinger(true, 0);
            client.close();
            String big = "x".repeat(256 * 1024);
            assertThrows(RuchyError.class, () -> {
                for (int i = 0; i < 50; i++) {
                    stream.write(big);
                }
            });
            assertTrue(stream.isClosed());
        }
    }

    @Test
    void aLineLongerThanTheDefaultLimitIsAnErrorAndClosesTheConnection() throws Exception {
        try (TcpListener listener = TcpListener.bind("127.0.0.1:0");
                Socket client = new Socket("127.0.0.1", (int) listener.port())) {
            TcpStream stream = listener.accept();
            stream.setTimeout(10_000L);
            OutputStream out = client.getOutputStream();
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) 'a');
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    for (int i = 0; i < 17; i++) { // 1 MiB + 64 KiB, no newline
                        out.write(chunk);
                    }
                } catch (IOException ignored) {
                    // the server closed the connection
                }
            });
            RuchyError e = assertThrows(RuchyError.class, stream::readLine);
            assertTrue(e.getMessage().endsWith("is longer than 1048576 bytes; the connection is closed"), e.getMessage());
            assertTrue(stream.isClosed());
            writer.join(10_000);
            InputStream in = client.getInputStream();
            client.setSoTimeout(5_000);
            assertThrowsOrEnds(in);
        }
    }

    @Test
    void theLineLimitIsAJvmOptionAndLinesSpanningBuffersReadWhole() throws Exception {
        System.setProperty("ruchy.net.maxLineBytes", "200000");
        try (TcpListener listener = TcpListener.bind("127.0.0.1:0");
                Socket client = new Socket("127.0.0.1", (int) listener.port())) {
            TcpStream stream = listener.accept();
            System.clearProperty("ruchy.net.maxLineBytes");
            String ok = "é".repeat(99_999) + "ab"; // 200,000 bytes before the newline: at the limit
            Thread.ofVirtual().start(() -> {
                try {
                    client.getOutputStream().write((ok + "\nnext\r\n" + "b".repeat(200_001) + "\n").getBytes(StandardCharsets.UTF_8));
                } catch (IOException ignored) {
                    // the server closed the connection
                }
            });
            assertEquals(ok, stream.readLine());
            assertEquals("next", stream.readLine());
            RuchyError e = assertThrows(RuchyError.class, stream::readLine);
            assertTrue(e.getMessage().endsWith("is longer than 200000 bytes; the connection is closed"), e.getMessage());
        } finally {
            System.clearProperty("ruchy.net.maxLineBytes");
        }
    }

    @Test
    void anAcceptedConnectionHasAFiveMinuteIdleTimeoutByDefault() throws Exception {
        System.clearProperty("ruchy.tcp.idleTimeoutMs");
        assertEquals(300_000, SocketStream.idleTimeoutMs());
        try (TcpListener listener = TcpListener.bind("127.0.0.1:0");
                Socket client = new Socket("127.0.0.1", (int) listener.port())) {
            TcpStream stream = listener.accept();
            assertEquals(300_000, ((SocketStream) stream).soTimeout());
            stream.close();
        }
    }

    @Test
    void aSilentClientIsClosedAfterTheIdleTimeout() throws Exception {
        System.setProperty("ruchy.tcp.idleTimeoutMs", "400");
        try (TcpListener listener = TcpListener.bind("127.0.0.1:0");
                Socket client = new Socket("127.0.0.1", (int) listener.port())) {
            TcpStream stream = listener.accept();
            long start = System.nanoTime();
            RuchyError e = assertThrows(RuchyError.class, stream::readLine);
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertTrue(e.getMessage().matches("Runtime error: Connection from 127\\.0\\.0\\.1:\\d+ was idle for 400 ms; it is closed"),
                    e.getMessage());
            assertTrue(ms >= 350 && ms < 5_000, ms + " ms");
            assertTrue(stream.isClosed(), "the idle connection's descriptor is released without close()");
            client.setSoTimeout(5_000);
            assertEquals(-1, client.getInputStream().read(), "the client sees the end of the stream");
        } finally {
            System.clearProperty("ruchy.tcp.idleTimeoutMs");
        }
    }

    @Test
    void aClientPausingLessThanTheIdleTimeoutIsServed() throws Exception {
        System.setProperty("ruchy.tcp.idleTimeoutMs", "1500");
        try (TcpListener listener = TcpListener.bind("127.0.0.1:0");
                Socket client = new Socket("127.0.0.1", (int) listener.port())) {
            TcpStream stream = listener.accept();
            OutputStream out = client.getOutputStream();
            Thread.ofVirtual().start(() -> {
                try {
                    out.write("one\n".getBytes(StandardCharsets.US_ASCII));
                    Thread.sleep(700);
                    out.write("tw".getBytes(StandardCharsets.US_ASCII));
                    Thread.sleep(700); // pauses inside a line count as well
                    out.write("o\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException | InterruptedException ignored) {
                    // the test fails on its reads
                }
            });
            assertEquals("one", stream.readLine());
            assertEquals("two", stream.readLine());
            assertFalse(stream.isClosed());
        } finally {
            System.clearProperty("ruchy.tcp.idleTimeoutMs");
        }
    }

    @Test
    void setTimeoutReplacesTheIdleTimeoutAndLeavesTheConnectionOpen() throws Exception {
        System.setProperty("ruchy.tcp.idleTimeoutMs", "200");
        try (TcpListener listener = TcpListener.bind("127.0.0.1:0");
                Socket client = new Socket("127.0.0.1", (int) listener.port())) {
            TcpStream stream = listener.accept();
            stream.setTimeout(600L);
            RuchyError e = assertThrows(RuchyError.class, stream::readLine);
            assertTrue(e.getMessage().endsWith("timed out after 600 ms"), e.getMessage());
            assertFalse(stream.isClosed(), "a timeout the program set leaves the connection open");
            stream.setTimeout(0L);
            Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(500);
                    client.getOutputStream().write("late\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException | InterruptedException ignored) {
                    // the test fails on its read
                }
            });
            assertEquals("late", stream.readLine());
        } finally {
            System.clearProperty("ruchy.tcp.idleTimeoutMs");
        }
    }

    @Test
    void theIdleTimeoutZeroMeansNone() throws Exception {
        System.setProperty("ruchy.tcp.idleTimeoutMs", "0");
        try (TcpListener listener = TcpListener.bind("127.0.0.1:0");
                Socket client = new Socket("127.0.0.1", (int) listener.port())) {
            TcpStream stream = listener.accept();
            assertEquals(0, ((SocketStream) stream).soTimeout());
            stream.close();
        } finally {
            System.clearProperty("ruchy.tcp.idleTimeoutMs");
        }
    }

    @Test
    void acceptWaitsWhileTheProcessHasNoDescriptorLeft() throws Exception {
        AtomicInteger failures = new AtomicInteger();
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress()) {
            @Override
            public Socket accept() throws IOException {
                if (failures.getAndIncrement() < 3) {
                    throw new IOException("Too many open files");
                }
                return super.accept();
            }
        }; Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
            TcpListener listener = new SocketListener(server, "127.0.0.1:" + server.getLocalPort());
            TcpStream stream = listener.accept();
            assertFalse(stream.isClosed());
            assertEquals(4, failures.get());
            stream.close();
        }
    }

    private static void assertThrowsOrEnds(InputStream in) {
        try {
            while (in.read() >= 0) {
                // drain what the server read no further
            }
        } catch (IOException e) {
            // reset: the server closed with data unread
        }
    }
}
