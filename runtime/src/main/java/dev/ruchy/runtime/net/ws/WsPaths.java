package dev.ruchy.runtime.net.ws;

import static dev.ruchy.runtime.net.Args.withArity;

import dev.ruchy.runtime.FnN;
import dev.ruchy.runtime.PathProvider;
import dev.ruchy.runtime.net.Args;
import java.util.function.BiConsumer;

/**
 * The WebSocket paths Ruchy programs call, a {@link PathProvider} service of the runtime's path table:
 * {@code ws::Server::new(addr)} gives a {@link WsServer}, {@code ws::connect(url)} a connected
 * {@link WsClient}.
 */
public final class WsPaths implements PathProvider {
    /** The provider {@link java.util.ServiceLoader} creates. */
    public WsPaths() {
    }

    /** Adds the WebSocket paths; the networking classes load only when a path is called. */
    @Override
    public void register(BiConsumer<String, FnN> table) {
        table.accept("ws::Server::new", withArity("ws::Server::new", 1,
                a -> WsServer.create(Args.string(a[0], "ws::Server::new() address"))));
        table.accept("ws::connect", withArity("ws::connect", 1, a -> WsClient.connect(Args.string(a[0], "ws::connect() url"))));
    }
}
