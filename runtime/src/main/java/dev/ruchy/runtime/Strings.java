package dev.ruchy.runtime;

/**
 * String facts that differ between Ruchy (Rust strings) and Java: length in UTF-8 bytes and Unicode
 * White_Space trimming (ruchy-semantics §5.3, project Decisions). The other string methods are reached
 * through {@link Ops#invoke}.
 */
public final class Strings {
    private Strings() {
    }

    /**
     * {@code s.len()} (Decisions): the length of {@code s} in UTF-8 bytes, so {@code "héllo"} is 6.
     * {@code s.chars().len()} counts code points instead. Computed without encoding.
     */
    public static long len(String s) {
        long bytes = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /**
     * {@code s.trim()} (§5.3): removes leading and trailing Unicode White_Space, which includes U+00A0
     * NO-BREAK SPACE and U+3000 (Java's {@link String#strip} does not remove U+00A0).
     */
    public static String trim(String s) {
        int from = start(s);
        return from == s.length() ? "" : s.substring(from, end(s));
    }

    /**
     * {@code s.to_int()}, {@code to_integer}, {@code to_i}, {@code parse} on a string: the integer it
     * spells, leading and trailing White_Space ignored.
     *
     * @throws RuchyError {@code Runtime error: Failed to parse 'x' as integer}
     */
    public static long toInt(String s) {
        return StringMethods.toInt(s);
    }

    /**
     * {@code s.split(sep)}: every piece between occurrences of {@code sep}, empty ones included
     * ({@code "a,,b,"} gives {@code ["a", "", "b", ""]}); an empty separator gives {@code ""}, each
     * character, {@code ""}. A new mutable array.
     */
    @SuppressWarnings("unchecked")
    public static java.util.List<String> split(String s, String sep) {
        return (java.util.List<String>) (java.util.List<?>) StringMethods.split(s, sep);
    }

    /** {@code s.trim_start()}: leading White_Space removed. */
    static String trimStart(String s) {
        return s.substring(start(s));
    }

    /** {@code s.trim_end()}: trailing White_Space removed. */
    static String trimEnd(String s) {
        return s.substring(0, end(s));
    }

    /**
     * The Unicode White_Space property, as Rust's {@code char::is_whitespace}: U+0009–U+000D, U+0020,
     * U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000.
     */
    static boolean isWhiteSpace(int c) {
        return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680
                || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F
                || c == 0x205F || c == 0x3000;
    }

    private static int start(String s) {
        int i = 0;
        while (i < s.length() && isWhiteSpace(s.charAt(i))) {
            i++; // every White_Space character is in the BMP
        }
        return i;
    }

    private static int end(String s) {
        int j = s.length();
        while (j > 0 && isWhiteSpace(s.charAt(j - 1))) {
            j--;
        }
        return j;
    }
}
