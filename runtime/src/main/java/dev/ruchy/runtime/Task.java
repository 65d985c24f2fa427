package dev.ruchy.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A running {@code async { }} block or {@code spawn { }} body (design: "spawn is a virtual thread;
 * async a task whose await blocks the calling virtual thread"). Each task runs on its own virtual
 * thread; {@link #join} (Ruchy {@code await t}, {@code t.await()}) waits for its value and rethrows its
 * error. Displays as {@code <task>}.
 */
public final class Task {
    static {
        VirtualThreads.configure(); // before the first virtual thread starts
    }

    private final CompletableFuture<Object> result = new CompletableFuture<>();

    private Task() {
    }

    /**
     * Starts {@code body} on a new virtual thread.
     *
     * @param reportErrors whether an error ending the body is also written to standard error as
     *                     {@code Error in spawned task: <message>} (for {@code spawn}, whose handle is often
     *                     never joined)
     */
    static Task start(Fn0 body, boolean reportErrors) {
        Task task = new Task();
        Thread.ofVirtual().name("ruchy-task").start(() -> {
            try {
                task.result.complete(body.call());
            } catch (Throwable t) {
                task.result.completeExceptionally(t);
                if (reportErrors) {
                    String at = ProgramMain.location(t);
                    Console.eprintln("Error in spawned task: " + (t instanceof RuchyError ? t.getMessage() : t.toString())
                            + (at == null ? "" : "\n  --> " + at));
                }
            }
        });
        return task;
    }

    /**
     * Waits for the body to finish and returns its value ({@code null} for nil).
     *
     * @throws RuchyError or whatever unchecked exception ended the body, rethrown as is;
     *                    {@code Runtime error: Interrupted while waiting for a task} if this thread is interrupted
     */
    public Object join() {
        try {
            return result.get();
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RuchyError.runtime("Interrupted while waiting for a task");
        }
    }

    /** Whether the body has finished, normally or with an error. */
    public boolean isDone() {
        return result.isDone();
    }

    /** {@code <task>}. */
    @Override
    public String toString() {
        return "<task>";
    }

    static RuntimeException rethrow(Throwable cause) {
        if (cause instanceof RuntimeException r) {
            return r;
        }
        if (cause instanceof Error e) {
            throw e;
        }
        return RuchyError.runtime(String.valueOf(cause));
    }

    /**
     * {@code async::wait_all(tasks)}: waits for every task ({@code async { }} blocks, {@code spawn}
     * handles; other values count as already done) and returns their values as a new array, in the
     * array's order. The first task that failed has its error rethrown, once all have finished.
     *
     * @throws RuchyError {@code Type error: async::wait_all expects an array of tasks, got integer}
     */
    public static List<Object> waitAll(Object tasks) {
        if (!(tasks instanceof List<?> list)) {
            throw RuchyError.type("async::wait_all expects an array of tasks, got " + Values.typeOf(tasks));
        }
        List<Object> values = new ArrayList<>(list.size());
        RuntimeException first = null;
        for (Object task : list.toArray()) {
            try {
                values.add(Ops.await(task));
            } catch (RuntimeException e) {
                values.add(null);
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
        return values;
    }
}
