/**
 * Packet capture for Ruchy programs ({@code net::PacketCapture::new("lo")}) on Pcap4J, which reaches
 * the system's libpcap through JNA. libpcap is loaded only when a capture opens; a missing library,
 * missing privilege, unknown interface or bad filter is a {@link dev.ruchy.runtime.RuchyError} that
 * says what to do ({@link dev.ruchy.runtime.net.pcap.PcapErrors}).
 */
package dev.ruchy.runtime.net.pcap;
