package dev.ruchy.runtime;

import java.util.function.BiConsumer;

/**
 * A source of functions reached by {@code a::b} paths ({@code http::get}, {@code net::TcpStream::connect},
 * ...) that live outside the runtime's core package. The runtime finds every implementation with
 * {@link java.util.ServiceLoader} (listed in {@code META-INF/services/dev.ruchy.runtime.PathProvider})
 * the first time a path is looked up, and adds its functions to the path table, so the core names no
 * package that provides paths.
 *
 * <p>Implementations are public classes with a public no-argument constructor. Paths are written
 * without a leading {@code std::} (the table strips it before looking up).
 */
public interface PathProvider {
    /**
     * Adds this provider's paths to the table. Each function receives the call's arguments and
     * checks their number and kinds itself, throwing {@link RuchyError} on a mismatch. A path that
     * the core table already has, or another provider added, is replaced.
     *
     * @param paths receives each path (e.g. {@code "http::get"}) and the function that calls it
     */
    void register(BiConsumer<String, FnN> paths);
}
