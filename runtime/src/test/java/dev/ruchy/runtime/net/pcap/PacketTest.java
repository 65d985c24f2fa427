package dev.ruchy.runtime.net.pcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ruchy.runtime.Fmt;
import dev.ruchy.runtime.Fn1;
import dev.ruchy.runtime.Ops;
import dev.ruchy.runtime.RObject;
import dev.ruchy.runtime.RuchyError;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The typed API ({@link PacketCapture#open(String)}, {@link PacketHandler}, {@link Packet}'s getters)
 * on a capture file this test writes, so no privilege is needed; and that the packet a dynamic handler
 * gets is still an object in every way.
 */
class PacketTest {
    private static final String ETHERNET = "000000000002" + "000000000001";
    /** IPv4 10.0.0.1 -> 10.0.0.2, protocol UDP, total length 31; UDP 5353 -> 53 with "abc". */
    private static final String UDP = ETHERNET + "0800" + "4500001f" + "00004000" + "40110000" + "0a000001" + "0a000002"
            + "14e90035000b0000" + "616263";
    /** IPv4 10.0.0.1 -> 10.0.0.2, protocol TCP, total length 40; TCP 49152 -> 80, SYN. */
    private static final String TCP_SYN = ETHERNET + "0800" + "45000028" + "00004000" + "40060000" + "0a000001" + "0a000002"
            + "c0000050" + "00000001" + "00000000" + "5002ffff" + "00000000";
    /** An ARP request 192.168.0.1 -> 192.168.0.2: no ports, no payload. */
    private static final String ARP = "ffffffffffff" + "000000000001" + "0806" + "0001" + "0800" + "06" + "04" + "0001"
            + "000000000001" + "c0a80001" + "000000000000" + "c0a80002";

    @TempDir
    Path dir;

    @Test
    void aTypedHandlerReadsTheFieldsThroughGetters() throws IOException {
        Path file = write(dir.resolve("t.pcap"), TCP_SYN, UDP, ARP);
        List<String> lines = new ArrayList<>();
        long n = PacketCapture.open(file.toString()).onPacket(p -> lines.add(p.protocol() + " " + p.src() + ":"
                + p.srcPort() + " -> " + p.dst() + ":" + p.dstPort() + " size " + p.size() + " payload "
                + p.payloadLen() + " flags '" + p.flags() + "' at " + p.time())).start();
        assertEquals(3, n);
        assertEquals(List.of(
                "TCP 10.0.0.1:49152 -> 10.0.0.2:80 size 54 payload 0 flags 'SYN' at 1700000000000",
                "UDP 10.0.0.1:5353 -> 10.0.0.2:53 size 45 payload 3 flags '' at 1700000001000",
                "ARP 192.168.0.1:null -> 192.168.0.2:null size 42 payload 0 flags '' at 1700000002000"), lines);
    }

    @Test
    void aDynamicHandlerGetsAnObjectAsBefore() throws IOException {
        Path file = write(dir.resolve("u.pcap"), UDP);
        List<Object> seen = new ArrayList<>();
        PacketCapture capture = (PacketCapture) Ops.callPath("net::PacketCapture::open", file.toString());
        Ops.invoke(capture, "on_packet", (Fn1) p -> seen.add(p));
        assertEquals(1L, Ops.invoke(capture, "start"));
        Object p = seen.get(0);
        assertInstanceOf(RObject.class, p);
        assertEquals("UDP", Ops.field(p, "protocol"));
        assertEquals(5353L, Ops.field(p, "src_port"));
        assertEquals(List.of("protocol", "src", "dst", "src_port", "dst_port", "size", "payload_len", "flags", "time"),
                Ops.invoke(p, "keys"));
        assertEquals("{dst: \"10.0.0.2\", dst_port: 53, flags: \"\", payload_len: 3, protocol: \"UDP\", size: 45, "
                + "src: \"10.0.0.1\", src_port: 5353, time: 1700000000000}", Fmt.display(p));
        assertEquals(RObject.of("protocol", "UDP", "src", "10.0.0.1", "dst", "10.0.0.2", "src_port", 5353L, "dst_port", 53L,
                "size", 45L, "payload_len", 3L, "flags", "", "time", 1_700_000_000_000L), p);
        RuchyError e = assertThrows(RuchyError.class, () -> Ops.invoke(p, "size"));
        assertEquals("Runtime error: Unknown object method: size", e.getMessage());
        Ops.setField(p, "note", "seen");
        assertEquals("seen", Ops.field(p, "note"));
    }

    @Test
    void theGettersReadTheKeysAsTheProgramLeftThem() {
        Packet p = PacketFields.of(HexFormat.of().parseHex(UDP), PacketFields.LINK_ETHERNET, new java.sql.Timestamp(5L), 45);
        Ops.setField(p, "src", "192.0.2.1");
        assertEquals("192.0.2.1", p.src());
        Ops.setField(p, "size", "big");
        RuchyError e = assertThrows(RuchyError.class, p::size);
        assertEquals("Type error: packet.size must be an integer, got string", e.getMessage());
        p.remove("protocol");
        e = assertThrows(RuchyError.class, p::protocol);
        assertEquals("Type error: packet.protocol must be a string, got nil", e.getMessage());
    }

    @Test
    void aPacketHandlerCalledDynamicallyWithoutAPacketIsATypeError() {
        PacketHandler h = p -> { };
        RuchyError e = assertThrows(RuchyError.class, () -> h.call(7L));
        assertEquals("Type error: a packet handler expects a packet, got integer", e.getMessage());
    }

    @Test
    void typedStartFilterAndTheirErrors() throws IOException {
        Path file = write(dir.resolve("f.pcap"), TCP_SYN, UDP, ARP);
        List<Long> ports = new ArrayList<>();
        PacketCapture udp = PacketCapture.open(file.toString()).filter("udp").onPacket(p -> ports.add((Long) p.dstPort()));
        assertEquals(1, udp.start());
        assertEquals(List.of(53L), ports);
        assertEquals(2, PacketCapture.open(file.toString()).start(2L));
        RuchyError e = assertThrows(RuchyError.class, () -> PacketCapture.open(file.toString()).start(0L));
        assertEquals("Runtime error: start() count must be between 1 and 2147483647, got 0", e.getMessage());
        e = assertThrows(RuchyError.class, () -> PacketCapture.open(null));
        assertEquals("Type error: net::PacketCapture::open() path must be a string, got nil", e.getMessage());
        assertEquals(file.toString(), PacketCapture.open(file.toString()).file());
        assertEquals(null, PacketCapture.open(file.toString()).device());
        assertEquals("lo", PacketCapture.create("lo").device());
    }

    /**
     * A pcap file (microsecond timestamps, little-endian, Ethernet) of these frames, one second apart
     * from 1,700,000,000 s after the epoch.
     */
    static Path write(Path file, String... framesHex) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65_535).putInt(1);
        out.write(header.array());
        int second = 1_700_000_000;
        for (String hex : framesHex) {
            byte[] frame = HexFormat.of().parseHex(hex);
            ByteBuffer record = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
            record.putInt(second++).putInt(0).putInt(frame.length).putInt(frame.length);
            out.write(record.array());
            out.write(frame);
        }
        return Files.write(file, out.toByteArray());
    }
}
