import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.Ops;
import dev.ruchy.runtime.net.ws.WsClient;
import dev.ruchy.runtime.net.ws.WsServer;
import java.util.Locale;

/**
 * A WebSocket echo on loopback: the server, its sockets and the client have the runtime's Java
 * types (WsServer, WsSocket, WsClient), and each listener is a typed lambda chosen by its event's
 * name: socket.on("message", |text| ...) is socket.onMessage(text -> ...), with text a String.
 *
 * <p>Generated from ws_typed.ruchy.
 */
public final class WsTyped {
    private static WsClient ws;

    private WsTyped() {
    }

    public static void main(String[] args) {
        var server = WsServer.create("127.0.0.1:0");
        server.onConnection(socket -> {
            socket.onMessage(text -> {
                socket.send("echo: " + text.toUpperCase(Locale.ROOT) + " on " + socket.path());
            });
        });
        server.start();
        ws = WsClient.connect("ws://127.0.0.1:" + server.port() + "/chat");
        ws.onMessage(text -> {
            Builtins.println(text);
            ws.close();
        });
        ws.onClose((code, reason) -> {
            Builtins.println("closed: " + code);
        });
        boolean sent = ws.send("hello");
        Ops.await(ws);
        server.stop();
        Builtins.println("sent: " + sent);
        // expect: echo: HELLO on /chat
        // expect: closed: 1000
        // expect: sent: true
    }
}
