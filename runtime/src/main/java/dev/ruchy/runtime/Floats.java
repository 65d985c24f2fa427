package dev.ruchy.runtime;

/** Float methods that differ between Ruchy (Rust's {@code f64}) and Java, as typed calls. */
public final class Floats {
    private Floats() {
    }

    /**
     * {@code x.round()} on a float: the nearest whole number, halves away from zero as Rust rounds
     * ({@code 2.5} → {@code 3.0}, {@code -2.5} → {@code -3.0}), still a float.
     */
    public static double round(double x) {
        return Arith.roundHalfAway(x);
    }
}
