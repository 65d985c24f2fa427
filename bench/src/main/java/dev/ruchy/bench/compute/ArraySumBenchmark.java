package dev.ruchy.bench.compute;

import static java.lang.invoke.MethodType.methodType;

import java.lang.invoke.MethodHandle;
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

/**
 * bench-005 "array sum": {@code array_sum(1000000)}, a loop adding 0 .. n-1 (the program has no array),
 * the generated {@code arraySum(long)} against {@link HandWritten#arraySum}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ArraySumBenchmark {
    long n = 1_000_000;
    MethodHandle handWrittenFn;
    MethodHandle generatedFn;

    @Setup
    public void setUp() throws Throwable {
        GeneratedProgram program = GeneratedProgram.load("bench-005-array-sum.ruchy");
        program.printMethod("arraySum");
        generatedFn = program.staticMethod("arraySum", methodType(long.class, long.class));
        handWrittenFn = Check.handWritten("arraySum", methodType(long.class, long.class));
        Check.same("array_sum(1000000)", 499_999_500_000L, handWritten(), generated());
    }

    @Benchmark
    public long handWritten() throws Throwable {
        return (long) handWrittenFn.invokeExact(n);
    }

    @Benchmark
    public long generated() throws Throwable {
        return (long) generatedFn.invokeExact(n);
    }
}
