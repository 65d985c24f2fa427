import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.Option;
import dev.ruchy.runtime.Result;
import dev.ruchy.runtime.Strings;

/**
 * An Ok/Err or Some/None whose value type is known is the runtime's Result or Option, and its
 * methods are Java calls: unwrap, is_ok/is_err, is_some/is_none, and unwrap_or with a default of the
 * value's own type (a default of another type makes the result dynamic, through the runtime).
 *
 * <p>Generated from options_results.ruchy.
 */
public final class OptionsResults {
    private OptionsResults() {
    }

    static Result<Long, String> parsePort(String text) {
        if (Strings.len(text) == 0) {
            return Result.err("empty");
        }
        return Result.ok(Strings.len(text) * 1000);
    }

    public static void main(String[] args) {
        long port = parsePort("abc").unwrapOr(8080L);
        long fallback = parsePort("").unwrapOr(8080L);
        Builtins.println(port + 1, fallback); // expect: 3001 8080
        var url = Builtins.envVar("RUCHY_GOLDEN_UNSET_VARIABLE").unwrapOr("sqlite:data.db");
        Builtins.println(url.startsWith("sqlite")); // expect: true
        var missing = Builtins.envVar("RUCHY_GOLDEN_UNSET_VARIABLE");
        Builtins.println(missing.isErr(), missing); // expect: true Err("NotFound")
        var first = Option.some(5L);
        Builtins.println(first.isSome(), first.unwrap() + 1); // expect: true 6
    }
}
