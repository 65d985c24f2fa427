import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.Fmt;
import dev.ruchy.runtime.Ops;
import dev.ruchy.runtime.RObject;
import dev.ruchy.runtime.RuchyError;

/**
 * Parsed JSON that a program only uses as an object is an RObject, checked where it is parsed.
 *
 * <p>Generated from json_objects.ruchy.
 */
public final class JsonObjects {
    private JsonObjects() {
    }

    /**
     * Not an object: the error its first field access would give.
     */
    static Object firstName(String text) {
        var person = RObject.expect(Builtins.parseJson(text), "name");
        return person.get("name");
    }

    public static void main(String[] args) {
        var msg = RObject.expect(Builtins.parseJson("{\"type\": \"join\", \"room\": \"lobby\"}"), "type");
        Builtins.println(msg.get("type"), msg.get("room")); // expect: join lobby
        msg.set("seen", true);
        Builtins.println(Fmt.interpolate(msg)); // expect: {room: lobby, seen: true, type: join}
        // Given to a builtin that looks at its type, it stays dynamic.
        var body = Builtins.parseJson("[1, 2]");
        if (!Builtins.typeOf(body).equals("object")) {
            Builtins.println("not an object"); // expect: not an object
        } else {
            Builtins.println(Ops.field(body, "name"));
        }
        // Tested for nil, it stays dynamic: the program handles what is not an object.
        var maybe = Builtins.parseJson("null");
        if (maybe == null) {
            Builtins.println("nothing"); // expect: nothing
        }
        try {
            Builtins.println(firstName("[1, 2]"));
        } catch (RuchyError error) {
            Object e = error.caught();
            Builtins.println(Ops.field(e, "message")); // expect: Cannot access field 'name' on array
        }
        Builtins.println(firstName("{\"name\": \"Ann\"}")); // expect: Ann
    }
}
