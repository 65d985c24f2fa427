package dev.ruchy.runtime;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps a program running while it has open connections with listeners, as an event-loop runtime
 * does: a program whose main code ends after {@code ws::connect(...)} and {@code ws.on(...)} goes on
 * receiving until that connection closes, as the networking chapter's WebSocket client expects. Each held connection has a non-daemon thread waiting for its end, so the JVM stays up
 * whichever {@code main} started the program; {@link ProgramMain#run}, which returns into the CLI,
 * waits for them explicitly.
 */
public final class Lifetime {
    private static final Set<CompletableFuture<?>> OPEN = ConcurrentHashMap.newKeySet();

    private Lifetime() {
    }

    /**
     * Keeps the program alive until {@code end} completes, normally or not. Calling it again with the
     * same future does nothing.
     *
     * @param end  completes when the connection has closed and its close listener has run
     * @param name names the waiting thread in thread dumps ({@code ws ws://localhost:8081})
     */
    public static void holdUntil(CompletableFuture<?> end, String name) {
        if (end.isDone() || !OPEN.add(end)) {
            return;
        }
        Thread.ofPlatform().daemon(false).name("ruchy-open: " + name).start(() -> {
            try {
                awaitEnd(end);
            } finally {
                OPEN.remove(end);
            }
        });
    }

    /** Waits until every connection held by {@link #holdUntil} has ended. */
    public static void awaitOpenConnections() {
        while (!OPEN.isEmpty()) {
            for (CompletableFuture<?> end : OPEN) {
                awaitEnd(end);
                OPEN.remove(end);
            }
        }
    }

    /** Whether some connection still holds the program. */
    public static boolean holding() {
        return !OPEN.isEmpty();
    }

    private static void awaitEnd(CompletableFuture<?> end) {
        try {
            end.join();
        } catch (RuntimeException e) {
            // failed or cancelled: ended all the same
        }
    }
}
