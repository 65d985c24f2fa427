package dev.ruchy.runtime.net.ws;

import io.helidon.common.buffers.DataReader;
import io.helidon.common.buffers.DataWriter;
import io.helidon.common.socket.HelidonSocket;
import io.helidon.common.socket.PeerInfo;
import io.helidon.http.HttpPrologue;
import io.helidon.http.WritableHeaders;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.ListenerContext;
import io.helidon.webserver.ProxyProtocolData;
import io.helidon.webserver.Router;
import io.helidon.webserver.http1.spi.Http1Upgrader;
import io.helidon.webserver.spi.ServerConnection;
import io.helidon.webserver.websocket.WsConfig;
import io.helidon.webserver.websocket.WsUpgrader;
import io.helidon.websocket.WsCloseException;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * Helidon's WebSocket upgrade, with the client's bytes checked against RFC 6455 on their way to
 * Helidon's frame reader. The handshake and the connection stay Helidon's ({@link WsUpgrader},
 * {@code WsConnection}); the connection is given a {@link ConnectionContext} whose data reader passes
 * the socket's bytes through a {@link FrameChecker}. At the first byte that breaks the protocol the
 * reader hands on what came before it, then throws Helidon's own {@link WsCloseException} with the
 * code to answer: Helidon's frame reader answers that exception with a close frame carrying the code
 * and closes the connection, as it does for the few errors it detects itself.
 *
 * <p>Used as the only upgrader of the WebSocket server's HTTP/1.1 connections; not a routed upgrade
 * (the server has no HTTP routes or filters to run before it).
 */
final class CheckingUpgrader implements Http1Upgrader {
    private final WsUpgrader helidon;

    CheckingUpgrader(WsConfig config) {
        this.helidon = WsUpgrader.create(config);
    }

    @Override
    public String supportedProtocol() {
        return helidon.supportedProtocol();
    }

    @Override
    public ServerConnection upgrade(ConnectionContext ctx, HttpPrologue prologue, WritableHeaders<?> headers) {
        return helidon.upgrade(new CheckedContext(ctx), prologue, headers);
    }

    /** A connection's context whose reader checks the frames; the violation found, if any, for the close listener. */
    static final class CheckedContext implements ConnectionContext {
        private final ConnectionContext ctx;
        private final DataReader source;
        private final FrameChecker checker = new FrameChecker();
        private final DataReader reader;
        private volatile FrameChecker.Violation violation;

        CheckedContext(ConnectionContext ctx) {
            this.ctx = ctx;
            this.source = ctx.dataReader();
            this.reader = DataReader.create(this::next);
        }

        /**
         * The next checked bytes: all the source has (waiting for at least one), or those before a
         * violation. At a violation, throws {@link WsCloseException} with its code.
         */
        private byte[] next() {
            FrameChecker.Violation v = violation;
            if (v != null) {
                throw new WsCloseException(v.reason(), v.code());
            }
            source.ensureAvailable(); // blocks; at the end of the stream throws what Helidon expects
            byte[] bytes = source.readBytes(source.available());
            int sound = checker.scan(bytes, bytes.length);
            if (sound == bytes.length) {
                return bytes;
            }
            violation = checker.violation();
            if (sound == 0) {
                return next();
            }
            return Arrays.copyOf(bytes, sound);
        }

        /** What broke the protocol, once the connection was failed for it; null otherwise. */
        FrameChecker.Violation violation() {
            return violation;
        }

        @Override
        public DataReader dataReader() {
            return reader;
        }

        @Override
        public ListenerContext listenerContext() {
            return ctx.listenerContext();
        }

        @Override
        public ExecutorService executor() {
            return ctx.executor();
        }

        @Override
        public DataWriter dataWriter() {
            return ctx.dataWriter();
        }

        @Override
        public Router router() {
            return ctx.router();
        }

        @Override
        public Optional<ProxyProtocolData> proxyProtocolData() {
            return ctx.proxyProtocolData();
        }

        @Override
        public HelidonSocket serverSocket() {
            return ctx.serverSocket();
        }

        @Override
        public PeerInfo remotePeer() {
            return ctx.remotePeer();
        }

        @Override
        public PeerInfo localPeer() {
            return ctx.localPeer();
        }

        @Override
        public boolean isSecure() {
            return ctx.isSecure();
        }

        @Override
        public String socketId() {
            return ctx.socketId();
        }

        @Override
        public String childSocketId() {
            return ctx.childSocketId();
        }
    }
}
