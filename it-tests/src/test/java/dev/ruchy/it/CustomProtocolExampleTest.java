package dev.ruchy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.RObject;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's length-prefixed JSON protocol
 * ({@code examples/src/main/ruchy/dev/ruchy/examples/09_custom_protocol.ruchy}): its echo server, run by
 * {@code bin/ruchy run}, gets {@value #PACKETS} packets whose data is 0 B to 64 KiB of UTF-8 (sizes
 * log-uniform, about 60 MB in all; text with quotes, backslashes, control characters, 2-, 3- and 4-byte
 * characters mixed in), written by one thread while another reads the echoes; every echo must carry the same data. Then the
 * program's own client mode runs against it.
 */
@DisabledOnOs(OS.WINDOWS)
@Timeout(value = 100, unit = TimeUnit.SECONDS)
class CustomProtocolExampleTest {
    static final int PACKETS = Integer.getInteger("ruchy.it.packets", 10_000);
    private static final int MAX_DATA = 64 * 1024;
    /** Characters that need care: JSON escapes, a control character, 2-, 3- and 4-byte UTF-8. */
    private static final String[] SPECIAL = {"\"", "\\", "\n", "\t", "\u0001", "é", "€", "✓", "😀"};

    @TempDir
    Path dir;

    @Test
    void packetsOfEverySizeComeBackIntact() throws Exception {
        int port = RuchyProcess.freePort();
        Map<String, String> env = Map.of("PORT", String.valueOf(port));
        try (RuchyProcess server = RuchyProcess.start(RuchyProcess.example("09_custom_protocol.ruchy"), dir, env)) {
            server.awaitOutput("Packet echo server on port " + port, RuchyProcess.seconds(60)); // printed once bound
            Random random = new Random(9);
            List<String> data = new ArrayList<>(PACKETS);
            long bytes = 0;
            for (int i = 0; i < PACKETS; i++) {
                // log-uniform sizes: as many 10-100 B packets as 10-100 KiB ones, both ends included
                int size = i == 0 ? 0 : i == 1 ? MAX_DATA
                        : (int) Math.min(MAX_DATA, Math.exp(random.nextDouble() * Math.log(MAX_DATA + 1)) - 1);
                String d = text(random, size);
                data.add(d);
                bytes += d.getBytes(StandardCharsets.UTF_8).length;
            }
            long start = System.nanoTime();
            try (Socket s = new Socket("127.0.0.1", port)) {
                s.setSoTimeout(30_000);
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(s.getOutputStream(), 1 << 16));
                DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream(), 1 << 16));
                CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                    try {
                        for (int i = 0; i < PACKETS; i++) {
                            RObject packet = RObject.of("version", 1L, "type", "data",
                                    "timestamp", System.currentTimeMillis(), "data", data.get(i));
                            byte[] json = Builtins.toJson(packet).getBytes(StandardCharsets.UTF_8);
                            out.writeInt(json.length);
                            out.write(json);
                        }
                        out.flush();
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }, java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
                for (int i = 0; i < PACKETS; i++) {
                    long length = in.readInt() & 0xFFFF_FFFFL;
                    byte[] json = in.readNBytes((int) length);
                    assertEquals(length, json.length, "packet " + i + " cut short");
                    RObject reply = (RObject) Builtins.parseJson(new String(json, StandardCharsets.UTF_8));
                    assertEquals("echo", reply.get("type"), "packet " + i);
                    assertEquals(1L, reply.get("version"), "packet " + i);
                    assertTrue(reply.get("timestamp") instanceof Long, "packet " + i);
                    if (!data.get(i).equals(reply.get("data"))) {
                        throw new AssertionError("packet " + i + " (" + data.get(i).length() + " chars) came back different");
                    }
                }
                writer.get(30, TimeUnit.SECONDS);
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("custom protocol: %d packets, %.1f MB of data each way, round trip in %d ms%n",
                    PACKETS, bytes / 1e6, ms);

            try (RuchyProcess client = RuchyProcess.start(RuchyProcess.example("09_custom_protocol.ruchy"), dir, env, "client")) {
                assertEquals(0, client.awaitExit(RuchyProcess.seconds(60)), client.err());
                assertEquals("""
                        sent 0 bytes, echo ok: true
                        sent 5 bytes, echo ok: true
                        sent 17 bytes, echo ok: true
                        sent 70000 bytes, echo ok: true
                        """, client.out());
            }
        }
    }

    /** Text of exactly {@code size} UTF-8 bytes: mostly letters and spaces, one special character in 32. */
    static String text(Random random, int size) {
        StringBuilder sb = new StringBuilder(size);
        int left = size;
        while (left > 0) {
            if (random.nextInt(32) == 0) {
                int k = random.nextInt(SPECIAL.length);
                int n = SPECIAL_BYTES[k];
                if (n <= left) {
                    sb.append(SPECIAL[k]);
                    left -= n;
                    continue;
                }
            }
            sb.append(PLAIN.charAt(random.nextInt(PLAIN.length())));
            left--;
        }
        return sb.toString();
    }

    private static final String PLAIN = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789";
    private static final int[] SPECIAL_BYTES = java.util.Arrays.stream(SPECIAL)
            .mapToInt(x -> x.getBytes(StandardCharsets.UTF_8).length).toArray();
}
