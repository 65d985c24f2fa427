import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.Ops;

/**
 * Generated from primes.ruchy.
 */
public final class Primes {
    private Primes() {
    }

    static boolean isPrime(long n) {
        if (n < 2) {
            return false;
        }
        var i = 2L;
        while (i * i <= n) {
            if (Ops.rem(n, i) == 0) {
                return false;
            }
            i = i + 1;
        }
        return true;
    }

    public static void main(String[] args) {
        var count = 0L;
        for (long k = 0; k < 100; k++) {
            if (isPrime(k)) {
                count += 1;
            }
        }
        Builtins.println(count + " primes below 100"); // expect: 25 primes below 100
        Builtins.println(isPrime(97)); // expect: true
    }
}
