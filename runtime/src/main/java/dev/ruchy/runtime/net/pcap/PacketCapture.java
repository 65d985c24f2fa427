package dev.ruchy.runtime.net.pcap;

import dev.ruchy.runtime.RuchyError;
import dev.ruchy.runtime.RuchyName;
import dev.ruchy.runtime.net.Args;
import dev.ruchy.runtime.net.Callbacks;
import dev.ruchy.runtime.RObject;
import java.net.InetAddress;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.pcap4j.core.BpfProgram.BpfCompileMode;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapAddress;
import org.pcap4j.core.PcapDumper;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapNetworkInterface;
import org.pcap4j.core.PcapNetworkInterface.PromiscuousMode;
import org.pcap4j.core.Pcaps;
import org.pcap4j.core.RawPacketListener;

/**
 * A live capture on one network interface ({@code let monitor = net::PacketCapture::new("lo")}), or
 * the packets of a capture file ({@code net::PacketCapture::open("trace.pcap")}):
 * {@code on_packet(|p| ...)} sets the handler, {@code filter("tcp port 80")} a BPF filter,
 * {@code save("out.pcap")} a file every captured packet is also written to, {@code start()} captures
 * until {@code stop()} (from the handler or another thread), the process ends, the file ends, or
 * {@code start(count)} has seen {@code count} packets. Nothing touches libpcap before {@code start()}.
 *
 * <p>Each packet reaches the handler as a {@link Packet}, an object whose keys ({@code protocol},
 * {@code src}, {@code dst}, {@code src_port}, {@code dst_port}, {@code size}, ...) also have typed
 * getters. Java reads the same capture through the typed methods:
 * {@code PacketCapture.create("lo").onPacket(packet -> ...).start()}, {@link #open(String)} for a file.
 *
 * <p>Errors ({@link RuchyError}, see {@link PcapErrors}): libpcap missing, capture not permitted
 * (needs root or {@code CAP_NET_RAW}), unknown interface (the message lists those that exist), bad
 * filter (the filter compiler's message), a capture file that cannot be read or written, and an error
 * raised by the handler, which stops the capture and is rethrown by {@code start()}.
 */
public final class PacketCapture {
    /** Bytes kept of each packet. */
    static final int SNAPSHOT_LENGTH = 65_536;
    /** How long libpcap waits to fill a buffer before handing packets over, in milliseconds. */
    static final int READ_TIMEOUT_MS = 10;
    /**
     * The kernel's buffer for packets not yet handed over, in bytes (libpcap's default is 2 MiB, about
     * 13,000 small packets): a burst the handler cannot keep up with waits here instead of being
     * dropped. {@code -Druchy.pcap.bufferMiB=N} sets another size.
     */
    static final int BUFFER_BYTES = Integer.getInteger("ruchy.pcap.bufferMiB", 64) << 20;

    /** Pcap4J logs each library load and loop at INFO; a program's output should not carry that. */
    private static final Logger PCAP4J_LOG = Logger.getLogger("org.pcap4j");

    static {
        PCAP4J_LOG.setLevel(Level.WARNING);
    }

    private final String device;
    private final String file;
    /** The handler: a {@link PacketHandler}, or a Ruchy function value of one parameter. */
    private volatile Object handler;
    private volatile String filter;
    private volatile String saveTo;
    private volatile PcapHandle handle;
    private volatile boolean stopped;

    private PacketCapture(String device, String file) {
        this.device = device;
        this.file = file;
    }

    /**
     * A live capture on an interface ({@code net::PacketCapture::new("lo")}); nothing is opened until
     * {@link #start()}, so an unknown interface or a missing privilege is an error of {@code start()}.
     *
     * @param device the interface's name, {@code "lo"}, {@code "eth0"}
     * @return the capture
     * @throws RuchyError {@code Type error: net::PacketCapture::new() interface must be a string, got nil} for null
     */
    public static PacketCapture create(String device) {
        return new PacketCapture(Args.string(device, "net::PacketCapture::new() interface"), null);
    }

