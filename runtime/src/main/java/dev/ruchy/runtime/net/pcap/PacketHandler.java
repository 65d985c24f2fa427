package dev.ruchy.runtime.net.pcap;

import dev.ruchy.runtime.Fn1;
import dev.ruchy.runtime.RuchyError;
import dev.ruchy.runtime.Values;

/**
 * What {@link PacketCapture#onPacket(PacketHandler)} calls with each packet, {@code packet -> ...},
 * on the thread that called {@link PacketCapture#start()}; an exception it throws stops the capture
 * and {@code start()} rethrows it. Also a Ruchy function value of one parameter ({@link Fn1}).
 */
@FunctionalInterface
public interface PacketHandler extends Fn1 {
    /**
     * Handles one packet.
     *
     * @param packet the packet, decoded
     */
    void handle(Packet packet);

    /**
     * The call from the runtime's dynamic dispatch: {@code a} is the packet.
     *
     * @throws RuchyError {@code Type error: a packet handler expects a packet, got integer}
     */
    @Override
    default Object call(Object a) {
        if (!(a instanceof Packet packet)) {
            throw RuchyError.type("a packet handler expects a packet, got " + Values.typeOf(a));
        }
        handle(packet);
        return null;
    }
}
