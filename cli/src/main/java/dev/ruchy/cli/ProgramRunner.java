package dev.ruchy.cli;

import dev.ruchy.runtime.ProgramMain;
import java.io.IOException;
import java.io.PrintStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;

/**
 * Runs a compiled Ruchy program from the compile cache in this JVM, in a class loader of its own;
 * errors are reported by the runtime's {@link ProgramMain}, the same way the launcher's fast path
 * reports them.
 */
final class ProgramRunner {
    private ProgramRunner() {
    }

    /** Runs {@code entry}'s main class with {@code args}; returns the exit status. */
    static int run(ClassCache.Entry entry, String[] args, PrintStream err) {
        ClassLoader parent = ProgramRunner.class.getClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {entry.classes().toUri().toURL()}, parent)) {
            Class<?> main = Class.forName(entry.mainClass(), true, loader);
            return ProgramMain.run(main, args, entry.fileName(), entry.lineMap(), err);
        } catch (MalformedURLException | ClassNotFoundException e) {
            err.println("ruchy: cannot load the compiled program: " + e);
            return RuchyCommand.EXIT_SOFTWARE;
        } catch (IOException e) {
            return RuchyCommand.EXIT_SOFTWARE;
        }
    }
}
