import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.Fmt;
import dev.ruchy.runtime.Ops;

/**
 * Each operator is chosen once from its operand types: a comparison of a concatenation compares the
 * whole string, nil checks on numbers box, and dynamic operands go through the runtime.
 *
 * <p>Generated from operators.ruchy.
 */
public final class Operators {
    private Operators() {
    }

    public static void main(String[] args) {
        var a = "ab";
        var b = "c";
        Builtins.println((a + b).equals("abc")); // expect: true
        Builtins.println(!(a + b).equals("abc")); // expect: false
        Builtins.println((a + b).compareTo("b") < 0); // expect: true
        var n = 5L;
        Builtins.println(Ops.eq(n, null)); // expect: false
        var x = 2.5;
        Builtins.println("v=" + Fmt.plain(x)); // expect: v=2.5
        var total = (n + 1) % 4;
        Builtins.println(total); // expect: 2
    }
}
