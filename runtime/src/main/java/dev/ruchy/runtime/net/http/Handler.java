package dev.ruchy.runtime.net.http;

import dev.ruchy.runtime.Fn2;

/**
 * A route handler {@code (req, res) -> ...}: it answers through {@code res}; what it returns is
 * ignored, so the Java form is {@code void}. Also a Ruchy function value of two parameters ({@link Fn2}).
 */
@FunctionalInterface
public interface Handler extends Fn2 {
    void handle(Request req, Response res);

    /** The call from the runtime's dynamic dispatch: {@code a} is the request, {@code b} the response. */
    @Override
    default Object call(Object a, Object b) {
        handle((Request) a, (Response) b);
        return null;
    }
}
