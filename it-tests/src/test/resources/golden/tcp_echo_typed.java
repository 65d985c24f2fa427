import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.Ops;
import dev.ruchy.runtime.Strings;
import dev.ruchy.runtime.net.tcp.TcpListener;
import dev.ruchy.runtime.net.tcp.TcpStream;

/**
 * A TCP echo on loopback: the listener and the streams have the runtime's Java types (TcpListener,
 * TcpStream), so accepting, reading and writing are plain Java calls on them.
 *
 * <p>Generated from tcp_echo_typed.ruchy.
 */
public final class TcpEchoTyped {
    private static TcpListener listener;

    private TcpEchoTyped() {
    }

    public static void main(String[] args) {
        listener = TcpListener.bind("127.0.0.1:0");
        long port = listener.port();
        Ops.spawn(() -> {
            var conn = listener.accept();
            var line = conn.readLine();
            conn.write("echo: " + line + "\n");
            conn.close();
        });
        var client = TcpStream.connect("127.0.0.1:" + port);
        client.write("hello\n");
        var reply = client.readLine();
        Builtins.println(reply);
        Builtins.println(Strings.len(reply));
        client.close();
        listener.close();
        // expect: echo: hello
        // expect: 11
    }
}
