import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.RuchyEnum;
import dev.ruchy.runtime.RuchyError;

/**
 * Generated from enum_simple.ruchy.
 */
public final class EnumSimple {
    private EnumSimple() {
    }

    static String nameOf(Color c) {
        return switch (c) {
            case Red -> "red";
            case Green -> "green";
            case Blue -> "blue";
            case null -> throw RuchyError.noMatch(c);
        };
    }

    public static void main(String[] args) {
        var c = Color.Green;
        Builtins.println(nameOf(c), c); // expect: green Green
    }

    enum Color implements RuchyEnum {
        Red,

        Green,

        Blue
    }
}