    /**
     * The packets of a capture file, pcap or pcapng ({@code net::PacketCapture::open("trace.pcap")}):
     * {@code start()} hands them to the handler in order, with the times the file records, and
     * returns at the end of the file. Reading a file needs no privilege.
     *
     * @param path the file's path
     * @return a capture reading it; the file is opened at {@code start()}, which raises
     *         {@code Runtime error: Cannot read capture file 'x.pcap': No such file or directory}
     * @throws RuchyError {@code Type error: net::PacketCapture::open() path must be a string, got nil} for null
     */
    public static PacketCapture open(String path) {
        return new PacketCapture(null, Args.string(path, "net::PacketCapture::open() path"));
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
     * Sets the handler called with each packet, typed ({@code monitor.onPacket(packet -> ...)}),
     * replacing an earlier one.
     *
     * @param handler called on the thread that runs {@link #start()}
     * @return this capture
     */
    public PacketCapture onPacket(PacketHandler handler) {
        return onPacket((Object) handler);
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
     * {@link #filter(Object)} typed: captures only the packets a BPF filter accepts.
     *
     * @param expression tcpdump's filter syntax, {@code "tcp port 80"}
     * @return this capture
     * @throws RuchyError at {@code start()}: {@code Runtime error: Bad capture filter 'x': ...}
     */
    public PacketCapture filter(String expression) {
        return filter((Object) expression);
    }

    /**
     * Writes every packet this capture sees (those the filter keeps) to a pcap file as well
     * ({@code monitor.save("out.pcap")}), whole and with its capture time; the file is created (or
     * emptied) when {@code start()} begins and complete when it returns, and
     * {@code net::PacketCapture::open} reads it back. Works with or without a handler.
     *
     * @param path the file to write
     * @return this capture
     * @throws RuchyError at {@code start()}: {@code Runtime error: Cannot write capture file 'x': ...}
     */
    public PacketCapture save(Object path) {
        this.saveTo = Args.string(path, "save() path");
        return this;
    }

    /**
     * {@link #save(Object)} typed: writes every packet this capture sees to a pcap file as well.
     *
     * @param path the file to write
     * @return this capture
     * @throws RuchyError at {@code start()}: {@code Runtime error: Cannot write capture file 'x': ...}
     */
    public PacketCapture save(String path) {
        return save((Object) path);
    }

    /**
     * Captures until {@link #stop()} is called, the process ends, or (reading a file) the file ends,
     * calling the handler with each packet on this thread.
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
        return start(Args.integer(count, "start() count"));
    }

    /**
     * Captures {@code count} packets, or fewer if {@link #stop()} is called first, or the file ends.
     *
     * @param count packets to capture, 1 to {@link Integer#MAX_VALUE}
     * @return the number of packets handed to the handler
     * @throws RuchyError {@code Runtime error: start() count must be between 1 and 2147483647, got 0}
     */
    public long start(long count) {
        if (count < 1 || count > Integer.MAX_VALUE) {
            throw RuchyError.runtime("start() count must be between 1 and " + Integer.MAX_VALUE + ", got " + count);
        }
        return capture((int) count);
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

    /**
     * The interface this capture reads ({@code monitor.interface}).
     *
     * @return its name, or {@code null} (nil) for a capture file
     */
    @RuchyName("interface")
    public Object device() {
        return device;
    }

    /**
     * The capture file this capture reads ({@code trace.file}).
     *
     * @return its path, or {@code null} (nil) for a live capture
     */
    public Object file() {
        return file;
    }

    /**
     * The network interfaces libpcap can capture on ({@code net::interfaces()}), in its order, each an
     * object {@code {name, description, addresses, loopback, up}}: {@code description} is text or nil,
     * {@code addresses} an array of the interface's IP addresses as text ({@code "127.0.0.1"},
     * {@code "::1"}), {@code loopback} and {@code up} booleans. Listing needs no privilege, but an
     * unprivileged process may see fewer interfaces.
     *
     * @return an array of interface objects
     * @throws RuchyError when libpcap is missing or cannot list the interfaces
     */
    public static List<RObject> interfaces() {
        List<PcapNetworkInterface> all;
        try {
            all = Pcaps.findAllDevs();
        } catch (UnsatisfiedLinkError | NoClassDefFoundError | ExceptionInInitializerError e) {
            throw PcapErrors.libraryMissing(e);
        } catch (PcapNativeException e) {
            throw PcapErrors.failed("Cannot list network interfaces", e.getMessage());
        }
        List<RObject> list = new ArrayList<>();
        for (PcapNetworkInterface nif : all) {
            List<Object> addresses = new ArrayList<>();
            for (PcapAddress a : nif.getAddresses()) {
                InetAddress ip = a.getAddress();
                if (ip != null) {
                    addresses.add(PacketFields.text(ip));
                }
            }
            list.add(RObject.of("name", nif.getName(), "description", nif.getDescription(), "addresses", addresses,
                    "loopback", nif.isLoopBack(), "up", nif.isUp()));
        }
        return list;
    }

    private long capture(int count) {
        stopped = false;
        PcapHandle h = file == null ? open() : openFile();
        long[] seen = {0};
        RuntimeException[] failure = {null};
        PcapDumper dumper = null;
        handle = h;
        try {
            if (filter != null) {
                try {
                    h.setFilter(filter, BpfCompileMode.OPTIMIZE);
                } catch (PcapNativeException e) {
                    throw PcapErrors.badFilter(filter, e.getMessage());
                }
            }
            String out = saveTo;
            if (out != null) {
                try {
                    dumper = h.dumpOpen(out);
                } catch (PcapNativeException e) {
                    throw PcapErrors.failed("Cannot write capture file '" + out + "'", PcapErrors.withoutPath(out, e.getMessage()));
                }
            }
            Object fn = handler;
            if (stopped) {
                return 0;
            }
            int link = h.getDlt().value();
            PcapDumper save = dumper;
            h.loop(count, (RawPacketListener) raw -> {
                if (failure[0] != null) {
                    return;
                }
                seen[0]++;
                try {
                    Timestamp time = h.getTimestamp();
                    if (save != null) {
                        save.dumpRaw(raw, time);
                    }
                    if (fn != null) {
                        Integer wire = h.getOriginalLength();
                        Packet packet = PacketFields.of(raw, link, time, wire == null ? raw.length : wire);
                        if (fn instanceof PacketHandler typed) {
                            typed.handle(packet);
                        } else {
                            Callbacks.callLenient(fn, packet);
                        }
                    }
                } catch (RuntimeException e) {
                    failure[0] = e;
                    stop();
                } catch (NotOpenException e) {
                    failure[0] = PcapErrors.failed("Cannot write capture file '" + saveTo + "'", "the file was closed");
                    stop();
                }
            });
        } catch (InterruptedException e) {
            // breakLoop(): stop() was called
        } catch (PcapNativeException e) {
            throw PcapErrors.failed("Capture on " + source() + " failed", e.getMessage());
        } catch (NotOpenException e) {
            throw PcapErrors.failed("Capture on " + source() + " failed", "the capture was closed");
        } finally {
            handle = null;
            if (dumper != null) {
                dumper.close();
            }
            h.close();
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        return seen[0];
    }

    private String source() {
        return file == null ? "'" + device + "'" : "file '" + file + "'";
    }

    private PcapHandle openFile() {
        try {
            return Pcaps.openOffline(file);
        } catch (UnsatisfiedLinkError | NoClassDefFoundError | ExceptionInInitializerError e) {
            throw PcapErrors.libraryMissing(e);
        } catch (PcapNativeException e) {
            throw PcapErrors.failed("Cannot read capture file '" + file + "'", PcapErrors.withoutPath(file, e.getMessage()));
        }
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
            return new PcapHandle.Builder(nif.getName())
                    .snaplen(SNAPSHOT_LENGTH)
                    .promiscuousMode(PromiscuousMode.NONPROMISCUOUS)
                    .timeoutMillis(READ_TIMEOUT_MS)
                    .bufferSize(BUFFER_BYTES)
                    .build();
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
        return file == null ? "PacketCapture(" + device + ")" : "PacketCapture(file " + file + ")";
    }
}
