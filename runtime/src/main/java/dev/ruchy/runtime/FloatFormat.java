package dev.ruchy.runtime;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The float text forms of ruchy-semantics §2.6 and §3.9, plus Rust's exponent and Debug forms.
 * "Shortest" means the fewest digits that read back as the same double ({@link Double#toString} since
 * JDK 19).
 */
final class FloatFormat {
    private FloatFormat() {
    }

    /** Display (§2.2): whole values exact with {@code .0}, others shortest, never an exponent. */
    static String display(double d) {
        if (!Double.isFinite(d)) {
            return nonFinite(d);
        }
        if (d == Math.rint(d)) {
            if (d == 0) {
                return isNegative(d) ? "-0.0" : "0.0";
            }
            return new BigDecimal(d).toPlainString() + ".0";
        }
        return shortest(d);
    }

    /** Rust's plain {@code {}} form (§2.6): shortest digits, no exponent, no {@code .0}. */
    static String plain(double d) {
        if (!Double.isFinite(d)) {
            return nonFinite(d);
        }
        if (d == 0) {
            return isNegative(d) ? "-0" : "0";
        }
        return shortest(d);
    }

    /** {@code {:.N}} (§3.9): the exact binary value rounded to {@code decimals} places, ties to even. */
    static String fixed(double d, int decimals) {
        if (decimals < 0) {
            throw new IllegalArgumentException("decimals < 0: " + decimals);
        }
        if (!Double.isFinite(d)) {
            return nonFinite(d);
        }
        String s = new BigDecimal(d).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
        return isNegative(d) && !s.startsWith("-") ? "-" + s : s; // Rust keeps the sign of -0.001 and -0.0
    }

    /**
     * Rust's {@code {:e}} for a non-negative magnitude: {@code 1.5e-7}, {@code 1e21}; with
     * {@code precision >= 0}, exactly that many mantissa decimals, rounded half to even.
     */
    static String exponent(BigDecimal magnitude, int precision, boolean upper) {
        BigDecimal m = magnitude;
        String digits;
        int exp;
        if (m.signum() == 0) {
            digits = "0";
            exp = 0;
        } else {
            if (precision >= 0) {
                m = m.round(new MathContext(precision + 1, RoundingMode.HALF_EVEN));
            }
            m = m.stripTrailingZeros();
            digits = m.unscaledValue().toString();
            exp = digits.length() - 1 - m.scale();
        }
        if (precision >= 0 && digits.length() < precision + 1) {
            digits = digits + "0".repeat(precision + 1 - digits.length());
        }
        StringBuilder sb = new StringBuilder().append(digits.charAt(0));
        if (digits.length() > 1) {
            sb.append('.').append(digits, 1, digits.length());
        }
        return sb.append(upper ? 'E' : 'e').append(exp).toString();
    }

    /** The exact magnitude of {@code d}, or its shortest decimal when {@code precision < 0}. */
    static BigDecimal magnitude(double d, int precision) {
        double abs = Math.abs(d);
        return precision >= 0 ? new BigDecimal(abs) : new BigDecimal(Double.toString(abs));
    }

    /** Rust's Debug form: like plain but always with a fraction, and an exponent outside [1e-4, 1e16). */
    static String debug(double d) {
        if (!Double.isFinite(d)) {
            return nonFinite(d);
        }
        double abs = Math.abs(d);
        if (abs != 0 && (abs < 1e-4 || abs >= 1e16)) {
            return (d < 0 ? "-" : "") + exponent(magnitude(d, -1), -1, false);
        }
        String s = plain(d);
        return s.indexOf('.') < 0 ? s + ".0" : s;
    }

    /** {@code true} for negative values including {@code -0.0}. */
    static boolean isNegative(double d) {
        return d < 0 || (d == 0 && 1 / d < 0);
    }

    private static String shortest(double d) {
        return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    }

    private static String nonFinite(double d) {
        return Double.isNaN(d) ? "NaN" : d > 0 ? "inf" : "-inf";
    }
}
