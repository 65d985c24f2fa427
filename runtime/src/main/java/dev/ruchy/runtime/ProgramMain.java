package dev.ruchy.runtime;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Runs a compiled Ruchy program and turns its failures into Ruchy-style messages that name the
 * {@code .ruchy} file and line ({@code Error: Division by zero}, then {@code   --> app.ruchy:3});
 * no Java stack trace reaches the user for an error in their program (exit status 1).
 *
 * <p>Used in-process by {@code ruchy run}, and as a main class by the launcher when it finds the
 * program in the compile cache: {@code java -cp CLASSES:RUNTIME dev.ruchy.runtime.ProgramMain
 * MAIN_CLASS RUCHY_FILE LINE_MAP_FILE [ARGS...]}, where the line map file holds, separated by
 * spaces, the Ruchy line of each Java line (index 0 unused).
 */
public final class ProgramMain {
    /** Exit status of a program that failed at run time (ruchy-semantics §6.1). */
    public static final int EXIT_RUNTIME_ERROR = 1;

    /** The program running in this JVM, for {@link #location}: its main class, file and line map (read on first use). */
    private record Program(String mainClass, String fileName, Supplier<int[]> lineMap) {
    }

    private static volatile Program running;

    private ProgramMain() {
    }

    /**
     * Where in the Ruchy source {@code t} was thrown: {@code "app.ruchy:18"}, from the innermost frame
     * of generated code, for the program {@code ruchy run} started here or, for classes the Maven plugin
     * built, from the line map it put beside each class; {@code null} when no frame is known. For
     * errors reported while the program goes on, such as a failed request handler, and uncaught ones.
     */
    public static String location(Throwable t) {
        Program p = running;
        StackTraceElement frame = p == null ? null : firstGeneratedFrame(t, p.mainClass());
        if (frame != null) {
            return where(frame, p.fileName(), p.lineMap().get());
        }
        return BuiltLineMaps.location(t);
    }

    /**
     * {@code fileName:LINE} for {@code frame} of a class generated from {@code fileName}: a class whose
     * line tables hold Ruchy lines already (its source file is the Ruchy file rather than a
     * {@code .java} file, as the Maven plugin and {@code ruchy run} build them by default) gives its
     * line as it is, any other's Java line goes through {@code lineMap}; just {@code fileName} when the
     * frame has no line.
     */
    static String where(StackTraceElement frame, String fileName, int[] lineMap) {
        int javaLine = frame.getLineNumber();
        if (frame.getFileName() != null && !frame.getFileName().endsWith(".java")) {
            return fileName + (javaLine > 0 ? ":" + javaLine : "");
        }
        int line = javaLine > 0 && javaLine < lineMap.length ? lineMap[javaLine] : 0;
        return fileName + (line > 0 ? ":" + line : "");
    }

    private static void started(String mainClass, String fileName, Supplier<int[]> lineMap) {
        running = new Program(mainClass, fileName, lineMap);
    }

    /** {@code supplier}'s value, worked out once. */
    private static Supplier<int[]> once(Supplier<int[]> supplier) {
        return new Supplier<>() {
            private volatile int[] value;

            @Override
            public int[] get() {
                int[] v = value;
                if (v == null) {
                    v = supplier.get();
                    value = v;
                }
                return v;
            }
        };
    }

    /** Command-line entry: runs the program and exits with its status. */
    public static void main(String[] args) throws IOException {
        VirtualThreads.configure();
        if (args.length < 3) {
            System.err.println("usage: ProgramMain MAIN_CLASS RUCHY_FILE LINE_MAP_FILE [ARGS...]");
            System.exit(64);
        }
        String[] programArgs = new String[args.length - 3];
        System.arraycopy(args, 3, programArgs, 0, programArgs.length);
        Method main;
        try {
            main = Class.forName(args[0]).getMethod("main", String[].class);
        } catch (ReflectiveOperationException e) {
            System.err.println("ruchy: the compiled program is missing its class " + args[0]);
            System.exit(70);
            return;
        }
        // the line map is read only when it is needed: start-up time matters for short scripts
        Supplier<int[]> lineMap = once(() -> {
            try {
                return parseLineMap(Files.readString(Path.of(args[2])));
            } catch (IOException e) {
                return new int[0];
            }
        });
        started(args[0], args[1], lineMap);
        try {
            main.invoke(null, (Object) programArgs);
        } catch (InvocationTargetException e) {
            System.out.flush();
            report(e.getCause(), args[0], args[1], lineMap.get(), System.err);
            System.exit(EXIT_RUNTIME_ERROR);
        } catch (IllegalAccessException e) {
            System.err.println("ruchy: cannot run " + args[0] + ": " + e.getMessage());
            System.exit(70);
        }
        System.out.flush();
    }

    /**
     * Runs {@code main}'s {@code main(String[])}.
     *
     * @param fileName the Ruchy file, as named in messages
     * @param lineMap  for each Java line of {@code main}'s source, the Ruchy line (0: unknown)
     * @return 0, or {@link #EXIT_RUNTIME_ERROR} after printing the error to {@code err}
     */
    public static int run(Class<?> main, String[] args, String fileName, int[] lineMap, PrintStream err) {
        VirtualThreads.configure();
        MethodHandle handle;
        try {
            handle = MethodHandles.publicLookup().findStatic(main, "main", MethodType.methodType(void.class, String[].class));
        } catch (ReflectiveOperationException e) {
            err.println("ruchy: " + main.getName() + " has no main method");
            return 70;
        }
        started(main.getName(), fileName, () -> lineMap);
        try {
            handle.invoke((Object) args);
            Lifetime.awaitOpenConnections();
            System.out.flush();
            return 0;
        } catch (Throwable t) {
            System.out.flush();
            report(t, main.getName(), fileName, lineMap, err);
            return EXIT_RUNTIME_ERROR;
        }
    }

    /** Prints {@code Error: message} and where in the Ruchy source it happened. */
    public static void report(Throwable t, String mainClass, String fileName, int[] lineMap, PrintStream err) {
        StackTraceElement frame = firstGeneratedFrame(t, mainClass);
        String message;
        if (t instanceof StackOverflowError) {
            message = "Stack overflow: recursion too deep in `" + (frame == null ? "?" : frame.getMethodName()) + "`";
        } else if (t instanceof RuchyError e) {
            message = e.getMessage();
        } else if (t instanceof ClassCastException) {
            message = "Type error: a value of the wrong type was used (" + t.getMessage() + ")";
        } else if (t instanceof NullPointerException) {
            message = "Runtime error: nil used where a value is required";
        } else if (t instanceof ArithmeticException e) {
            message = "Runtime error: " + e.getMessage();
        } else if (t instanceof OutOfMemoryError) {
            message = "Runtime error: out of memory";
        } else {
            message = "Runtime error: " + t;
        }
        err.println("Error: " + message);
        if (frame != null) {
            err.println("  --> " + where(frame, fileName, lineMap));
        }
        err.flush();
    }

    private static StackTraceElement firstGeneratedFrame(Throwable t, String mainClass) {
        for (StackTraceElement e : t.getStackTrace()) {
            if (e.getClassName().equals(mainClass) || e.getClassName().startsWith(mainClass + "$")) {
                return e;
            }
        }
        return null;
    }

    /** Reads a line map written as space-separated numbers. */
    public static int[] parseLineMap(String text) {
        if (text.isBlank()) {
            return new int[0];
        }
        String[] parts = text.trim().split("\\s+");
        int[] map = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            map[i] = Integer.parseInt(parts[i]);
        }
        return map;
    }
}
