package dev.ruchy.runtime.net.http;

import dev.ruchy.runtime.Fn4;

/**
 * An error middleware {@code (err, req, res, next) -> ...}: {@code err} is what failed, as a Ruchy
 * value ({@code {message, type}} or the thrown object), hence {@code Object}. Also a Ruchy function
 * value of four parameters ({@link Fn4}).
 */
@FunctionalInterface
public interface ErrorMiddleware extends Fn4 {
    void handle(Object err, Request req, Response res, Next next);

    /** The call from the runtime's dynamic dispatch. */
    @Override
    default Object call(Object a, Object b, Object c, Object d) {
        handle(a, (Request) b, (Response) c, (Next) d);
        return null;
    }
}
