import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.Ops;

/**
 * Methods on integers: sqrt is a float, as the builtin sqrt(n) is.
 *
 * <p>Generated from int_methods.ruchy.
 */
public final class IntMethods {
    private IntMethods() {
    }

    public static void main(String[] args) {
        var n = 16L;
        Builtins.println(Ops.asFloat(Ops.invoke(n, "sqrt"))); // expect: 4.0
        Builtins.println(Ops.asFloat(Ops.invoke(n, "sqrt")) + 0.5); // expect: 4.5
        Builtins.println(Ops.asFloat(Ops.invoke(2L, "sqrt")) > 1.41); // expect: true
        Builtins.println(Math.abs(n), Ops.asInt(Ops.invoke(n, "pow", 2L)), Ops.asInt(Ops.invoke(n,
                "min", 3L)), Ops.asInt(Ops.invoke(n, "max", 30L)), Ops.asFloat(Ops.invoke(n,
                "to_float"))); // expect: 16 256 3 30 16.0
        // the builtins min, max and abs on numbers are Java's Math methods
        var page = Math.min(Math.max(n - 20, 1), 10);
        Builtins.println(page, Math.max(n, 2.5), Math.abs(page - n)); // expect: 1 16.0 15
    }
}
