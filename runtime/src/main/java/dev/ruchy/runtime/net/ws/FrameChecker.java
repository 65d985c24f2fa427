package dev.ruchy.runtime.net.ws;

/**
 * Checks the bytes a WebSocket client sends against RFC 6455, one chunk at a time, before Helidon
 * parses them into frames (Helidon 4.5 accepts or mishandles the cases below). {@link #scan} follows
 * the frames through the stream and stops at the first byte that makes the stream invalid; the
 * bytes before it are sound and may be handed on.
 *
 * <p>Failures, with the close code RFC 6455 asks for: a reserved opcode (3–7, 11–15), RSV bits set
 * (no extension is negotiated), an unmasked frame, a control frame over 125 bytes or fragmented, a
 * continuation with no message begun or a new message before the last one ended (1002); a text
 * message, or a close reason, that is not UTF-8 (1007; checked across fragments, and a message may
 * not end inside a character); a close frame with a one-byte payload or a code no endpoint may send
 * (1002: codes under 1000, 1004–1006, 1015–2999, 5000 and over).
 *
 * <p>It also rewrites the opcode of every frame of a text message from text to binary, leaving the
 * payload as it is: Helidon decodes each fragment of a text message on its own, so a character split
 * between two fragments would become replacement characters. The message has been checked to be
 * UTF-8 by then, and the server decodes a binary message, whole, as UTF-8: the listener gets the
 * exact text.
 */
final class FrameChecker {
    /** Why the stream is invalid: the close code to answer with and a short reason. */
    record Violation(int code, String reason) {
    }

    private enum State { OPCODE, LENGTH, EXTENDED_LENGTH, MASK, PAYLOAD }

    private static final int CONTINUATION = 0x0;
    private static final int TEXT = 0x1;
    private static final int BINARY = 0x2;
    private static final int CLOSE = 0x8;

    private State state = State.OPCODE;
    private boolean fin;
    private int opcode;
    private long length;
    private int extendedBytes;
    private final int[] mask = new int[4];
    private int maskBytes;
    private long position;

    /** Whether a fragmented message has begun and not ended. */
    private boolean inMessage;
    /** Whether the current (or last) data message is text. */
    private boolean textMessage;
    private final Utf8 messageText = new Utf8();

    private int closeCode;
    private final Utf8 closeReason = new Utf8();

    private Violation violation;

    /** The failure found, or null. */
    Violation violation() {
        return violation;
    }

    /**
     * Checks {@code bytes[0..n)}, rewriting the opcodes of text frames in place.
     *
     * @return {@code n} when all are sound; otherwise the index of the first byte that makes the
     *         stream invalid ({@link #violation()} says why), after which nothing may be scanned
     */
    int scan(byte[] bytes, int n) {
        if (violation != null) {
            return 0;
        }
        int i = 0;
        while (i < n) {
            if (state == State.PAYLOAD && !checksPayload()) {
                long skip = Math.min(length - position, n - i);
                i += (int) skip;
                position += skip;
                if (position == length && !endFrame()) {
                    return i - 1;
                }
                continue;
            }
            if (!accept(bytes, i)) {
                return i;
            }
            i++;
        }
        return n;
    }

    /** Whether a frame's payload bytes are looked at (text and close frames), not just counted. */
    private boolean checksPayload() {
        return opcode == CLOSE || (opcode <= BINARY && textMessage);
    }

