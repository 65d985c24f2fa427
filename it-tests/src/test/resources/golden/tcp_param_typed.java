import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.Ops;
import dev.ruchy.runtime.RObject;
import dev.ruchy.runtime.Strings;
import dev.ruchy.runtime.net.tcp.TcpListener;
import dev.ruchy.runtime.net.tcp.TcpStream;

/**
 * Generated from tcp_param_typed.ruchy.
 */
public final class TcpParamTyped {
    private static TcpListener listener;

    private TcpParamTyped() {
    }

    /**
     * A parameter without a type whose methods only a TcpStream has (write_u32, read_u32) is a TcpStream,
     * as the length-prefixed protocol's helpers need: their calls are plain Java calls.
     */
    static long sendPacket(TcpStream socket, RObject data) {
        var json = Builtins.toJson(data);
        socket.writeU32(Strings.len(json));
        return socket.write(json);
    }

    static Object receivePacket(TcpStream socket) {
        long length = socket.readU32();
        return Builtins.parseJson(socket.read(length));
    }

    public static void main(String[] args) {
        listener = TcpListener.bind("127.0.0.1:0");
        long port = listener.port();
        Ops.spawn(() -> {
            var conn = listener.accept();
            var packet = receivePacket(conn); // parsed JSON returned by a function stays dynamic
            sendPacket(conn, RObject.of("echo", Ops.field(packet, "text")));
            conn.close();
        });
        var client = TcpStream.connect("127.0.0.1:" + port);
        sendPacket(client, RObject.of("text", "hello"));
        Builtins.println(receivePacket(client)); // expect: {echo: "hello"}
        client.close();
        listener.close();
    }
}
