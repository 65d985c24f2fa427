package dev.ruchy.runtime.net.http;

/**
 * What {@code http::get(url)} returns: a GET request that is also its own response. It goes out
 * once, at {@link #send()} or at the first read of a response member ({@link #status()},
 * {@link #json()}, {@link #text()}, ...), so both {@code ClientRequest.get(url).json()} and
 * {@code ClientRequest.get(url).timeout(2000).send()} work; a setter after that is an error
 * ({@code Runtime error: Cannot call timeout() on http::get(...) after its response was read; ...}).
 * The setters return the same request, still readable as a response.
 */
public interface GetRequest extends ClientRequest, ClientResponse {
    @Override
    GetRequest method(Object method);

    @Override
    GetRequest header(Object name, Object value);

    @Override
    GetRequest headers(Object headers);

    @Override
    GetRequest query(Object name, Object value);

    @Override
    GetRequest body(Object body);

    @Override
    GetRequest json(Object value);

    @Override
    GetRequest timeout(Object ms);
}
