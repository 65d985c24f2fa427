package dev.ruchy.runtime.net.http;

import io.helidon.common.socket.SocketOptions;
import io.helidon.webserver.http.ServerRequest;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketAddress;
import java.net.SocketOption;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Closes HTTP connections that stay silent too long, and those whose client asked for it
 * ({@code Connection: close}, which Helidon 4.5 does not honour): a client that sends half a request line or
 * half its headers, or stops in the middle of a body a handler is reading, or keeps an idle
 * connection between requests. Helidon 4.5's own idle timeout only closes connections waiting for a
 * request line, and its server sockets (blocking {@code SocketChannel}s) have no read timeout.
 *
 * <p>Each accepted connection is registered through the listener's {@link SocketOptions} (Helidon
 * configures every accepted channel with them) under its two addresses; requests find their entry by
 * the same addresses. A connection is timed while it waits for a request (its headers included: the
 * clock starts when the previous response went out, or at accept) and while a handler is blocked
 * reading the body; it is not timed while a handler runs otherwise. One daemon thread looks for
 * connections over their time and closes their channels, which ends Helidon's blocked read.
 */
final class IdleConnections {
    /** What a connection is doing, for the clock. */
    private enum State { WAITING, HANDLING, READING }

    private record Key(SocketAddress remote, SocketAddress local) {
    }

    /** An accepted connection: its channel and its clock. */
    static final class Connection {
        final SocketChannel channel;
        final long timeoutNanos;
        volatile long since = System.nanoTime();
        volatile State state = State.WAITING;

        Connection(SocketChannel channel, long timeoutNanos) {
            this.channel = channel;
            this.timeoutNanos = timeoutNanos;
        }

        void set(State s) {
            since = System.nanoTime();
            state = s;
        }
    }

    private static final Map<Key, Connection> CONNECTIONS = new ConcurrentHashMap<>();
    private static volatile ScheduledExecutorService sweeper;
    private static volatile long sweepPeriodMs = Long.MAX_VALUE;

    private IdleConnections() {
    }

    /**
     * Socket options that register each accepted connection to be closed after {@code timeout} of
     * silence ({@link Duration#ZERO}: never), checked every {@code period}.
     */
    static SocketOptions options(Duration timeout, Duration period) {
        startSweeper(period.toMillis());
        return new Registering(SocketOptions.create(), timeout.isZero() ? Long.MAX_VALUE : timeout.toNanos());
    }

    /**
     * The request's handlers run: its connection is not timed until {@link #done}.
     *
     * @return the request's connection, for {@link #done}; null when it is not registered (gone)
     */
    static Connection handling(ServerRequest request) {
        Connection e = connection(request);
        if (e != null) {
            e.set(State.HANDLING);
        }
        return e;
    }

    /**
     * The request {@link #handling} gave {@code e} for was answered: its connection waits for the
     * next one, timed from now; or, when {@code close} (the client sent {@code Connection: close}),
     * this side of it is shut down: the client reads the response, then the end of the stream.
     * Nothing for a null {@code e}.
     */
    static void done(Connection e, boolean close) {
        if (e != null) {
            e.set(State.WAITING);
            if (close) {
                try {
                    e.channel.shutdownOutput();
                } catch (IOException | RuntimeException ignored) {
                    // already closed
                }
            }
        }
    }

    /** {@code body}, timed while a read waits for the client. */
    static InputStream watched(ServerRequest request, InputStream body) {
        Connection e = connection(request);
        if (e == null) {
            return body;
        }
        return new FilterInputStream(body) {
            @Override
            public int read() throws IOException {
                e.set(State.READING);
                try {
                    return super.read();
                } finally {
                    e.set(State.HANDLING);
                }
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                e.set(State.READING);
                try {
                    return super.read(b, off, len);
                } finally {
                    e.set(State.HANDLING);
                }
            }
        };
    }

    /** How many connections are registered (open, or closed since the last sweep). */
    static int registered() {
        return CONNECTIONS.size();
    }

    private static Connection connection(ServerRequest request) {
        try {
            return CONNECTIONS.get(new Key(request.remotePeer().address(), request.localPeer().address()));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static synchronized void startSweeper(long periodMs) {
        if (sweeper != null && periodMs >= sweepPeriodMs) {
            return;
        }
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
        sweepPeriodMs = periodMs;
        sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ruchy-http-idle");
            t.setDaemon(true);
            return t;
        });
        sweeper.scheduleWithFixedDelay(IdleConnections::sweep, periodMs, periodMs, TimeUnit.MILLISECONDS);
    }

    static void sweep() {
        long now = System.nanoTime();
        CONNECTIONS.entrySet().removeIf(kv -> {
            Connection e = kv.getValue();
            if (!e.channel.isOpen()) {
                return true;
            }
            if (e.state != State.HANDLING && now - e.since > e.timeoutNanos) {
                try {
                    e.channel.close();
                } catch (IOException | RuntimeException ignored) {
                    // closing is all we can do
                }
                return true;
            }
            return false;
        });
    }

    /** Helidon's socket options, registering each accepted channel. */
    private record Registering(SocketOptions base, long timeoutNanos) implements SocketOptions {
        @Override
        public void configureSocket(SocketChannel channel) {
            base.configureSocket(channel);
            try {
                CONNECTIONS.put(new Key(channel.getRemoteAddress(), channel.getLocalAddress()), new Connection(channel, timeoutNanos));
            } catch (IOException e) {
                // the connection is already gone
            }
        }

        @Override
        public void configureSocket(java.net.Socket socket) {
            base.configureSocket(socket);
        }

        @Override
        public Map<SocketOption<?>, Object> socketOptions() {
            return base.socketOptions();
        }

        @Override
        public Duration connectTimeout() {
            return base.connectTimeout();
        }

        @Override
        public Duration readTimeout() {
            return base.readTimeout();
        }

        @Override
        public Optional<Integer> socketReceiveBufferSize() {
            return base.socketReceiveBufferSize();
        }

        @Override
        public Optional<Integer> socketSendBufferSize() {
            return base.socketSendBufferSize();
        }

        @Override
        public boolean socketReuseAddress() {
            return base.socketReuseAddress();
        }

        @Override
        public boolean socketKeepAlive() {
            return base.socketKeepAlive();
        }

        @Override
        public boolean tcpNoDelay() {
            return base.tcpNoDelay();
        }
    }
}
