package dev.ruchy.runtime;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * String methods (ruchy-semantics §5.3), dispatched by argument count as the interpreter does: a name
 * unknown for that count is {@code Unknown zero-argument string method: m} (or single-, two-).
 * Character positions are code points; {@code len()} is UTF-8 bytes (Decisions).
 */
final class StringMethods {
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");

    private StringMethods() {
    }

    static Object call(String s, String m, Object[] args) {
        if (m.equals("format")) {
            return Fmt.substitute(s, args);
        }
        return switch (args.length) {
            case 0 -> zero(s, m);
            case 1 -> one(s, m, args[0]);
            case 2 -> two(s, m, args[0], args[1]);
            default -> throw RuchyError.runtime("Unknown string method: " + m);
        };
    }

    private static Object zero(String s, String m) {
        return switch (m) {
            case "len", "length" -> Strings.len(s);
            case "to_upper", "to_uppercase", "upper" -> s.toUpperCase(Locale.ROOT);
            case "to_lower", "to_lowercase", "lower" -> s.toLowerCase(Locale.ROOT);
            case "trim" -> Strings.trim(s);
            case "trim_start" -> Strings.trimStart(s);
            case "trim_end" -> Strings.trimEnd(s);
            case "is_empty" -> s.isEmpty();
            case "is_numeric" -> s.codePoints().allMatch(StringMethods::isNumeric);
            case "is_alphabetic" -> s.codePoints().allMatch(Character::isAlphabetic);
            case "is_alphanumeric" -> s.codePoints().allMatch(c -> Character.isAlphabetic(c) || isNumeric(c));
            case "chars" -> chars(s);
            case "lines" -> lines(s);
            case "parse", "to_int", "to_integer", "to_i" -> toInt(s);
            case "as_bytes", "bytes" -> {
                List<Object> bytes = new ArrayList<>();
                for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
                    bytes.add((long) Byte.toUnsignedInt(b));
                }
                yield bytes;
            }
            case "to_string", "clone", "to_owned", "as_str" -> s;
            case "split_whitespace" -> splitWhitespace(s);
            default -> throw RuchyError.runtime("Unknown zero-argument string method: " + m);
        };
    }

    private static Object one(String s, String m, Object a) {
        return switch (m) {
            case "split" -> split(s, text(m, a));
            case "contains" -> s.contains(text(m, a));
            case "starts_with" -> s.startsWith(text(m, a));
            case "ends_with" -> s.endsWith(text(m, a));
            case "repeat" -> {
                long n = integer(m, a);
                if (n < 0) {
                    throw RuchyError.runtime("repeat() count cannot be negative: " + n);
                }
                yield Arith.repeat(s, n);
            }
            case "char_at" -> {
                long i = integer(m, a);
                int chars = s.codePointCount(0, s.length());
                yield i < 0 || i >= chars ? null : Access.charAt(s, i);
            }
            case "append" -> Ops.concat(s, a);
            default -> throw RuchyError.runtime("Unknown single-argument string method: " + m);
        };
    }

    private static Object two(String s, String m, Object a, Object b) {
        return switch (m) {
            case "replace" -> s.replace(text(m, a), text(m, b));
            case "substring", "slice" -> {
                long from = integer(m, a);
                long to = integer(m, b);
                if (from < 0 || to < 0) {
                    throw RuchyError.runtime(m + "() indices cannot be negative: " + from + ", " + to);
                }
                if (from > to) {
                    throw RuchyError.runtime("Invalid range: start " + from + " is greater than end " + to);
                }
                yield Access.substring(s, new Range(from, to, false));
            }
            default -> throw RuchyError.runtime("Unknown two-argument string method: " + m);
        };
    }

    /** {@code s.to_int()}: the integer {@code s} spells, surrounding White_Space ignored. */
    static long toInt(String s) {
        Long value = parseLong(Strings.trim(s));
        if (value == null) {
            throw RuchyError.runtime("Failed to parse '" + s + "' as integer");
        }
        return value;
    }

    /** Rust's {@code char::is_numeric}: Unicode general categories Nd, Nl and No. */
    private static boolean isNumeric(int c) {
        int type = Character.getType(c);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    /** The characters (code points) as one-character strings. */
    static List<Object> chars(String s) {
        List<Object> chars = new ArrayList<>(s.length());
        s.codePoints().forEach(c -> chars.add(Character.toString(c)));
        return chars;
    }

    /** Rust's {@code str::lines}: split on {@code \n}, a trailing {@code \r} dropped, no final empty line. */
    static List<Object> lines(String s) {
        List<Object> lines = new ArrayList<>();
        int start = 0;
        while (start < s.length()) {
            int nl = s.indexOf('\n', start);
            int end = nl < 0 ? s.length() : nl;
            String line = s.substring(start, end);
            lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
            if (nl < 0) {
                break;
            }
            start = nl + 1;
        }
        return lines;
    }

    /**
     * Rust's {@code str::split}: every piece, empty ones included ({@code "a,,b,"} → {@code ["a", "", "b", ""]});
     * an empty separator gives {@code ["", "a", "b", ""]}.
     */
    static List<Object> split(String s, String sep) {
        List<Object> pieces = new ArrayList<>();
        if (sep.isEmpty()) {
            pieces.add("");
            pieces.addAll(chars(s));
            pieces.add("");
            return pieces;
        }
        int start = 0;
        int at;
        while ((at = s.indexOf(sep, start)) >= 0) {
            pieces.add(s.substring(start, at));
            start = at + sep.length();
        }
        pieces.add(s.substring(start));
        return pieces;
    }

    /** Rust's {@code split_whitespace}: the pieces between runs of Unicode White_Space, no empty ones. */
    static List<Object> splitWhitespace(String s) {
        List<Object> pieces = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= s.length(); i++) {
            boolean space = i == s.length() || Strings.isWhiteSpace(s.charAt(i));
            if (space && start >= 0) {
                pieces.add(s.substring(start, i));
                start = -1;
            } else if (!space && start < 0) {
                start = i;
            }
        }
        return pieces;
    }

    /** An ASCII decimal integer with an optional sign, as Rust's {@code i64::from_str}; {@code null} if invalid or out of range. */
    static Long parseLong(String s) {
        if (!INTEGER.matcher(s).matches()) {
            return null;
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(String method, Object arg) {
        if (arg instanceof String s) {
            return s;
        }
        if (arg instanceof Character c) {
            return c.toString();
        }
        throw RuchyError.type(method + "() expects a string argument, got " + Values.typeOf(arg));
    }

    private static long integer(String method, Object arg) {
        if (Arith.isInt(arg)) {
            return Arith.longOf(arg);
        }
        throw RuchyError.type(method + "() expects an integer argument, got " + Values.typeOf(arg));
    }
}
