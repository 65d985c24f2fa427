package dev.ruchy.runtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Ruchy's global builtin functions (ruchy-semantics §5.2), as static methods that generated code
 * imports: {@code println(x)}, {@code len(xs)}, {@code parseJson(text)}. Arguments are any Ruchy
 * values; a value of the wrong kind raises the Ruchy error §6.2 gives, never a Java exception.
 * {@link Ops#builtin} returns the same functions as values.
 */
public final class Builtins {
    private static final Pattern FLOAT = Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");
    private static final Pattern FLOAT_WORD = Pattern.compile("[+-]?(inf|infinity|nan)", Pattern.CASE_INSENSITIVE);
    private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");

    private static volatile List<String> args = List.of();
    private static volatile InputStream stdinSource;
    private static volatile BufferedReader stdin;

    private Builtins() {
    }

    // ---------------------------------------------------------------- output

    /** {@code println(...)} (§2.3, Decisions): see {@link Console#println(Object, Object...)}; no arguments prints an empty line. */
    public static void println(Object... args) {
        Object[] a = nilIfNull(args);
        switch (a.length) {
            case 0 -> Console.println();
            case 1 -> Console.println(a[0]);
            default -> Console.println(a[0], Arrays.copyOfRange(a, 1, a.length));
        }
    }

    /** {@code print(...)} (Decisions): what {@code println(...)} writes, strings raw, without the newline; see {@link Console#print(Object, Object...)}. */
    public static void print(Object... args) {
        Object[] a = nilIfNull(args);
        switch (a.length) {
            case 0 -> Console.print();
            case 1 -> Console.print(a[0]);
            default -> Console.print(a[0], Arrays.copyOfRange(a, 1, a.length));
        }
    }

    /** {@code eprintln(...)}: as {@code println}, on standard error (project extension). */
    public static void eprintln(Object... args) {
        Console.eprintln(nilIfNull(args));
    }

    /**
     * {@code dbg(x)} (§2.4): writes {@code [DEBUG] <Debug dump>} and returns {@code x}; with several
     * arguments dumps and returns them as a new array; with none, dumps and returns nil.
     */
    public static Object dbg(Object... args) {
        Object[] a = nilIfNull(args);
        return switch (a.length) {
            case 0 -> Console.dbg((Object) null);
            case 1 -> Console.dbg(a[0]);
            default -> Console.dbg(a[0], a[1], Arrays.copyOfRange(a, 2, a.length));
        };
    }

    /** {@code ruchy -e}: prints the program's last value in Display form (strings quoted), unless it is nil (§2.8). */
    public static void printEvalResult(Object value) {
        if (value != null) {
            Console.println((Object) Fmt.display(value));
        }
    }

    // ---------------------------------------------------------------- values

    /**
     * {@code len(x)}: a string's length in UTF-8 bytes (Decisions), an array's, tuple's or object's
     * element count.
     *
     * @throws RuchyError {@code Runtime error: len() expects a string, array, tuple or object, got integer}
     */
    public static long len(Object value) {
        return switch (value) {
            case String s -> Strings.len(s);
            case Character c -> Strings.len(c.toString());
            case List<?> l -> l.size();
            case Tuple t -> t.len();
            case RObject o -> o.len();
            case null, default -> throw RuchyError.runtime(
                    "len() expects a string, array, tuple or object, got " + Values.typeOf(value));
        };
    }

    /**
     * {@code range(end)}, {@code range(start, end)}, {@code range(start, end, step)} (§5.2): a new array
     * of the integers from {@code start} (default 0) up to, not including, {@code end}, by {@code step}
     * (default 1; a negative step counts down).
     *
     * @throws RuchyError {@code range() step cannot be zero}; {@code range() expects 1 to 3 arguments, got 0};
     *                    a type error for non-integers
     */
    public static List<Long> range(Object... args) {
        Object[] a = nilIfNull(args);
        if (a.length < 1 || a.length > 3) {
            throw RuchyError.runtime("range() expects 1 to 3 arguments, got " + a.length);
        }
        long start = a.length == 1 ? 0 : integer("range", a[0]);
        long end = integer("range", a[a.length == 1 ? 0 : 1]);
        long step = a.length == 3 ? integer("range", a[2]) : 1;
        if (step == 0) {
            throw RuchyError.runtime("range() step cannot be zero");
        }
        List<Long> values = new ArrayList<>();
        for (long i = start; step > 0 ? i < end : i > end; i += step) {
            values.add(i);
            if (step > 0 ? i > Long.MAX_VALUE - step : i < Long.MIN_VALUE - step) {
                break; // the next value would wrap
            }
        }
        return values;
    }

    /** {@code type_of(x)} (§2.1): {@code integer}, {@code float}, {@code string}, {@code array}, ... */
    public static String typeOf(Object value) {
        return Values.typeOf(value);
    }

    /** {@code is_nil(x)}. */
    public static boolean isNil(Object value) {
        return value == null;
    }

    /** {@code str(x)} (§2.6): strings unchanged, everything else in Display form. */
    public static String str(Object value) {
        return Fmt.toStr(value);
    }

    /** The {@code to_string(x)} builtin (§2.6): the Display form, so strings get quotes. */
    public static String toStringQuoted(Object value) {
        return Fmt.display(value);
    }

    /**
     * {@code int(x)} (§3.10): floats truncate toward zero (saturating, NaN → 0), strings parse without
     * trimming, booleans are 1 or 0.
     *
     * @throws RuchyError {@code Runtime error: int() cannot parse string: ' 42'}; for nil, arrays, ...
     *                    {@code int() cannot convert nil to an integer}
     */
    public static long toInt(Object value) {
        return switch (value) {
            case Long l -> l;
            case Integer i -> i;
            case Short s -> s;
            case Double d -> (long) d.doubleValue();
            case Float f -> (long) f.floatValue();
            case Boolean b -> b ? 1 : 0;
            case String s -> {
                Long parsed = StringMethods.parseLong(s);
                if (parsed == null) {
                    throw RuchyError.runtime("int() cannot parse string: '" + s + "'");
                }
                yield parsed;
            }
            case null, default -> throw RuchyError.runtime("int() cannot convert " + Values.typeOf(value) + " to an integer");
        };
    }

    /**
     * {@code float(x)} (§3.10): integers convert, strings parse as Rust does ({@code 1e5}, {@code .5},
     * {@code inf}, {@code NaN}; no spaces, no Java-only forms), booleans are 1.0 or 0.0.
     *
     * @throws RuchyError {@code Runtime error: float() cannot parse string: 'x'}
     */
    public static double toFloat(Object value) {
        return switch (value) {
            case Double d -> d;
            case Float f -> f;
            case Long l -> l;
            case Integer i -> i;
            case Short s -> s;
            case Boolean b -> b ? 1.0 : 0.0;
            case String s -> {
                Double parsed = parseDoubleRust(s);
                if (parsed == null) {
                    throw RuchyError.runtime("float() cannot parse string: '" + s + "'");
                }
                yield parsed;
            }
            case null, default -> throw RuchyError.runtime("float() cannot convert " + Values.typeOf(value) + " to a float");
        };
    }

    /** {@code bool(x)} (§3.10): false for {@code false}, nil, {@code 0}, {@code 0.0}, {@code ""}, {@code []}; true otherwise. */
    public static boolean toBool(Object value) {
        return switch (value) {
            case null -> false;
            case Boolean b -> b;
            case String s -> !s.isEmpty();
            case List<?> l -> !l.isEmpty();
            default -> !(Arith.isInt(value) && Arith.longOf(value) == 0 || Arith.isFloat(value) && Arith.doubleOf(value) == 0);
        };
    }

    /**
     * {@code parse_int(s)} (§3.10): an ASCII decimal integer with optional sign, no trimming.
     *
     * @throws RuchyError {@code Runtime error: parse_int() cannot parse string: 'x'}
     */
    public static long parseInt(Object s) {
        Long parsed = StringMethods.parseLong(string("parse_int", s));
        if (parsed == null) {
            throw RuchyError.runtime("parse_int() cannot parse string: '" + s + "'");
        }
        return parsed;
    }

    /**
     * {@code parse_float(s)} (§3.10), as {@link #toFloat} parses strings.
     *
     * @throws RuchyError {@code Runtime error: parse_float() cannot parse string: 'x'}
     */
    public static double parseFloat(Object s) {
        Double parsed = parseDoubleRust(string("parse_float", s));
        if (parsed == null) {
            throw RuchyError.runtime("parse_float() cannot parse string: '" + s + "'");
        }
        return parsed;
    }

    /** Rust's {@code f64::from_str}, or {@code null}: Java's own parser also takes {@code Infinity}, hex and {@code 1d}. */
    static Double parseDoubleRust(String s) {
        if (FLOAT.matcher(s).matches()) {
            return Double.parseDouble(s);
        }
        if (FLOAT_WORD.matcher(s).matches()) {
            boolean negative = s.startsWith("-");
            if (s.toLowerCase(Locale.ROOT).endsWith("nan")) {
                return Double.NaN;
            }
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return null;
    }

    // ---------------------------------------------------------------- math

    /**
     * {@code sqrt(x)}: always a float (§3.10). Like every math builtin here, a non-number raises
     * {@code Runtime error: sqrt() expects a number, got string}.
     */
    public static double sqrt(Object x) {
        return Math.sqrt(number("sqrt", x));
    }

    /** {@code abs(x)}: keeps the kind, {@code abs(-3)} is 3, {@code abs(-2.5)} is 2.5 (integers wrap at the minimum). */
    public static Object abs(Object x) {
        if (Arith.isInt(x)) {
            return Math.abs(Arith.longOf(x));
        }
        return Math.abs(number("abs", x));
    }

    /** {@code floor(x)}: an integer (§3.10), saturating. */
    public static long floor(Object x) {
        return Arith.isInt(x) ? Arith.longOf(x) : (long) Math.floor(number("floor", x));
    }

    /** {@code ceil(x)}: an integer (§3.10), saturating. */
    public static long ceil(Object x) {
        return Arith.isInt(x) ? Arith.longOf(x) : (long) Math.ceil(number("ceil", x));
    }

    /** {@code round(x)}: an integer, half away from zero ({@code round(-2.5)} is -3, unlike {@link Math#round}). */
    public static long round(Object x) {
        return Arith.isInt(x) ? Arith.longOf(x) : (long) Arith.roundHalfAway(number("round", x));
    }

    public static double sin(Object x) {
        return Math.sin(number("sin", x));
    }

    public static double cos(Object x) {
        return Math.cos(number("cos", x));
    }

    public static double tan(Object x) {
        return Math.tan(number("tan", x));
    }

    /** {@code log(x)}: the natural logarithm. */
    public static double log(Object x) {
        return Math.log(number("log", x));
    }

    public static double log10(Object x) {
        return Math.log10(number("log10", x));
    }

    public static double exp(Object x) {
        return Math.exp(number("exp", x));
    }

    /**
     * {@code pow(a, b)}: two integers give an integer (wrapping, §3.1), or a float for a negative
     * exponent; any float gives a float.
     */
    public static Object pow(Object a, Object b) {
        if (Arith.isInt(a) && Arith.isInt(b) && Arith.longOf(b) >= 0) {
            return Arith.wrappingPow(Arith.longOf(a), Arith.longOf(b));
        }
        return Math.pow(number("pow", a), number("pow", b));
    }

    /** {@code min(a, b)}: two numbers; an integer when both are, else a float (§3.10). */
    public static Object min(Object a, Object b) {
        return extreme("min", a, b, true);
    }

    /** {@code max(a, b)}: two numbers; an integer when both are, else a float (§3.10). */
    public static Object max(Object a, Object b) {
        return extreme("max", a, b, false);
    }

    private static Object extreme(String name, Object a, Object b, boolean min) {
        if (Arith.isInt(a) && Arith.isInt(b)) {
            long x = Arith.longOf(a);
            long y = Arith.longOf(b);
            return min ? Math.min(x, y) : Math.max(x, y);
        }
        double x = number(name, a);
        double y = number(name, b);
        return min ? Math.min(x, y) : Math.max(x, y);
    }

    /** {@code random()}: a float in [0, 1). */
    public static double random() {
        return ThreadLocalRandom.current().nextDouble();
    }

    // ---------------------------------------------------------------- assertions

    /**
     * {@code assert(cond)} / {@code assert(cond, msg)} (§6.2): {@code Assertion failed: Assertion failed},
     * or with a message {@code Assertion failed: "m"} (the message in Display form).
     *
     * @throws RuchyError {@code Type error: assert() expects a boolean condition, got integer}
     */
    public static void assertTrue(Object... args) {
        Object[] a = nilIfNull(args);
        if (a.length < 1 || a.length > 2) {
            throw RuchyError.runtime("assert() expects 1 or 2 arguments, got " + a.length);
        }
        if (!(a[0] instanceof Boolean condition)) {
            throw RuchyError.type("assert() expects a boolean condition, got " + Values.typeOf(a[0]));
        }
        if (!condition) {
            throw RuchyError.assertion(a.length == 2 ? Fmt.display(a[1]) : "Assertion failed");
        }
    }

    /**
     * {@code assert_eq(a, b[, msg])} with strict equality (§3.5: {@code assert_eq(1, 1.0)} fails):
     * {@code Assertion failed: Assertion failed: expected Integer(1), got Integer(2)}, or the message in
     * Display form.
     */
    public static void assertEq(Object... args) {
        Object[] a = nilIfNull(args);
        if (a.length < 2 || a.length > 3) {
            throw RuchyError.runtime("assert_eq() expects 2 or 3 arguments, got " + a.length);
        }
        if (!Compare.equal(a[0], a[1], true)) {
            throw RuchyError.assertion(a.length == 3 ? Fmt.display(a[2])
                    : "Assertion failed: expected " + Fmt.debug(a[0]) + ", got " + Fmt.debug(a[1]));
        }
    }

    /**
     * {@code assert_ne(a, b[, msg])}: fails when the values are strictly equal, with
     * {@code Assertion failed: Assertion failed: expected values to differ, both were Integer(1)}.
     */
    public static void assertNe(Object... args) {
        Object[] a = nilIfNull(args);
        if (a.length < 2 || a.length > 3) {
            throw RuchyError.runtime("assert_ne() expects 2 or 3 arguments, got " + a.length);
        }
        if (Compare.equal(a[0], a[1], true)) {
            throw RuchyError.assertion(a.length == 3 ? Fmt.display(a[2])
                    : "Assertion failed: expected values to differ, both were " + Fmt.debug(a[0]));
        }
    }

    // ---------------------------------------------------------------- arrays

    /** {@code reverse(x)}: a new reversed array, or a string reversed by characters (code points). */
    public static Object reverse(Object value) {
        return switch (value) {
            case List<?> l -> {
                List<Object> copy = new ArrayList<>(l);
                Collections.reverse(copy);
                yield copy;
            }
            case String s -> new StringBuilder(s).reverse().toString(); // keeps surrogate pairs together
            case null, default -> throw RuchyError.runtime("reverse() expects an array or a string, got " + Values.typeOf(value));
        };
    }

    /**
     * {@code sort(xs)}: a new array in natural order (numbers numerically, strings by code point); the
     * argument is unchanged.
     *
     * @throws RuchyError {@code Runtime error: sort() cannot order integer and string} for mixed kinds
     *                    (the interpreter keeps their relative order; this runtime refuses, as {@code xs.sort()} does)
     */
    public static Object sort(Object list) {
        return ArrayMethods.sort(new ArrayList<>(array("sort", list)));
    }

    /** {@code push(xs, v)}: a new array with {@code v} appended; {@code xs} is unchanged (§5.2). */
    public static Object push(Object list, Object value) {
        List<Object> copy = new ArrayList<>(array("push", list));
        copy.add(value);
        return copy;
    }

    /** {@code pop(xs)}: the last element, or nil when empty; {@code xs} is unchanged (§5.2). */
    public static Object pop(Object list) {
        List<?> l = array("pop", list);
        return l.isEmpty() ? null : l.get(l.size() - 1);
    }

    /** {@code zip(a, b)}: {@code (a[i], b[i])} tuples, as long as the shorter array. */
    public static List<Tuple> zip(Object a, Object b) {
        return ArrayMethods.zip(array("zip", a), array("zip", b));
    }

    /** {@code enumerate(xs)}: {@code (index, element)} tuples. */
    public static List<Tuple> enumerate(Object list) {
        return ArrayMethods.enumerate(array("enumerate", list));
    }

    // ---------------------------------------------------------------- time and ids

    /**
     * {@code sleep(ms)}: blocks this (virtual) thread for {@code ms} milliseconds (integer or float).
     * An interrupt ends the sleep early and stays set.
     */
    public static void sleep(Object ms) {
        double millis = number("sleep", ms);
        if (millis <= 0 || Double.isNaN(millis)) {
            return;
        }
        try {
            long whole = (long) millis;
            Thread.sleep(whole, (int) Math.min(999_999, Math.round((millis - whole) * 1_000_000)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code timestamp()}, {@code get_time_ms()}, {@code current_time_ms()}: milliseconds since the Unix epoch. */
    public static long currentTimeMs() {
        return System.currentTimeMillis();
    }

    /** {@code current_datetime()}, {@code Utc::now()}: the current UTC time, ISO-8601 with milliseconds, {@code 2026-01-31T12:00:00.123Z}. */
    public static String currentDatetime() {
        return ISO_MILLIS.format(ZonedDateTime.now(ZoneOffset.UTC));
    }

    /** {@code generate_id()}: a random UUID, {@code 8-4-4-4-12} lower-case hex digits. */
    public static String generateId() {
        return UUID.randomUUID().toString();
    }

    // ---------------------------------------------------------------- files

    /**
     * {@code open(path)} or {@code open(path, "r")}: a {@link FileHandle} with {@code read_line()},
     * {@code read()} and {@code close()} (§5.2; only mode {@code "r"} exists).
     *
     * @throws RuchyError for another mode, or when the file cannot be opened
     */
    public static FileHandle open(Object... args) {
        if (args.length < 1 || args.length > 2) {
            throw RuchyError.runtime("open() expects 1 or 2 arguments, got " + args.length);
        }
        String p = string("open", args[0]);
        if (args.length == 2 && !"r".equals(args[1])) {
            throw RuchyError.runtime("open() supports only mode \"r\", got " + Fmt.display(args[1]));
        }
        return FileHandle.open(p, FileIo.resolve(p));
    }

    /**
     * {@code http_get(url)}: the body of a GET request as text, with the JDK's HTTP client
     * (timeout 30 s). The networking module's {@code http::get} is the richer form.
     *
     * @throws RuchyError when the request fails or the status is not 2xx
     */
    public static String httpGet(Object url) {
        return HttpBuiltins.send("GET", string("http_get", url), null);
    }

    /** {@code http_post(url, body)}: as {@link #httpGet}, sending {@code body} (an object or array as JSON). */
    public static String httpPost(Object url, Object body) {
        return HttpBuiltins.send("POST", string("http_post", url), body);
    }

    /** {@code http_put(url, body)}: as {@link #httpPost} with PUT. */
    public static String httpPut(Object url, Object body) {
        return HttpBuiltins.send("PUT", string("http_put", url), body);
    }

    /** {@code http_delete(url)}: as {@link #httpGet} with DELETE. */
    public static String httpDelete(Object url) {
        return HttpBuiltins.send("DELETE", string("http_delete", url), null);
    }

    /**
     * {@code read_file(path)}: the file's contents (UTF-8).
     *
     * @throws RuchyError {@code Runtime error: Failed to read file 'model.json': No such file or directory (os error 2)} (§5.2, §6.1)
     */
    public static String readFile(Object path) {
        String p = string("read_file", path);
        try {
            return FileIo.read(FileIo.resolve(p));
        } catch (IOException e) {
            throw RuchyError.runtime("Failed to read file '" + p + "': " + FileIo.message(e));
        }
    }

    /**
     * {@code write_file(path, text)}: replaces the file's contents atomically (a temporary file beside it,
     * then a rename) and returns {@code Ok(nil)}, or {@code Err("Failed to write file 'p': <reason>")}.
     * A non-string {@code text} is written in its {@link Fmt#toStr} form.
     */
    public static Object writeFile(Object path, Object text) {
        String p = string("write_file", path);
        try {
            FileIo.writeAtomically(FileIo.resolve(p), Fmt.toStr(text));
            return Result.ok(null);
        } catch (IOException e) {
            return Result.err("Failed to write file '" + p + "': " + FileIo.message(e));
        }
    }

    /**
     * {@code append_file(path, text)}: appends, creating the file if needed.
     *
     * @throws RuchyError {@code Runtime error: Failed to append to file 'p': <reason>}
     */
    public static void appendFile(Object path, Object text) {
        String p = string("append_file", path);
        try {
            FileIo.append(FileIo.resolve(p), Fmt.toStr(text));
        } catch (IOException e) {
            throw RuchyError.runtime("Failed to append to file '" + p + "': " + FileIo.message(e));
        }
    }

    /** {@code file_exists(path)}. */
    public static boolean fileExists(Object path) {
        return Files.exists(FileIo.resolve(string("file_exists", path)));
    }

    /** {@code delete_file(path)}: {@code Ok(nil)}, also when the file was missing; {@code Err("Failed to delete file 'p': <reason>")}. */
    public static Object deleteFile(Object path) {
        String p = string("delete_file", path);
        try {
            Files.deleteIfExists(FileIo.resolve(p));
            return Result.ok(null);
        } catch (NoSuchFileException e) {
            return Result.ok(null);
        } catch (IOException e) {
            return Result.err("Failed to delete file '" + p + "': " + FileIo.message(e));
        }
    }

    // ---------------------------------------------------------------- JSON

    /**
     * {@code parse_json(text)} (§5.7): objects become {@link RObject}s in document order, integers that
     * fit 64 bits integers, other numbers floats, {@code null} nil.
     *
     * @throws RuchyError {@code Runtime error: JSON parse error: ...}
     */
    public static Object parseJson(Object text) {
        return Json.parse(string("parse_json", text));
    }

    /**
     * {@code to_json(v)}, {@code JSON.stringify(v)} (§5.7): compact, serde_json style; object keys in
     * insertion order (a decision: §5.7 suggests sorting).
     *
     * @throws RuchyError {@code Runtime error: Cannot convert <Debug> to JSON} for structs, tuples, enum variants, functions
     */
    public static String toJson(Object value) {
        return Json.write(value, false);
    }

    /**
     * The text {@link #toJson} gives, as UTF-8 bytes, written without building the string: for bodies
     * the networking runtime sends. Not a Ruchy function.
     *
     * @throws RuchyError as {@link #toJson}
     */
    public static byte[] toJsonUtf8(Object value) {
        return Json.writeUtf8(value);
    }

    /** {@code json_pretty(v)}: as {@link #toJson}, indented by two spaces. */
    public static String toJsonPretty(Object value) {
        return Json.write(value, true);
    }

    // ---------------------------------------------------------------- process

    /**
     * {@code input()}, {@code input(prompt)} (Decisions): writes the prompt (strings raw, no newline),
     * then reads one line from standard input (UTF-8) without its line ending. At end of input: {@code ""}.
     */
    public static String input(Object... prompt) {
        Object[] a = nilIfNull(prompt);
        if (a.length > 1) {
            throw RuchyError.runtime("input() expects 0 or 1 arguments, got " + a.length);
        }
        if (a.length == 1) {
            Console.writeRaw(Fmt.toStr(a[0]));
        }
        try {
            String line = stdin().readLine();
            return line == null ? "" : line;
        } catch (IOException e) {
            throw RuchyError.runtime("Failed to read input: " + e.getMessage());
        }
    }

    /** One reader per {@link System#in}, so buffered input is not lost between calls (and tests may swap {@code System.in}). */
    private static synchronized BufferedReader stdin() {
        if (stdin == null || stdinSource != System.in) {
            stdinSource = System.in;
            stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        }
        return stdin;
    }

    /** {@code env_var(name)}: {@code Ok(value)}, or {@code Err("NotFound")} when unset (§5.2). */
    public static Object envVar(Object name) {
        String value = System.getenv(string("env_var", name));
        return value == null ? Result.err("NotFound") : Result.ok(value);
    }

    /**
     * {@code env_args()}: the program's command-line arguments as a new array of strings, as
     * {@link #setArgs} recorded them (empty if never set).
     */
    public static List<String> envArgs() {
        return new ArrayList<>(args);
    }

    /** Records the command-line arguments {@link #envArgs} returns; the generated {@code main} calls it first. */
    public static void setArgs(String... commandLine) {
        args = commandLine == null ? List.of() : List.of(commandLine);
    }

    /** {@code exit()}, {@code exit(code)}: ends the program with {@code code} (default 0). */
    public static void exit(Object... code) {
        Object[] a = nilIfNull(code);
        if (a.length > 1) {
            throw RuchyError.runtime("exit() expects 0 or 1 arguments, got " + a.length);
        }
        int status = a.length == 0 ? 0 : (int) integer("exit", a[0]);
        Console.out().flush();
        System.exit(status);
    }

    /**
     * {@code panic(msg)}, {@code panic!(...)}: raises a runtime error whose message is {@code msg} (its
     * {@link Fmt#toStr} form; placeholders filled from further arguments), or {@code explicit panic}.
     */
    public static void panic(Object... msg) {
        Object[] a = nilIfNull(msg);
        if (a.length == 0) {
            throw RuchyError.runtime("explicit panic");
        }
        throw RuchyError.runtime(a[0] instanceof String template && a.length > 1
                ? Fmt.substitute(template, Arrays.copyOfRange(a, 1, a.length))
                : Fmt.toStr(a[0]));
    }

    /**
     * {@code format!("{} {}", a, b)}: the template with its placeholders filled as {@link Fmt#substitute}
     * does.
     *
     * @throws RuchyError {@code Runtime error: format! expects a format string} without a string first argument
     */
    public static String formatMacro(Object... args) {
        Object[] a = nilIfNull(args);
        if (a.length == 0 || !(a[0] instanceof String template)) {
            throw RuchyError.runtime("format! expects a format string");
        }
        return Fmt.substitute(template, Arrays.copyOfRange(a, 1, a.length));
    }

    // ---------------------------------------------------------------- argument checks

    private static Object[] nilIfNull(Object[] args) {
        return args == null ? new Object[] {null} : args;
    }

    private static double number(String name, Object x) {
        if (Arith.isNumber(x)) {
            return Arith.doubleOf(x);
        }
        throw RuchyError.runtime(name + "() expects a number, got " + Values.typeOf(x));
    }

    private static long integer(String name, Object x) {
        if (Arith.isInt(x)) {
            return Arith.longOf(x);
        }
        throw RuchyError.type(name + "() expects an integer, got " + Values.typeOf(x));
    }

    private static String string(String name, Object x) {
        if (x instanceof String s) {
            return s;
        }
        if (x instanceof Character c) {
            return c.toString();
        }
        throw RuchyError.type(name + "() expects a string, got " + Values.typeOf(x));
    }

    private static List<?> array(String name, Object x) {
        if (x instanceof List<?> l) {
            return l;
        }
        throw RuchyError.type(name + "() expects an array, got " + Values.typeOf(x));
    }
}
