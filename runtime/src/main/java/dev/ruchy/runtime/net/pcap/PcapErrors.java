package dev.ruchy.runtime.net.pcap;

import dev.ruchy.runtime.RuchyError;
import java.util.List;

/**
 * The errors users meet with packet capture, worded as what to do: each is a {@link RuchyError}, never
 * a Java stack trace.
 */
public final class PcapErrors {
    /** The Debian/Ubuntu package that provides libpcap. */
    static final String DEBIAN_PACKAGE = "libpcap0.8";

    private PcapErrors() {
    }

    /**
     * libpcap could not be loaded (JNA found no {@code libpcap.so*}).
     *
     * @param cause the linkage error JNA or Pcap4J threw (its message, or its cause's, is quoted)
     * @return {@code Runtime error: Packet capture needs libpcap, which is not installed (...): install it with 'apt-get install libpcap0.8' ...}
     */
    public static RuchyError libraryMissing(Throwable cause) {
        // the first failure carries JNA's message; an ExceptionInInitializerError around it has none
        Throwable said = cause;
        while (said.getMessage() == null && said.getCause() != null && said.getCause() != said) {
            said = said.getCause();
        }
        String detail = said.getMessage() == null ? said.getClass().getSimpleName() : reason(said.getMessage());
        return RuchyError.runtime("Packet capture needs libpcap, which is not installed (" + detail + "): install it with"
                + " 'apt-get install " + DEBIAN_PACKAGE + "' (Debian/Ubuntu) or your system's libpcap package");
    }

    /**
     * Whether libpcap's message for opening a device says the process may not capture.
     *
     * @param message libpcap's error text, e.g. {@code lo: You don't have permission to perform this capture on that device (socket: Operation not permitted)}
     */
    public static boolean isPermissionDenied(String message) {
        if (message == null) {
            return false;
        }
        String m = message.toLowerCase(java.util.Locale.ROOT);
        return m.contains("operation not permitted") || m.contains("permission") || m.contains("eperm")
                || m.contains("eacces");
    }

    /**
     * The process may not capture on the interface.
     *
     * @param device  the interface asked for
     * @param message libpcap's error text
     * @return {@code Runtime error: Not permitted to capture on 'lo' (...): packet capture needs root or the CAP_NET_RAW capability; ...}
     */
    public static RuchyError notPermitted(String device, String message) {
        return RuchyError.runtime("Not permitted to capture on '" + device + "' (" + firstLine(message) + "): packet capture"
                + " needs root or the CAP_NET_RAW capability; run the program as root (sudo), or grant the capability to java"
                + " once with: sudo setcap cap_net_raw,cap_net_admin=eip \"$(readlink -f \"$(command -v java)\")\"");
    }

    /**
     * No interface has the name asked for.
     *
     * @param device   the name asked for
     * @param existing the names of the interfaces libpcap lists
     * @return {@code Runtime error: No network interface 'eth9'; interfaces: lo, eth0, any}
     */
    public static RuchyError unknownInterface(String device, List<String> existing) {
        return RuchyError.runtime("No network interface '" + device + "'; interfaces: "
                + (existing.isEmpty() ? "(none visible)" : String.join(", ", existing)));
    }

    /**
     * The BPF filter did not compile.
     *
     * @param filter  the filter text
     * @param message the filter compiler's message
     * @return {@code Runtime error: Bad capture filter 'tcp prot 80': syntax error in filter expression: syntax error}
     */
    public static RuchyError badFilter(String filter, String message) {
        return RuchyError.runtime("Bad capture filter '" + filter + "': " + firstLine(message));
    }

    /**
     * Any other failure of libpcap.
     *
     * @param what    what was being done, e.g. {@code Cannot open 'lo' for capture}
     * @param message libpcap's error text
     */
    public static RuchyError failed(String what, String message) {
        return RuchyError.runtime(what + ": " + firstLine(message));
    }

    /**
     * libpcap's message about a file without the file's name it starts with
     * ({@code "x.pcap: No such file or directory"} → {@code "No such file or directory"}).
     *
     * @param path    the file's path
     * @param message libpcap's error text, possibly null
     */
    static String withoutPath(String path, String message) {
        if (message != null && message.startsWith(path + ": ")) {
            return message.substring(path.length() + 2);
        }
        return message;
    }

    /**
     * JNA's several-line message as one line: its first line, and the second when the first ends in
     * a colon ({@code Unable to load library 'pcap': libpcap.so: cannot open shared object file: ...}).
     */
    private static String reason(String text) {
        String[] lines = text.strip().split("\\R");
        String first = lines[0].strip();
        if (first.endsWith(":") && lines.length > 1) {
            return first + " " + lines[1].strip();
        }
        return first;
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "unknown error";
        }
        int nl = text.indexOf('\n');
        return (nl < 0 ? text : text.substring(0, nl)).strip();
    }
}
