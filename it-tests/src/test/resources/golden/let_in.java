import dev.ruchy.runtime.Builtins;

/**
 * `let x = e in body` is a block: the value of body, with x bound only inside it.
 *
 * <p>Generated from let_in.ruchy.
 */
public final class LetIn {
    private LetIn() {
    }

    static long hyp2(long a, long b) {
        var s = a * a;
        return s + b * b;
    }

    public static void main(String[] args) {
        long area;
        var w = 3L;
        area = w * (w + 1);
        Builtins.println(area); // expect: 12
        Builtins.println(hyp2(3, 4)); // expect: 25
        String value; // expect: abab
        var t = "ab";
        value = t + t;
        Builtins.println(value);
    }
}
