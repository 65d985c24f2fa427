package dev.ruchy.runtime;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Ruchy's {@code println}, {@code print} and {@code dbg} (ruchy-semantics §2.3, §2.4). Output is
 * UTF-8 bytes, lines end in {@code \n} on every platform, and every call writes its whole text with
 * one write and then flushes, so lines from concurrent virtual threads never interleave.
 *
 * <p>Output goes to {@link #setOut the stream set for tests}, else to whatever {@link System#out} is at
 * the time of the call. Generated code imports these statically: {@code println(isPrime(97))}.
 */
public final class Console {
    private static volatile PrintStream out;
    private static volatile PrintStream err;

    private Console() {
    }

    /** Sends output to {@code stream}; {@code null} goes back to {@link System#out}. */
    public static void setOut(PrintStream stream) {
        out = stream;
    }

    /** The stream output currently goes to. */
    public static PrintStream out() {
        PrintStream stream = out;
        return stream != null ? stream : System.out;
    }

    /** Sends {@code eprintln} output to {@code stream}; {@code null} goes back to {@link System#err}. */
    public static void setErr(PrintStream stream) {
        err = stream;
    }

    /** The stream {@code eprintln} output currently goes to. */
    public static PrintStream err() {
        PrintStream stream = err;
        return stream != null ? stream : System.err;
    }

    /** {@code println()}: an empty line. */
    public static void println() {
        write("\n");
    }

    /** {@code println(x)}: a string raw, anything else in Display form (§2.3), then a newline. */
    public static void println(Object value) {
        write(line(new Object[] {value}) + "\n");
    }

    /**
     * {@code println(a, b, ...)} (§2.3 and project Decisions): if {@code first} is a string with a
     * {@code {}} or {@code {:spec}} placeholder, the placeholders are filled from {@code rest} as by
     * {@link Fmt#substitute}; otherwise every argument is rendered (strings raw, others Display) and
     * joined with one space. Then a newline.
     *
     * @param rest further arguments; a {@code null} array means one nil argument
     */
    public static void println(Object first, Object... rest) {
        write(line(prepend(first, rest)) + "\n");
    }

    /**
     * {@code eprintln(args...)}: the text {@code println} would write, with its newline, on standard error
     * (project extension: the interpreter has no {@code eprintln}, §2.4).
     *
     * @param args the arguments; a {@code null} array means one nil argument
     */
    public static void eprintln(Object... args) {
        write(err(), line(args == null ? new Object[] {null} : args) + "\n");
    }

    /** {@code print()}: writes nothing. */
    public static void print() {
        write("");
    }

    /**
     * {@code print(x)}: what {@code println(x)} writes, without the newline (project Decisions, overriding
     * §2.4): a string raw, anything else in Display form. {@code print("A"); print("B")} writes {@code AB};
     * {@code print("\rDownloading: 50%")} rewrites the current terminal line.
     */
    public static void print(Object value) {
        write(line(new Object[] {value}));
    }

    /**
     * {@code print(a, b, ...)}: what {@code println(a, b, ...)} writes (placeholders filled, or every
     * argument rendered with strings raw and joined with one space), without the newline (Decisions).
     *
     * @param rest further arguments; a {@code null} array means one nil argument
     */
    public static void print(Object first, Object... rest) {
        write(line(prepend(first, rest)));
    }

    /** {@code dbg(x)}: writes {@code [DEBUG] Integer(5)} (the {@link Fmt#debug Debug dump}) and a newline; returns {@code value} (§2.4). */
    public static <T> T dbg(T value) {
        write("[DEBUG] " + Fmt.debug(value) + "\n");
        return value;
    }

    /**
     * {@code dbg(a, b, ...)}: writes {@code [DEBUG] [Integer(1), String("a")]} and a newline; returns the
     * arguments as a new Ruchy array (§2.4).
     */
    public static List<Object> dbg(Object first, Object second, Object... rest) {
        List<Object> values = new ArrayList<>();
        values.add(first);
        values.add(second);
        values.addAll(Arrays.asList(rest == null ? new Object[] {null} : rest));
        write("[DEBUG] " + DebugDump.ofAll(values) + "\n");
        return values;
    }

    /** The text {@code println(args...)} writes, without its newline (§2.3). */
    static String line(Object[] args) {
        if (args.length == 0) {
            return "";
        }
        if (args[0] instanceof String template && Placeholders.has(template)) {
            return Placeholders.substitute(template, Arrays.copyOfRange(args, 1, args.length));
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < args.length; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(Fmt.toStr(args[i]));
        }
        return sb.toString();
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] tail = rest == null ? new Object[] {null} : rest;
        Object[] all = new Object[tail.length + 1];
        all[0] = first;
        System.arraycopy(tail, 0, all, 1, tail.length);
        return all;
    }

    /** Writes the line {@code println(args...)} would, with its newline, on {@code stream}. */
    static void writeLine(PrintStream stream, Object[] args) {
        write(stream, line(args == null ? new Object[] {null} : args) + "\n");
    }

    private static void write(String text) {
        write(out(), text);
    }

    /** Writes {@code text} raw (UTF-8, one write, then a flush) to standard output, as {@code input}'s prompt. */
    static void writeRaw(String text) {
        write(out(), text);
    }

    private static void write(PrintStream stream, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        stream.write(bytes, 0, bytes.length); // one locked write per call
        stream.flush();
    }
}
