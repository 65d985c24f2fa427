package dev.ruchy.runtime;

/**
 * The virtual-thread scheduler a Ruchy program runs on. The JDK gives it one carrier thread per core,
 * and a virtual thread busy computing (parsing a large JSON body, a long loop in a handler) is not
 * preempted: on two cores, two such requests hold both carriers and every other request of the
 * server waits for one of them to finish (a trivial request went from 15 ms to seconds). With more
 * carriers than cores the operating system shares the cores among them instead.
 *
 * <p>{@link #configure()} sets {@code jdk.virtualThreadScheduler.parallelism} to
 * {@value #MIN_PARALLELISM} or the number of cores if that is more, unless the JVM was given it
 * ({@code -Djdk.virtualThreadScheduler.parallelism=N}). The JDK reads the property when the first
 * virtual thread starts, so the program's entry points and the classes that start virtual threads
 * call it first.
 */
public final class VirtualThreads {
    /** The least number of carrier threads. */
    public static final int MIN_PARALLELISM = 8;

    private static final String PROPERTY = "jdk.virtualThreadScheduler.parallelism";

    private VirtualThreads() {
    }

    /** Sets the scheduler's parallelism unless it is set (idempotent; no effect once a virtual thread ran). */
    public static void configure() {
        if (System.getProperty(PROPERTY) == null) {
            int parallelism = Math.max(MIN_PARALLELISM, Runtime.getRuntime().availableProcessors());
            System.setProperty(PROPERTY, String.valueOf(parallelism));
        }
    }
}
