import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.Lists;
import dev.ruchy.runtime.LongList;
import dev.ruchy.runtime.RObject;
import java.util.List;

/**
 * [x; n] and vec![x; n] clone x for every element, as Rust's vec! does: rows are independent.
 *
 * <p>Generated from array_repeat.ruchy.
 */
public final class ArrayRepeat {
    private ArrayRepeat() {
    }

    public static void main(String[] args) {
        List<List<Long>> g = Lists.repeat(LongList.repeat(0L, 3L), 2L);
        Lists.setLong(Lists.get(g, 0), 1, 5L);
        Builtins.println(g); // expect: [[0, 5, 0], [0, 0, 0]]
        var row = LongList.of(1L, 2L);
        List<List<Long>> grid = Lists.repeat(row, 3L);
        Lists.setLong(Lists.get(grid, 2), 0, 9L);
        Builtins.println(grid, row); // expect: [[1, 2], [1, 2], [9, 2]] [1, 2]
        List<RObject> counts = Lists.repeat(RObject.of("n", 0L), 2L);
        Lists.get(counts, 1).set("n", 4L);
        Builtins.println(counts); // expect: [{n: 0}, {n: 4}]
        List<Long> zeros = LongList.repeat(0L, 4L);
        Lists.setLong(zeros, 3, 1L);
        Builtins.println(zeros); // expect: [0, 0, 0, 1]
    }
}
