package dev.ruchy.runtime.net.http;

import dev.ruchy.runtime.RuchyError;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What {@code http::get(url)} returns: a GET request that is also its own response. The seed's
 * programs use it both ways, as a response ({@code http::get(url).json()},
 * {@code let r = http::get(url); r.status}) and as a request still being built
 * ({@code http::get(url).timeout(2000).send()}). So the request goes out once, at {@link #send()} or
 * at the first read of a response member ({@code status}, {@code json()}, {@code text()}, ...),
 * whichever comes first; setters after that are an error. A failure to connect is therefore thrown
 * where the response is first read.
 */
final class PendingGet implements GetRequest {
    private final ClientRequest request;
    /** Held while the request goes out (a lock, not a monitor: a virtual thread waiting on the network stays unpinned). */
    private final ReentrantLock sending = new ReentrantLock();
    private volatile ClientResponse response;

    /** @throws RuchyError {@code Runtime error: Invalid URL 'x': ...}, here rather than at the first read */
    PendingGet(String url) {
        Clients.uri(url);
        this.request = ClientRequest.create("GET", url);
    }

    // ---------------------------------------------------------------- the request, until it is sent

    private ClientRequest building(String what) {
        if (response != null) {
            throw RuchyError.runtime("Cannot call " + what + "() on http::get(...) after its response was read; "
                    + "set it before .send() or the first use of the response");
        }
        return request;
    }

    @Override
    public GetRequest method(Object method) {
        building("method").method(method);
        return this;
    }

    @Override
    public GetRequest header(Object name, Object value) {
        building("header").header(name, value);
        return this;
    }

    @Override
    public GetRequest headers(Object headers) {
        building("headers").headers(headers);
        return this;
    }

    @Override
    public GetRequest query(Object name, Object value) {
        building("query").query(name, value);
        return this;
    }

    @Override
    public GetRequest body(Object body) {
        building("body").body(body);
        return this;
    }

    @Override
    public GetRequest json(Object value) {
        building("json").json(value);
        return this;
    }

    @Override
    public GetRequest timeout(Object ms) {
        building("timeout").timeout(ms);
        return this;
    }

    /** Sends the request unless it went out already; the response, the same one every call. */
    @Override
    public ClientResponse send() {
        sending.lock();
        try {
            if (response == null) {
                response = request.send();
            }
            return response;
        } finally {
            sending.unlock();
        }
    }

    // ---------------------------------------------------------------- the response, sent on first read

    @Override
    public long status() {
        return send().status();
    }

    @Override
    public boolean isSuccess() {
        return send().isSuccess();
    }

    @Override
    public String text() {
        return send().text();
    }

    @Override
    public String body() {
        return send().body();
    }

    @Override
    public Object json() {
        return send().json();
    }

    @Override
    public Object headers() {
        return send().headers();
    }

    @Override
    public Object header(Object name) {
        return send().header(name);
    }

    @Override
    public String toString() {
        ClientResponse r = response;
        return r != null ? r.toString() : request.toString();
    }
}
