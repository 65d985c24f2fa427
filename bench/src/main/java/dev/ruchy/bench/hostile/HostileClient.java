package dev.ruchy.bench.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The attacks of {@code bench/run-hostile-bench.sh} against the examples on loopback, one per
 * command, each bounded in time, each printing one line of figures and ending with status 1 when the
 * server failed it. JDK only, so the script runs it with the source launcher:
 * {@code java bench/src/main/java/dev/ruchy/bench/hostile/HostileClient.java tcp-reset 9000 3000}.
 *
 * <ul>
 *   <li>{@code tcp-reset PORT N}: N clients send half a line and reset the connection; the echo
 *       server must still echo afterwards.</li>
 *   <li>{@code tcp-idle PORT N HOLD_MS}: N clients connect and stay silent for HOLD_MS; afterwards
 *       the server must still echo.</li>
 *   <li>{@code tcp-silent PORT N LIMIT_S}: N clients connect and stay silent; the server (started with
 *       a short idle timeout) must close all within LIMIT_S, and echo afterwards.</li>
 *   <li>{@code tcp-long PORT MIB}: two clients send MIB MiB without a newline while a third times
 *       trivial echoes; the long lines must be cut off and the echoes stay fast.</li>
 *   <li>{@code http-half PORT N LIMIT_S}: N connections send half their headers; all must be closed
 *       by the server within LIMIT_S, and it must answer afterwards.</li>
 *   <li>{@code http-bad PORT}: a 100 MiB body, {@code 1e400}, a non-object body, a CR/LF path,
 *       {@code Connection: close}; each must get its 4xx (or the close).</li>
 *   <li>{@code http-busy PORT MIB}: two clients post MIB MiB JSON bodies over and over while a
 *       third times {@code GET /api/users}.</li>
 *   <li>{@code ws-churn PORT N ROUNDS}: N chat clients join one room, half vanish without a close
 *       frame, a survivor talks; every survivor must hear it, every round.</li>
 *   <li>{@code ws-protocol PORT N}: N rounds of frames that break RFC 6455 (a reserved opcode, a
 *       126-byte ping, invalid UTF-8, close code 1005), each on its own connection; each must be
 *       answered with its close code (1002, 1002, 1007, 1002) and the end of the stream.</li>
 * </ul>
 */
public final class HostileClient {
    private static final String HOST = "127.0.0.1";

