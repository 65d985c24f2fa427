import dev.ruchy.runtime.Builtins;

/**
 * Generated from loops_labels.ruchy.
 */
public final class LoopsLabels {
    private LoopsLabels() {
    }

    /**
     * a function whose last expression is a loop returns what `break v` gives: an integer here
     */
    static long doubleOver(long limit) {
        var i = 0L;
        long result = 0L;
        while (true) {
            i += 3;
            if (i > limit) {
                result = i * 2;
                break;
            }
        }
        return result;
    }

    /**
     * a bare `break` gives nil, so this one's result is an integer or nil: dynamic
     */
    static Object firstMultiple(long step, long limit) {
        var n = 0L;
        Object result = null;
        while (true) {
            n += step;
            if (n > 1000) {
                break;
            }
            if (n > limit) {
                result = n;
                break;
            }
        }
        return result;
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
        Builtins.println(doubleOver(10)); // expect: 24
        Builtins.println(firstMultiple(7, 20), firstMultiple(7, 5000)); // expect: 21 nil
    }
}
