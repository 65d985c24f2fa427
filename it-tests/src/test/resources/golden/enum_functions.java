import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.Ops;
import dev.ruchy.runtime.RuchyEnum;
import dev.ruchy.runtime.RuchyError;

/**
 * Generated from enum_functions.ruchy.
 */
public final class EnumFunctions {
    private EnumFunctions() {
    }

    public static void main(String[] args) {
        Builtins.println(Ops.add(Color.count(), 1L)); // expect: 3
        Builtins.println(Color.Green); // expect: Green
        var x = 5L;
        try {
            var y = Ops.asInt(Ops.fail(RuchyError.unsupported("`++` outside a statement"))) + 1;
            Builtins.println(y);
        } catch (RuchyError error) {
            Object e = error.caught();
            Builtins.println(Ops.field(e, "message")); // expect: `++` outside a statement is not supported yet
        }
    }

    /**
     * An enum's associated function is called as one, beside its variants; an increment inside a larger
     * expression is Ruchy's run-time error, caught like any other.
     * The caught error `e` is a dynamic value.
     */
    enum Color implements RuchyEnum {
        Red,

        Green;

        public static long count() {
            return 2L;
        }
    }
}
