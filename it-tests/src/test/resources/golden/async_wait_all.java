import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.Fmt;
import dev.ruchy.runtime.Lists;
import dev.ruchy.runtime.LongList;
import dev.ruchy.runtime.Ops;
import dev.ruchy.runtime.Result;
import dev.ruchy.runtime.Task;
import java.util.ArrayList;
import java.util.List;

/**
 * async::wait_all is a typed call giving a List; what each task returns (a port or nil) stays
 * dynamic, as the scanner's tasks do.
 *
 * <p>Generated from async_wait_all.ruchy.
 */
public final class AsyncWaitAll {
    private static final List<Long> done = new ArrayList<>();

    private AsyncWaitAll() {
    }

    /**
     * a spawn whose value nobody reads is a Runnable, unless `?` in it returns an error as its value
     */
    static Result<Long, String> checked(long x) {
        return x > 0 ? Result.ok(x) : Result.err("negative");
    }

    public static void main(String[] args) {
        List<Task> tasks = new ArrayList<>();
        for (long port : LongList.of(21L, 22L, 80L)) {
            tasks.add(Ops.async(() -> {
                if (port != 22) {
                    return port;
                }
                return null;
            }));
        }
        List<Object> results = Task.waitAll(tasks);
        Builtins.println((long) results.size()); // expect: 3
        for (Object port : results) {
            if (Ops.truthy(port)) {
                Builtins.println("open " + Fmt.interpolate(port)); // expect: open 21
            }
        }
        // expect: open 80
        Ops.spawn(() -> {
            Lists.push(done, 1L);
        });
        Ops.spawn(() -> {
            var vResult = checked(-1);
            if (!(vResult instanceof Result.Ok(var v))) {
                return vResult;
            }
            Lists.push(done, v);
            return null;
        });
        Builtins.sleep(200L);
        Builtins.println(done); // expect: [1]
    }
}
