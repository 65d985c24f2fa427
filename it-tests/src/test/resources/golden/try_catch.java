import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.RuchyError;

/**
 * Generated from try_catch.ruchy.
 */
public final class TryCatch {
    private TryCatch() {
    }

    /**
     * The caught value is dynamic: `throw` may raise any value.
     */
    static long risky(long n) {
        if (n > 2) {
            throw RuchyError.thrown("too big");
        }
        return n * 10;
    }

    public static void main(String[] args) {
        long a;
        try {
            a = risky(1);
        } catch (RuchyError error) {
            Object e = error.caught();
            a = -1L;
        }
        long b;
        try {
            b = risky(5);
        } catch (RuchyError error2) {
            Object e2 = error2.caught();
            Builtins.println("caught:", e2);
            b = -1L;
        }
        Builtins.println(a, b);
        // expect: caught: too big
        // expect: 10 -1
    }
}
