import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.Strings;

/**
 * U+2028, U+2029 and U+0085 in strings: Java allows them in literals, written as escapes.
 *
 * <p>Generated from line_separators.ruchy.
 */
public final class LineSeparators {
    private LineSeparators() {
    }

    public static void main(String[] args) {
        Builtins.println(Strings.len("a\u2028b")); // expect: 5
        var s = "x\u2029y\u0085";
        Builtins.println(Strings.len(s)); // expect: 7
    }
}
