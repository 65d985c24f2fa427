import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.Lists;
import dev.ruchy.runtime.Strings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.stream.Collectors;

/**
 * A closure passed to a generic Java method whose type variables no argument gives: the type the
 * call is passed as gives them (`names.sort(...)` takes a Comparator<String>, so `comparing`'s T is
 * String), as javac's target typing does; without one, the closure's written parameter type does,
 * and the call names its type arguments (`Comparator.<String, Long>comparing(...)`).
 *
 * <p>Generated from java_interop_generic_closures.ruchy.
 */
public final class JavaInteropGenericClosures {
    private JavaInteropGenericClosures() {
    }

    public static void main(String[] args) {
        var names = new ArrayList<String>();
        names.add("pear");
        names.add("fig");
        names.add("banana");
        names.sort(Comparator.comparing(s -> Strings.len(s)));
        Builtins.println(names); // expect: ["fig", "pear", "banana"]
        var words = Lists.of("kiwi", "fig", "banana", "plum");
        Collections.sort(words, Comparator.comparing(w -> Strings.len(w)));
        Builtins.println(words); // expect: ["fig", "kiwi", "plum", "banana"]
        var byLength = Comparator.<String, Long>comparing(s -> Strings.len(s));
        names.sort(byLength.reversed());
        Builtins.println(names); // expect: ["banana", "pear", "fig"]
        // Collectors: the stream's element type is the collector's
        var groups = words.stream().collect(Collectors.groupingBy(w -> Strings.len(w)));
        Builtins.println(groups.get(4L)); // expect: ["kiwi", "plum"]
        var lengths = words.stream().collect(Collectors.toMap(w -> w, w -> Strings.len(w)));
        Builtins.println((long) lengths.get("banana") + 1); // expect: 7
    }
}
