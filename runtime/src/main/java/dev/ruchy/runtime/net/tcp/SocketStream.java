package dev.ruchy.runtime.net.tcp;

import dev.ruchy.runtime.RuchyError;
import dev.ruchy.runtime.net.Args;
import dev.ruchy.runtime.net.HostPort;
import dev.ruchy.runtime.net.NetErrors;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@link TcpStream} on a {@link Socket}, with its own read buffer and unbuffered, immediately sent
 * writes. A read or write that fails for any reason but a timeout (the peer reset the connection, a
 * line too long) closes the socket before the error reaches the program, so a handler that dies on
 * the error without calling {@code close()} does not leak the connection's file descriptor.
 */
final class SocketStream implements TcpStream {
    /** The default of {@link #idleTimeoutMs()}: 5 minutes. */
    static final long DEFAULT_IDLE_TIMEOUT_MS = 300_000;

    /** The default of {@link #maxLineBytes()}: 1 MiB. */
    static final int DEFAULT_MAX_LINE_BYTES = 1024 * 1024;

    /** Size of the read buffer; lines are searched for their newline a buffer at a time. */
    private static final int BUFFER_BYTES = 64 * 1024;

    private final Socket socket;
    private final InputStream in;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private int position;
    private int limit;
    private final int maxLineBytes = maxLineBytes();
    private final OutputStream out;
    private final ReentrantLock readLock = new ReentrantLock();
    private final ReentrantLock writeLock = new ReentrantLock();
    private final String remote;
    private volatile int timeoutMs;
    /**
     * Whether the read timeout is the idle timeout of an accepted connection ({@link #accepted}), not
     * one the program set: reaching it closes the connection.
     */
    private volatile boolean idleTimeout;

    private SocketStream(Socket socket) throws IOException {
        this.socket = socket;
        socket.setTcpNoDelay(true);
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.remote = NetErrors.address(socket.getRemoteSocketAddress());
    }

    /**
     * Longest line {@link #readLine} accepts, in bytes, so a peer that never sends a newline cannot
     * exhaust memory: the JVM option {@code -Druchy.net.maxLineBytes=N} (read when a connection opens),
     * 1 MiB by default.
     */
    static int maxLineBytes() {
        Integer n = Integer.getInteger("ruchy.net.maxLineBytes");
        return n == null || n <= 0 ? DEFAULT_MAX_LINE_BYTES : n;
    }

    /**
     * How long a connection accepted by a {@link TcpListener} may stay silent, in milliseconds: a read
     * that waits longer fails and closes the connection, so clients that connect and go quiet (or
     * vanish without closing) do not hold file descriptors forever. The JVM option
     * {@code -Druchy.tcp.idleTimeoutMs=N} (read when a connection is accepted), 5 minutes by default
     * (the server timeout RFC 5321 gives SMTP; long enough for a person typing into {@code nc});
     * {@code 0}: none. {@code set_timeout(ms)} on the stream replaces it.
     */
    static long idleTimeoutMs() {
        Long n = Long.getLong("ruchy.tcp.idleTimeoutMs");
        return n == null ? DEFAULT_IDLE_TIMEOUT_MS : Math.max(0, n);
    }

    /** A stream on a connection {@code accept} returned, with the {@link #idleTimeoutMs() idle timeout}. */
    static SocketStream accepted(Socket socket) {
        SocketStream stream = of(socket);
        long idle = idleTimeoutMs();
        if (idle > 0) {
            try {
                socket.setSoTimeout((int) Math.min(idle, Integer.MAX_VALUE));
                stream.timeoutMs = (int) Math.min(idle, Integer.MAX_VALUE);
                stream.idleTimeout = true;
            } catch (IOException e) {
                stream.close();
                throw RuchyError.runtime("Cannot open connection: " + NetErrors.reason(e));
            }
        }
        return stream;
    }

