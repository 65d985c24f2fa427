package dev.ruchy.runtime.net.ws;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A WebSocket client that writes frames byte by byte, for tests that send what a well-behaved
 * client would not: reserved opcodes, oversized pings, invalid UTF-8, forbidden close codes. Frames
 * go out masked, as RFC 6455 requires of a client, with a fixed masking key.
 */
final class RawWsClient implements AutoCloseable {
    private static final byte[] MASK = {0x37, (byte) 0xfa, 0x21, 0x3d};

    /** A frame read from the server. */
    record Frame(boolean fin, int opcode, byte[] payload) {
        /** The status code of a close frame, {@code -1} without one. */
        int closeCode() {
            return payload.length < 2 ? -1 : ((payload[0] & 0xff) << 8) | (payload[1] & 0xff);
        }

        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    private RawWsClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Connects to {@code 127.0.0.1:port} and completes the opening handshake (expects {@code 101}). */
    static RawWsClient connect(long port) throws IOException {
        Socket s = new Socket("127.0.0.1", (int) port);
        s.setSoTimeout(10_000);
        RawWsClient c = new RawWsClient(s);
        c.out.write(("GET /chat HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        c.out.flush();
        String status = c.line();
        if (!status.startsWith("HTTP/1.1 101")) {
            throw new IOException("no upgrade: " + status);
        }
        while (!c.line().isEmpty()) {
            // headers
        }
        return c;
    }

    private String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new EOFException("stream ended in the handshake");
            }
            if (c != '\r') {
                b.write(c);
            }
        }
        return b.toString(StandardCharsets.US_ASCII);
    }

    /** The bytes of one masked frame: {@code firstByte} (FIN, RSV, opcode) and {@code payload}. */
    static byte[] frame(int firstByte, byte[] payload) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(firstByte);
        if (payload.length < 126) {
            b.write(0x80 | payload.length);
        } else if (payload.length < 65536) {
            b.write(0x80 | 126);
            b.write(payload.length >>> 8);
            b.write(payload.length & 0xff);
        } else {
            b.write(0x80 | 127);
            for (int i = 56; i >= 0; i -= 8) {
                b.write((int) ((long) payload.length >>> i) & 0xff);
            }
        }
        b.writeBytes(MASK);
        for (int i = 0; i < payload.length; i++) {
            b.write(payload[i] ^ MASK[i & 3]);
        }
        return b.toByteArray();
    }

    /** A close frame's payload: {@code code} (two bytes, big-endian) and {@code reason}. */
    static byte[] closePayload(int code, byte[] reason) {
        byte[] p = new byte[2 + reason.length];
        p[0] = (byte) (code >>> 8);
        p[1] = (byte) code;
        System.arraycopy(reason, 0, p, 2, reason.length);
        return p;
    }

    /** Writes {@code frames} (one or more, already encoded) in one write. */
    void send(byte[]... frames) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] f : frames) {
            b.writeBytes(f);
        }
        out.write(b.toByteArray());
        out.flush();
    }

    /**
     * The next frame from the server.
     *
     * @throws IOException when the stream ends, or holds something that is not a server frame (such
     *                     as HTTP text); its message shows the first bytes
     */
    Frame read() throws IOException {
        int b0 = in.read();
        if (b0 < 0) {
            throw new EOFException("the server closed the stream without a close frame");
        }
        int b1 = in.readUnsignedByte();
        if ((b1 & 0x80) != 0 || (b0 & 0x70) != 0) {
            byte[] rest = in.readNBytes(60);
            throw new IOException("not a server frame: " + new String(new byte[] {(byte) b0, (byte) b1},
                    StandardCharsets.ISO_8859_1) + new String(rest, StandardCharsets.ISO_8859_1));
        }
        long len = b1 & 0x7f;
        if (len == 126) {
            len = in.readUnsignedShort();
        } else if (len == 127) {
            len = in.readLong();
        }
        byte[] payload = in.readNBytes((int) len);
        return new Frame((b0 & 0x80) != 0, b0 & 0x0f, payload);
    }

    /** Frames until a close frame (returned), skipping others. */
    Frame readClose() throws IOException {
        while (true) {
            Frame f = read();
            if (f.opcode() == 0x8) {
                return f;
            }
        }
    }

    /** Whether the server closed the TCP stream (reads its end, waiting at most the socket's timeout). */
    boolean streamEnded() throws IOException {
        try {
            return in.read() < 0;
        } catch (java.net.SocketException e) {
            return true; // reset: the server is gone as well
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
