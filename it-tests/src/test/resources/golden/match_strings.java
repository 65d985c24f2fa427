import dev.ruchy.runtime.Builtins;

/**
 * Generated from match_strings.ruchy.
 */
public final class MatchStrings {
    private MatchStrings() {
    }

    static long command(String cmd) {
        if (cmd.equals("start")) {
            return 1L;
        } else if (cmd.equals("stop")) {
            return 2L;
        } else {
            return 0L;
        }
    }

    public static void main(String[] args) {
        Builtins.println(command("start") + command("stop") + command("other")); // expect: 3
    }
}
