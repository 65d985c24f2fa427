package dev.ruchy.bench.compute;

import static java.lang.invoke.MethodType.methodType;

import java.lang.invoke.MethodHandle;
import java.util.Arrays;
import java.util.List;
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
 * bench-008: {@code generate_primes(10000)}, the first 10,000 primes by trial division by odd numbers
 * up to the square root: the generated {@code generatePrimes(long)} (which collects them in a
 * {@code List<Long>}) against {@link HandWritten#generatePrimes} (a {@code long[]}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PrimesBenchmark {
    long count = 10_000;
    int countInt = 10_000;
    MethodHandle handWrittenFn;
    MethodHandle generatedFn;

    @Setup
    public void setUp() throws Throwable {
        GeneratedProgram program = GeneratedProgram.load("bench-008-primes.ruchy");
        program.printMethod("isPrime");
        program.printMethod("generatePrimes");
        generatedFn = program.staticMethod("generatePrimes", methodType(List.class, long.class));
        handWrittenFn = Check.handWritten("generatePrimes", methodType(long[].class, int.class));
        List<Long> handWritten = Arrays.stream(handWritten()).boxed().toList();
        List<?> generated = generated();
        Check.same("generate_primes(10000): count", 10_000, handWritten.size(), generated.size());
        Check.same("generate_primes(10000): last", 104_729L, handWritten.get(9_999), generated.get(9_999));
        Check.same("generate_primes(10000): all", handWritten, handWritten, List.copyOf(generated));
    }

    @Benchmark
    public long[] handWritten() throws Throwable {
        return (long[]) handWrittenFn.invokeExact(countInt);
    }

    @Benchmark
    public List<?> generated() throws Throwable {
        return (List<?>) generatedFn.invokeExact(count);
    }
}
