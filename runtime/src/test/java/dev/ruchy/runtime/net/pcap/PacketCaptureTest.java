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
import java.net.Inet6Address;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live capture on the loopback interface {@code lo} (Linux; needs root or CAP_NET_RAW, which CI has:
 * without them these tests fail with the runtime's message saying so), and the wording of the errors.
 */
@EnabledOnOs(OS.LINUX)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PacketCaptureTest {
    /** Ethernet (14, what Linux's lo shows libpcap) + IPv4 (20) + UDP (8) header bytes. */
    private static final int UDP_OVERHEAD = 42;
    /** Ethernet (14) + IPv6 (40) + UDP (8) header bytes. */
    private static final int UDP6_OVERHEAD = 62;

    @TempDir
    Path dir;

    @Test
    void aFilteredCaptureSeesExactlyTheDatagramsSentWithTheirFields() throws Exception {
        try (DatagramSocket receiver = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
                DatagramSocket sender = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            int to = receiver.getLocalPort();
            int from = sender.getLocalPort();
            List<RObject> seen = new CopyOnWriteArrayList<>();
            PacketCapture capture = PacketCapture.create("lo");
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
            PacketCapture capture = PacketCapture.create("lo");
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
            PacketCapture capture = PacketCapture.create("lo");
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
        PacketCapture capture = PacketCapture.create("lo");
        capture.filter("tcp prot 80");
        RuchyError e = assertThrows(RuchyError.class, capture::start);
        assertTrue(e.getMessage().startsWith("Runtime error: Bad capture filter 'tcp prot 80': "), e.getMessage());
        assertTrue(e.getMessage().contains("syntax error"), e.getMessage());
    }

    @Test
    void anUnknownInterfaceListsTheOnesThatExist() {
        RuchyError e = assertThrows(RuchyError.class, () -> PacketCapture.create("nosuchif0").start());
        assertTrue(e.getMessage().startsWith("Runtime error: No network interface 'nosuchif0'; interfaces: "), e.getMessage());
        assertTrue(e.getMessage().contains("lo"), e.getMessage());
    }

    @Test
    void anErrorInTheHandlerStopsTheCaptureAndIsRethrown() throws Exception {
        try (DatagramSocket receiver = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
                DatagramSocket sender = new DatagramSocket()) {
            int to = receiver.getLocalPort();
            PacketCapture capture = PacketCapture.create("lo");
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
        // the first use of Pcap4J's native mappings fails in their class initializer
        String wrapped = PcapErrors.libraryMissing(new ExceptionInInitializerError(
                new UnsatisfiedLinkError("Unable to load library 'pcap':\nlibpcap.so: cannot open shared object file"))).getMessage();
        assertTrue(wrapped.startsWith("Runtime error: Packet capture needs libpcap, which is not installed (Unable to load library"
                + " 'pcap': libpcap.so: cannot open shared object file): install it with 'apt-get install libpcap0.8'"), wrapped);
    }

    @Test
    void aSavedCaptureReadsBackAsTheSamePackets() throws Exception {
        Path file = dir.resolve("udp.pcap");
        try (DatagramSocket receiver = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
                DatagramSocket sender = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            int to = receiver.getLocalPort();
            List<RObject> live = new CopyOnWriteArrayList<>();
            PacketCapture capture = PacketCapture.create("lo");
            capture.filter("udp and dst port " + to).save(file.toString());
            capture.onPacket((Fn1) p -> {
                live.add((RObject) p);
                return null;
            });
            Thread sending = sendUntilStopped(sender, new InetSocketAddress("127.0.0.1", to), 17, 333, 1500);
            assertEquals(6, startWithin(capture, 6));
            sending.interrupt();
            sending.join();

            List<RObject> read = new ArrayList<>();
            PacketCapture trace = PacketCapture.open(file.toString());
            trace.onPacket((Fn1) p -> {
                read.add((RObject) p);
                return null;
            });
            assertEquals(6, trace.start());
            assertEquals(live, read);
            assertEquals(file.toString(), trace.file());
            assertEquals(null, trace.device());

            // a filter applies to a file as to an interface; start(count) stops early there too
            List<RObject> big = new ArrayList<>();
            PacketCapture bigOnes = PacketCapture.open(file.toString()).filter("greater 1000");
            bigOnes.onPacket((Fn1) p -> {
                big.add((RObject) p);
                return null;
            });
            assertEquals(live.stream().filter(p -> (Long) p.get("payload_len") == 1500).count(), bigOnes.start());
            assertTrue(big.stream().allMatch(p -> (Long) p.get("size") == 1500 + UDP_OVERHEAD), big.toString());
            assertEquals(2, PacketCapture.open(file.toString()).start(2));
        }
    }

    @Test
    void ipv6DatagramsOnLoopbackCarryTheirAddressesPortsAndSizes() throws Exception {
        InetSocketAddress loopback6 = new InetSocketAddress(Inet6Address.getByName("::1"), 0);
        try (DatagramSocket receiver = new DatagramSocket(loopback6);
                DatagramSocket sender = new DatagramSocket(loopback6)) {
            int to = receiver.getLocalPort();
            int from = sender.getLocalPort();
            List<RObject> seen = new CopyOnWriteArrayList<>();
            PacketCapture capture = PacketCapture.create("lo");
            capture.filter("ip6 and udp and src port " + from + " and dst port " + to);
            capture.onPacket((Fn1) p -> {
                seen.add((RObject) p);
                return null;
            });
            Thread sending = sendUntilStopped(sender, new InetSocketAddress(Inet6Address.getByName("::1"), to), 9, 700);
            assertEquals(2, startWithin(capture, 2));
            sending.interrupt();
            sending.join();
            for (RObject p : seen) {
                assertEquals("UDP", p.get("protocol"));
                assertEquals("::1", p.get("src"));
                assertEquals("::1", p.get("dst"));
                assertEquals((long) from, p.get("src_port"));
                assertEquals((long) to, p.get("dst_port"));
                assertEquals((Long) p.get("payload_len") + UDP6_OVERHEAD, p.get("size"));
            }
        }
    }

    @Test
    void ipv6TcpAndIcmpv6OnLoopback() throws Exception {
        try (java.net.ServerSocket server = new java.net.ServerSocket(0, 1, Inet6Address.getByName("::1"));
                DatagramSocket closed = new DatagramSocket(new InetSocketAddress(Inet6Address.getByName("::1"), 0));
                DatagramSocket sender = new DatagramSocket(new InetSocketAddress(Inet6Address.getByName("::1"), 0))) {
            int port = server.getLocalPort();
            int nobody = closed.getLocalPort();
            closed.close(); // a UDP port where nothing listens: the kernel answers with ICMPv6 port unreachable
            List<RObject> seen = new CopyOnWriteArrayList<>();
            PacketCapture capture = PacketCapture.create("lo");
            // (BPF's tcp[...] reads IPv4 headers only: the SYN is picked out here)
            capture.filter("(ip6 and tcp dst port " + port + ") or icmp6");
            capture.onPacket((Fn1) p -> {
                RObject packet = (RObject) p;
                if ("TCP".equals(packet.get("protocol")) && !"SYN".equals(packet.get("flags"))) {
                    return null;
                }
                seen.add(packet);
                if (seen.stream().anyMatch(x -> "TCP".equals(x.get("protocol")))
                        && seen.stream().anyMatch(x -> "ICMPv6".equals(x.get("protocol")))) {
                    capture.stop();
                }
                return null;
            });
            AtomicBoolean done = new AtomicBoolean();
            Thread traffic = Thread.ofVirtual().start(() -> {
                while (!done.get()) {
                    try (java.net.Socket s = new java.net.Socket(Inet6Address.getByName("::1"), port);
                            java.net.Socket accepted = server.accept()) {
                        sender.send(new DatagramPacket(new byte[4], 4, Inet6Address.getByName("::1"), nobody));
                        Thread.sleep(50);
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            startWithin(capture, -1);
            done.set(true);
            traffic.join();
            RObject syn = seen.stream().filter(x -> "TCP".equals(x.get("protocol"))).findFirst().orElseThrow();
            assertEquals("::1", syn.get("src"));
            assertEquals("::1", syn.get("dst"));
            assertEquals((long) port, syn.get("dst_port"));
            assertEquals("SYN", syn.get("flags"));
            RObject icmp = seen.stream().filter(x -> "ICMPv6".equals(x.get("protocol"))).findFirst().orElseThrow();
            assertEquals("::1", icmp.get("src"));
            assertEquals(null, icmp.get("src_port"));
        }
    }

    @Test
    void interfacesListsLoopbackWithItsAddresses() {
        List<RObject> all = PacketCapture.interfaces();
        RObject lo = all.stream().filter(i -> "lo".equals(i.get("name"))).findFirst().orElseThrow();
        assertEquals(true, lo.get("loopback"));
        assertEquals(true, lo.get("up"));
        List<?> addresses = (List<?>) lo.get("addresses");
        assertTrue(addresses.contains("127.0.0.1"), addresses.toString());
        assertTrue(addresses.contains("::1"), addresses.toString());
        assertTrue(all.stream().allMatch(i -> i.get("name") instanceof String), all.toString());
    }

    @Test
    void captureFilesThatCannotBeReadOrWrittenSaySo() throws Exception {
        Path missing = dir.resolve("missing.pcap");
        RuchyError e = assertThrows(RuchyError.class, () -> PacketCapture.open(missing.toString()).start());
        assertEquals("Runtime error: Cannot read capture file '" + missing + "': No such file or directory", e.getMessage());

        Path notPcap = dir.resolve("text.pcap");
        Files.writeString(notPcap, "not a capture file at all\n");
        e = assertThrows(RuchyError.class, () -> PacketCapture.open(notPcap.toString()).start());
        assertTrue(e.getMessage().startsWith("Runtime error: Cannot read capture file '" + notPcap + "': "), e.getMessage());

        Path noDir = dir.resolve("no/such/dir/out.pcap");
        PacketCapture capture = PacketCapture.create("lo").save(noDir.toString());
        e = assertThrows(RuchyError.class, () -> capture.start(1));
        assertEquals("Runtime error: Cannot write capture file '" + noDir + "': No such file or directory", e.getMessage());
    }

    @Test
    void ipv6AddressesReadInTheirShortForm() throws Exception {
        assertEquals("::1", PacketFields.text(Inet6Address.getByName("::1")));
        assertEquals("::", PacketFields.text(Inet6Address.getByName("::")));
        assertEquals("fe80::1", PacketFields.text(Inet6Address.getByName("fe80:0:0:0:0:0:0:1")));
        assertEquals("2001:db8::1:0:0:1", PacketFields.text(Inet6Address.getByName("2001:db8:0:0:1:0:0:1")));
        assertEquals("2001:db8:0:1:1:1:1:1", PacketFields.text(Inet6Address.getByName("2001:db8:0:1:1:1:1:1")));
        assertEquals("1::", PacketFields.text(Inet6Address.getByName("1:0:0:0:0:0:0:0")));
        assertEquals("127.0.0.1", PacketFields.text(InetAddress.getByName("127.0.0.1")));
    }

    /**
     * {@code capture.start(count)} ({@code start()} for -1), stopped after 30 s if it has not
     * returned by then: a test that misses its packets fails rather than hangs in libpcap.
     */
    private static long startWithin(PacketCapture capture, int count) throws InterruptedException {
        Thread watchdog = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(30_000);
                capture.stop();
            } catch (InterruptedException e) {
                // the capture ended in time
            }
        });
        try {
            return count < 0 ? capture.start() : capture.start(count);
        } finally {
            watchdog.interrupt();
            watchdog.join();
        }
    }

    /** Sends datagrams of the given payload sizes in turn, every 20 ms, until interrupted. */
    private static Thread sendUntilStopped(DatagramSocket sender, InetSocketAddress to, int... sizes) {
        return Thread.ofVirtual().start(() -> {
            for (int i = 0; !Thread.currentThread().isInterrupted(); i++) {
                byte[] payload = new byte[sizes[i % sizes.length]];
                try {
                    sender.send(new DatagramPacket(payload, payload.length, to));
                    Thread.sleep(20);
                } catch (Exception e) {
                    return;
                }
            }
        });
    }
}
