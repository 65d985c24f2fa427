/**
 * WebSocket for Ruchy programs: a server on Helidon 4 SE's WebSocket support ({@link
 * dev.ruchy.runtime.net.ws.WsServer}: {@code ws::Server::new(addr)}, {@code on_connection},
 * {@code broadcast}) and a client on the JDK's {@code java.net.http.WebSocket} ({@link
 * dev.ruchy.runtime.net.ws.WsClient}: {@code ws::connect(url)}). Events are delivered to closures
 * registered with {@code on("message" | "close" | ...)}; sends from any number of threads are safe.
 */
package dev.ruchy.runtime.net.ws;
