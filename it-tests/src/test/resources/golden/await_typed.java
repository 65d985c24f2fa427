import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.Ops;

/**
 * Generated from await_typed.ruchy.
 */
public final class AwaitTyped {
    private AwaitTyped() {
    }

    /**
     * `await` on an `async fun` with a declared result gives that value, typed.
     */
    static long compute(long x) {
        return x * 2;
    }

    static String greet(String name) {
        return "hi " + name;
    }

    public static void main(String[] args) {
        var v = compute(21);
        Builtins.println(v); // expect: 42
        Builtins.println(greet("bo")); // expect: hi bo
        var w = compute(1) + 1;
        Builtins.println(w); // expect: 3
        var task = Ops.async(() -> 40L + 2L);
        Builtins.println(Ops.await(task)); // expect: 42
    }
}
