import dev.ruchy.runtime.Builtins;

/**
 * Generated from while_sum.ruchy.
 */
public final class WhileSum {
    private WhileSum() {
    }

    static long sumTo(long n) {
        var total = 0L;
        var i = 1L;
        while (i <= n) {
            total += i;
            i += 1;
        }
        return total;
    }

    public static void main(String[] args) {
        Builtins.println(sumTo(100)); // expect: 5050
    }
}
