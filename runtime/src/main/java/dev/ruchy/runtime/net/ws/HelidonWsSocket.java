package dev.ruchy.runtime.net.ws;

import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.net.Callbacks;
import io.helidon.common.buffers.BufferData;
import io.helidon.websocket.WsSession;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/** {@link WsSocket} over a Helidon {@link WsSession}; sends are serialised by a lock. */
final class HelidonWsSocket implements WsSocket {
    private static final Set<String> EVENTS = Set.of("message", "close", "error");

    private final String id = Builtins.generateId();
    private final WsSession session;
    private final String remote;
    private final String path;
    private final Map<String, Object> listeners = new ConcurrentHashMap<>();
    private final ReentrantLock sendLock = new ReentrantLock();
    private volatile boolean open = true;
    /** Whether this side closed the connection ({@link #close}): its end is then a normal closure. */
    private volatile boolean closedHere;
    private volatile int closeCode = 1000;
    private volatile String closeReason = "normal closure";

    HelidonWsSocket(WsSession session, String remote, String path) {
        this.session = session;
        this.remote = remote;
        this.path = path;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public WsSocket on(Object event, Object listener) {
        listeners.put(Messages.event(event, EVENTS), Callbacks.function(listener, "on() listener"));
        return this;
    }

    /** Calls the listener for {@code event}, if any; a failing listener is reported and the connection goes on. */
    void emit(String event, Object... args) {
        Object f = listeners.get(event);
        if (f != null) {
            try {
                Callbacks.callLenient(f, args);
            } catch (Throwable t) {
                Callbacks.report("WebSocket " + event + " listener", t);
            }
        }
    }

    @Override
    public boolean send(Object message) {
        String text = Messages.text(message);
        if (!open) {
            return false;
        }
        sendLock.lock();
        try {
            if (!open) {
                return false;
            }
            session.send(text, true);
            return true;
        } catch (RuntimeException e) {
            open = false;
            return false;
        } finally {
            sendLock.unlock();
        }
    }

    /** Answers a ping with a pong carrying the same data (RFC 6455 §5.5.3), between other sends. */
    void pong(BufferData data) {
        sendLock.lock();
        try {
            if (open) {
                session.pong(data);
            }
        } catch (RuntimeException e) {
            open = false;
        } finally {
            sendLock.unlock();
        }
    }

    @Override
    public void close() {
        close(1000, "normal closure");
    }

    /** Closes with {@code code} (1000, or 1009 for a message over the limit), reported to {@code close}. */
    void close(int code, String reason) {
        sendLock.lock();
        try {
            if (open) {
                open = false;
                closedHere = true;
                closeCode = code;
                closeReason = reason;
                session.close(code, reason);
            }
        } catch (RuntimeException e) {
            // already gone
        } finally {
            sendLock.unlock();
        }
    }

    void closed() {
        open = false;
    }

    boolean closedHere() {
        return closedHere;
    }

    int closeCode() {
        return closeCode;
    }

    String closeReason() {
        return closeReason;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public String remoteAddr() {
        return remote;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public String toString() {
        return "<websocket " + id + ">";
    }
}
