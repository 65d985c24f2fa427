import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.Floats;
import dev.ruchy.runtime.Lists;
import dev.ruchy.runtime.LongList;
import dev.ruchy.runtime.RObject;
import dev.ruchy.runtime.Strings;
import java.util.List;

/**
 * Generated from collections_typed.ruchy.
 */
public final class CollectionsTyped {
    private CollectionsTyped() {
    }

    static long doubleIt(long x) {
        return x * 2;
    }

    static boolean isEven(long n) {
        return n % 2 == 0;
    }

    public static void main(String[] args) {
        // Array methods given closures or named functions on typed arrays are typed calls of the runtime's
        // Lists helpers; string and float methods with a typed form are direct calls.
        var nums = LongList.of(1L, 2L, 3L, 4L, 5L);
        List<Long> doubled = Lists.map(nums, x -> x * 2);
        Builtins.println(doubled); // expect: [2, 4, 6, 8, 10]
        Builtins.println(Lists.getLong(doubled, 0) + 1); // expect: 3
        Builtins.println(Lists.filter(nums, x -> x % 2 == 0)); // expect: [2, 4]
        Builtins.println(Lists.map(nums, CollectionsTyped::doubleIt)); // expect: [2, 4, 6, 8, 10]
        Builtins.println(Lists.filter(nums, CollectionsTyped::isEven)); // expect: [2, 4]
        Builtins.println(Lists.any(nums, x -> x > 4)); // expect: true
        Builtins.println(Lists.all(nums, x -> x > 1)); // expect: false
        List<Double> halves = Lists.map(nums, x -> x / 2.0);
        Builtins.println(halves); // expect: [0.5, 1.0, 1.5, 2.0, 2.5]
        List<String> words = Strings.split("a,bb,,ccc", ",");
        Builtins.println(words); // expect: ["a", "bb", "", "ccc"]
        Builtins.println(Lists.map(words, w -> Strings.len(w))); // expect: [1, 2, 0, 3]
        Builtins.println(Lists.filter(words, w -> !w.isEmpty())); // expect: ["a", "bb", "ccc"]
        var backends = Lists.of(RObject.of("url", "a", "healthy", true), RObject.of("url", "b",
                "healthy", null), RObject.of("url", "c", "healthy", 1L));
        Builtins.println((long) Lists.filterTruthy(backends, b -> b.get("healthy")).size()); // expect: 2
        long n = Strings.toInt(" 42 ");
        Builtins.println(n + 1); // expect: 43
        Builtins.println(Floats.round(2.5)); // expect: 3.0
        Builtins.println(Floats.round(-2.5)); // expect: -3.0
        Builtins.println((long) 7.9); // expect: 7
        var names = Lists.of("christine", "al", "bob");
        Builtins.println(Lists.sortBy(names, s -> Strings.len(s))); // expect: ["al", "bob", "christine"]
        Builtins.println(names); // expect: ["al", "bob", "christine"]
        Builtins.println(Lists.unique((LongList.of(3L, 1L, 3L, 2L, 1L)))); // expect: [3, 1, 2]
        Builtins.println(Lists.unique((Lists.of("b", "a", "b")))); // expect: ["b", "a"]
    }
}
