package dev.ruchy.bench.compute;

import static java.lang.invoke.MethodType.methodType;

import java.lang.invoke.MethodHandle;
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
 * bench-002: {@code matrix_multiply(a, b, 100)} of two 100 x 100 matrices filled by the program's LCG
 * (seeds 42 and 43), the triple loop {@code result[i][j] = result[i][j] + a[i][k] * b[k][j]}. One
 * operation is the multiplication only (with the result matrix's creation, as in the program); the
 * inputs are built once at set-up, each side with its own code. The generated
 * {@code matrixMultiply(List, List, long)} works on {@code List<List<Double>>}, the hand-written
 * {@link HandWritten#matrixMultiply} on {@code double[][]}; {@link #handWrittenBoxedLists} (for
 * reference) is the hand-written loop on the generated code's data structure.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MatrixMultiplyBenchmark {
    /** The program's checksum, to the six decimals its comment gives. */
    static final double EXPECTED_CHECKSUM = 248683.505429;

    long n = 100;
    int nInt = 100;
    double[][] a;
    double[][] b;
    List<?> aLists;
    List<?> bLists;
    List<List<Double>> aBoxed;
    List<List<Double>> bBoxed;
    MethodHandle handWrittenFn;
    MethodHandle handWrittenListsFn;
    MethodHandle generatedFn;

    @Setup
    public void setUp() throws Throwable {
        GeneratedProgram program = GeneratedProgram.load("bench-002-matrix-multiply.ruchy");
        program.printMethod("matrixMultiply");
        MethodHandle createTestMatrix = program.staticMethod("createTestMatrix",
                methodType(List.class, long.class, long.class));
        generatedFn = program.staticMethod("matrixMultiply", methodType(List.class, List.class, List.class, long.class));
        aLists = (List<?>) createTestMatrix.invokeExact(n, 42L);
        bLists = (List<?>) createTestMatrix.invokeExact(n, 43L);

        handWrittenFn = Check.handWritten("matrixMultiply",
                methodType(double[][].class, double[][].class, double[][].class, int.class));
        handWrittenListsFn = Check.handWritten("matrixMultiplyLists",
                methodType(List.class, List.class, List.class, int.class));
        a = HandWritten.testMatrix(nInt, 42);
        b = HandWritten.testMatrix(nInt, 43);
        aBoxed = HandWritten.testMatrixLists(nInt, 42);
        bBoxed = HandWritten.testMatrixLists(nInt, 43);

        double handWritten = HandWritten.checksum(handWritten());
        @SuppressWarnings("unchecked")
        double generated = HandWritten.checksum((List<List<Double>>) generated());
        @SuppressWarnings("unchecked")
        double boxed = HandWritten.checksum((List<List<Double>>) handWrittenBoxedLists());
        if (Math.abs(handWritten - EXPECTED_CHECKSUM) > 5e-7) {
            throw new AssertionError("the hand-written checksum is " + handWritten + ", expected " + EXPECTED_CHECKSUM);
        }
        // the same floating-point operations in the same order: the same bits
        Check.same("matrix_multiply(a, b, 100): checksum", handWritten, handWritten, generated);
        Check.same("matrix_multiply on boxed lists (reference): checksum", handWritten, handWritten, boxed);
    }

    @Benchmark
    public double[][] handWritten() throws Throwable {
        return (double[][]) handWrittenFn.invokeExact(a, b, nInt);
    }

    @Benchmark
    public List<?> generated() throws Throwable {
        return (List<?>) generatedFn.invokeExact(aLists, bLists, n);
    }

    @Benchmark
    public List<?> handWrittenBoxedLists() throws Throwable {
        return (List<?>) handWrittenListsFn.invokeExact(aBoxed, bBoxed, nInt);
    }
}
