package dev.ruchy.runtime.net.ws;

import static dev.ruchy.runtime.net.ws.RawWsClient.bytes;
import static dev.ruchy.runtime.net.ws.RawWsClient.closePayload;
import static dev.ruchy.runtime.net.ws.RawWsClient.concat;
import static dev.ruchy.runtime.net.ws.RawWsClient.frame;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** {@link FrameChecker} on streams cut into chunks of every size: where it stops does not depend on the cuts. */
class FrameCheckerTest {
    /** Scans {@code stream} in chunks of {@code size}; returns the sound prefix's length (the stream's, when valid). */
    private static int soundPrefix(byte[] stream, int size, FrameChecker checker) {
        int done = 0;
        while (done < stream.length) {
            byte[] chunk = Arrays.copyOfRange(stream, done, Math.min(stream.length, done + size));
            int sound = checker.scan(chunk, chunk.length);
            System.arraycopy(chunk, 0, stream, done, sound);
            done += sound;
            if (sound < chunk.length) {
                return done;
            }
        }
        return done;
    }

    private static void assertStopsAt(byte[] stream, int at, int code) {
        for (int size = 1; size <= stream.length; size++) {
            FrameChecker checker = new FrameChecker();
            assertEquals(at, soundPrefix(stream.clone(), size, checker), "chunks of " + size);
            assertEquals(code, checker.violation().code(), "chunks of " + size);
        }
    }

    private static void assertSound(byte[] stream) {
        for (int size = 1; size <= stream.length; size++) {
            FrameChecker checker = new FrameChecker();
            assertEquals(stream.length, soundPrefix(stream.clone(), size, checker), "chunks of " + size);
            assertNull(checker.violation());
        }
    }

    @Test
    void aValidStreamPassesWhole() {
        byte[] binary = new byte[300];
        Arrays.fill(binary, (byte) 0xff);
        assertSound(concat(concat(frame(0x82, binary), frame(0x89, bytes(1, 2))),
                concat(frame(0x01, bytes('a', 0xe2)), frame(0x80, bytes(0x82, 0xac)))));
        assertSound(frame(0x88, closePayload(1000, "ok".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void stopsAtTheByteThatBreaksTheProtocol() {
        byte[] ok = frame(0x82, new byte[200]);
        assertStopsAt(concat(ok, frame(0x84, bytes(1))), ok.length, 1002); // the opcode byte
        assertStopsAt(concat(ok, frame(0x89, new byte[126])), ok.length + 1, 1002); // the length byte
        assertStopsAt(concat(ok, frame(0x81, bytes('a', 0xc0, 'b'))), ok.length + 6 + 1, 1007);
        assertStopsAt(frame(0x81, bytes('a', 0xe2)), 6 + 1, 1007); // ends inside a character
        assertStopsAt(frame(0x88, closePayload(1005, new byte[0])), 6 + 1, 1002);
        assertStopsAt(frame(0x88, bytes(0x03)), 6, 1002);
        assertStopsAt(frame(0x80, bytes('a')), 0, 1002); // a continuation with nothing to continue
    }

    @Test
    void textFramesReachHelidonAsBinaryFramesWithTheSamePayload() {
        byte[] text = concat(frame(0x01, bytes('a', 0xe2)), frame(0x80, bytes(0x82, 0xac)));
        byte[] seen = text.clone();
        new FrameChecker().scan(seen, seen.length);
        byte[] expected = text.clone();
        expected[0] = 0x02;
        assertArrayEquals(expected, seen);
    }
}
