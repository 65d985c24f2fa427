package dev.ruchy.runtime.net.ws;

import dev.ruchy.runtime.RuchyError;
import dev.ruchy.runtime.net.Callbacks;
import dev.ruchy.runtime.net.HelidonLogging;
import dev.ruchy.runtime.net.HelidonServers;
import dev.ruchy.runtime.net.HostPort;
import dev.ruchy.runtime.net.NetErrors;
import dev.ruchy.runtime.net.ServerLimits;
import io.helidon.common.buffers.BufferData;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.http1.Http1ConnectionSelector;
import io.helidon.webserver.websocket.WsConfig;
import io.helidon.webserver.websocket.WsRouting;
import io.helidon.websocket.WsListener;
import io.helidon.websocket.WsSession;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;

/** {@link WsServer} on a Helidon {@link WebServer} with one WebSocket endpoint for every path. */
final class HelidonWsServer implements WsServer {
    private final HostPort address;
    private final Map<String, HelidonWsSocket> sockets = new ConcurrentHashMap<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    /** Guards the start, which waits for Helidon to bind and start (a lock: no virtual thread pins on JDK 21). */
    private final ReentrantLock lock = new ReentrantLock();
    private volatile Object onConnection;
    private volatile WebServer server;

    HelidonWsServer(HostPort address) {
        this.address = address;
    }

    @Override
    public WsServer onConnection(Object handler) {
        onConnection = Callbacks.function(handler, "on_connection() handler");
        return this;
    }

    @Override
    public long broadcast(Object message) {
        String text = Messages.text(message);
        long sent = 0;
        for (HelidonWsSocket s : sockets.values()) {
            if (s.send(text)) {
                sent++;
            }
        }
        return sent;
    }

    @Override
    public List<Object> clients() {
        return new ArrayList<>(sockets.values());
    }

