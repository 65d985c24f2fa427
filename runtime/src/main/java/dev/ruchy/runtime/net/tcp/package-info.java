/**
 * TCP for Ruchy programs on {@code java.net} sockets: {@code net::TcpListener::bind("127.0.0.1:9000")}
 * and {@code accept()}, {@code net::TcpStream::connect(addr)} and {@code connect_timeout(addr, ms)},
 * line, byte-count and big-endian {@code u32} reads and writes. Calls block; run each connection in a
 * {@code spawn} (a virtual thread). A stream may be read by one thread while another writes to it.
 */
package dev.ruchy.runtime.net.tcp;
