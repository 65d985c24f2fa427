package dev.ruchy.bench.compute;

import java.util.ArrayList;
import java.util.List;

/**
 * The book's compute workloads written by hand in plain Java: the same algorithms, with the same
 * parameters, as the Ruchy programs in {@code shared/bench-programs}, written the way a Java
 * programmer would write them (primitive {@code long}/{@code double}, arrays where the program keeps
 * a list of numbers). The benchmarks compare the transpiler's output against these.
 */
public final class HandWritten {
    private HandWritten() {
    }

    // ---- bench-007: recursive Fibonacci, n = 20 --------------------------------------------------

    static long fibonacci(long n) {
        return n <= 1 ? n : fibonacci(n - 1) + fibonacci(n - 2);
    }

    // ---- bench-008: the first `count` primes by trial division by odd numbers, count = 10,000 -----

    static boolean isPrime(long n) {
        if (n < 2) {
            return false;
        }
        if (n == 2) {
            return true;
        }
        if (n % 2 == 0) {
            return false;
        }
        for (long i = 3; i * i <= n; i += 2) {
            if (n % i == 0) {
                return false;
            }
        }
        return true;
    }

    static long[] generatePrimes(int count) {
        long[] primes = new long[count];
        int found = 0;
        for (long candidate = 2; found < count; candidate++) {
            if (isPrime(candidate)) {
                primes[found++] = candidate;
            }
        }
        return primes;
    }

    // ---- bench-011: nested loops, 1000 x 1000 ---------------------------------------------------

    static long nestedLoops(long outer, long inner) {
        long sum = 0;
        for (long i = 0; i < outer; i++) {
            for (long j = 0; j < inner; j++) {
                sum += i * j;
            }
        }
        return sum;
    }

    // ---- bench-005: "array sum": the sum of 0 .. n-1 in a loop (the program has no array), n = 10^6

    static long arraySum(long n) {
        long sum = 0;
        for (long i = 0; i < n; i++) {
            sum += i;
        }
        return sum;
    }

    // ---- bench-003: string concatenation, 10,000 times `result = result + "x"` --------------------

    /** The program's algorithm: a new string per step (quadratic copying), as the Ruchy program does. */
    static String stringConcatenation(long iterations) {
        String result = "";
        for (long i = 0; i < iterations; i++) {
            result = result + "x";
        }
        return result;
    }

    /** What a Java programmer would write instead (for reference only: a different algorithm). */
    static String stringBuilder(long iterations) {
        StringBuilder result = new StringBuilder();
        for (long i = 0; i < iterations; i++) {
            result.append('x');
        }
        return result.toString();
    }

    // ---- bench-002: 100 x 100 matrix multiply of LCG-filled matrices ------------------------------

    /** The program's generator: {@code state = (state * 1103515245 + 12345) % 2^31}, value {@code state / 2^31}. */
    static final class Lcg {
        private long state;

        Lcg(long seed) {
            state = seed;
        }

        double next() {
            state = (state * 1103515245L + 12345L) % 2147483648L;
            return state / 2147483648.0;
        }
    }

    static double[][] testMatrix(int n, long seed) {
        Lcg lcg = new Lcg(seed);
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m[i][j] = lcg.next();
            }
        }
        return m;
    }

    /** The program's triple loop, {@code result[i][j] = result[i][j] + a[i][k] * b[k][j]}, on arrays. */
    static double[][] matrixMultiply(double[][] a, double[][] b, int n) {
        double[][] result = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    result[i][j] = result[i][j] + a[i][k] * b[k][j];
                }
            }
        }
        return result;
    }

    static double checksum(double[][] m) {
        double sum = 0.0;
        for (double[] row : m) {
            for (double x : row) {
                sum = sum + x;
            }
        }
        return sum;
    }

    /** The same triple loop on the program's data structure, lists of boxed doubles (for reference only). */
    static List<List<Double>> testMatrixLists(int n, long seed) {
        Lcg lcg = new Lcg(seed);
        List<List<Double>> m = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Double> row = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                row.add(lcg.next());
            }
            m.add(row);
        }
        return m;
    }

    static List<List<Double>> matrixMultiplyLists(List<List<Double>> a, List<List<Double>> b, int n) {
        List<List<Double>> result = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Double> row = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                row.add(0.0);
            }
            result.add(row);
        }
        for (int i = 0; i < n; i++) {
            List<Double> resultRow = result.get(i);
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    resultRow.set(j, resultRow.get(j) + a.get(i).get(k) * b.get(k).get(j));
                }
            }
        }
        return result;
    }

    static double checksum(List<List<Double>> m) {
        double sum = 0.0;
        for (List<Double> row : m) {
            for (double x : row) {
                sum = sum + x;
            }
        }
        return sum;
    }
}
