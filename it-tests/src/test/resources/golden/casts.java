import dev.ruchy.runtime.Builtins;

/**
 * Generated from casts.ruchy.
 */
public final class Casts {
    private Casts() {
    }

    public static void main(String[] args) {
        var count = 7L;
        var ratio = (double) count / 2.0;
        Builtins.println(ratio); // expect: 3.5
        var whole = (long) 9.75;
        Builtins.println(whole); // expect: 9
        Builtins.println(Builtins.toInt("42") + 1); // expect: 43
    }
}
