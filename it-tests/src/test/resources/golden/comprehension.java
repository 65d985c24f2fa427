import dev.ruchy.runtime.Builtins;
import java.util.ArrayList;
import java.util.List;

/**
 * Generated from comprehension.ruchy.
 */
public final class Comprehension {
    private Comprehension() {
    }

    public static void main(String[] args) {
        List<Long> squares = new ArrayList<>();
        for (long x = 1; x < 6; x++) {
            if (x % 2 == 1) {
                squares.add(x * x);
            }
        }
        Builtins.println(squares); // expect: [1, 9, 25]
    }
}
