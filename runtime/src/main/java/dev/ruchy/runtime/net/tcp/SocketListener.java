package dev.ruchy.runtime.net.tcp;

import dev.ruchy.runtime.RuchyError;
import dev.ruchy.runtime.net.HelidonServers;
import dev.ruchy.runtime.net.HostPort;
import dev.ruchy.runtime.net.NetErrors;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicBoolean;

/** {@link TcpListener} on a {@link ServerSocket}; {@code accept} blocks a virtual thread cheaply. */
final class SocketListener implements TcpListener {
    /** Pending connections the OS keeps before {@code accept}: enough for a burst of clients. */
    private static final int BACKLOG = 1024;

    private final ServerSocket socket;
    private final String name;
    /** Whether the first {@code accept} told an interactive session that this listener serves. */
    private final AtomicBoolean announced = new AtomicBoolean();

    private SocketListener(ServerSocket socket, String name) {
        this.socket = socket;
        this.name = name;
    }

    static SocketListener bind(HostPort address, String text) {
        ServerSocket socket = null;
        try {
            socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(address.host(), address.port()), BACKLOG);
            return new SocketListener(socket, text);
        } catch (IOException e) {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // nothing was bound
                }
            }
            throw RuchyError.runtime("Cannot bind " + text + ": " + NetErrors.reason(e));
        }
    }

    @Override
    public TcpStream accept() {
        if (announced.compareAndSet(false, true)) {
            HelidonServers.serving(toString(), this::close); // at the REPL: the accept loop goes to the background
        }
        try {
            Socket client = socket.accept();
            return SocketStream.of(client);
        } catch (IOException e) {
            if (socket.isClosed()) {
                throw RuchyError.runtime("Listener on " + name + " is closed");
            }
            throw RuchyError.runtime("Cannot accept on " + name + ": " + NetErrors.reason(e));
        }
    }

    @Override
    public long port() {
        return socket.getLocalPort();
    }

    @Override
    public String localAddr() {
        return NetErrors.address(socket.getLocalSocketAddress());
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing a listener cannot meaningfully fail
        }
    }

    @Override
    public String toString() {
        return "<tcp listener " + localAddr() + ">";
    }
}
