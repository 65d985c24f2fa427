package dev.ruchy.runtime;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * A parsed Rust-style format spec, the text after the {@code :} in {@code {x:>8.2}}:
 * {@code [[fill]align][sign]['#']['0'][width]['.' precision][type]} (project Decisions: implemented
 * fully). {@code type} is one of {@code ? x X o b e E} or absent.
 *
 * @param source    the spec as written, for messages
 * @param fill      padding code point, {@code ' '} by default
 * @param align     {@code '<'}, {@code '>'}, {@code '^'}, or {@code 0} for the type's default
 *                  (numbers right, everything else left)
 * @param plus      {@code +}: show the sign of non-negative numbers
 * @param alternate {@code #}: {@code 0x}/{@code 0o}/{@code 0b} prefixes
 * @param zero      {@code 0}: pad numbers with zeros after the sign and prefix, ignoring fill and align
 * @param width     minimum width in code points, {@code -1} if absent
 * @param precision decimals for numbers, maximum length for strings; {@code -1} if absent
 * @param type      the type character, {@code 0} if absent
 */
record FormatSpec(String source, int fill, char align, boolean plus, boolean alternate, boolean zero, int width, int precision, char type) {
    private static final String TYPES = "?xXobeE";
    /** Width and precision are at most 65535, as in Rust (where they are {@code u16}). */
    private static final int MAX_COUNT = 65_535;

    /**
     * Parses a spec.
     *
     * @throws IllegalArgumentException {@code invalid format spec '...'} when it does not follow the grammar
     */
    static FormatSpec parse(String spec) {
        int n = spec.length();
        int i = 0;
        int fill = ' ';
        char align = 0;
        if (n > 0) {
            int first = spec.codePointAt(0);
            int next = Character.charCount(first);
            if (next < n && isAlign(spec.charAt(next))) {
                fill = first;
                align = spec.charAt(next);
                i = next + 1;
            } else if (isAlign(spec.charAt(0))) {
                align = spec.charAt(0);
                i = 1;
            }
        }
        boolean plus = false;
        if (i < n && (spec.charAt(i) == '+' || spec.charAt(i) == '-')) {
            plus = spec.charAt(i) == '+'; // '-' is accepted and means nothing, as in Rust
            i++;
        }
        boolean alternate = i < n && spec.charAt(i) == '#';
        if (alternate) {
            i++;
        }
        boolean zero = i < n && spec.charAt(i) == '0';
        if (zero) {
            i++;
        }
        int start = i;
        while (i < n && isDigit(spec.charAt(i))) {
            i++;
        }
        int width = number(spec, start, i);
        int precision = -1;
        if (i < n && spec.charAt(i) == '.') {
            start = ++i;
            while (i < n && isDigit(spec.charAt(i))) {
                i++;
            }
            if (i == start) {
                throw invalid(spec);
            }
            precision = number(spec, start, i);
        }
        char type = 0;
        if (i < n && TYPES.indexOf(spec.charAt(i)) >= 0) {
            type = spec.charAt(i++);
        }
        if (i != n) {
            throw invalid(spec);
        }
        return new FormatSpec(spec, fill, align, plus, alternate, zero, width, precision, type);
    }

    /**
     * Formats {@code value}; {@code base} is how values without a numeric or string reading render
     * ({@link Renderer.Mode#INTERPOLATE} in f-strings, {@link Renderer.Mode#DISPLAY} in println).
     *
     * @throws RuchyError {@code Type error: Cannot format float with ':x'} when the type character does
     *                    not apply to the value
     */
    String format(Object value, Renderer.Mode base) {
        return switch (value) {
            case Long l -> integer(l);
            case Integer i -> integer(i);
            case Short s -> integer(s);
            case Byte b -> integer(Byte.toUnsignedInt(b));
            case Double d -> floating(d);
            case Float f -> floating(f);
            case String s -> text(s);
            case Character c -> text(String.valueOf(c));
            case null, default -> {
                if (type != 0 && type != '?') {
                    throw mismatch(value);
                }
                yield pad(Renderer.render(value, type == '?' ? Renderer.Mode.DEBUG : base), '<');
            }
        };
    }

    private String integer(long n) {
        String sign = n < 0 ? "-" : plus ? "+" : "";
        String prefix = "";
        String digits;
        switch (type) {
            case 'x', 'X', 'o', 'b' -> {
                sign = plus ? "+" : ""; // two's complement digits carry no minus sign, as in Rust
                digits = switch (type) {
                    case 'x' -> Long.toHexString(n);
                    case 'X' -> Long.toHexString(n).toUpperCase(Locale.ROOT);
                    case 'o' -> Long.toOctalString(n);
                    default -> Long.toBinaryString(n);
                };
                if (alternate) {
                    prefix = switch (type) {
                        case 'o' -> "0o";
                        case 'b' -> "0b";
                        default -> "0x";
                    };
                }
            }
            case 'e', 'E' -> digits = FloatFormat.exponent(BigDecimal.valueOf(n).abs(), precision, type == 'E');
            default -> {
                if (precision >= 0 && type != '?') {
                    return floating((double) n); // §1.5: integers become floats under .N
                }
                String s = Long.toString(n);
                digits = n < 0 ? s.substring(1) : s;
            }
        }
        return numeric(sign, prefix, digits, true);
    }

    private String floating(double d) {
        String text = switch (type) {
            case 'x', 'X', 'o', 'b' -> throw mismatch(d);
            case 'e', 'E' -> Double.isFinite(d)
                    ? (FloatFormat.isNegative(d) ? "-" : "") + FloatFormat.exponent(FloatFormat.magnitude(d, precision), precision, type == 'E')
                    : FloatFormat.plain(d);
            case '?' -> precision >= 0 ? FloatFormat.fixed(d, precision) : FloatFormat.debug(d);
            default -> precision >= 0 ? FloatFormat.fixed(d, precision) : FloatFormat.display(d);
        };
        boolean negative = text.startsWith("-");
        String sign = negative ? "-" : plus && !Double.isNaN(d) ? "+" : "";
        return numeric(sign, "", negative ? text.substring(1) : text, Double.isFinite(d));
    }

    private String text(String s) {
        if (type == '?') {
            return pad(DebugDump.quote(s), '<');
        }
        if (type != 0) {
            throw mismatch(s);
        }
        if (precision >= 0 && s.codePointCount(0, s.length()) > precision) {
            s = s.substring(0, s.offsetByCodePoints(0, precision));
        }
        return pad(s, '<');
    }

    /** Sign, prefix and digits, padded: with zeros between prefix and digits under {@code 0}, else by {@link #pad}. */
    private String numeric(String sign, String prefix, String digits, boolean zeroPaddable) {
        String body = sign + prefix + digits;
        int length = body.codePointCount(0, body.length());
        if (zero && zeroPaddable && width > length) {
            return sign + prefix + "0".repeat(width - length) + digits;
        }
        return pad(body, '>');
    }

    /** Pads {@code body} to {@code width} code points with {@code fill}; extra padding of {@code ^} goes right. */
    private String pad(String body, char defaultAlign) {
        int length = body.codePointCount(0, body.length());
        if (width <= length) {
            return body;
        }
        int padding = width - length;
        int left = switch (align != 0 ? align : defaultAlign) {
            case '<' -> 0;
            case '^' -> padding / 2;
            default -> padding;
        };
        StringBuilder sb = new StringBuilder(body.length() + padding);
        fill(sb, left).append(body);
        return fill(sb, padding - left).toString();
    }

    private StringBuilder fill(StringBuilder sb, int count) {
        for (int k = 0; k < count; k++) {
            sb.appendCodePoint(fill);
        }
        return sb;
    }

    private RuchyError mismatch(Object value) {
        return RuchyError.type("Cannot format " + Values.typeOf(value) + " with ':" + source + "'");
    }

    private static IllegalArgumentException invalid(String spec) {
        return new IllegalArgumentException("invalid format spec '" + spec + "'");
    }

    private static int number(String spec, int from, int to) {
        if (from == to) {
            return -1;
        }
        if (to - from > 5) {
            throw invalid(spec);
        }
        int value = Integer.parseInt(spec, from, to, 10);
        if (value > MAX_COUNT) {
            throw invalid(spec);
        }
        return value;
    }

    private static boolean isAlign(int c) {
        return c == '<' || c == '>' || c == '^';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
