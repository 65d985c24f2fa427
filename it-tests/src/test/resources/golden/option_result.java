import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.Ops;
import dev.ruchy.runtime.Option;
import dev.ruchy.runtime.Result;
import dev.ruchy.runtime.RuchyError;

/**
 * Generated from option_result.ruchy.
 */
public final class OptionResult {
    private OptionResult() {
    }

    static Result<Long, String> safeDiv(long a, long b) {
        return b == 0 ? Result.err("division by zero") : Result.ok(Ops.div(a, b));
    }

    static String describe(Result<Long, String> r) {
        if (r instanceof Result.Ok(var v)) {
            return "ok " + v;
        } else if (r instanceof Result.Err(var e)) {
            return "error: " + e;
        } else {
            throw RuchyError.noMatch(r);
        }
    }

    public static void main(String[] args) {
        Builtins.println(describe(safeDiv(10, 2))); // expect: ok 5
        Builtins.println(describe(safeDiv(1, 0))); // expect: error: division by zero
        var found = Option.some(42L);
        if (found instanceof Option.Some(var v)) {
            Builtins.println(v + 1); // expect: 43
        }
    }
}
