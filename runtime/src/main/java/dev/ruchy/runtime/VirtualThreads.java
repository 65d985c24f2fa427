package dev.ruchy.runtime;

/**
 * The virtual-thread scheduler a Ruchy program runs on. The JDK gives it one carrier thread per core,
 * and a virtual thread busy computing (parsing a large JSON body, a long loop in a handler) is not
 * preempted: on two cores, two such requests hold both carriers and every other request of the
 * server waits for one of them to finish (a trivial request went from 15 ms to seconds). With more
 * carriers than cores the operating system shares the cores among them instead.
 *
 * <p>{@link #configure()} sets {@code jdk.virtualThreadScheduler.parallelism} to the number of cores
 * plus {@value #SPARE_CARRIERS}, unless the JVM was given it
 * ({@code -Djdk.virtualThreadScheduler.parallelism=N}). The JDK reads the property when the first
 * virtual thread starts, so the program's entry points and the classes that start virtual threads
 * call it first.
 */
public final class VirtualThreads {
    /**
     * Carrier threads beyond one per core: two handlers busy computing leave the server a carrier per
     * core. Not more: each carrier beyond the cores costs throughput when the server is loaded (the
     * web benchmark on 2 cores, against a hand-written Helidon server on the JDK's default: 8 carriers
     * 0.68x, 4 carriers about 1x).
     */
    public static final int SPARE_CARRIERS = 2;

    private static final String PROPERTY = "jdk.virtualThreadScheduler.parallelism";

    private VirtualThreads() {
    }

    /** Sets the scheduler's parallelism unless it is set (idempotent; no effect once a virtual thread ran). */
    public static void configure() {
        if (System.getProperty(PROPERTY) == null) {
            int parallelism = Runtime.getRuntime().availableProcessors() + SPARE_CARRIERS;
            System.setProperty(PROPERTY, String.valueOf(parallelism));
        }
    }
}
