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

/** bench-007: recursive {@code fibonacci(20)}, the generated {@code fibonacci(long)} against {@link HandWritten#fibonacci}. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FibonacciBenchmark {
    /** The program's argument (a field, so that the JIT cannot fold it). */
    long n = 20;
    MethodHandle handWrittenFn;
    MethodHandle generatedFn;

    @Setup
    public void setUp() throws Throwable {
        GeneratedProgram program = GeneratedProgram.load("bench-007-fibonacci.ruchy");
        program.printMethod("fibonacci");
        generatedFn = program.staticMethod("fibonacci", methodType(long.class, long.class));
        handWrittenFn = Check.handWritten("fibonacci", methodType(long.class, long.class));
        Check.same("fibonacci(20)", 6765L, handWritten(), generated());
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
