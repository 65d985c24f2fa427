import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.Lists;
import dev.ruchy.runtime.LongList;
import dev.ruchy.runtime.Ops;
import dev.ruchy.runtime.RObject;
import dev.ruchy.runtime.Task;
import java.util.ArrayList;
import java.util.List;

/**
 * Values that spawned tasks change at once: pushes on a shared array, a counter in an object (a
 * dynamic map) and array elements, each with `+=`. Every update lands.
 *
 * <p>Generated from shared_state.ruchy.
 */
public final class SharedState {
    private static final List<Long> hits = new ArrayList<>();

    private static final RObject counter = RObject.of("n", 0L);

    private static final List<Long> slots = LongList.of(0L, 0L);

    private SharedState() {
    }

    public static void main(String[] args) {
        List<Task> tasks = new ArrayList<>();
        for (long t : Ops.longs(Ops.range(0L, 8L, false))) {
            tasks.add(Ops.spawn(() -> {
                for (long i = 0; i < 250; i++) {
                    Lists.push(hits, i);
                    Ops.updateField(counter, "n", old -> Ops.add(old, 1L));
                    var index = t % 2;
                    synchronized (slots) {
                        Lists.setLong(slots, index, Lists.getLong(slots, index) + 1L);
                    }
                }
                return null;
            }));
        }
        for (Task task : tasks) {
            Ops.await(task);
        }
        var total = 0L;
        for (long h : Lists.snapshot(hits)) {
            total += h;
        }
        Builtins.println((long) hits.size()); // expect: 2000
        Builtins.println(total); // expect: 249000
        Builtins.println(counter.get("n")); // expect: 2000
        Builtins.println(slots); // expect: [1000, 1000]
    }
}