    private boolean accept(byte[] bytes, int i) {
        int b = bytes[i] & 0xff;
        switch (state) {
            case OPCODE -> {
                fin = (b & 0x80) != 0;
                opcode = b & 0x0f;
                if ((b & 0x70) != 0) {
                    return fail(1002, "reserved bits set");
                }
                if ((opcode >= 0x3 && opcode <= 0x7) || opcode >= 0xb) {
                    return fail(1002, "reserved opcode " + opcode);
                }
                if (opcode >= CLOSE && !fin) {
                    return fail(1002, "fragmented control frame");
                }
                if (opcode == CONTINUATION && !inMessage) {
                    return fail(1002, "continuation without a message");
                }
                if ((opcode == TEXT || opcode == BINARY) && inMessage) {
                    return fail(1002, "new message inside a fragmented one");
                }
                if (opcode == TEXT || opcode == BINARY) {
                    textMessage = opcode == TEXT;
                    messageText.reset();
                }
                if (opcode <= BINARY && textMessage) {
                    bytes[i] = (byte) ((b & 0xf0) | (opcode == TEXT ? BINARY : CONTINUATION));
                }
                state = State.LENGTH;
            }
            case LENGTH -> {
                if ((b & 0x80) == 0) {
                    return fail(1002, "unmasked client frame");
                }
                int len = b & 0x7f;
                if (opcode >= CLOSE && len > 125) {
                    return fail(1002, "control frame over 125 bytes");
                }
                length = len < 126 ? len : 0;
                extendedBytes = len == 126 ? 2 : len == 127 ? 8 : 0;
                maskBytes = 0;
                state = extendedBytes > 0 ? State.EXTENDED_LENGTH : State.MASK;
            }
            case EXTENDED_LENGTH -> {
                if (extendedBytes == 8 && (b & 0x80) != 0) {
                    return fail(1002, "payload length over 2^63");
                }
                length = (length << 8) | b;
                if (--extendedBytes == 0) {
                    state = State.MASK;
                }
            }
            case MASK -> {
                mask[maskBytes++] = b;
                if (maskBytes == 4) {
                    position = 0;
                    closeCode = 0;
                    closeReason.reset();
                    state = State.PAYLOAD;
                    if (length == 0) {
                        return endFrame();
                    }
                }
            }
            case PAYLOAD -> {
                int u = b ^ mask[(int) (position & 3)];
                position++;
                if (opcode == CLOSE) {
                    if (position <= 2) {
                        closeCode = (closeCode << 8) | u;
                        if (position == 2 && !validCloseCode(closeCode)) {
                            return fail(1002, "invalid close code " + closeCode);
                        }
                    } else if (!closeReason.accept(u)) {
                        return fail(1007, "close reason is not UTF-8");
                    }
                } else if (!messageText.accept(u)) {
                    return fail(1007, "text message is not UTF-8");
                }
                if (position == length) {
                    return endFrame();
                }
            }
            default -> throw new IllegalStateException(state.toString());
        }
        return true;
    }

    /** The current frame's last byte was accepted: checks what only its end shows. */
    private boolean endFrame() {
        state = State.OPCODE;
        if (opcode <= BINARY) {
            inMessage = !fin;
            if (fin && textMessage && !messageText.complete()) {
                return fail(1007, "text message ends inside a character");
            }
        } else if (opcode == CLOSE) {
            if (length == 1) {
                return fail(1002, "close frame with a one-byte payload");
            }
            if (!closeReason.complete()) {
                return fail(1007, "close reason is not UTF-8");
            }
        }
        return true;
    }

    private boolean fail(int code, String reason) {
        violation = new Violation(code, reason);
        return false;
    }

    /** Whether a peer may send {@code code} in a close frame (RFC 6455 §7.4; 1012–1014 are registered since). */
    static boolean validCloseCode(int code) {
        return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999);
    }

    /** A UTF-8 checker fed one byte at a time (RFC 3629: no overlong forms, surrogates or code points over U+10FFFF). */
    static final class Utf8 {
        private int needed;
        private int low = 0x80;
        private int high = 0xbf;

        void reset() {
            needed = 0;
            low = 0x80;
            high = 0xbf;
        }

        /** Takes the next byte; false if it cannot continue valid UTF-8. */
        boolean accept(int b) {
            if (needed > 0) {
                if (b < low || b > high) {
                    return false;
                }
                low = 0x80;
                high = 0xbf;
                needed--;
                return true;
            }
            if (b < 0x80) {
                return true;
            }
            if (b >= 0xc2 && b <= 0xdf) {
                needed = 1;
            } else if (b >= 0xe0 && b <= 0xef) {
                needed = 2;
                if (b == 0xe0) {
                    low = 0xa0;
                } else if (b == 0xed) {
                    high = 0x9f;
                }
            } else if (b >= 0xf0 && b <= 0xf4) {
                needed = 3;
                if (b == 0xf0) {
                    low = 0x90;
                } else if (b == 0xf4) {
                    high = 0x8f;
                }
            } else {
                return false;
            }
            return true;
        }

        /** Whether the bytes so far end on a character boundary. */
        boolean complete() {
            return needed == 0;
        }
    }
}
