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
 * bench-003: {@code string_concatenation(10000)}, 10,000 times {@code result = result + "x"}: the
 * generated {@code stringConcatenation(long)} against {@link HandWritten#stringConcatenation}, the same
 * algorithm (a new string each step). {@link #handWrittenStringBuilder} is for reference only: the
 * {@code StringBuilder} a Java programmer would use is a different, linear-time algorithm.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class StringConcatBenchmark {
    long iterations = 10_000;
    MethodHandle handWrittenFn;
    MethodHandle handWrittenBuilderFn;
    MethodHandle generatedFn;

    @Setup
    public void setUp() throws Throwable {
        GeneratedProgram program = GeneratedProgram.load("bench-003-string-concat.ruchy");
        program.printMethod("stringConcatenation");
        generatedFn = program.staticMethod("stringConcatenation", methodType(String.class, long.class));
        handWrittenFn = Check.handWritten("stringConcatenation", methodType(String.class, long.class));
        handWrittenBuilderFn = Check.handWritten("stringBuilder", methodType(String.class, long.class));
        String expected = "x".repeat(10_000);
        Check.same("string_concatenation(10000)", expected, handWritten(), generated());
        Check.same("string builder (reference)", expected, handWrittenStringBuilder(), expected);
    }

    @Benchmark
    public String handWritten() throws Throwable {
        return (String) handWrittenFn.invokeExact(iterations);
    }

    @Benchmark
    public String generated() throws Throwable {
        return (String) generatedFn.invokeExact(iterations);
    }

    @Benchmark
    public String handWrittenStringBuilder() throws Throwable {
        return (String) handWrittenBuilderFn.invokeExact(iterations);
    }
}
