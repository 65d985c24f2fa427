package dev.ruchy.runtime.net;

import dev.ruchy.runtime.RuchyError;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * A {@code host:port} address as Ruchy programs write them: {@code "127.0.0.1:9000"},
 * {@code "0.0.0.0:8080"}, {@code "localhost:80"}, {@code "[::1]:8080"}, {@code ":8080"} (every
 * interface).
 *
 * @param host host name or address without brackets; {@code "0.0.0.0"} when the text names none
 * @param port TCP port, 0 to 65535 ({@code 0}: any free port, for servers)
 */
public record HostPort(String host, int port) {
    /**
     * Parses {@code address}.
     *
     * @throws RuchyError {@code Runtime error: Invalid address 'x': expected host:port}
     */
    public static HostPort parse(String address) {
        String text = address.trim();
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            throw invalid(address, "expected host:port");
        }
        String host = text.substring(0, colon);
        String portText = text.substring(colon + 1);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.indexOf(':') >= 0) {
            throw invalid(address, "write an IPv6 address in brackets, as [::1]:8080");
        }
        int port;
        try {
            port = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            throw invalid(address, "the port is not a number");
        }
        if (port < 0 || port > 65535) {
            throw invalid(address, "the port must be between 0 and 65535");
        }
        return new HostPort(host.isEmpty() ? "0.0.0.0" : host, port);
    }

    /**
     * Checks that a server can bind this address (Helidon only logs a failed bind and returns a server
     * that is not running).
     *
     * @param what the server, for the message ({@code HTTP server})
     * @throws RuchyError {@code Runtime error: Cannot start HTTP server on 0.0.0.0:8080: Address already in use}
     */
    public void checkBindable(String what) {
        if (port == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw RuchyError.runtime("Cannot start " + what + " on " + this + ": " + NetErrors.reason(e));
        }
    }

    private static RuchyError invalid(String address, String why) {
        return RuchyError.runtime("Invalid address '" + address + "': " + why);
    }

    /** {@code host:port}, with brackets around an IPv6 host. */
    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
