import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.Fmt;
import dev.ruchy.runtime.RObject;
import dev.ruchy.runtime.net.http.HttpServer;

/**
 * A small HTTP server: the server, its requests and responses have the runtime's Java types, so
 * routes and middleware are typed lambdas and `req.method` is a typed read. What `req.json()`
 * returns is dynamic (Object): JSON from the client, whose fields are known only at run time.
 *
 * <p>Generated from http_server_typed.ruchy.
 */
public final class HttpServerTyped {
    private HttpServerTyped() {
    }

    public static void main(String[] args) {
        var server = HttpServer.create("127.0.0.1:0");
        server.use((req, res, next) -> {
            res.header("X-Seen", req.method() + " " + req.path());
            req.put("user", "ann");
            next.run();
        });
        server.get("/hello/:name", (req, res) -> {
            if (((String) req.params().get("name")).equals("nobody")) {
                res.status(404L).text("no one");
                return;
            }
            res.text("hello " + (String) req.params().get("name") + ", from "
                    + Fmt.interpolate(req.get("user")));
        });
        server.post("/echo", (req, res) -> {
            var body = RObject.expect(req.json(), "seen");
            body.set("seen", true);
            res.status(201L).json(body);
        });
        server.start();
        var base = "http://127.0.0.1:" + server.port();
        Builtins.println(Builtins.httpGet(base + "/hello/bo"));
        Builtins.println(Builtins.httpPost(base + "/echo", "{\"n\": 1}"));
        Builtins.println(server.isRunning());
        server.stop();
        // expect: hello bo, from ann
        // expect: {"n":1,"seen":true}
        // expect: true
    }
}
