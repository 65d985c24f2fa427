import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.Lists;
import dev.ruchy.runtime.LongList;
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
    }
}
