import dev.ruchy.runtime.Builtins;

/**
 * Generated from fib.ruchy.
 */
public final class Fib {
    private Fib() {
    }

    /**
     * Recursive Fibonacci: every call site passes an integer, so n is a long.
     */
    static long fib(long n) {
        return n <= 1 ? n : fib(n - 1) + fib(n - 2);
    }

    public static void main(String[] args) {
        Builtins.println(fib(20)); // expect: 6765
    }
}
