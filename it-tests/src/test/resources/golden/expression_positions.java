import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.Ops;
import java.util.Locale;

/**
 * Generated from expression_positions.ruchy.
 */
public final class ExpressionPositions {
    private ExpressionPositions() {
    }

    /**
     * Expressions in every position print as Ruchy evaluates them: a block as an operand or a receiver
     * keeps its grouping, a void call in a branch runs only when its branch does, a value that needs
     * statements is evaluated once, and assigning a loop variable does not change the iteration.
     * `r` holds nil or an integer, so it is dynamic.
     */
    static void say() {
        Builtins.println("side effect");
    }

    static void main() {
        long x;
        var subject = 1L;
        if (subject == 1) {
            Builtins.println("evaluated");
            x = 5L;
        } else {
            x = 0L;
        }
        Builtins.println(x);
        for (long i : Ops.longs(Ops.range(0L, 3L, false))) {
            Builtins.print(i);
            i = i + 2;
        }
        Builtins.println("");
    }

    public static void main(String[] args) {
        var a = 2 * (1L + 3L);
        Builtins.println(a); // expect: 8
        var c = false;
        var s = (c ? "ab" : "cd").toUpperCase(Locale.ROOT);
        Builtins.println(s); // expect: CD
        Object r;
        if (c) {
            say();
            r = null;
        } else {
            r = 1L;
        }
        Builtins.println(r); // expect: 1
        // expect: evaluated
        // expect: 5
        // expect: 012
        main();
    }
}
