import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.Ops;
import dev.ruchy.runtime.RObject;
import dev.ruchy.runtime.Strings;

/**
 * Paths the runtime provides have the catalog's types: constants and results are typed Java values.
 *
 * <p>Generated from runtime_paths.ruchy.
 */
public final class RuntimePaths {
    private RuntimePaths() {
    }

    public static void main(String[] args) {
        var big = Ops.asInt(Ops.path("i64::MAX"));
        Builtins.println(big - 1); // expect: 9223372036854775806
        var tau = Ops.asFloat(Ops.path("f64::consts::TAU"));
        Builtins.println(tau > 6.28); // expect: true
        var root = Ops.asFloat(Ops.callPath("math::sqrt", 16.0));
        Builtins.println(root + 1.0); // expect: 5.0
        var name = "Ada";
        Builtins.println(Strings.len(name)); // expect: 3
        var counts = (RObject) Ops.callPath("std::collections::HashMap::new");
        Ops.invoke(counts, "insert", "a", 1L);
        Builtins.println(counts.len()); // expect: 1
    }
}
