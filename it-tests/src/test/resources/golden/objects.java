import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.Fmt;
import dev.ruchy.runtime.Fn0;
import dev.ruchy.runtime.Fn1;
import dev.ruchy.runtime.LongList;
import dev.ruchy.runtime.Ops;
import dev.ruchy.runtime.RObject;

/**
 * Object literals are dynamic maps; Display sorts their keys.
 *
 * <p>Generated from objects.ruchy.
 */
public final class Objects {
    private Objects() {
    }

    public static void main(String[] args) {
        var user = RObject.of("name", "Ann", "age", 7L);
        user.set("email", "ann@example.com");
        Builtins.println(user.get("name")); // expect: Ann
        Builtins.println(user); // expect: {age: 7, email: "ann@example.com", name: "Ann"}
        // A key holding a function is a method; the built-in object methods come first.
        var tools = RObject.of("greet", (Fn1) who -> "hi " + Fmt.interpolate(who),
                "len", (Fn0) () -> 99L);
        Builtins.println(Ops.invoke(tools, "greet", "Bo")); // expect: hi Bo
        Builtins.println(tools.len()); // expect: 2
        Builtins.println(tools.has("greet"), tools.has(LongList.of(1L))); // expect: true false
    }
}
