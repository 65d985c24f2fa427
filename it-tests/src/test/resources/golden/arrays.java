import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.Lists;
import dev.ruchy.runtime.LongList;
import dev.ruchy.runtime.Ops;
import dev.ruchy.runtime.RuchyError;
import java.util.List;

/**
 * Generated from arrays.ruchy.
 */
public final class Arrays {
    private Arrays() {
    }

    public static void main(String[] args) {
        var numbers = LongList.of(3L, 1L, 4L, 1L, 5L);
        numbers.add(9L);
        Builtins.println((long) numbers.size()); // expect: 6
        Builtins.println(Lists.getLong(numbers, 0), Lists.getLong(numbers, 5)); // expect: 3 9
        var sum = 0L;
        for (long x : numbers) {
            sum += x;
        }
        Builtins.println(sum); // expect: 23
        Builtins.println(numbers); // expect: [3, 1, 4, 1, 5, 9]
        var grow = LongList.of(1L, 2L);
        for (long x : Lists.snapshot(grow)) {
            Lists.push(grow, x + 10);
        }
        Builtins.println(grow); // expect: [1, 2, 11, 12]
        List<Long> zeros = LongList.repeat(0L, 3L);
        Builtins.println(zeros); // expect: [0, 0, 0]
        // arrays of other known element types are written with Lists.set: negative indexes count from the
        // end, an index past it is Ruchy's error (caught as `e`, which is dynamic: any value can be thrown)
        List<Boolean> flags = Lists.repeat(false, 3L);
        Lists.set(flags, -1, true);
        var words = Lists.of("a", "b");
        Lists.set(words, 0, "z");
        Builtins.println(flags, words); // expect: [false, false, true] ["z", "b"]
        try {
            Lists.set(words, 2, "c");
        } catch (RuchyError error) {
            Object e = error.caught();
            Builtins.println(Ops.field(e, "message")); // expect: Index 2 out of bounds for array of length 2
        }
    }
}
