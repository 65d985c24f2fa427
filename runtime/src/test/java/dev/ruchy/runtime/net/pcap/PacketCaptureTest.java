package dev.ruchy.runtime.net.pcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruchy.runtime.Fn1;
import dev.ruchy.runtime.RObject;
import dev.ruchy.runtime.RuchyError;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Live capture on the loopback interface {@code lo} (Linux; needs root or CAP_NET_RAW, which CI has:
 * without them these tests fail with the runtime's message saying so), and the wording of the errors.
 */
@EnabledOnOs(OS.LINUX)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PacketCaptureTest {
    /** Ethernet (14, what Linux's lo shows libpcap) + IPv4 (20) + UDP (8) header bytes. */
    private static final int UDP_OVERHEAD = 42;

    @Test
    void aFilteredCaptureSeesExactlyTheDatagramsSentWithTheirFields() throws Exception {
        try (DatagramSocket receiver = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
                DatagramSocket sender = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            int to = receiver.getLocalPort();
            int from = sender.getLocalPort();
            List<RObject> seen = new CopyOnWriteArrayList<>();
            PacketCapture capture = new PacketCapture("lo");
            capture.filter("udp and src port " + from + " and dst port " + to);
            capture.onPacket((Fn1) p -> {
                seen.add((RObject) p);
                return null;
            });
            AtomicBoolean done = new AtomicBoolean();
            Thread sending = Thread.ofVirtual().start(() -> {
                // until the capture has started: libpcap opens the device a moment after start()
                int[] sizes = {10, 200, 1000};
                int i = 0;
                while (!done.get()) {
                    byte[] payload = new byte[sizes[i % 3]];
                    try {
                        sender.send(new DatagramPacket(payload, payload.length, InetAddress.getLoopbackAddress(), to));
                        Thread.sleep(20);
                    } catch (Exception e) {
                        return;
                    }
                    i++;
                }
            });
            long handled = capture.start(3);
            done.set(true);
            sending.join();

            assertEquals(3, handled);
            assertEquals(3, seen.size());
            for (RObject p : seen) {
                assertEquals("UDP", p.get("protocol"));
                assertEquals("127.0.0.1", p.get("src"));
                assertEquals("127.0.0.1", p.get("dst"));
                assertEquals((long) from, p.get("src_port"));
                assertEquals((long) to, p.get("dst_port"));
                long payload = (Long) p.get("payload_len");
                assertTrue(List.of(10L, 200L, 1000L).contains(payload), p.toString());
                assertEquals(payload + UDP_OVERHEAD, p.get("size"));
                assertEquals("", p.get("flags"));
                long age = System.currentTimeMillis() - (Long) p.get("time");
                assertTrue(age >= 0 && age < 60_000, "capture time is now: " + p.get("time"));
            }
        }
    }

    @Test
    void tcpPacketsCarryPortsAndFlags() throws Exception {
        try (java.net.ServerSocket server = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = server.getLocalPort();
            List<RObject> seen = new CopyOnWriteArrayList<>();
            PacketCapture capture = new PacketCapture("lo");
            capture.filter("tcp and dst port " + port + " and tcp[tcpflags] & tcp-syn != 0");
            capture.onPacket((Fn1) p -> {
                seen.add((RObject) p);
                return null;
            });
            AtomicBoolean done = new AtomicBoolean();
            Thread connecting = Thread.ofVirtual().start(() -> {
                while (!done.get()) {
                    try (java.net.Socket s = new java.net.Socket(InetAddress.getLoopbackAddress(), port);
                            java.net.Socket accepted = server.accept()) {
                        Thread.sleep(20);
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            capture.start(1);
            done.set(true);
            connecting.join();
            RObject syn = seen.get(0);
            assertEquals("TCP", syn.get("protocol"));
            assertEquals((long) port, syn.get("dst_port"));
            assertEquals("SYN", syn.get("flags"));
            assertEquals(0L, syn.get("payload_len"));
        }
    }

    @Test
    void stopFromTheHandlerEndsStart() throws Exception {
        try (DatagramSocket receiver = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
                DatagramSocket sender = new DatagramSocket()) {
            int to = receiver.getLocalPort();
            PacketCapture capture = new PacketCapture("lo");
            capture.filter("udp dst port " + to);
            capture.onPacket((Fn1) p -> {
                capture.stop();
                return null;
            });
            AtomicBoolean done = new AtomicBoolean();
            Thread sending = Thread.ofVirtual().start(() -> {
                while (!done.get()) {
                    try {
                        sender.send(new DatagramPacket(new byte[1], 1, InetAddress.getLoopbackAddress(), to));
                        Thread.sleep(20);
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            long handled = capture.start();
            done.set(true);
            sending.join();
            assertTrue(handled >= 1, "handled " + handled);
        }
    }

    @Test
    void aBadFilterGivesTheCompilersMessage() {
        PacketCapture capture = new PacketCapture("lo");
        capture.filter("tcp prot 80");
        RuchyError e = assertThrows(RuchyError.class, capture::start);
        assertTrue(e.getMessage().startsWith("Runtime error: Bad capture filter 'tcp prot 80': "), e.getMessage());
        assertTrue(e.getMessage().contains("syntax error"), e.getMessage());
    }

    @Test
    void anUnknownInterfaceListsTheOnesThatExist() {
        RuchyError e = assertThrows(RuchyError.class, () -> new PacketCapture("nosuchif0").start());
        assertTrue(e.getMessage().startsWith("Runtime error: No network interface 'nosuchif0'; interfaces: "), e.getMessage());
        assertTrue(e.getMessage().contains("lo"), e.getMessage());
    }

    @Test
    void anErrorInTheHandlerStopsTheCaptureAndIsRethrown() throws Exception {
        try (DatagramSocket receiver = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
                DatagramSocket sender = new DatagramSocket()) {
            int to = receiver.getLocalPort();
            PacketCapture capture = new PacketCapture("lo");
            capture.filter("udp dst port " + to);
            capture.onPacket((Fn1) p -> {
                throw RuchyError.runtime("handler failed");
            });
            AtomicBoolean done = new AtomicBoolean();
            Thread sending = Thread.ofVirtual().start(() -> {
                while (!done.get()) {
                    try {
                        sender.send(new DatagramPacket(new byte[1], 1, InetAddress.getLoopbackAddress(), to));
                        Thread.sleep(20);
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            RuchyError e = assertThrows(RuchyError.class, capture::start);
            done.set(true);
            sending.join();
            assertEquals("Runtime error: handler failed", e.getMessage());
        }
    }

    @Test
    void permissionAndLibraryErrorsSayWhatToDo() {
        String libpcap = "lo: You don't have permission to perform this capture on that device (socket: Operation not permitted)";
        assertTrue(PcapErrors.isPermissionDenied(libpcap));
        assertTrue(PcapErrors.isPermissionDenied("socket: Operation not permitted"));
        assertTrue(!PcapErrors.isPermissionDenied("syntax error in filter expression"));
        String denied = PcapErrors.notPermitted("lo", libpcap).getMessage();
        assertTrue(denied.startsWith("Runtime error: Not permitted to capture on 'lo' ("), denied);
        assertTrue(denied.contains("root or the CAP_NET_RAW capability"), denied);
        assertTrue(denied.contains("setcap cap_net_raw,cap_net_admin=eip"), denied);
        String missing = PcapErrors.libraryMissing(new UnsatisfiedLinkError("Unable to load library 'pcap'")).getMessage();
        assertEquals("Runtime error: Packet capture needs libpcap, which is not installed (Unable to load library 'pcap'):"
                + " install it with 'apt-get install libpcap0.8' (Debian/Ubuntu) or your system's libpcap package", missing);
    }
}
