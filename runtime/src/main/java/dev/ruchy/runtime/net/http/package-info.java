/**
 * HTTP for Ruchy programs: a server on Helidon 4 SE {@code WebServer} ({@link
 * dev.ruchy.runtime.net.http.HttpServer}: {@code http::Server::new(addr)}, routes, Express-style
 * middleware and error middleware, static files) and a client on Helidon {@code WebClient} ({@link
 * dev.ruchy.runtime.net.http.Http}: {@code http::get}, {@code http::post(url).json(v).send()},
 * {@code http::request(url)...send()}, {@code http::download(url, path)}).
 *
 * <p>Handlers run on virtual threads and may block (call other services, sleep, read files); each
 * must finish its response before returning.
 */
package dev.ruchy.runtime.net.http;
