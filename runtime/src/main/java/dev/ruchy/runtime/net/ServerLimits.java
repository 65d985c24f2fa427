package dev.ruchy.runtime.net;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * The limits a server puts on its clients, each a JVM option ({@code -Druchy.http.maxBodyBytes=N},
 * passed to {@code ruchy run} in {@code RUCHY_JAVA_OPTS}), read when a server starts.
 */
public final class ServerLimits {
    /** Default of {@link #maxBodyBytes()}: 10 MiB. */
    public static final long DEFAULT_MAX_BODY_BYTES = 10L * 1024 * 1024;

    /** Default of {@link #idleTimeout()}: 30 s. */
    public static final long DEFAULT_IDLE_TIMEOUT_MS = 30_000;

    /** Descriptors {@link #maxConnections()} leaves to the rest of the program (files, databases, clients). */
    static final int RESERVED_DESCRIPTORS = 128;

    /** Upper bound of the default {@link #maxConnections()}. */
    static final int DEFAULT_MAX_CONNECTIONS_CAP = 10_000;

    private ServerLimits() {
    }

    /**
     * Largest request body an HTTP server accepts, in bytes ({@code -Druchy.http.maxBodyBytes}): a
     * longer {@code Content-Length} is answered {@code 413 Content Too Large} before any handler runs,
     * and a chunked body that grows past it is cut off with {@code 413} too. {@code 0} or less: no
     * limit.
     */
    public static long maxBodyBytes() {
        return Long.getLong("ruchy.http.maxBodyBytes", DEFAULT_MAX_BODY_BYTES);
    }

    /**
     * How long an HTTP connection may stay silent, whether between requests or in the middle of
     * one's headers or body ({@code -Druchy.http.idleTimeoutMs}); a connection idle longer is closed.
     * {@code 0} or less: never.
     */
    public static Duration idleTimeout() {
        long ms = Long.getLong("ruchy.http.idleTimeoutMs", DEFAULT_IDLE_TIMEOUT_MS);
        return ms <= 0 ? Duration.ZERO : Duration.ofMillis(ms);
    }

    /**
     * Most connections an HTTP or WebSocket server keeps open at once ({@code -Druchy.net.maxConnections});
     * further clients wait in the listen backlog until one closes. The default leaves
     * {@value #RESERVED_DESCRIPTORS} of the process's file descriptors to the rest of the program, at
     * most {@value #DEFAULT_MAX_CONNECTIONS_CAP}: at a limit of 1024 descriptors it is 896. A server
     * that ran out of descriptors would otherwise stop listening for good (Helidon closes its listening
     * socket on a failed accept).
     */
    public static int maxConnections() {
        Integer n = Integer.getInteger("ruchy.net.maxConnections");
        if (n != null && n > 0) {
            return n;
        }
        long limit = descriptorLimit();
        if (limit <= 0) {
            return DEFAULT_MAX_CONNECTIONS_CAP;
        }
        return (int) Math.max(16, Math.min(DEFAULT_MAX_CONNECTIONS_CAP, limit - RESERVED_DESCRIPTORS));
    }

    /** The process's file descriptor limit, or {@code -1} where the JVM does not tell. */
    static long descriptorLimit() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            return unix.getMaxFileDescriptorCount();
        }
        return -1;
    }
}
