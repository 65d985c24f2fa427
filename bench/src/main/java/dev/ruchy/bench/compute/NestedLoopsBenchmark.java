package dev.ruchy.bench.compute;

import static java.lang.invoke.MethodType.methodType;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** bench-011: {@code nested_loops(1000, 1000)}, the generated {@code nestedLoops(long, long)} against {@link HandWritten#nestedLoops}. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class NestedLoopsBenchmark {
    long outer = 1000;
    long inner = 1000;
    MethodHandle handWrittenFn;
    MethodHandle generatedFn;

    @Setup
    public void setUp() throws Throwable {
        GeneratedProgram program = GeneratedProgram.load("bench-011-nested-loops.ruchy");
        program.printMethod("nestedLoops");
        MethodType type = methodType(long.class, long.class, long.class);
        generatedFn = program.staticMethod("nestedLoops", type);
        handWrittenFn = Check.handWritten("nestedLoops", type);
        Check.same("nested_loops(1000, 1000)", 249_500_250_000L, handWritten(), generated());
    }

    @Benchmark
    public long handWritten() throws Throwable {
        return (long) handWrittenFn.invokeExact(outer, inner);
    }

    @Benchmark
    public long generated() throws Throwable {
        return (long) generatedFn.invokeExact(outer, inner);
    }
}
