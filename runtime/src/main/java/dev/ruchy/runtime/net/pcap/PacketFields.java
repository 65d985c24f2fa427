package dev.ruchy.runtime.net.pcap;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.sql.Timestamp;

/**
 * The {@link Packet} a capture handler receives for one packet, decoded straight from the captured bytes
 * (link layer: Ethernet with or without VLAN tags, Linux "cooked" SLL and SLL2, raw IP, BSD loopback;
 * then IPv4, IPv6 with its extension headers, ARP, TCP, UDP, ICMP, ICMPv6). Keys:
 *
 * <table>
 *   <caption>Packet keys</caption>
 *   <tr><th>key</th><th>value</th></tr>
 *   <tr><td>{@code protocol}</td><td>{@code "TCP"}, {@code "UDP"}, {@code "ICMP"}, {@code "ICMPv6"}, {@code "ARP"}, {@code "IPv4"}/{@code "IPv6"} (another IP protocol, or a fragment after the first), or {@code "Other"}</td></tr>
 *   <tr><td>{@code src}, {@code dst}</td><td>IP addresses as text ({@code "127.0.0.1"}, {@code "::1"}); the protocol addresses for ARP; nil when the packet has none</td></tr>
 *   <tr><td>{@code src_port}, {@code dst_port}</td><td>integers for TCP and UDP, else nil</td></tr>
 *   <tr><td>{@code size}</td><td>the frame's length on the wire in bytes, link-layer header included (14 bytes of Ethernet header on Linux's {@code lo})</td></tr>
 *   <tr><td>{@code payload_len}</td><td>bytes of TCP or UDP payload (0 for none); for other IP packets the IP payload's length; else 0</td></tr>
 *   <tr><td>{@code flags}</td><td>TCP flags as text, e.g. {@code "SYN,ACK"}; {@code ""} for other protocols</td></tr>
 *   <tr><td>{@code time}</td><td>capture time, milliseconds since the Unix epoch (an integer)</td></tr>
 * </table>
 *
 * <p>Lengths come from the IP headers (so an Ethernet frame's padding is not payload), cut to the
 * bytes captured. A packet cut short before a header ends keeps what was decoded before it.
 */
final class PacketFields {
    /** libpcap's link-layer types (DLT_ / LINKTYPE_ values). */
    static final int LINK_NULL = 0;
    static final int LINK_ETHERNET = 1;
    static final int LINK_RAW = 101;
    static final int LINK_RAW_DLT = 12;
    static final int LINK_LINUX_SLL = 113;
    static final int LINK_LINUX_SLL2 = 276;

    private PacketFields() {
    }

    /**
     * The object for one captured frame.
     *
     * @param raw  the bytes captured
     * @param link the capture's link-layer type (libpcap's DLT value, 1 for Ethernet)
     * @param time its capture time, or null for now
     * @param wire its length on the wire in bytes (libpcap's original length)
     */
    static Packet of(byte[] raw, int link, Timestamp time, long wire) {
        Decoded d = new Decoded();
        try {
            decode(raw, link, d);
        } catch (IndexOutOfBoundsException cut) {
            // the capture ends inside a header: keep what was decoded
        }
        return new Packet(d.protocol, d.src, d.dst, d.srcPort, d.dstPort, wire, d.payload, d.flags,
                time == null ? System.currentTimeMillis() : time.getTime());
    }

    /** What decoding found, with the defaults of a frame it does not understand. */
    private static final class Decoded {
        String protocol = "Other";
        String src;
        String dst;
        Long srcPort;
        Long dstPort;
        long payload;
        String flags = "";
    }

    private static void decode(byte[] b, int link, Decoded d) {
        int type;
        int at;
        switch (link) {
            case LINK_ETHERNET -> {
                at = 12;
                type = u16(b, at);
                while (type == 0x8100 || type == 0x88a8 || type == 0x9100) { // VLAN tags
                    at += 4;
                    type = u16(b, at);
                }
                at += 2;
            }
            case LINK_LINUX_SLL -> {
                type = u16(b, 14);
                at = 16;
            }
            case LINK_LINUX_SLL2 -> {
                type = u16(b, 0);
                at = 20;
            }
            case LINK_RAW, LINK_RAW_DLT -> {
                type = (b[0] & 0xf0) == 0x60 ? 0x86dd : 0x0800;
                at = 0;
            }
            case LINK_NULL -> {
                int family = b[0] == 0 ? b[3] : b[0]; // host byte order
                type = family == 2 ? 0x0800 : family == 10 || family == 24 || family == 28 || family == 30 ? 0x86dd : -1;
                at = 4;
            }
            default -> {
                return;
            }
        }
        switch (type) {
            case 0x0800 -> ipv4(b, at, d);
            case 0x86dd -> ipv6(b, at, d);
            case 0x0806 -> arp(b, at, d);
            default -> {
                // another link-layer protocol: "Other"
            }
        }
    }

