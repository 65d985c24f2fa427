package dev.ruchy.runtime.net.ws;

import java.util.ArrayDeque;
import java.util.Queue;

/**
 * Runs tasks one at a time, in submission order, on a virtual thread started when there is work
 * (none is kept idle).
 */
final class SerialExecutor {
    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private boolean running;

    void execute(Runnable task) {
        synchronized (tasks) {
            tasks.add(task);
            if (running) {
                return;
            }
            running = true;
        }
        Thread.ofVirtual().name("ruchy-websocket-events").start(this::drain);
    }

    private void drain() {
        while (true) {
            Runnable next;
            synchronized (tasks) {
                next = tasks.poll();
                if (next == null) {
                    running = false;
                    return;
                }
            }
            next.run();
        }
    }
}
