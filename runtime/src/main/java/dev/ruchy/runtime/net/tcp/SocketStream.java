package dev.ruchy.runtime.net.tcp;

import dev.ruchy.runtime.RuchyError;
import dev.ruchy.runtime.net.Args;
import dev.ruchy.runtime.net.HostPort;
import dev.ruchy.runtime.net.NetErrors;
import java.io.BufferedInputStream;
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

/** {@link TcpStream} on a {@link Socket}, with a buffered reader and unbuffered, immediately sent writes. */
final class SocketStream implements TcpStream {
    /** Longest line {@link #readLine} accepts, so a peer that never sends a newline cannot exhaust memory. */
    static final int MAX_LINE_BYTES = 64 * 1024 * 1024;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final ReentrantLock readLock = new ReentrantLock();
    private final ReentrantLock writeLock = new ReentrantLock();
    private final String remote;
    private volatile int timeoutMs;

    private SocketStream(Socket socket) throws IOException {
        this.socket = socket;
        socket.setTcpNoDelay(true);
        this.in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        this.out = socket.getOutputStream();
        this.remote = NetErrors.address(socket.getRemoteSocketAddress());
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
            ByteArrayOutputStream line = new ByteArrayOutputStream(128);
            while (true) {
                int b = in.read();
                if (b < 0 || b == '\n') {
                    break;
                }
                if (line.size() >= MAX_LINE_BYTES) {
                    throw RuchyError.runtime("Line from " + remote + " is longer than " + MAX_LINE_BYTES + " bytes");
                }
                line.write(b);
            }
            byte[] bytes = line.toByteArray();
            int n = bytes.length;
            if (n > 0 && bytes[n - 1] == '\r') {
                n--;
            }
            return new String(bytes, 0, n, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw readError(e);
        } finally {
            readLock.unlock();
        }
    }

    @Override
    public String read(Object n) {
        long count = Args.integer(n, "read() byte count");
        if (count < 0 || count > Integer.MAX_VALUE - 8) {
            throw RuchyError.runtime("read() byte count out of range: " + count);
        }
        readLock.lock();
        try {
            return new String(in.readNBytes((int) count), StandardCharsets.UTF_8);
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
            byte[] b = in.readNBytes(4);
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
            throw RuchyError.runtime("Cannot write to " + remote + ": " + NetErrors.reason(e));
        } finally {
            writeLock.unlock();
        }
    }

    private RuchyError readError(IOException e) {
        if (e instanceof SocketTimeoutException) {
            return RuchyError.runtime("Read from " + remote + " timed out after " + timeoutMs + " ms");
        }
        return RuchyError.runtime("Cannot read from " + remote + ": " + NetErrors.reason(e));
    }

    @Override
    public void setTimeout(Object ms) {
        long t = Args.millis(ms, "set_timeout() timeout");
        timeoutMs = (int) Math.min(t, Integer.MAX_VALUE);
        try {
            socket.setSoTimeout(timeoutMs);
        } catch (IOException e) {
            throw RuchyError.runtime("Cannot set a timeout on " + remote + ": " + NetErrors.reason(e));
        }
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
