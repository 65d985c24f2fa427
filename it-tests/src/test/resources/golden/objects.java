import dev.ruchy.runtime.Builtins;
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
        Ops.setField(user, "email", "ann@example.com");
        Builtins.println(Ops.field(user, "name")); // expect: Ann
        Builtins.println(user); // expect: {age: 7, email: "ann@example.com", name: "Ann"}
    }
}