    @Override
    public WsServer start() {
        lock.lock();
        try {
            if (server != null) {
                return this;
            }
            HelidonLogging.quiet();
            // One HTTP/1.1 protocol whose only upgrade is Helidon's WebSocket upgrade with the client's
            // frames checked (CheckingUpgrader); Helidon's connection finds its WebSocket settings among
            // the listener's protocols.
            WsConfig ws = WsConfig.create();
            server = HelidonServers.start("WebSocket server", address, Duration.ofSeconds(2),
                    builder -> builder.maxTcpConnections(ServerLimits.maxConnections())
                            .protocolsDiscoverServices(false)
                            .addProtocol(ws)
                            .addConnectionSelector(Http1ConnectionSelector.builder()
                                    .config(Http1Config.create())
                                    .addUpgrader(new CheckingUpgrader(ws))
                                    .build())
                            .addRouting(WsRouting.builder().endpoint("/*", Connection::new)));
            return this;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void listen() {
        start();
        HelidonServers.awaitStop(toString(), stopped, this::stop);
    }

    @Override
    public long port() {
        WebServer s = server;
        return s == null ? address.port() : s.port();
    }

    @Override
    public void stop() {
        for (HelidonWsSocket s : sockets.values()) {
            s.close();
        }
        WebServer s = server;
        if (s != null) {
            s.stop();
        }
        stopped.countDown();
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return "<websocket server " + new HostPort(address.host(), (int) port()) + ">";
    }

    /**
     * Longest message a WebSocket server takes, in bytes ({@code -Druchy.ws.maxMessageBytes}, read when
     * a server starts; 1 MiB by default): a longer one, in one frame or many, closes the connection
     * with 1009 (message too big) instead of growing in memory.
     */
    static long maxMessageBytes() {
        long n = Long.getLong("ruchy.ws.maxMessageBytes", 1024L * 1024);
        return n <= 0 ? Long.MAX_VALUE : n;
    }

    /** UTF-8 length of {@code s}, in bytes. */
    static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    /** One connection's Helidon listener: runs its events, in order, on the connection's thread. */
    private final class Connection implements WsListener {
        private HelidonWsSocket socket;
        /**
         * Makes the connection's end reported once and after any report in progress. A lock, not the
         * monitor: the {@code close} listener runs under it and may block (sending to other sockets).
         */
        private final ReentrantLock finishLock = new ReentrantLock();
        /** The connection's checked reader: what broke the protocol, if the connection failed for it. */
        private CheckingUpgrader.CheckedContext checked;
        private final StringBuilder text = new StringBuilder();
        private final ByteArrayOutputStream binary = new ByteArrayOutputStream();
        private final long maxMessage = maxMessageBytes();
        private long messageBytes;
        private boolean tooBig;

        /** Counts a part of the current message; false (and the connection closed with 1009) past the limit. */
        private boolean fits(long partBytes, boolean last) {
            if (tooBig) {
                return false;
            }
            messageBytes += partBytes;
            if (messageBytes > maxMessage) {
                tooBig = true;
                text.setLength(0);
                binary.reset();
                if (socket != null) {
                    socket.close(1009, "message too big");
                }
                return false;
            }
            if (last) {
                messageBytes = 0;
            }
            return true;
        }

        @Override
        public void onOpen(WsSession session) {
            String remote = NetErrors.address(session.socketContext().remotePeer().address());
            socket = new HelidonWsSocket(session, remote, session.prologue().uriPath().path());
            if (session.socketContext() instanceof CheckingUpgrader.CheckedContext c) {
                checked = c;
            }
            sockets.put(socket.id(), socket);
            // Helidon calls neither onClose nor onError when the peer vanishes without a close frame (a
            // killed client): the connection's thread just ends. Every callback runs on that thread, so
            // its end is the end of the connection.
            Thread connection = Thread.currentThread();
            Thread.ofVirtual().name("ruchy-websocket-watch").start(() -> {
                try {
                    connection.join();
                } catch (InterruptedException e) {
                    return;
                }
                finish(1006L, "connection lost");
            });
            Object handler = onConnection;
            if (handler != null) {
                try {
                    Callbacks.callLenient(handler, socket);
                } catch (Throwable t) {
                    Callbacks.report("WebSocket on_connection handler", t);
                }
            }
        }

        @Override
        public void onMessage(WsSession session, String part, boolean last) {
            if (!fits(utf8Length(part), last)) {
                return;
            }
            text.append(part);
            if (last) {
                String message = text.toString();
                text.setLength(0);
                socket.emit("message", message);
            }
        }

        @Override
        public void onMessage(WsSession session, BufferData part, boolean last) {
            if (!fits(part.available(), last)) {
                return;
            }
            byte[] bytes = new byte[part.available()];
            part.read(bytes);
            binary.writeBytes(bytes);
            if (last) {
                String message = binary.toString(StandardCharsets.UTF_8);
                binary.reset();
                socket.emit("message", message);
            }
        }

        /** Helidon leaves pings to the application: each gets its pong. */
        @Override
        public void onPing(WsSession session, BufferData data) {
            if (socket != null) {
                socket.pong(data);
            }
        }

        @Override
        public void onClose(WsSession session, int status, String reason) {
            finish((long) status, reason);
        }

        @Override
        public void onError(WsSession session, Throwable t) {
            if (socket != null) {
                socket.emit("error", NetErrors.reason(t));
            }
            finish(1006L, "error");
        }

        /**
         * The connection's end, reported once. When this side closed it ({@code socket.close()}), Helidon
         * reports no close of its own, only the connection ending: that is a normal closure. When the
         * client broke the protocol, it is the code the connection was closed with (1002, 1007).
         */
        private void finish(Object code, String reason) {
            finishLock.lock();
            try {
                HelidonWsSocket s = socket;
                if (s != null && sockets.remove(s.id()) != null) {
                    s.closed();
                    FrameChecker.Violation violation = checked == null ? null : checked.violation();
                    if (s.closedHere()) {
                        s.emit("close", (long) s.closeCode(), s.closeReason());
                    } else if (violation != null) {
                        s.emit("close", (long) violation.code(), violation.reason());
                    } else {
                        s.emit("close", code, reason);
                    }
                }
            } finally {
                finishLock.unlock();
            }
        }
    }
}
