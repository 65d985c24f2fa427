import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.Lists;
import dev.ruchy.runtime.Ops;
import dev.ruchy.runtime.Strings;
import dev.ruchy.runtime.Task;
import java.util.ArrayList;
import java.util.List;

/**
 * A top-level variable that tasks (or request handlers) update at the same time: each update is
 * one step, under the program class's monitor, and the field is volatile. An update is `+=` (or
 * another compound assignment) or an assignment that reads the variable itself, in a closure or in
 * a function that a closure calls. What follows an update reads the value it wrote.
 *
 * <p>Generated from shared_global_counter.ruchy.
 */
public final class SharedGlobalCounter {
    private static volatile long hits = 0L;

    private static volatile String log = "";

    private static volatile long ticket = 0L;

    private static volatile long nextId = 0L;

    private static final List<Long> ids = new ArrayList<>();

    private static volatile long ready = 0L;

    private SharedGlobalCounter() {
    }

    static void record_(long n) {
        synchronized (SharedGlobalCounter.class) {
            hits += n;
        }
    }

    /**
     * called from the tasks below: `ticket = ticket + 1` is one step
     */
    static void takeTicket() {
        synchronized (SharedGlobalCounter.class) {
            ticket = ticket + 1;
        }
    }

    /**
     * the id it returns is the one its own update wrote, even while other tasks take ids
     */
    static long newId() {
        long updatedNextId;
        synchronized (SharedGlobalCounter.class) {
            nextId = nextId + 1;
            updatedNextId = nextId;
        }
        return updatedNextId;
    }

    public static void main(String[] args) {
        List<Task> tasks = new ArrayList<>();
        for (long t = 0; t < 8; t++) {
            tasks.add(Ops.spawn(() -> {
                for (long i = 0; i < 20000; i++) {
                    synchronized (SharedGlobalCounter.class) {
                        hits += 1;
                    }
                    takeTicket();
                    if (i < 1000) {
                        Lists.push(ids, newId());
                    }
                }
                synchronized (SharedGlobalCounter.class) {
                    log += ".";
                }
                return null;
            }));
        }
        for (Task task : tasks) {
            Ops.await(task);
        }
        record_(5);
        Builtins.println(hits); // expect: 160005
        Builtins.println(ticket); // expect: 160000
        Builtins.println(Strings.len(log)); // expect: 8
        Builtins.println((long) Lists.unique(ids).size()); // expect: 8000
        // a loop after an update reads the field again each round: it sees the other tasks' updates
        for (long t = 0; t < 3; t++) {
            Ops.spawn(() -> {
                Builtins.sleep(50L);
                synchronized (SharedGlobalCounter.class) {
                    ready += 1;
                }
            });
        }
        synchronized (SharedGlobalCounter.class) {
            ready = ready + 10;
        }
        var waited = 0L;
        while (ready < 13 && waited < 400) {
            Builtins.sleep(5L);
            waited += 1;
        }
        Builtins.println(ready); // expect: 13
    }
}
