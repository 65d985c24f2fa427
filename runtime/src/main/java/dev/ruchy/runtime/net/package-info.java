/**
 * Networking for Ruchy programs: HTTP server and client ({@link dev.ruchy.runtime.net.http}), WebSocket
 * server and client ({@link dev.ruchy.runtime.net.ws}) and TCP sockets ({@link dev.ruchy.runtime.net.tcp}).
 *
 * <p>Every call blocks the calling thread until it is done: programs are written in a plain blocking
 * style and run on virtual threads (each HTTP request, WebSocket connection and {@code spawn} body has
 * its own), so blocking is cheap. The HTTP and WebSocket servers are Helidon 4 SE {@code WebServer}s,
 * the HTTP client is Helidon's {@code WebClient}, the WebSocket client the JDK's
 * {@code java.net.http.WebSocket}, and TCP is {@code java.net.Socket}.
 *
 * <p>Ruchy code reaches these classes in two ways: the paths {@code http::Server::new},
 * {@code http::get}, {@code ws::connect}, {@code net::TcpStream::connect}, ... registered by
 * {@code HttpPaths}, {@code WsPaths} and {@code TcpPaths} ({@link dev.ruchy.runtime.PathProvider} services) in the runtime's path table, and method calls and field reads
 * on the objects they return ({@code server.get(...)}, {@code res.status}), which the runtime
 * dispatches by reflection ({@code read_line} finds {@code readLine}, {@code static} finds
 * {@code static_}). Methods take {@code Object} parameters and check them, so a wrong argument gets a
 * Ruchy-style message rather than "method not found". Errors are {@link dev.ruchy.runtime.RuchyError}s
 * ({@code Runtime error: Cannot connect to 127.0.0.1:9000: Connection refused}).
 */
package dev.ruchy.runtime.net;
