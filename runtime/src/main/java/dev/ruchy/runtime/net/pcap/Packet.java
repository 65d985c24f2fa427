package dev.ruchy.runtime.net.pcap;

import dev.ruchy.runtime.RObject;
import dev.ruchy.runtime.RuchyError;
import dev.ruchy.runtime.Values;

/**
 * One captured packet ({@code packet} in {@code monitor.on_packet(|packet| ...)}): an object whose
 * keys are the decoded fields (see {@link PacketFields} for how each is decoded), with a typed getter
 * for each key. Generated Java reads {@code packet.protocol()}; a Ruchy program reads
 * {@code packet.protocol} either way, and every object operation ({@code keys()}, printing, JSON,
 * {@code packet.note = 1}) works on it as on any object.
 *
 * <p>The getters read the object's keys, so a key the program changed reads back changed; a getter
 * whose key the program set to a value of another type, or removed, raises a type error.
 */
public final class Packet extends RObject {
    /** A packet of these decoded fields; see the getters for each. */
    Packet(String protocol, String src, String dst, Long srcPort, Long dstPort, long size, long payloadLen,
            String flags, long time) {
        set("protocol", protocol);
        set("src", src);
        set("dst", dst);
        set("src_port", srcPort);
        set("dst_port", dstPort);
        set("size", size);
        set("payload_len", payloadLen);
        set("flags", flags);
        set("time", time);
    }

    /**
     * The protocol ({@code packet.protocol}).
     *
     * @return {@code "TCP"}, {@code "UDP"}, {@code "ICMP"}, {@code "ICMPv6"}, {@code "ARP"},
     *         {@code "IPv4"}/{@code "IPv6"} (another IP protocol, or a fragment after the first), or
     *         {@code "Other"}
     */
    public String protocol() {
        return text("protocol");
    }

    /**
     * The source address ({@code packet.src}): the IP address as text ({@code "127.0.0.1"},
     * {@code "::1"}), the sender's protocol address for ARP.
     *
     * @return a {@code String}, or {@code null} (nil) when the packet has no such address
     */
    public Object src() {
        return textOrNil("src");
    }

    /**
     * The destination address ({@code packet.dst}), as {@link #src()}.
     *
     * @return a {@code String}, or {@code null} (nil) when the packet has no such address
     */
    public Object dst() {
        return textOrNil("dst");
    }

    /**
     * The source port ({@code packet.src_port}).
     *
     * @return a {@code Long} for TCP and UDP, else {@code null} (nil)
     */
    public Object srcPort() {
        return integerOrNil("src_port");
    }

    /**
     * The destination port ({@code packet.dst_port}).
     *
     * @return a {@code Long} for TCP and UDP, else {@code null} (nil)
     */
    public Object dstPort() {
        return integerOrNil("dst_port");
    }

    /**
     * The frame's length on the wire ({@code packet.size}), link-layer header included (14 bytes of
     * Ethernet header on Linux's {@code lo}).
     *
     * @return bytes
     */
    public long size() {
        return integer("size");
    }

    /**
     * The payload's length ({@code packet.payload_len}): TCP or UDP payload for those protocols,
     * the IP payload for other IP packets, else 0.
     *
     * @return bytes, 0 for none
     */
    public long payloadLen() {
        return integer("payload_len");
    }

    /**
     * The TCP flags ({@code packet.flags}).
     *
     * @return such as {@code "SYN"}, {@code "SYN,ACK"}, {@code "ACK,PSH"}; {@code ""} for other protocols
     */
    public String flags() {
        return text("flags");
    }

    /**
     * When libpcap captured the packet ({@code packet.time}).
     *
     * @return milliseconds since the Unix epoch
     */
    public long time() {
        return integer("time");
    }

    private String text(String key) {
        Object v = textOrNil(key);
        if (v == null) {
            throw wrongType(key, null, "a string");
        }
        return (String) v;
    }

    private Object textOrNil(String key) {
        Object v = getOrNull(key);
        if (v == null || v instanceof String) {
            return v;
        }
        throw wrongType(key, v, "a string");
    }

    private long integer(String key) {
        Object v = integerOrNil(key);
        if (v == null) {
            throw wrongType(key, null, "an integer");
        }
        return (Long) v;
    }

    private Object integerOrNil(String key) {
        Object v = getOrNull(key);
        if (v == null || v instanceof Long) {
            return v;
        }
        throw wrongType(key, v, "an integer");
    }

    private static RuchyError wrongType(String key, Object value, String want) {
        return RuchyError.type("packet." + key + " must be " + want + ", got " + Values.typeOf(value));
    }
}