    private HostileClient() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[1]);
        boolean ok = switch (args[0]) {
            case "tcp-reset" -> tcpReset(port, Integer.parseInt(args[2]));
            case "tcp-idle" -> tcpIdle(port, Integer.parseInt(args[2]), Long.parseLong(args[3]));
            case "tcp-silent" -> tcpSilent(port, Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "tcp-long" -> tcpLong(port, Integer.parseInt(args[2]));
            case "http-half" -> httpHalf(port, Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "http-bad" -> httpBad(port);
            case "http-busy" -> httpBusy(port, Integer.parseInt(args[2]));
            case "ws-churn" -> wsChurn(port, Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "ws-protocol" -> wsProtocol(port, Integer.parseInt(args[2]));
            default -> throw new IllegalArgumentException("unknown attack " + args[0]);
        };
        System.exit(ok ? 0 : 1);
    }

    // ---------------------------------------------------------------- TCP echo

    /** One echo round trip; its time in ms, or -1 when the server did not answer within 10 s. */
    private static long echo(int port) {
        long start = System.nanoTime();
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(HOST, port), 10_000);
            s.setSoTimeout(10_000);
            s.getOutputStream().write("ping\n".getBytes(StandardCharsets.US_ASCII));
            String line = readLine(s.getInputStream());
            return "Echo: ping".equals(line) ? (System.nanoTime() - start) / 1_000_000 : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    private static boolean tcpReset(int port, int n) throws Exception {
        int failed = 0;
        for (int i = 0; i < n; i++) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(HOST, port), 5_000);
                s.getOutputStream().write("half a li".getBytes(StandardCharsets.US_ASCII));
                s.setSoLinger(true, 0); // close() sends RST
            } catch (IOException e) {
                failed++;
            }
        }
        Thread.sleep(500);
        long ms = echo(port);
        System.out.printf("tcp-reset: %d reset clients, %d could not connect; echo afterwards: %s%n", n, failed, ms < 0 ? "FAILED" : ms + " ms");
        return ms >= 0 && failed == 0;
    }

    private static boolean tcpIdle(int port, int n, long holdMs) throws Exception {
        List<Socket> idle = new ArrayList<>();
        int failed = 0;
        for (int i = 0; i < n; i++) {
            Socket s = new Socket();
            try {
                s.connect(new InetSocketAddress(HOST, port), 2_000);
                idle.add(s);
            } catch (IOException e) {
                failed++;
                s.close();
            }
        }
        Thread.sleep(holdMs);
        for (Socket s : idle) {
            s.close();
        }
        Thread.sleep(500);
        long ms = echo(port);
        System.out.printf("tcp-idle: %d idle clients held %d ms (%d refused); echo afterwards: %s%n", idle.size(), holdMs, failed, ms < 0 ? "FAILED" : ms + " ms");
        return ms >= 0;
    }

    private static boolean tcpSilent(int port, int n, int limitS) throws Exception {
        List<Socket> silent = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Socket s = new Socket();
            try {
                s.connect(new InetSocketAddress(HOST, port), 2_000);
                silent.add(s);
            } catch (IOException e) {
                s.close();
            }
        }
        long start = System.nanoTime();
        int closed = awaitClosed(silent, start + limitS * 1_000_000_000L);
        long ms = (System.nanoTime() - start) / 1_000_000;
        long echo = echo(port);
        System.out.printf("tcp-silent: %d silent clients, %d closed by the server within %d ms (limit %d s); echo afterwards: %s%n",
                silent.size(), closed, ms, limitS, echo < 0 ? "FAILED" : echo + " ms");
        return closed == silent.size() && echo >= 0;
    }

    /** Reads each socket to its end (or error) until {@code deadline} (nanoTime); closes them; how many the server closed. */
    private static int awaitClosed(List<Socket> sockets, long deadline) throws IOException {
        int closed = 0;
        for (Socket s : sockets) {
            long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            s.setSoTimeout((int) Math.min(left, Integer.MAX_VALUE));
            try {
                while (s.getInputStream().read() >= 0) {
                    // an answer may come first
                }
                closed++;
            } catch (SocketTimeoutException e) {
                // still open at the deadline
            } catch (IOException e) {
                closed++;
            }
            s.close();
        }
        return closed;
    }

    private static boolean tcpLong(int port, int mib) throws Exception {
        AtomicLong[] sent = {new AtomicLong(), new AtomicLong()};
        List<Thread> senders = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
            AtomicLong counter = sent[k];
            senders.add(Thread.ofPlatform().start(() -> {
                byte[] chunk = new byte[64 * 1024];
                Arrays.fill(chunk, (byte) 'a');
                try (Socket s = new Socket(HOST, port)) {
                    OutputStream out = s.getOutputStream();
                    for (long i = 0; i < mib * 16L; i++) {
                        out.write(chunk);
                        counter.addAndGet(chunk.length);
                    }
                } catch (IOException e) {
                    // cut off by the server: expected
                }
            }));
        }
        Thread.sleep(100);
        long[] ms = new long[5];
        for (int i = 0; i < ms.length; i++) {
            ms[i] = echo(port);
        }
        for (Thread t : senders) {
            t.join(60_000);
        }
        long max = Arrays.stream(ms).max().orElse(-1);
        boolean cut = sent[0].get() < mib * 1024L * 1024 && sent[1].get() < mib * 1024L * 1024;
        System.out.printf("tcp-long: two %d MiB lines: %s (sent %d and %d KiB); trivial echoes meanwhile %s ms%n",
                mib, cut ? "cut off" : "ACCEPTED WHOLE", sent[0].get() / 1024, sent[1].get() / 1024, Arrays.toString(ms));
        return cut && Arrays.stream(ms).allMatch(m -> m >= 0) && max < 1_000;
    }

    // ---------------------------------------------------------------- HTTP

    record Reply(int status, String body, boolean closed) {
    }

    /** Sends {@code request} raw and reads the response (and, with {@code awaitClose}, whether the server then closes). */
    private static Reply raw(int port, byte[] request, boolean awaitClose) throws IOException {
        try (Socket s = new Socket(HOST, port)) {
            s.setSoTimeout(15_000);
            try {
                s.getOutputStream().write(request);
            } catch (IOException e) {
                // answered before the whole request was sent
            }
            InputStream in = s.getInputStream();
            String head = readHead(in);
            int length = 0;
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase().startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).trim());
                }
            }
            String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
            boolean closed = false;
            if (awaitClose) {
                s.setSoTimeout(3_000);
                try {
                    closed = in.read() < 0;
                } catch (SocketTimeoutException e) {
                    closed = false;
                } catch (IOException e) {
                    closed = true;
                }
            }
            return new Reply(Integer.parseInt(head.substring(9, 12)), body, closed);
        }
    }

    private static byte[] post(String path, String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return ("POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: " + contentType + "\r\nContent-Length: " + bytes.length
                + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8);
    }

    private static boolean httpHalf(int port, int n, int limitS) throws Exception {
        List<Socket> half = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Socket s = new Socket();
            try {
                s.connect(new InetSocketAddress(HOST, port), 2_000);
                s.getOutputStream().write("GET /api/users HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
                half.add(s);
            } catch (IOException e) {
                s.close();
            }
        }
        long start = System.nanoTime();
        long deadline = start + limitS * 1_000_000_000L;
        int closed = 0;
        for (Socket s : half) {
            long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            s.setSoTimeout((int) Math.min(left, Integer.MAX_VALUE));
            try {
                while (s.getInputStream().read() >= 0) {
                    // an error answer may come first
                }
                closed++;
            } catch (SocketTimeoutException e) {
                // still open at the deadline
            } catch (IOException e) {
                closed++;
            }
            s.close();
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        Reply after = raw(port, "GET /api/users HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII), false);
        System.out.printf("http-half: %d half-sent requests, %d closed by the server within %d ms (limit %d s); GET afterwards: %d%n",
                half.size(), closed, ms, limitS, after.status);
        return closed == half.size() && after.status == 200;
    }

    private static boolean httpBad(int port) throws Exception {
        boolean ok = true;
        long start = System.nanoTime();
        Reply big;
        try (Socket s = new Socket(HOST, port)) {
            s.setSoTimeout(15_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST /api/users HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                    + 100L * 1024 * 1024 + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[1024 * 1024];
            try {
                for (int i = 0; i < 100; i++) {
                    out.write(chunk);
                }
            } catch (IOException e) {
                // refused before the body was sent
            }
            big = new Reply(Integer.parseInt(readHead(s.getInputStream()).substring(9, 12)), "", false);
        } catch (IOException e) {
            big = new Reply(-1, e.getMessage(), true);
        }
        long bigMs = (System.nanoTime() - start) / 1_000_000;
        ok &= big.status == 413;
        Reply range = raw(port, post("/api/users", "application/json", "{\"name\":\"x\",\"n\":1e400}"), false);
        ok &= range.status == 400;
        Reply array = raw(port, post("/api/users", "application/json", "[1, 2]"), false);
        ok &= array.status == 400;
        Reply crlf = raw(port, "GET /api/users%0d%0aERROR%20forged HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII), false);
        ok &= crlf.status == 400;
        Reply close = raw(port, "GET /api/users HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII), true);
        ok &= close.status == 200 && close.closed;
        System.out.printf("http-bad: 100 MiB body -> %d in %d ms; 1e400 -> %d; [1, 2] -> %d; CR/LF path -> %d; Connection: close -> %d, %s%n",
                big.status, bigMs, range.status, array.status, crlf.status, close.status, close.closed ? "closed" : "LEFT OPEN");
        return ok;
    }

    private static boolean httpBusy(int port, int mib) throws Exception {
        StringBuilder json = new StringBuilder("{\"name\":\"big\",\"items\":[");
        while (json.length() < mib * 1024L * 1024 - 64) {
            json.append("{\"k\":12345.678,\"s\":\"abcdefgh\"},");
        }
        json.append("1]}");
        byte[] request = post("/api/users", "application/json", json.toString());
        long stop = System.nanoTime() + 6_000_000_000L;
        AtomicInteger posted = new AtomicInteger();
        List<Thread> busy = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
            busy.add(Thread.ofPlatform().start(() -> {
                while (System.nanoTime() < stop) {
                    try {
                        raw(port, request, false);
                        posted.incrementAndGet();
                    } catch (IOException e) {
                        return;
                    }
                }
            }));
        }
        Thread.sleep(500);
        List<Long> ms = new ArrayList<>();
        while (System.nanoTime() < stop - 500_000_000L) {
            long start = System.nanoTime();
            Reply r = raw(port, "GET /api/users HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII), false);
            ms.add(r.status == 200 ? (System.nanoTime() - start) / 1_000_000 : 99_999);
            Thread.sleep(100);
        }
        for (Thread t : busy) {
            t.join(30_000);
        }
        List<Long> sorted = new ArrayList<>(ms);
        sorted.sort(null);
        long median = sorted.get(sorted.size() / 2);
        long max = sorted.get(sorted.size() - 1);
        System.out.printf("http-busy: %d posts of %d MiB JSON by two clients; %d trivial GETs meanwhile: median %d ms, max %d ms%n",
                posted.get(), mib, ms.size(), median, max);
        // the median is the scheduling figure; the slowest request also waits out the GC pauses that
        // parsing and writing 9 MiB documents cause, and a loaded machine's own delays
        return median < 100 && max < 1_000;
    }

    // ---------------------------------------------------------------- WebSocket chat

    private static boolean wsChurn(int port, int n, int rounds) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        int delivered = 0;
        int expected = 0;
        for (int round = 0; round < rounds; round++) {
            String text = "still here " + round;
            List<WebSocket> sockets = new ArrayList<>();
            List<CompletableFuture<Void>> heard = new ArrayList<>();
            List<CountDownLatch> joined = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                CompletableFuture<Void> got = new CompletableFuture<>();
                CountDownLatch history = new CountDownLatch(1);
                StringBuilder partial = new StringBuilder();
                WebSocket ws = client.newWebSocketBuilder().buildAsync(URI.create("ws://" + HOST + ":" + port + "/"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            String m = partial.toString();
                            partial.setLength(0);
                            if (m.contains("\"type\":\"history\"")) {
                                history.countDown();
                            }
                            if (m.contains(text)) {
                                got.complete(null);
                            }
                        }
                        w.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
                sockets.add(ws);
                heard.add(got);
                joined.add(history);
            }
            for (int i = 0; i < n; i++) {
                sockets.get(i).sendText("{\"type\":\"join\",\"name\":\"c" + round + "_" + i + "\",\"room\":\"hall\"}", true);
            }
            for (CountDownLatch l : joined) {
                l.await(20, TimeUnit.SECONDS);
            }
            for (int i = 0; i < n / 2; i++) {
                sockets.get(i).abort(); // gone without a close frame
            }
            Thread.sleep(200);
            sockets.get(n - 1).sendText("{\"type\":\"message\",\"text\":\"" + text + "\"}", true);
            for (int i = n / 2; i < n; i++) {
                expected++;
                try {
                    heard.get(i).get(20, TimeUnit.SECONDS);
                    delivered++;
                } catch (Exception e) {
                    // not delivered
                }
            }
            for (int i = n / 2; i < n; i++) {
                sockets.get(i).abort();
            }
            Thread.sleep(300);
        }
        System.out.printf("ws-churn: %d rounds of %d clients, half vanishing; %d/%d survivors heard the message%n",
                rounds, n, delivered, expected);
        return delivered == expected;
    }

    /** A masked client frame: {@code first} (FIN, opcode) and {@code payload} (under 65536 bytes). */
    private static byte[] frame(int first, byte[] payload) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(first);
        if (payload.length < 126) {
            b.write(0x80 | payload.length);
        } else {
            b.write(0x80 | 126);
            b.write(payload.length >>> 8);
            b.write(payload.length & 0xff);
        }
        byte[] mask = {1, 2, 3, 4};
        b.writeBytes(mask);
        for (int i = 0; i < payload.length; i++) {
            b.write(payload[i] ^ mask[i & 3]);
        }
        return b.toByteArray();
    }

    /** Sends {@code frame} after the handshake; the code of the server's close frame, -1 without one (or -2 if the stream stays open after it). */
    private static int closeCodeFor(int port, byte[] frame) throws IOException {
        try (Socket s = new Socket(HOST, port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            if (!readHead(in).startsWith("HTTP/1.1 101")) {
                return -1;
            }
            out.write(frame);
            while (true) {
                int b0 = in.read();
                int b1 = in.read();
                if (b0 < 0 || b1 < 0 || (b1 & 0x80) != 0) {
                    return -1; // the end of the stream, or not a server frame
                }
                int len = b1 & 0x7f;
                if (len == 126) {
                    len = (in.read() << 8) | in.read();
                } else if (len == 127) {
                    return -1;
                }
                byte[] payload = in.readNBytes(len);
                if ((b0 & 0x0f) == 0x8) {
                    int code = payload.length < 2 ? -1 : ((payload[0] & 0xff) << 8) | (payload[1] & 0xff);
                    return in.read() < 0 ? code : -2;
                }
            }
        }
    }

    private static boolean wsProtocol(int port, int rounds) throws Exception {
        byte[][] frames = {
            frame(0x83, new byte[] {'h', 'i'}),
            frame(0x89, new byte[126]),
            frame(0x81, new byte[] {'o', 'k', (byte) 0xc3, 0x28}),
            frame(0x88, new byte[] {0x03, (byte) 0xed}),
        };
        int[] expected = {1002, 1002, 1007, 1002};
        String[] names = {"reserved opcode", "126-byte ping", "invalid UTF-8", "close code 1005"};
        int[][] got = new int[frames.length][];
        boolean ok = true;
        long start = System.nanoTime();
        for (int k = 0; k < frames.length; k++) {
            got[k] = new int[rounds];
            for (int r = 0; r < rounds; r++) {
                got[k][r] = closeCodeFor(port, frames[k]);
                ok &= got[k][r] == expected[k];
            }
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        StringBuilder line = new StringBuilder("ws-protocol: " + rounds + " rounds in " + ms + " ms;");
        for (int k = 0; k < frames.length; k++) {
            int want = expected[k];
            long right = Arrays.stream(got[k]).filter(c -> c == want).count();
            line.append(" ").append(names[k]).append(" -> ").append(expected[k]).append(" ").append(right).append("/").append(rounds)
                    .append(k < frames.length - 1 ? "," : "");
        }
        System.out.println(line);
        return ok;
    }

    // ---------------------------------------------------------------- reading

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            line.write(b);
        }
        return line.toString(StandardCharsets.UTF_8).stripTrailing();
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after " + head.length() + " bytes of the head");
            }
            head.append((char) b);
        }
        return head.toString();
    }
}
