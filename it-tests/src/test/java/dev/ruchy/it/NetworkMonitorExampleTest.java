package dev.ruchy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's packet monitor ({@code examples/src/main/ruchy/dev/ruchy/examples/10_network_monitor.ruchy}),
 * run by {@code bin/ruchy run} capturing on {@code lo}, while this test sends known traffic on
 * loopback: a TCP connection carrying a few bytes, and UDP datagrams of unusual sizes. Capture needs
 * root or CAP_NET_RAW (CI runs as root); without them the program's own message is the failure.
 */
@EnabledOnOs(OS.LINUX)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class NetworkMonitorExampleTest {
    /** Ethernet (14, as Linux's lo shows libpcap) + IPv4 (20) + UDP (8) header bytes. */
    private static final int UDP_OVERHEAD = 42;
    /** Payload sizes nothing else on a shared machine's loopback is likely to send at that moment. */
    private static final int[] UDP_PAYLOADS = {1111, 1222, 1333};
    private static final int PROBE_PAYLOAD = 977;

    @TempDir
    Path dir;

    @Test
    void reportsTheTcpAndUdpPacketsSentOnLoopback() throws Exception {
        try (RuchyProcess monitor = RuchyProcess.start(RuchyProcess.example("10_network_monitor.ruchy"), dir, Map.of(), "lo");
                DatagramSocket receiver = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
                DatagramSocket sender = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            int udpPort = receiver.getLocalPort();
            // the capture is live once a probe datagram shows up in the program's output
            String probeLine = udpLine(PROBE_PAYLOAD);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!monitor.out().contains(probeLine)) {
                if (!monitor.alive()) {
                    throw new AssertionError("the monitor ended before capturing anything:\n" + monitor.err());
                }
                assertTrue(System.nanoTime() < deadline, "no probe datagram captured within 60 s:\n" + monitor.out()
                        + "\n--- stderr\n" + monitor.err());
                sendUdp(sender, udpPort, PROBE_PAYLOAD);
                RuchyProcess.sleep(200);
            }

            for (int n : UDP_PAYLOADS) {
                sendUdp(sender, udpPort, n);
            }
            int clientPort;
            int serverPort;
            try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                    Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                    Socket accepted = server.accept()) {
                serverPort = server.getLocalPort();
                clientPort = client.getLocalPort();
                OutputStream out = client.getOutputStream();
                out.write("hello".getBytes(StandardCharsets.UTF_8));
                out.flush();
                InputStream in = accepted.getInputStream();
                assertEquals("hello", new String(in.readNBytes(5), StandardCharsets.UTF_8));
            }

            String toServer = "TCP: 127.0.0.1:" + clientPort + " -> 127.0.0.1:" + serverPort;
            String toClient = "TCP: 127.0.0.1:" + serverPort + " -> 127.0.0.1:" + clientPort;
            for (int n : UDP_PAYLOADS) {
                monitor.awaitOutput(udpLine(n), RuchyProcess.seconds(20));
            }
            // handshake SYN, ACK, the data segment and the close: at least 4 packets each way but the
            // last; wait until the close has been seen too
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (count(monitor.outLines(), toServer) < 4 || count(monitor.outLines(), toClient) < 3) {
                assertTrue(System.nanoTime() < until, "TCP packets missing:\n" + monitor.out());
                RuchyProcess.sleep(50);
            }
            List<String> lines = monitor.outLines();
            for (String line : lines) {
                assertTrue(line.startsWith("TCP: ") || line.startsWith("UDP: "), "only TCP and UDP lines: " + line);
            }
            assertNotEquals(0, count(lines, udpLine(PROBE_PAYLOAD)));
            System.out.println("network monitor: " + lines.size() + " packet lines, " + count(lines, toServer)
                    + " client->server and " + count(lines, toClient) + " server->client TCP packets seen");
        }
    }

    @Test
    void withoutCaptureCapabilityTheProgramSaysWhatItNeeds() throws Exception {
        // as root but with CAP_NET_RAW and CAP_NET_ADMIN dropped from the launched process
        List<String> drop = List.of("setpriv", "--inh-caps=-net_raw,-net_admin", "--bounding-set=-net_raw,-net_admin");
        try (RuchyProcess monitor = RuchyProcess.start(drop, null, RuchyProcess.example("10_network_monitor.ruchy"), dir,
                Map.of(), "lo")) {
            assertNotEquals(0, monitor.awaitExit(RuchyProcess.seconds(60)));
            String err = monitor.err();
            assertTrue(err.contains("Not permitted to capture on 'lo'"), err);
            assertTrue(err.contains("root or the CAP_NET_RAW capability"), err);
            assertTrue(err.contains("setcap cap_net_raw,cap_net_admin=eip"), err);
            assertFalse(err.contains("\tat ") || err.contains("Exception"), "no Java stack trace:\n" + err);
        }
    }

    @Test
    void anUnknownInterfaceIsNamedWithTheOnesThatExist() {
        try (RuchyProcess monitor = RuchyProcess.start(RuchyProcess.example("10_network_monitor.ruchy"), dir, Map.of(),
                "nosuchif0")) {
            assertNotEquals(0, monitor.awaitExit(RuchyProcess.seconds(60)));
            String err = monitor.err();
            assertTrue(err.contains("No network interface 'nosuchif0'; interfaces: "), err);
            assertTrue(err.contains("lo"), err);
            assertFalse(err.contains("\tat "), "no Java stack trace:\n" + err);
        }
    }

    @Test
    void withoutLibpcapTheProgramSaysWhichPackageProvidesIt() {
        // Pcap4J loads the library this property names: one that does not exist stands for a machine
        // without libpcap
        String opts = "-Xmx256m -XX:+UseSerialGC -Dorg.pcap4j.core.pcapLibName=" + dir.resolve("libpcap-absent.so.1");
        try (RuchyProcess monitor = RuchyProcess.start(RuchyProcess.example("10_network_monitor.ruchy"), dir,
                Map.of("RUCHY_JAVA_OPTS", opts), "lo")) {
            assertNotEquals(0, monitor.awaitExit(RuchyProcess.seconds(60)));
            String err = monitor.err();
            assertTrue(err.contains("Packet capture needs libpcap, which is not installed ("), err);
            assertTrue(err.contains("libpcap-absent.so.1"), err);
            assertTrue(err.contains("install it with 'apt-get install libpcap0.8' (Debian/Ubuntu)"), err);
            assertFalse(err.contains("\tat ") || err.contains("Exception"), "no Java stack trace:\n" + err);
        }
    }

    private static String udpLine(int payload) {
        return "UDP: 127.0.0.1 -> 127.0.0.1 (" + (payload + UDP_OVERHEAD) + " bytes)";
    }

    private static void sendUdp(DatagramSocket sender, int port, int payload) throws Exception {
        sender.send(new DatagramPacket(new byte[payload], payload, InetAddress.getLoopbackAddress(), port));
    }

    private static long count(List<String> lines, String line) {
        return lines.stream().filter(line::equals).count();
    }
}
