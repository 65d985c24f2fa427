import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.Fmt;

/**
 * Generated from fstrings.ruchy.
 */
public final class Fstrings {
    private Fstrings() {
    }

    public static void main(String[] args) {
        var name = "Ada";
        var pi = 3.14159;
        var n = 7L;
        Builtins.println(name + " " + Fmt.format(pi, ".2") + " " + Fmt.format(n, "03")
                + " {literal}"); // expect: Ada 3.14 007 {literal}
        Builtins.println("[" + Fmt.format(name, ">6") + "] [" + Fmt.format(name, "<6") + "] ["
                + Fmt.format(n, "^5") + "]"); // expect: [   Ada] [Ada   ] [  7  ]
        var ratio = 2.0;
        Builtins.println("ratio=" + Fmt.interpolate(ratio)); // expect: ratio=2.0
    }
}
