package dev.ruchy.runtime.net.pcap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ruchy.runtime.RObject;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Decoding of hand-made frames: the link layers, headers and edge cases live captures rarely show. */
class PacketFieldsTest {
    private static final String ETHERNET = "000000000002" + "000000000001";
    /** IPv4 header, 20 bytes, protocol UDP, 10.0.0.1 -> 10.0.0.2, total length 8 + 20 + 3. */
    private static final String IPV4_UDP = "4500001f" + "00004000" + "40110000" + "0a000001" + "0a000002";
    /** UDP 5353 -> 53, length 11, 3 bytes of payload. */
    private static final String UDP = "14e90035000b0000" + "616263";

    @Test
    void ethernetWithAVlanTagAndPaddingKeepsTheIpLengths() {
        // VLAN tag 0x8100, then IPv4; padded to Ethernet's 60-byte minimum
        String frame = ETHERNET + "8100" + "0005" + "0800" + IPV4_UDP + UDP;
        frame += "00".repeat(60 - frame.length() / 2);
        RObject p = decode(frame, PacketFields.LINK_ETHERNET);
        assertEquals("UDP", p.get("protocol"));
        assertEquals("10.0.0.1", p.get("src"));
        assertEquals("10.0.0.2", p.get("dst"));
        assertEquals(5353L, p.get("src_port"));
        assertEquals(53L, p.get("dst_port"));
        assertEquals(3L, p.get("payload_len"));
        assertEquals(60L, p.get("size"));
    }

    @Test
    void aLaterFragmentHasNoPorts() {
        String ip = "4500001f" + "00000010" + "40110000" + "0a000001" + "0a000002"; // fragment offset 16 (x8 bytes)
        RObject p = decode(ETHERNET + "0800" + ip + "00".repeat(11), PacketFields.LINK_ETHERNET);
        assertEquals("IPv4", p.get("protocol"));
        assertEquals(null, p.get("src_port"));
        assertEquals(11L, p.get("payload_len"));
    }

    @Test
    void ipv6ExtensionHeadersAreSkippedToTheTransport() {
        // IPv6, next header 0 (hop-by-hop, 8 bytes) then TCP (20 bytes, SYN,ACK) with 2 bytes of payload
        String ip6 = "60000000" + "001e" + "00" + "40" + "20010db8000000000000000000000001" + "00000000000000000000000000000001";
        String hopByHop = "06" + "00" + "010400000000"; // next: TCP, length (0+1)*8
        String tcp = "c0000050" + "00000001" + "00000000" + "5012ffff" + "00000000" + "6869";
        RObject p = decode(ETHERNET + "86dd" + ip6 + hopByHop + tcp, PacketFields.LINK_ETHERNET);
        assertEquals("TCP", p.get("protocol"));
        assertEquals("2001:db8::1", p.get("src"));
        assertEquals("::1", p.get("dst"));
        assertEquals(49152L, p.get("src_port"));
        assertEquals(80L, p.get("dst_port"));
        assertEquals("SYN,ACK", p.get("flags"));
        assertEquals(2L, p.get("payload_len"));
    }

    @Test
    void arpGivesItsProtocolAddresses() {
        String arp = "0001" + "0800" + "06" + "04" + "0001" + "000000000001" + "c0a80001" + "000000000000" + "c0a80002";
        RObject p = decode("ffffffffffff" + "000000000001" + "0806" + arp, PacketFields.LINK_ETHERNET);
        assertEquals("ARP", p.get("protocol"));
        assertEquals("192.168.0.1", p.get("src"));
        assertEquals("192.168.0.2", p.get("dst"));
    }

    @Test
    void linuxCookedAndRawIpCapturesDecodeToo() {
        String sll = "0000" + "0304" + "0006" + "000000000000" + "0000" + "0800"; // 16 bytes, protocol IPv4
        assertEquals("UDP", decode(sll + IPV4_UDP + UDP, PacketFields.LINK_LINUX_SLL).get("protocol"));
        assertEquals(53L, decode(IPV4_UDP + UDP, PacketFields.LINK_RAW).get("dst_port"));
    }

    @Test
    void aFrameCutShortKeepsWhatWasDecoded() {
        String cut = ETHERNET + "0800" + IPV4_UDP + "14e9"; // UDP header cut after the source port
        RObject p = decode(cut, PacketFields.LINK_ETHERNET);
        assertEquals("IPv4", p.get("protocol"));
        assertEquals("10.0.0.1", p.get("src"));
        assertEquals(null, p.get("src_port"));
        assertEquals("Other", decode("0000", PacketFields.LINK_ETHERNET).get("protocol"));
        assertEquals("Other", decode(ETHERNET + "88cc" + "0000", PacketFields.LINK_ETHERNET).get("protocol"));
    }

    private static RObject decode(String hex, int link) {
        byte[] raw = HexFormat.of().parseHex(hex);
        return PacketFields.of(raw, link, new java.sql.Timestamp(1_000L), raw.length);
    }
}
