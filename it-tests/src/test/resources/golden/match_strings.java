import dev.ruchy.runtime.Builtins;

/**
 * Generated from match_strings.ruchy.
 */
public final class MatchStrings {
    private MatchStrings() {
    }

    static long command(String cmd) {
        return switch (cmd) {
            case "start" -> 1L;
            case "stop" -> 2L;
            case null, default -> 0L;
        };
    }

    public static void main(String[] args) {
        Builtins.println(command("start") + command("stop") + command("other")); // expect: 3
    }
}