    static SocketStream of(Socket socket) {
        try {
            return new SocketStream(socket);
        } catch (IOException e) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already failing
            }
            throw RuchyError.runtime("Cannot open connection: " + NetErrors.reason(e));
        }
    }

    /**
     * How many connections may be opening at once in this process. Each opening connection holds a
     * file descriptor; a program that starts tens of thousands at once (a port scan on virtual
     * threads) would otherwise run out of descriptors and see ports as closed that are open. The JVM
     * option {@code -Druchy.net.connectsInFlight=N} sets another number.
     */
    static final int CONNECTS_IN_FLIGHT = Integer.getInteger("ruchy.net.connectsInFlight", 512);

    /** How long a connect that failed for want of file descriptors keeps retrying, in milliseconds. */
    static final long DESCRIPTOR_RETRY_MS = 30_000;

    private static final Semaphore CONNECTING = new Semaphore(CONNECTS_IN_FLIGHT);

    /**
     * Connects, at most {@link #CONNECTS_IN_FLIGHT} connections opening at once. A connection that
     * reaches itself (on loopback, the kernel may pick the target port as the local port when nothing
     * listens there: TCP's simultaneous open) is closed and reported refused, as nothing listens.
     * Running out of file descriptors ({@code EMFILE}, {@code ENFILE}) is retried until
     * {@link #DESCRIPTOR_RETRY_MS} has passed, never reported as a closed port.
     *
     * @throws RuchyError {@code Runtime error: Cannot connect to 127.0.0.1:9: Connection refused}, or
     *                    {@code Runtime error: Connection to 10.0.0.1:80 timed out after 1000 ms}
     */
    static SocketStream connect(HostPort address, long timeoutMs) {
        CONNECTING.acquireUninterruptibly();
        try {
            long giveUp = System.nanoTime() + DESCRIPTOR_RETRY_MS * 1_000_000;
            long pause = 1;
            while (true) {
                try {
                    return connectOnce(address, timeoutMs);
                } catch (IOException e) {
                    if (!outOfDescriptors(e) || System.nanoTime() - giveUp > 0) {
                        throw RuchyError.runtime("Cannot connect to " + address + ": " + NetErrors.reason(e));
                    }
                }
                sleep(pause);
                pause = Math.min(pause * 2, 100);
            }
        } finally {
            CONNECTING.release();
        }
    }

    private static SocketStream connectOnce(HostPort address, long timeoutMs) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(address.host(), address.port()), (int) Math.min(timeoutMs, Integer.MAX_VALUE));
            if (connectedToItself(socket)) {
                close(socket);
                throw new ConnectException("Connection refused");
            }
            return new SocketStream(socket);
        } catch (SocketTimeoutException e) {
            close(socket);
            throw RuchyError.runtime("Connection to " + address + " timed out after " + timeoutMs + " ms");
        } catch (IOException e) {
            close(socket);
            throw e;
        }
    }

    /** Whether the socket's two ends are the same address and port (a self-connection). */
    static boolean connectedToItself(Socket socket) {
        return socket.getLocalPort() == socket.getPort()
                && socket.getLocalAddress() != null
                && socket.getLocalAddress().equals(socket.getInetAddress());
    }

    /** Whether the failure is the process (EMFILE) or the system (ENFILE) running out of file descriptors. */
    static boolean outOfDescriptors(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage();
            if (m != null && (m.contains("Too many open files") || m.contains("Too many open files in system"))) {
                return true;
            }
        }
        return false;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RuchyError.runtime("Interrupted while waiting for a file descriptor");
        }
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // the connection never opened
        }
    }

    @Override
    public String readLine() {
        readLock.lock();
        try {
            ByteArrayOutputStream line = null;
            while (true) {
                if (position == limit && !fill()) {
                    return line == null ? "" : text(line.toByteArray(), line.size());
                }
                int newline = indexOfNewline();
                int end = newline < 0 ? limit : newline;
                int length = end - position + (line == null ? 0 : line.size());
                if (length > maxLineBytes) {
                    close();
                    throw RuchyError.runtime("Line from " + remote + " is longer than " + maxLineBytes
                            + " bytes; the connection is closed");
                }
                if (newline >= 0 && line == null) {
                    String result = text(buffer, position, end - position);
                    position = end + 1;
                    return result;
                }
                if (line == null) {
                    line = new ByteArrayOutputStream(Math.max(128, 2 * (end - position)));
                }
                line.write(buffer, position, end - position);
                position = newline < 0 ? limit : end + 1;
                if (newline >= 0) {
                    return text(line.toByteArray(), line.size());
                }
            }
        } catch (IOException e) {
            throw readError(e);
        } finally {
            readLock.unlock();
        }
    }

    private int indexOfNewline() {
        for (int i = position; i < limit; i++) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Reads more into the empty buffer; {@code false} at the end of the stream. */
    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            position = limit = 0;
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    /** A line's bytes as UTF-8 text, without a final {@code \r}. */
    private static String text(byte[] bytes, int length) {
        return text(bytes, 0, length);
    }

    private static String text(byte[] bytes, int offset, int length) {
        if (length > 0 && bytes[offset + length - 1] == '\r') {
            length--;
        }
        return new String(bytes, offset, length, StandardCharsets.UTF_8);
    }

    /** Up to {@code count} bytes: fewer only at the end of the stream. */
    private byte[] readBytes(int count) throws IOException {
        int buffered = Math.min(count, limit - position);
        if (buffered == count) {
            byte[] result = java.util.Arrays.copyOfRange(buffer, position, position + count);
            position += count;
            return result;
        }
        byte[] head = java.util.Arrays.copyOfRange(buffer, position, position + buffered);
        position = limit = 0;
        byte[] rest = in.readNBytes(count - buffered);
        if (head.length == 0) {
            return rest;
        }
        byte[] result = java.util.Arrays.copyOf(head, head.length + rest.length);
        System.arraycopy(rest, 0, result, head.length, rest.length);
        return result;
    }

    @Override
    public String read(Object n) {
        long count = Args.integer(n, "read() byte count");
        if (count < 0 || count > Integer.MAX_VALUE - 8) {
            throw RuchyError.runtime("read() byte count out of range: " + count);
        }
        readLock.lock();
        try {
            return new String(readBytes((int) count), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw readError(e);
        } finally {
            readLock.unlock();
        }
    }

    @Override
    public long readU32() {
        readLock.lock();
        try {
            byte[] b = readBytes(4);
            if (b.length < 4) {
                throw RuchyError.runtime("Connection closed while reading a u32");
            }
            return (b[0] & 0xFFL) << 24 | (b[1] & 0xFFL) << 16 | (b[2] & 0xFFL) << 8 | (b[3] & 0xFFL);
        } catch (IOException e) {
            throw readError(e);
        } finally {
            readLock.unlock();
        }
    }

    @Override
    public long write(Object text) {
        byte[] bytes = Args.text(text).getBytes(StandardCharsets.UTF_8);
        send(bytes);
        return bytes.length;
    }

    @Override
    public void writeU32(Object n) {
        long v = Args.integer(n, "write_u32() value");
        if (v < 0 || v > 0xFFFF_FFFFL) {
            throw RuchyError.runtime("write_u32() value out of range: " + v);
        }
        send(new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v});
    }

    private void send(byte[] bytes) {
        writeLock.lock();
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            close();
            throw RuchyError.runtime("Cannot write to " + remote + ": " + NetErrors.reason(e));
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * The error for a failed read; anything but a timeout the program set closes the connection, which
     * is broken or, past the idle timeout, abandoned.
     */
    private RuchyError readError(IOException e) {
        if (e instanceof SocketTimeoutException && idleTimeout) {
            close();
            return RuchyError.runtime("Connection from " + remote + " was idle for " + timeoutMs
                    + " ms; it is closed");
        }
        if (e instanceof SocketTimeoutException) {
            return RuchyError.runtime("Read from " + remote + " timed out after " + timeoutMs + " ms");
        }
        close();
        return RuchyError.runtime("Cannot read from " + remote + ": " + NetErrors.reason(e));
    }

    @Override
    public void setTimeout(Object ms) {
        long t = Args.millis(ms, "set_timeout() timeout");
        timeoutMs = (int) Math.min(t, Integer.MAX_VALUE);
        idleTimeout = false;
        try {
            socket.setSoTimeout(timeoutMs);
        } catch (IOException e) {
            throw RuchyError.runtime("Cannot set a timeout on " + remote + ": " + NetErrors.reason(e));
        }
    }

    /** The socket's read timeout in milliseconds, {@code 0} for none. */
    int soTimeout() throws IOException {
        return socket.getSoTimeout();
    }

    @Override
    public String remoteAddr() {
        return remote;
    }

    @Override
    public String localAddr() {
        return NetErrors.address(socket.getLocalSocketAddress());
    }

    @Override
    public boolean isClosed() {
        return socket.isClosed();
    }

    @Override
    public void close() {
        close(socket);
    }

    @Override
    public String toString() {
        return "<tcp stream " + remote + ">";
    }
}
