import dev.ruchy.runtime.Builtins;

/**
 * Generated from loops_labels.ruchy.
 */
public final class LoopsLabels {
    private LoopsLabels() {
    }

    public static void main(String[] args) {
        var i = 0L;
        long hit;
        while (true) {
            i += 3;
            if (i > 10) {
                hit = i;
                break;
            }
        }
        Builtins.println(hit); // expect: 12
        outer:
        for (long a = 0; a < 3; a++) {
            for (long b = 0; b < 3; b++) {
                if (b > a) {
                    continue outer;
                }
                if (a == 2) {
                    break outer;
                }
                Builtins.print(a * 10 + b);
            }
        }
        Builtins.println();
        // expect: 01011
    }
}
