import dev.ruchy.runtime.Builtins;

/**
 * Generated from ternary_if_value.ruchy.
 */
public final class TernaryIfValue {
    private TernaryIfValue() {
    }

    public static void main(String[] args) {
        var n = -4L;
        var sign = n > 0 ? "pos" : n < 0 ? "neg" : "zero";
        var parity = n % 2 == 0 ? "even" : "odd";
        Builtins.println(sign, parity); // expect: neg even
    }
}
