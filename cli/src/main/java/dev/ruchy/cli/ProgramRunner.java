package dev.ruchy.cli;

import java.io.PrintStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

/**
 * Runs a compiled Ruchy program in this JVM and turns its failures into Ruchy-style messages that
 * name the {@code .ruchy} file and line: {@code Error: Division by zero} then
 * {@code   --> app.ruchy:3}. No Java stack trace reaches the user for an error in their program.
 */
final class ProgramRunner {
    /** Exit status of a program that failed at run time (ruchy-semantics §6.1). */
    static final int EXIT_RUNTIME_ERROR = 1;

    private ProgramRunner() {
    }

    /** Runs {@code entry}'s main class with {@code args}; returns the exit status. */
    static int run(ClassCache.Entry entry, String[] args, PrintStream err) {
        ClassLoader parent = ProgramRunner.class.getClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {entry.classes().toUri().toURL()}, parent)) {
            Class<?> main = Class.forName(entry.mainClass(), true, loader);
            MethodHandle handle = MethodHandles.publicLookup()
                    .findStatic(main, "main", MethodType.methodType(void.class, String[].class));
            try {
                handle.invoke((Object) args);
                System.out.flush();
                return 0;
            } catch (Throwable t) {
                System.out.flush();
                report(t, entry, err);
                return EXIT_RUNTIME_ERROR;
            }
        } catch (MalformedURLException | ReflectiveOperationException e) {
            err.println("ruchy: cannot load the compiled program: " + e);
            return RuchyCommand.EXIT_SOFTWARE;
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    /** Prints {@code Error: message} and where in the Ruchy source it happened. */
    static void report(Throwable t, ClassCache.Entry entry, PrintStream err) {
        String message;
        if (t instanceof StackOverflowError) {
            String function = firstGeneratedFrame(t, entry) == null ? "?" : firstGeneratedFrame(t, entry).getMethodName();
            message = "Stack overflow: recursion too deep in `" + function + "`";
        } else if (t.getClass().getName().equals("dev.ruchy.runtime.RuchyError")) {
            message = t.getMessage();
        } else if (t instanceof ClassCastException) {
            message = "Type error: a value of the wrong type was used (" + t.getMessage() + ")";
        } else if (t instanceof NullPointerException) {
            message = "Runtime error: nil used where a value is required";
        } else if (t instanceof ArithmeticException ae) {
            message = "Runtime error: " + ae.getMessage();
        } else if (t instanceof OutOfMemoryError) {
            message = "Runtime error: out of memory";
        } else {
            message = "Runtime error: " + t;
        }
        err.println("Error: " + message);
        StackTraceElement frame = firstGeneratedFrame(t, entry);
        if (frame != null) {
            int javaLine = frame.getLineNumber();
            int line = javaLine > 0 && javaLine < entry.lineMap().length ? entry.lineMap()[javaLine] : 0;
            err.println("  --> " + entry.fileName() + (line > 0 ? ":" + line : ""));
        }
    }

    private static StackTraceElement firstGeneratedFrame(Throwable t, ClassCache.Entry entry) {
        String main = entry.mainClass();
        for (StackTraceElement e : t.getStackTrace()) {
            if (e.getClassName().equals(main) || e.getClassName().startsWith(main + "$")) {
                return e;
            }
        }
        return null;
    }

    static Path classesOf(ClassCache.Entry entry) {
        return entry.classes();
    }
}
