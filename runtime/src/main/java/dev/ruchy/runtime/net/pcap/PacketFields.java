package dev.ruchy.runtime.net.pcap;

import dev.ruchy.runtime.RObject;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.pcap4j.packet.ArpPacket;
import org.pcap4j.packet.IcmpV4CommonPacket;
import org.pcap4j.packet.IcmpV6CommonPacket;
import org.pcap4j.packet.IpPacket;
import org.pcap4j.packet.IpV6Packet;
import org.pcap4j.packet.Packet;
import org.pcap4j.packet.TcpPacket;
import org.pcap4j.packet.UdpPacket;

/**
 * The object a capture handler receives for one packet. Keys:
 *
 * <table>
 *   <caption>Packet keys</caption>
 *   <tr><th>key</th><th>value</th></tr>
 *   <tr><td>{@code protocol}</td><td>{@code "TCP"}, {@code "UDP"}, {@code "ICMP"}, {@code "ICMPv6"}, {@code "ARP"}, {@code "IPv4"}/{@code "IPv6"} (another IP protocol), or {@code "Other"}</td></tr>
 *   <tr><td>{@code src}, {@code dst}</td><td>IP addresses as text ({@code "127.0.0.1"}, {@code "::1"}); nil when the packet has none</td></tr>
 *   <tr><td>{@code src_port}, {@code dst_port}</td><td>integers for TCP and UDP, else nil</td></tr>
 *   <tr><td>{@code size}</td><td>the frame's length on the wire in bytes, link-layer header included (14 bytes of Ethernet header on Linux's {@code lo})</td></tr>
 *   <tr><td>{@code payload_len}</td><td>bytes of TCP or UDP payload (0 for none); for other packets the IP payload's length, or 0</td></tr>
 *   <tr><td>{@code flags}</td><td>TCP flags as text, e.g. {@code "SYN,ACK"}; {@code ""} for other protocols</td></tr>
 *   <tr><td>{@code time}</td><td>capture time, milliseconds since the Unix epoch (an integer)</td></tr>
 * </table>
 */
final class PacketFields {
    private PacketFields() {
    }

    /**
     * The object for one packet.
     *
     * @param packet the decoded frame (null when it could not be decoded at all)
     * @param time   its capture time, or null for now
     * @param wire   its length on the wire in bytes (libpcap's original length)
     */
    static RObject of(Packet packet, Timestamp time, long wire) {
        String protocol = "Other";
        String src = null;
        String dst = null;
        Long srcPort = null;
        Long dstPort = null;
        long payload = 0;
        String flags = "";

        IpPacket ip = packet == null ? null : packet.get(IpPacket.class);
        if (ip != null) {
            src = text(ip.getHeader().getSrcAddr());
            dst = text(ip.getHeader().getDstAddr());
            protocol = ip instanceof IpV6Packet ? "IPv6" : "IPv4";
            payload = ip.getPayload() == null ? 0 : ip.getPayload().length();
        }
        TcpPacket tcp = packet == null ? null : packet.get(TcpPacket.class);
        UdpPacket udp = packet == null ? null : packet.get(UdpPacket.class);
        ArpPacket arp = packet == null ? null : packet.get(ArpPacket.class);
        // ICMP first: an ICMP error carries the IP and TCP/UDP headers of the packet it answers
        if (packet != null && packet.get(IcmpV4CommonPacket.class) != null) {
            protocol = "ICMP";
        } else if (packet != null && packet.get(IcmpV6CommonPacket.class) != null) {
            protocol = "ICMPv6";
        } else if (tcp != null) {
            protocol = "TCP";
            srcPort = (long) tcp.getHeader().getSrcPort().valueAsInt();
            dstPort = (long) tcp.getHeader().getDstPort().valueAsInt();
            payload = tcp.getPayload() == null ? 0 : tcp.getPayload().length();
            flags = flags(tcp.getHeader());
        } else if (udp != null) {
            protocol = "UDP";
            srcPort = (long) udp.getHeader().getSrcPort().valueAsInt();
            dstPort = (long) udp.getHeader().getDstPort().valueAsInt();
            payload = udp.getPayload() == null ? 0 : udp.getPayload().length();
        } else if (arp != null) {
            protocol = "ARP";
            src = text(arp.getHeader().getSrcProtocolAddr());
            dst = text(arp.getHeader().getDstProtocolAddr());
        }
        RObject p = new RObject();
        p.set("protocol", protocol);
        p.set("src", src);
        p.set("dst", dst);
        p.set("src_port", srcPort);
        p.set("dst_port", dstPort);
        p.set("size", wire);
        p.set("payload_len", payload);
        p.set("flags", flags);
        p.set("time", time == null ? System.currentTimeMillis() : time.getTime());
        return p;
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
        byte[] b = address.getAddress();
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

    private static String flags(TcpPacket.TcpHeader h) {
        List<String> names = new ArrayList<>(6);
        if (h.getSyn()) {
            names.add("SYN");
        }
        if (h.getAck()) {
            names.add("ACK");
        }
        if (h.getFin()) {
            names.add("FIN");
        }
        if (h.getRst()) {
            names.add("RST");
        }
        if (h.getPsh()) {
            names.add("PSH");
        }
        if (h.getUrg()) {
            names.add("URG");
        }
        return String.join(",", names);
    }
}
