import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.Fmt;
import dev.ruchy.runtime.Ops;
import dev.ruchy.runtime.net.http.ClientRequest;
import dev.ruchy.runtime.net.http.HttpServer;

/**
 * Path parameters are strings (req.params.id is a String), unless the program writes one: a
 * handler that stores a number in req.params makes their reads dynamic (Object) again, in
 * every handler.
 *
 * <p>Generated from http_params_written.ruchy.
 */
public final class HttpParamsWritten {
    private HttpParamsWritten() {
    }

    public static void main(String[] args) {
        var server = HttpServer.create("127.0.0.1:0");
        server.get("/items/:id", (req, res) -> {
            if (Ops.eq(req.params().get("id"), "latest")) {
                req.params().set("id", 42L);
            }
            res.text("item " + Fmt.interpolate(req.params().get("id")));
        });
        server.get("/users/:name", (req, res) -> {
            res.text("user " + Fmt.interpolate(Ops.invoke(req.params().get("name"), "len")));
        });
        server.start();
        var base = "http://127.0.0.1:" + server.port();
        Builtins.println(ClientRequest.get(base + "/items/latest").text()); // expect: item 42
        Builtins.println(ClientRequest.get(base + "/items/7").text()); // expect: item 7
        Builtins.println(ClientRequest.get(base + "/users/ann").text()); // expect: user 3
        server.stop();
    }
}
