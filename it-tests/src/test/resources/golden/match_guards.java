import dev.ruchy.runtime.Builtins;

/**
 * Generated from match_guards.ruchy.
 */
public final class MatchGuards {
    private MatchGuards() {
    }

    static String classify(long n) {
        if (n == 0) {
            return "zero";
        }
        if (n < 0) {
            return "negative";
        }
        if (n % 2 == 0) {
            return "even";
        }
        return "odd";
    }

    public static void main(String[] args) {
        Builtins.println(classify(-5), classify(0), classify(4), classify(7)); // expect: negative zero even odd
    }
}
