import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.Fmt;
import dev.ruchy.runtime.Ops;
import dev.ruchy.runtime.net.http.ClientRequest;
import dev.ruchy.runtime.net.http.HttpServer;
import dev.ruchy.runtime.net.http.Next;
import dev.ruchy.runtime.net.http.Request;
import dev.ruchy.runtime.net.http.Response;

/**
 * Generated from http_route_function.ruchy.
 */
public final class HttpRouteFunction {
    private HttpRouteFunction() {
    }

    /**
     * Route middleware written as a named function: passed where a route takes middleware, it is a
     * method reference, and its parameters get the Middleware's types (Request, Response, Next).
     * What it returns (the response it answered with) is never read, since it is only passed as
     * middleware, so it is a void method.
     */
    static void requireAuth(Request req, Response res, Next next) {
        var token = req.header("Authorization");
        if (!Ops.truthy(token)) {
            res.status(401L).text("no token");
            return;
        }
        req.put("user", token);
        next.run();
    }

    public static void main(String[] args) {
        var server = HttpServer.create("127.0.0.1:0");
        server.get("/me", HttpRouteFunction::requireAuth, (req, res) -> {
            res.text("you are " + Fmt.interpolate(req.get("user")));
        });
        server.start();
        var base = "http://127.0.0.1:" + server.port();
        var anonymous = ClientRequest.get(base + "/me");
        Builtins.println(anonymous.status() + " " + anonymous.text());
        var known = ClientRequest.request(base + "/me").header("Authorization", "ann").send();
        Builtins.println(known.status() + " " + known.text());
        server.stop();
        // expect: 401 no token
        // expect: 200 you are ann
    }
}
