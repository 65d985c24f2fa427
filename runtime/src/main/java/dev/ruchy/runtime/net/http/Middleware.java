package dev.ruchy.runtime.net.http;

import dev.ruchy.runtime.Fn3;

/**
 * A middleware {@code (req, res, next) -> ...}: it continues the chain only by calling
 * {@code next.run()}. Also a Ruchy function value of three parameters ({@link Fn3}).
 */
@FunctionalInterface
public interface Middleware extends Fn3 {
    void handle(Request req, Response res, Next next);

    /** The call from the runtime's dynamic dispatch. */
    @Override
    default Object call(Object a, Object b, Object c) {
        handle((Request) a, (Response) b, (Next) c);
        return null;
    }
}
