import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.Fmt;
import dev.ruchy.runtime.Lists;
import dev.ruchy.runtime.Ops;

/**
 * print writes what println writes, strings without quotes, and no newline.
 *
 * <p>Generated from print_raw.ruchy.
 */
public final class PrintRaw {
    private PrintRaw() {
    }

    public static void main(String[] args) {
        var total = 4L;
        for (long done = 1; done <= total; done++) {
            var pct = Ops.div(done * 100, total);
            Builtins.print("[" + Fmt.format(pct, ">3") + "%]");
        }
        Builtins.println();
        // expect: [ 25%][ 50%][ 75%][100%]
        Builtins.print("A");
        Builtins.print("B");
        Builtins.print("items:", Lists.of("x", 2L), true);
        Builtins.print("{} of {}", 3L, total);
        Builtins.println();
        // expect: ABitems: ["x", 2] true3 of 4
    }
}
