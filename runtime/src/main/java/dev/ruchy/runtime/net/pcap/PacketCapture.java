package dev.ruchy.runtime.net.pcap;

import dev.ruchy.runtime.RuchyError;
import dev.ruchy.runtime.RuchyName;
import dev.ruchy.runtime.net.Args;
import dev.ruchy.runtime.net.Callbacks;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.pcap4j.core.BpfProgram.BpfCompileMode;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapNetworkInterface;
import org.pcap4j.core.PcapNetworkInterface.PromiscuousMode;
import org.pcap4j.core.Pcaps;

/**
 * A live capture on one network interface ({@code let monitor = net::PacketCapture::new("lo")}):
 * {@code on_packet(|p| ...)} sets the handler, {@code filter("tcp port 80")} a BPF filter,
 * {@code start()} captures until {@code stop()} (from the handler or another thread), the process
 * ends, or {@code start(count)} has seen {@code count} packets. Nothing touches libpcap before
 * {@code start()}.
 *
 * <p>Each packet reaches the handler as an object; see {@link PacketFields} for its keys
 * ({@code protocol}, {@code src}, {@code dst}, {@code src_port}, {@code dst_port}, {@code size}, ...).
 *
 * <p>Errors ({@link RuchyError}, see {@link PcapErrors}): libpcap missing, capture not permitted
 * (needs root or {@code CAP_NET_RAW}), unknown interface (the message lists those that exist), bad
 * filter (the filter compiler's message), and an error raised by the handler, which stops the capture
 * and is rethrown by {@code start()}.
 */
public final class PacketCapture {
    /** Bytes kept of each packet. */
    static final int SNAPSHOT_LENGTH = 65_536;
    /** How long libpcap waits to fill a buffer before handing packets over, in milliseconds. */
    static final int READ_TIMEOUT_MS = 10;

    /** Pcap4J logs each library load and loop at INFO; a program's output should not carry that. */
    private static final Logger PCAP4J_LOG = Logger.getLogger("org.pcap4j");

    static {
        PCAP4J_LOG.setLevel(Level.WARNING);
    }

    private final String device;
    private volatile Object handler;
    private volatile String filter;
    private volatile PcapHandle handle;
    private volatile boolean stopped;

    PacketCapture(String device) {
        this.device = device;
    }

    /**
     * Sets the function called with each packet ({@code monitor.on_packet(|packet| ...)}).
     *
     * @param fn a function of one parameter (the packet object)
     * @return this capture
     * @throws RuchyError {@code Type error: on_packet() handler must be a function, got string}
     */
    @RuchyName("on_packet")
    public PacketCapture onPacket(Object fn) {
        this.handler = Callbacks.function(fn, "on_packet() handler");
        return this;
    }

    /**
     * Captures only the packets a BPF filter accepts ({@code monitor.filter("udp port 53")}); the
     * filter is compiled when the capture starts.
     *
     * @param expression tcpdump's filter syntax
     * @return this capture
     */
    public PacketCapture filter(Object expression) {
        this.filter = Args.string(expression, "filter() expression");
        return this;
    }

    /**
     * Captures until {@link #stop()} is called or the process ends, calling the handler with each
     * packet on this thread.
     *
     * @return the number of packets handed to the handler
     */
    public long start() {
        return capture(-1);
    }

    /**
     * Captures {@code count} packets, or fewer if {@link #stop()} is called first.
     *
     * @param count packets to capture, an integer ≥ 1
     * @return the number of packets handed to the handler
     */
    public long start(Object count) {
        long n = Args.integer(count, "start() count");
        if (n < 1 || n > Integer.MAX_VALUE) {
            throw RuchyError.runtime("start() count must be between 1 and " + Integer.MAX_VALUE + ", got " + n);
        }
        return capture((int) n);
    }

    /** Stops a running capture: {@code start()} returns once libpcap hands back control (within milliseconds). */
    public void stop() {
        stopped = true;
        PcapHandle h = handle;
        if (h != null) {
            try {
                h.breakLoop();
            } catch (NotOpenException e) {
                // already closed: nothing to stop
            }
        }
    }

    /** The interface name this capture reads ({@code monitor.interface}). */
    @RuchyName("interface")
    public String device() {
        return device;
    }

    private long capture(int count) {
        stopped = false;
        PcapHandle h = open();
        long[] seen = {0};
        RuntimeException[] failure = {null};
        handle = h;
        try {
            if (filter != null) {
                try {
                    h.setFilter(filter, BpfCompileMode.OPTIMIZE);
                } catch (PcapNativeException e) {
                    throw PcapErrors.badFilter(filter, e.getMessage());
                }
            }
            Object fn = handler;
            if (stopped) {
                return 0;
            }
            h.loop(count, (org.pcap4j.core.PacketListener) packet -> {
                if (failure[0] != null) {
                    return;
                }
                seen[0]++;
                if (fn == null) {
                    return;
                }
                try {
                    Callbacks.callLenient(fn, PacketFields.of(packet, h.getTimestamp()));
                } catch (RuntimeException e) {
                    failure[0] = e;
                    stop();
                }
            });
        } catch (InterruptedException e) {
            // breakLoop(): stop() was called
        } catch (PcapNativeException e) {
            throw PcapErrors.failed("Capture on '" + device + "' failed", e.getMessage());
        } catch (NotOpenException e) {
            throw PcapErrors.failed("Capture on '" + device + "' failed", "the capture was closed");
        } finally {
            handle = null;
            h.close();
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        return seen[0];
    }

    private PcapHandle open() {
        PcapNetworkInterface nif;
        try {
            nif = Pcaps.getDevByName(device);
        } catch (UnsatisfiedLinkError | NoClassDefFoundError | ExceptionInInitializerError e) {
            throw PcapErrors.libraryMissing(e);
        } catch (PcapNativeException e) {
            throw isPermission(e) ? PcapErrors.notPermitted(device, e.getMessage())
                    : PcapErrors.failed("Cannot list network interfaces", e.getMessage());
        }
        if (nif == null) {
            throw PcapErrors.unknownInterface(device, interfaceNames());
        }
        try {
            return nif.openLive(SNAPSHOT_LENGTH, PromiscuousMode.NONPROMISCUOUS, READ_TIMEOUT_MS);
        } catch (PcapNativeException e) {
            throw isPermission(e) ? PcapErrors.notPermitted(device, e.getMessage())
                    : PcapErrors.failed("Cannot open '" + device + "' for capture", e.getMessage());
        }
    }

    private static boolean isPermission(PcapNativeException e) {
        return PcapErrors.isPermissionDenied(e.getMessage());
    }

    private static List<String> interfaceNames() {
        List<String> names = new ArrayList<>();
        try {
            for (PcapNetworkInterface nif : Pcaps.findAllDevs()) {
                names.add(nif.getName());
            }
        } catch (PcapNativeException e) {
            // none listed
        }
        return names;
    }

    @Override
    public String toString() {
        return "PacketCapture(" + device + ")";
    }
}
