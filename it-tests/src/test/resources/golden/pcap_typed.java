import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.Fmt;
import dev.ruchy.runtime.net.pcap.PacketCapture;

/**
 * Packet capture read from a file, which needs no privilege: pcap_typed.pcap beside this program
 * (its path is relative to the it-tests module, where the golden test runs) holds four Ethernet
 * frames written by hand (a TCP SYN, a TCP segment of 5 bytes, a UDP datagram of 3 bytes, an ARP
 * request). The capture and its packets have the runtime's Java types
 * (PacketCapture, Packet), the handler is a typed PacketHandler lambda, and the fields that are
 * never nil are typed getters (protocol, size, payload_len, flags, time): String and long. The
 * addresses and ports may be nil (an ARP request has no ports), so they are dynamic values.
 *
 * <p>Generated from pcap_typed.ruchy.
 */
public final class PcapTyped {
    private static volatile long payload = 0L;

    private PcapTyped() {
    }

    public static void main(String[] args) {
        var trace = PacketCapture.open("src/test/resources/golden/pcap_typed.pcap");
        trace.onPacket(packet -> {
            var operand = packet.payloadLen();
            synchronized (PcapTyped.class) {
                payload += operand;
            }
            if (packet.protocol().equals("TCP")) {
                Builtins.println("TCP: " + Fmt.interpolate(packet.src()) + ":"
                        + Fmt.interpolate(packet.srcPort()) + " -> " + Fmt.interpolate(packet.dst())
                        + ":" + Fmt.interpolate(packet.dstPort()) + " [" + packet.flags() + "]");
            } else if (packet.protocol().equals("UDP") && packet.size() > 40) {
                Builtins.println("UDP: " + Fmt.interpolate(packet.src()) + " -> "
                        + Fmt.interpolate(packet.dst()) + " (" + packet.size() + " bytes, "
                        + (packet.size() - packet.payloadLen()) + " of headers)");
            } else {
                Builtins.println(packet.protocol() + ": " + Fmt.interpolate(packet.src()) + " -> "
                        + Fmt.interpolate(packet.dst()) + ", port "
                        + Fmt.interpolate(packet.srcPort()) + ", at " + (packet.time() / 1000)
                        + " s");
            }
        });
        long n = trace.start();
        Builtins.println(n + " packets, " + payload + " bytes of payload, from "
                + Fmt.interpolate(trace.file()));
        var udp = PacketCapture.open("src/test/resources/golden/pcap_typed.pcap");
        udp.filter("udp").onPacket(p -> {
            Builtins.println("filtered: " + p.protocol() + " to port "
                    + Fmt.interpolate(p.dstPort()));
        });
        Builtins.println(udp.start(1L) + " of 1, interface " + Fmt.interpolate(udp.device()));
        // expect: TCP: 10.0.0.1:49152 -> 10.0.0.2:80 [SYN]
        // expect: TCP: 10.0.0.2:80 -> 10.0.0.1:49152 [ACK,PSH]
        // expect: UDP: 10.0.0.1 -> 10.0.0.2 (45 bytes, 42 of headers)
        // expect: ARP: 192.168.0.1 -> 192.168.0.2, port nil, at 1700000003 s
        // expect: 4 packets, 8 bytes of payload, from src/test/resources/golden/pcap_typed.pcap
        // expect: filtered: UDP to port 53
        // expect: 1 of 1, interface nil
    }
}
