package dev.ruchy.runtime.net;

import java.net.BindException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

/** Short, stable texts for network failures, and addresses as {@code ip:port}. */
public final class NetErrors {
    private NetErrors() {
    }

    /**
     * Why an I/O operation failed, without Java class names: {@code Connection refused},
     * {@code Unknown host nosuch.invalid}, {@code Address already in use}. The cause chain is searched
     * for the telling exception (libraries wrap them: {@code UncheckedIOException},
     * {@code ExecutionException}).
     */
    public static String reason(Throwable e) {
        String first = null;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            switch (t) {
                case ConnectException c -> {
                    return "Connection refused";
                }
                case UnknownHostException u -> {
                    return "Unknown host " + message;
                }
                case NoRouteToHostException n -> {
                    return "No route to host";
                }
                case BindException b -> {
                    return message == null ? "Address already in use" : message.replace(" (Bind failed)", "");
                }
                case SocketTimeoutException s -> {
                    return "Timed out";
                }
                default -> {
                    if (first == null && message != null && !(t instanceof java.io.UncheckedIOException)
                            && !(t instanceof java.util.concurrent.ExecutionException)) {
                        first = message;
                    }
                }
            }
        }
        return first != null ? first : e.getClass().getSimpleName();
    }

    /** {@code 127.0.0.1:54321} for a socket address ({@code [::1]:80} for IPv6). */
    public static String address(SocketAddress address) {
        if (address instanceof InetSocketAddress inet) {
            String host = inet.getAddress() == null ? inet.getHostString() : inet.getAddress().getHostAddress();
            return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + inet.getPort();
        }
        return String.valueOf(address);
    }
}
