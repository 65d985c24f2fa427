import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.Ops;
import dev.ruchy.runtime.RObject;

/**
 * Generated from objects.ruchy.
 */
public final class Objects {
    private Objects() {
    }

    public static void main(String[] args) {
        // Object literals are dynamic maps; Display sorts their keys.
        var user = RObject.of("name", "Ann", "age", 7L);
        Ops.setField(user, "email", "ann@example.com");
        Builtins.println(Ops.field(user, "name"));
        // expect: Ann
        Builtins.println(user);
    }
}
