import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.Fmt;
import dev.ruchy.runtime.LongList;
import dev.ruchy.runtime.Ops;
import dev.ruchy.runtime.RObject;
import dev.ruchy.runtime.Strings;
import dev.ruchy.runtime.net.http.ClientRequest;
import dev.ruchy.runtime.net.http.GetRequest;
import dev.ruchy.runtime.net.http.HttpServer;

/**
 * An HTTP client against a server on loopback: http::get is a GetRequest (a request that is also
 * its response), http::post and http::request build a ClientRequest whose send() gives a
 * ClientResponse, so each call of a chain is a Java call. The JSON a response carries is dynamic
 * (Object): its fields are known only at run time, and so is a URL read from it: with it, http::get
 * is the runtime's path, its value cast to its class.
 *
 * <p>Generated from http_client_typed.ruchy.
 */
public final class HttpClientTyped {
    private HttpClientTyped() {
    }

    public static void main(String[] args) {
        var server = HttpServer.create("127.0.0.1:0");
        server.get("/data", (req, res) -> {
            res.json(RObject.of("items", LongList.of(1L, 2L, 3L), "page", req.queryInt("page",
                    1L)));
        });
        server.post("/users", (req, res) -> {
            var user = req.json();
            res.status(201L).header("X-Id", "7").json(user);
        });
        server.start();
        var base = "http://127.0.0.1:" + server.port();
        var data = RObject.expect(ClientRequest.get(base + "/data").json(), "items");
        Builtins.println("items: " + Fmt.interpolate(Ops.invoke(data.get("items"), "len")));
        var created = ClientRequest.post(base + "/users").json(RObject.of("name", "Ada")).send();
        var id = created.header("x-id");
        Builtins.println(created.status() + " " + created.text() + " id " + Fmt.interpolate(id));
        var response = ClientRequest.request(base + "/data").method("GET").header("Authorization",
                "Bearer t").query("page", 2L).timeout(5000L).send();
        if (response.isSuccess()) {
            Builtins.println("page " + Fmt.interpolate(Ops.field(response.json(), "page")) + ", "
                    + Strings.len(response.body()) + " bytes");
        }
        var missing = ClientRequest.get(base + "/nope").timeout(2000L).send();
        Builtins.println("missing: " + missing.status() + " " + missing.isSuccess());
        var target = Builtins.parseJson("\"" + base + "/data\"");
        Builtins.println("dynamic url: " + ((GetRequest) Ops.callPath("http::get",
                target)).timeout(2000L).send().status());
        server.stop();
        // expect: items: 3
        // expect: 201 {"name":"Ada"} id 7
        // expect: page 2, 26 bytes
        // expect: missing: 404 false
        // expect: dynamic url: 200
    }
}
