package dev.ruchy.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import jdk.jshell.JShell;
import jdk.jshell.SnippetEvent;

/**
 * The REPL's latency and memory, run by {@code bench/run-repl-bench.sh} (not a test): the time from
 * an input to its printed value in a {@link ReplSession}, against JShell (local execution, the same
 * JVM) evaluating the equivalent Java snippets, and the heap after GC as inputs accumulate.
 *
 * <p>Inputs cycle through four kinds: an expression, a {@code let}, a function, a call of the last
 * function with the last binding. {@code unique} names every binding and function anew (the session
 * grows by two definitions every four inputs); otherwise names repeat modulo 10, so later inputs
 * replace earlier definitions, as a person trying things does.
 *
 * <p>Arguments: {@code latency WARMUP MEASURED} or {@code memory N1 N2 [unique]}.
 */
public final class ReplBenchmark {
    private ReplBenchmark() {
    }

    static String ruchy(int i, boolean unique) {
        int n = unique ? i / 4 : (i / 4) % 10;
        return switch (i % 4) {
            case 0 -> i + " * 2 + 1";
            case 1 -> "let v" + n + " = " + i;
            case 2 -> "fun f" + n + "(a) { a + " + i + " }";
            default -> "f" + n + "(v" + n + ")";
        };
    }

    static String java(int i, boolean unique) {
        int n = unique ? i / 4 : (i / 4) % 10;
        return switch (i % 4) {
            case 0 -> i + "L * 2 + 1";
            case 1 -> "long v" + n + " = " + i + "L;";
            case 2 -> "long f" + n + "(long a) { return a + " + i + "L; }";
            default -> "f" + n + "(v" + n + ")";
        };
    }

    public static void main(String[] args) {
        PrintStream report = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream(), true));
        try {
            if (args.length > 0 && args[0].equals("memory")) {
                memory(report, Integer.parseInt(args[1]), Integer.parseInt(args[2]), args.length > 3 && args[3].equals("unique"));
            } else {
                int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 50;
                int measured = args.length > 2 ? Integer.parseInt(args[2]) : 200;
                latency(report, warmup, measured, false);
                latency(report, warmup, measured, true);
            }
        } finally {
            System.setOut(report);
        }
    }

    private static void latency(PrintStream report, int warmup, int measured, boolean unique) {
        ReplSession session = new ReplSession(System.err);
        Times ruchy = new Times();
        for (int i = 0; i < warmup + measured; i++) {
            long start = System.nanoTime();
            long cpu = processCpu();
            ReplSession.Compiled c = session.compile(ruchy(i, unique));
            if (c == null || session.run(c) != ReplSession.Outcome.DONE) {
                throw new IllegalStateException("input failed: " + ruchy(i, unique));
            }
            if (i >= warmup) {
                ruchy.add(start, cpu);
            }
        }
        Times jshell = new Times();
        try (JShell shell = JShell.builder().executionEngine("local").out(System.out).err(System.err).build()) {
            for (int i = 0; i < warmup + measured; i++) {
                long start = System.nanoTime();
                long cpu = processCpu();
                List<SnippetEvent> events = shell.eval(java(i, unique));
                if (events.isEmpty() || events.get(0).exception() != null || events.get(0).status() != jdk.jshell.Snippet.Status.VALID) {
                    throw new IllegalStateException("snippet failed: " + java(i, unique) + " " + events);
                }
                if (i >= warmup) {
                    jshell.add(start, cpu);
                }
            }
        }
        report.printf(Locale.ROOT, "%-7s names, %d inputs after %d warm-up: ruchy median %.1f ms (p90 %.1f, max %.1f),"
                + " CPU %.1f ms per input; jshell median %.1f ms (p90 %.1f, max %.1f), CPU %.1f ms per input%n",
                unique ? "unique" : "reused", measured, warmup,
                percentile(ruchy.wall, 50), percentile(ruchy.wall, 90), percentile(ruchy.wall, 100), ruchy.cpuPerInput(),
                percentile(jshell.wall, 50), percentile(jshell.wall, 90), percentile(jshell.wall, 100), jshell.cpuPerInput());
        int quarter = Math.max(1, measured / 4);
        report.printf(Locale.ROOT, "%-7s names, first and last %d measured inputs: ruchy median %.1f and %.1f ms,"
                + " CPU %.1f and %.1f ms per input; jshell median %.1f and %.1f ms, CPU %.1f and %.1f ms per input%n",
                unique ? "unique" : "reused", quarter,
                percentile(ruchy.wall.subList(0, quarter), 50), percentile(ruchy.wall.subList(measured - quarter, measured), 50),
                ruchy.cpuPerInput(0, quarter), ruchy.cpuPerInput(measured - quarter, measured),
                percentile(jshell.wall.subList(0, quarter), 50), percentile(jshell.wall.subList(measured - quarter, measured), 50),
                jshell.cpuPerInput(0, quarter), jshell.cpuPerInput(measured - quarter, measured));
    }

    /**
     * Per input, milliseconds from the input to its printed value; and in all, the CPU time the
     * process used meanwhile (every thread: javac, the JIT, the collector), which depends less on
     * what else the shared machine runs. The process's CPU clock ticks in steps of 10 ms, so it is
     * only reported summed over many inputs.
     */
    private static final class Times {
        final List<Double> wall = new ArrayList<>();
        private final List<Long> cpuNanos = new ArrayList<>();

        void add(long startNanos, long startCpuNanos) {
            wall.add((System.nanoTime() - startNanos) / 1e6);
            cpuNanos.add(processCpu() - startCpuNanos);
        }

        double cpuPerInput() {
            return cpuPerInput(0, cpuNanos.size());
        }

        /** The mean CPU milliseconds of measured inputs {@code from} (inclusive) to {@code to}. */
        double cpuPerInput(int from, int to) {
            return cpuNanos.subList(from, to).stream().mapToLong(Long::longValue).sum() / 1e6 / (to - from);
        }
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void memory(PrintStream report, int first, int last, boolean unique) {
        ReplSession session = new ReplSession(System.err);
        for (int i = 0; i < last; i++) {
            ReplSession.Compiled c = session.compile(ruchy(i, unique));
            if (c == null || session.run(c) != ReplSession.Outcome.DONE) {
                throw new IllegalStateException("input failed: " + ruchy(i, unique));
            }
            if (i + 1 == first || i + 1 == last) {
                report.printf(Locale.ROOT, "%s names, after %d inputs: heap after GC %.1f MiB, metaspace %.1f MiB, classes loaded %d%n",
                        unique ? "unique" : "reused", i + 1, heapAfterGc() / 1048576.0, metaspace() / 1048576.0,
                        ManagementFactory.getClassLoadingMXBean().getLoadedClassCount());
            }
        }
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long metaspace() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getName().equals("Metaspace"))
                .mapToLong(p -> p.getUsage().getUsed()).sum();
    }

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index));
    }
}
