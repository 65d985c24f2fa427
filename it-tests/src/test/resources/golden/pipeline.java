import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.Strings;

/**
 * Generated from pipeline.ruchy.
 */
public final class Pipeline {
    private Pipeline() {
    }

    static long double_(long n) {
        return n * 2;
    }

    static long add(long a, long b) {
        return a + b;
    }

    public static void main(String[] args) {
        Builtins.println(double_(double_(5))); // expect: 20
        Builtins.println(add(3, 4)); // expect: 7
        long m = Strings.len("abc"); // not a function in scope: the string's method, so `m` is a long
        Builtins.println(m + 1); // expect: 4
    }
}
