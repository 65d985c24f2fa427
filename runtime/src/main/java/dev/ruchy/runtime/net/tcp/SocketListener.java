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
    static {
        dev.ruchy.runtime.VirtualThreads.configure(); // before the first virtual thread starts
    }

    /** Pending connections the OS keeps before {@code accept}: enough for a burst of clients. */
    private static final int BACKLOG = 1024;

    private final ServerSocket socket;
    private final String name;
    /** Whether the first {@code accept} told an interactive session that this listener serves. */
    private final AtomicBoolean announced = new AtomicBoolean();

    /** Longest pause between two accepts that failed for want of file descriptors, in milliseconds. */
    private static final long MAX_PAUSE_MS = 100;

    SocketListener(ServerSocket socket, String name) {
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

    /**
     * {@inheritDoc}
     *
     * <p>When the process has no file descriptor left ({@code EMFILE}, {@code ENFILE}: many clients
     * connected and idle), accept waits (1 ms, doubling up to 100 ms) and tries again until a
     * connection closes, rather than failing: an accept loop would otherwise end and the server
     * with it, while the pending clients wait in the backlog.
     */
    @Override
    public TcpStream accept() {
        if (announced.compareAndSet(false, true)) {
            HelidonServers.serving(toString(), this::close); // at the REPL: the accept loop goes to the background
        }
        long pause = 1;
        while (true) {
            try {
                Socket client = socket.accept();
                return SocketStream.accepted(client);
            } catch (IOException e) {
                if (socket.isClosed()) {
                    throw RuchyError.runtime("Listener on " + name + " is closed");
                }
                if (!SocketStream.outOfDescriptors(e)) {
                    throw RuchyError.runtime("Cannot accept on " + name + ": " + NetErrors.reason(e));
                }
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw RuchyError.runtime("Interrupted while accepting on " + name);
            }
            pause = Math.min(pause * 2, MAX_PAUSE_MS);
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
