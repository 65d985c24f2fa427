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
 * </table>
 */
public final class PcapPaths implements PathProvider {
    /** The provider {@link java.util.ServiceLoader} creates. */
    public PcapPaths() {
    }

    /** Adds {@code net::PacketCapture::new}; Pcap4J and libpcap load only when a capture starts. */
    @Override
    public void register(BiConsumer<String, FnN> table) {
        table.accept("net::PacketCapture::new", Args.withArity("net::PacketCapture::new", 1,
                a -> new PacketCapture(Args.string(a[0], "net::PacketCapture::new() interface"))));
    }
}
