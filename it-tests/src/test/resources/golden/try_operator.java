import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.LongList;
import dev.ruchy.runtime.Ops;
import dev.ruchy.runtime.Result;
import dev.ruchy.runtime.RuchyError;

/**
 * Generated from try_operator.ruchy.
 */
public final class TryOperator {
    private TryOperator() {
    }

    /**
     * `?` returns the Err from the enclosing function; in a `let` it is a record pattern.
     */
    static Result<Long, String> half(long n) {
        return n % 2 == 0 ? Result.ok(n / 2) : Result.err(n + " is odd");
    }

    static Result<Long, String> quarter(long n) {
        var hResult = half(n);
        if (!(hResult instanceof Result.Ok(var h))) {
            return Ops.propagate(hResult);
        }
        return half(h);
    }

    public static void main(String[] args) {
        for (long v : LongList.of(8L, 6L)) {
            var subject = quarter(v);
            if (subject instanceof Result.Ok(var q)) {
                Builtins.println("ok", q);
            } else if (subject instanceof Result.Err(var m)) {
                Builtins.println("err", m);
            } else {
                throw RuchyError.noMatch(subject);
            }
        }
        // expect: ok 2
        // expect: err 3 is odd
    }
}
