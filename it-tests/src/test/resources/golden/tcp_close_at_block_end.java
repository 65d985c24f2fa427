import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.Ops;
import dev.ruchy.runtime.Strings;
import dev.ruchy.runtime.net.tcp.TcpListener;
import dev.ruchy.runtime.net.tcp.TcpStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Sockets close like Ruchy's other resources, when the block that made them ends: the spawned task
 * owns the socket it accepted (`try (conn)` around its body), the client's socket in ask() is closed
 * when the function returns, and a socket kept in a list outlives its block and stays open.
 *
 * <p>Generated from tcp_close_at_block_end.ruchy.
 */
public final class TcpCloseAtBlockEnd {
    private static TcpListener listener;

    private static long port;

    private TcpCloseAtBlockEnd() {
    }

    static String ask(String text) {
        try (var socket = TcpStream.connect("127.0.0.1:" + port)) {
            socket.write(text + "\n\n");
            var reply = socket.readLine();
            var after = socket.readLine(); // "": the server closed the connection after the empty line
            return reply + ", then " + Strings.len(after) + " characters";
        }
    }

    public static void main(String[] args) {
        listener = TcpListener.bind("127.0.0.1:0");
        port = listener.port();
        Ops.spawn(() -> {
            while (true) {
                var conn = listener.accept();
                Ops.spawn(() -> {
                    try (conn) {
                        // the client sees the end of the stream once this task ends, after the empty line
                        var line = conn.readLine();
                        while (!line.isEmpty()) {
                            conn.write("echo: " + line + "\n");
                            line = conn.readLine();
                        }
                    }
                });
            }
        });
        Builtins.println(ask("hello")); // expect: echo: hello, then 0 characters
        List<TcpStream> kept = new ArrayList<>();
        var held = TcpStream.connect("127.0.0.1:" + port);
        kept.add(held);
        Builtins.println(held.isClosed()); // expect: false
    }
}
