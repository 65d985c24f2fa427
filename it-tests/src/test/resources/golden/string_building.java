import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.Strings;
import java.util.Locale;

/**
 * Generated from string_building.ruchy.
 */
public final class StringBuilding {
    private StringBuilding() {
    }

    static String repeatWord(String word, long times) {
        var result = "";
        for (long i = 0; i < times; i++) {
            if (i > 0) {
                result = result + "-";
            }
            result = result + word;
        }
        return result;
    }

    public static void main(String[] args) {
        Builtins.println(repeatWord("ab", 3)); // expect: ab-ab-ab
        var name = "Ruchy";
        Builtins.println("Hello, " + name + "!"); // expect: Hello, Ruchy!
        Builtins.println(Strings.len(name), name.toUpperCase(Locale.ROOT)); // expect: 5 RUCHY
    }
}
