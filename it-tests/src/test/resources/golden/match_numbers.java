import dev.ruchy.runtime.Builtins;

/**
 * Generated from match_numbers.ruchy.
 */
public final class MatchNumbers {
    private MatchNumbers() {
    }

    static String describe(long v) {
        if (v == 0) {
            return "zero";
        } else if (v == 1 || v == 2 || v == 3) {
            return "small";
        } else if (v >= 4 && v <= 9) {
            return "digit";
        } else {
            return "big";
        }
    }

    public static void main(String[] args) {
        Builtins.println(describe(0), describe(2), describe(7), describe(40)); // expect: zero small digit big
    }
}
