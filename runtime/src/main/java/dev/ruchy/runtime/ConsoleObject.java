package dev.ruchy.runtime;

/**
 * The value of {@code console}, for programs written in JavaScript's style: {@code console.log(...)}
 * and {@code console.info(...)} write as {@code println} does, {@code console.error(...)} and
 * {@code console.warn(...)} as {@code eprintln} does (standard error). Each writes its whole line at
 * once ({@link Console}).
 */
public final class ConsoleObject {
    /** The one {@code console}. */
    public static final ConsoleObject INSTANCE = new ConsoleObject();

    private ConsoleObject() {
    }

    /** {@code console.log(args...)}: the line {@code println(args...)} writes, on standard output. */
    public void log(Object... args) {
        Console.writeLine(Console.out(), args);
    }

    /** {@code console.info(args...)}: as {@link #log}. */
    public void info(Object... args) {
        Console.writeLine(Console.out(), args);
    }

    /** {@code console.warn(args...)}: the line {@code println(args...)} writes, on standard error. */
    public void warn(Object... args) {
        Console.writeLine(Console.err(), args);
    }

    /** {@code console.error(args...)}: the line {@code println(args...)} writes, on standard error. */
    public void error(Object... args) {
        Console.writeLine(Console.err(), args);
    }

    @Override
    public String toString() {
        return "console";
    }
}
