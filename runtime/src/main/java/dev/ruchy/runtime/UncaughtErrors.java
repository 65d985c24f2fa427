package dev.ruchy.runtime;

/**
 * How a Ruchy error that nothing catches ends a program run outside {@code ruchy run} (the Maven
 * plugin's classes started with {@code java -cp}): {@code Error: <message>} on standard error, as
 * {@code ruchy run} prints it (ruchy-semantics §6.1), rather than a Java stack trace; the JVM still
 * exits with status 1. Installed as the JVM's default uncaught-exception handler when the
 * {@link RuchyError} class loads, unless the application set a handler of its own. Other exceptions
 * get the JVM's usual report, and {@code -Druchy.stacktrace=true} prints Ruchy errors that way too.
 */
final class UncaughtErrors implements Thread.UncaughtExceptionHandler {
    private UncaughtErrors() {
    }

    static void install() {
        if (Thread.getDefaultUncaughtExceptionHandler() == null) {
            Thread.setDefaultUncaughtExceptionHandler(new UncaughtErrors());
        }
    }

    @Override
    public void uncaughtException(Thread thread, Throwable e) {
        if (e instanceof RuchyError r && r.kind() != RuchyError.Kind.EARLY_RETURN && !Boolean.getBoolean("ruchy.stacktrace")) {
            System.out.flush();
            String at = ProgramMain.location(e);
            System.err.println("Error: " + r.getMessage() + (at == null ? "" : "\n  --> " + at));
            System.err.flush();
            return;
        }
        System.err.print("Exception in thread \"" + thread.getName() + "\" ");
        e.printStackTrace(System.err);
    }
}
