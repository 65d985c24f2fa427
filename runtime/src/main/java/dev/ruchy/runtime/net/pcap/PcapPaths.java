package dev.ruchy.runtime.net.pcap;

import dev.ruchy.runtime.FnN;
import dev.ruchy.runtime.PathProvider;
import dev.ruchy.runtime.net.Args;
import java.util.function.BiConsumer;

/**
 * The packet-capture paths Ruchy programs call, a {@link PathProvider} service of the runtime's path
 * table.
 *
 * <table>
 *   <caption>Paths</caption>
 *   <tr><th>path</th><th>returns</th></tr>
 *   <tr><td>{@code net::PacketCapture::new(interface)}</td><td>a {@link PacketCapture} on that interface ({@code "lo"}, {@code "eth0"})</td></tr>
 *   <tr><td>{@code net::PacketCapture::open(path)}</td><td>a {@link PacketCapture} reading a pcap or pcapng file</td></tr>
 *   <tr><td>{@code net::interfaces()}</td><td>the interfaces libpcap lists, an array of {@code {name, description, addresses, loopback, up}}</td></tr>
 * </table>
 */
public final class PcapPaths implements PathProvider {
    /** The provider {@link java.util.ServiceLoader} creates. */
    public PcapPaths() {
    }

    /**
     * Adds {@code net::PacketCapture::new}, {@code net::PacketCapture::open} and {@code net::interfaces};
     * Pcap4J and libpcap load only when a capture starts or interfaces are listed.
     */
    @Override
    public void register(BiConsumer<String, FnN> table) {
        table.accept("net::PacketCapture::new", Args.withArity("net::PacketCapture::new", 1,
                a -> PacketCapture.create(Args.string(a[0], "net::PacketCapture::new() interface"))));
        table.accept("net::PacketCapture::open", Args.withArity("net::PacketCapture::open", 1,
                a -> PacketCapture.open(Args.string(a[0], "net::PacketCapture::open() path"))));
        table.accept("net::interfaces", Args.withArity("net::interfaces", 0, a -> PacketCapture.interfaces()));
    }
}
