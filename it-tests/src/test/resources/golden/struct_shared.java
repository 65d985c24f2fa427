import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.Fmt;
import dev.ruchy.runtime.Lists;
import dev.ruchy.runtime.Ops;
import dev.ruchy.runtime.RObject;
import dev.ruchy.runtime.RuchyStruct;
import dev.ruchy.runtime.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Generated from struct_shared.ruchy.
 */
public final class StructShared {
    private static Stats stats;

    private StructShared() {
    }

    public static void main(String[] args) {
        stats = new Stats(0L, Ops.<Long>asList(new ArrayList<>()));
        List<Task> tasks = new ArrayList<>();
        for (long t = 0; t < 4; t++) {
            tasks.add(Ops.spawn(() -> {
                for (long i = 0; i < 500; i++) {
                    synchronized (stats) {
                        stats.hits += 1L;
                    }
                    Lists.push(stats.seen, i);
                    var total = 0L;
                    if (i % 100 == 0) {
                        for (long s : Lists.snapshot(stats.seen)) {
                            total += s;
                        }
                    }
                }
                return null;
            }));
        }
        for (Task task : tasks) {
            Ops.await(task);
        }
        Builtins.println(stats.hits); // expect: 2000
        Builtins.println((long) stats.seen.size()); // expect: 2000
    }

    /**
     * A struct whose fields spawned tasks change at once: `+=` on a field is one step, and a loop over
     * an array field sees the array as it was when the loop began. The task handles are dynamic values.
     */
    static final class Stats implements RuchyStruct {
        public long hits;

        public List<Long> seen;

        Stats(long hits, List<Long> seen) {
            this.hits = hits;
            this.seen = seen;
        }

        @Override
        public Map<String, Object> fields() {
            return RObject.of("hits", hits, "seen", seen).snapshot();
        }

        @Override
        public String toString() {
            return Fmt.display(this);
        }
    }
}
