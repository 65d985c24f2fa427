import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.Lists;
import dev.ruchy.runtime.LongList;
import dev.ruchy.runtime.Ops;
import dev.ruchy.runtime.RObject;

/**
 * Every builtin the runtime has is callable and is a value: the catalog and the runtime's table list
 * the same names. A builtin used as a value is a function value (dynamic: its Java type is Object).
 *
 * <p>Generated from builtin_values.ruchy.
 */
public final class BuiltinValues {
    private BuiltinValues() {
    }

    public static void main(String[] args) {
        Builtins.println(Builtins.toJsonPretty(RObject.of("a", 1L, "b", Lists.of(true, null))));
        // expect: {
        // expect:   "a": 1,
        // expect:   "b": [
        // expect:     true,
        // expect:     null
        // expect:   ]
        // expect: }
        var get = Ops.builtin("http_get");
        Builtins.println(Builtins.typeOf(get)); // expect: function
        var pretty = Ops.builtin("to_json_pretty");
        Builtins.println(Ops.call(pretty, LongList.of(1L)));
        // expect: [
        // expect:   1
        // expect: ]
        Builtins.println(Builtins.formatMacro("{} and {}", "this", 2L)); // expect: this and 2
        // Some, Ok and Err are function values too
        var wrap = Ops.path("Some");
        Builtins.println(Ops.call(wrap, 1L)); // expect: Some(1)
        Builtins.println(Ops.<Object>asList(Ops.invoke(LongList.of(1L, 2L), "map",
                Ops.path("Ok")))); // expect: [Ok(1), Ok(2)]
    }
}