    private static void ipv4(byte[] b, int at, Decoded d) {
        int headerLength = (b[at] & 0x0f) * 4;
        int total = u16(b, at + 2);
        // 0: a segment the kernel hands over before splitting it (TCP segmentation offload)
        int end = total == 0 ? b.length : Math.min(b.length, at + total);
        d.protocol = "IPv4";
        d.src = ipv4Text(b, at + 12);
        d.dst = ipv4Text(b, at + 16);
        d.payload = Math.max(0, end - at - headerLength);
        boolean laterFragment = (u16(b, at + 6) & 0x1fff) != 0;
        if (!laterFragment) {
            transport(b[at + 9] & 0xff, b, at + headerLength, end, d, false);
        }
    }

    private static void ipv6(byte[] b, int at, Decoded d) {
        int end = Math.min(b.length, at + 40 + u16(b, at + 4));
        d.protocol = "IPv6";
        d.src = text(slice(b, at + 8, 16));
        d.dst = text(slice(b, at + 24, 16));
        d.payload = Math.max(0, end - at - 40);
        int next = b[at + 6] & 0xff;
        int p = at + 40;
        while (true) {
            switch (next) {
                case 0, 43, 60 -> { // hop-by-hop, routing, destination options
                    int length = ((b[p + 1] & 0xff) + 1) * 8;
                    next = b[p] & 0xff;
                    p += length;
                }
                case 51 -> { // authentication header
                    int length = ((b[p + 1] & 0xff) + 2) * 4;
                    next = b[p] & 0xff;
                    p += length;
                }
                case 44 -> { // fragment: only the first carries the transport header
                    if ((u16(b, p + 2) & 0xfff8) != 0) {
                        return;
                    }
                    next = b[p] & 0xff;
                    p += 8;
                }
                default -> {
                    transport(next, b, p, end, d, true);
                    return;
                }
            }
        }
    }

    private static void transport(int protocol, byte[] b, int at, int end, Decoded d, boolean v6) {
        switch (protocol) {
            case 6 -> { // read everything before setting anything: a header cut short leaves "IPv4"
                int flags = b[at + 13] & 0xff;
                int headerLength = ((b[at + 12] & 0xf0) >> 4) * 4;
                long srcPort = u16(b, at);
                long dstPort = u16(b, at + 2);
                d.protocol = "TCP";
                d.srcPort = srcPort;
                d.dstPort = dstPort;
                d.payload = Math.max(0, end - at - headerLength);
                d.flags = tcpFlags(flags);
            }
            case 17 -> {
                u16(b, at + 6); // the whole header is there
                long srcPort = u16(b, at);
                long dstPort = u16(b, at + 2);
                d.protocol = "UDP";
                d.srcPort = srcPort;
                d.dstPort = dstPort;
                d.payload = Math.max(0, end - at - 8);
            }
            case 1 -> d.protocol = v6 ? d.protocol : "ICMP";
            case 58 -> d.protocol = v6 ? "ICMPv6" : d.protocol;
            default -> {
                // another IP protocol: "IPv4" / "IPv6"
            }
        }
    }

    private static void arp(byte[] b, int at, Decoded d) {
        d.protocol = "ARP";
        int hardwareLength = b[at + 4] & 0xff;
        int protocolLength = b[at + 5] & 0xff;
        if (u16(b, at + 2) == 0x0800 && protocolLength == 4) {
            d.src = ipv4Text(b, at + 8 + hardwareLength);
            d.dst = ipv4Text(b, at + 8 + 2 * hardwareLength + protocolLength);
        }
    }

    private static String tcpFlags(int f) {
        StringBuilder s = new StringBuilder(16);
        flag(s, f, 0x02, "SYN");
        flag(s, f, 0x10, "ACK");
        flag(s, f, 0x01, "FIN");
        flag(s, f, 0x04, "RST");
        flag(s, f, 0x08, "PSH");
        flag(s, f, 0x20, "URG");
        return s.toString();
    }

    private static void flag(StringBuilder s, int flags, int bit, String name) {
        if ((flags & bit) != 0) {
            if (s.length() > 0) {
                s.append(',');
            }
            s.append(name);
        }
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    }

    private static byte[] slice(byte[] b, int at, int length) {
        if (at + length > b.length) {
            throw new IndexOutOfBoundsException(at + length);
        }
        byte[] out = new byte[length];
        System.arraycopy(b, at, out, 0, length);
        return out;
    }

    private static String ipv4Text(byte[] b, int at) {
        if (at + 4 > b.length) {
            throw new IndexOutOfBoundsException(at + 4);
        }
        return (b[at] & 0xff) + "." + (b[at + 1] & 0xff) + "." + (b[at + 2] & 0xff) + "." + (b[at + 3] & 0xff);
    }

    /**
     * An address as text: IPv4 dotted ({@code "127.0.0.1"}), IPv6 in the short form of RFC 5952
     * ({@code "::1"}, {@code "fe80::1"}: lower-case hex, no leading zeros, the longest run of two or
     * more zero groups, the first of equal runs, as {@code ::}), without a scope; null for null.
     */
    static String text(InetAddress address) {
        if (address == null) {
            return null;
        }
        if (!(address instanceof Inet6Address)) {
            return address.getHostAddress();
        }
        return text(address.getAddress());
    }

    /** The short form of an IPv6 address of 16 bytes (see {@link #text(InetAddress)}). */
    static String text(byte[] b) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder out = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }
}
