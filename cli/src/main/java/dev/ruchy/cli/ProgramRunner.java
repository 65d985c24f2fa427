package dev.ruchy.cli;

import dev.ruchy.runtime.ProgramMain;
import java.io.IOException;
import java.io.PrintStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
        return run(entry, List.of(), args, err);
    }

    /** As {@link #run(ClassCache.Entry, String[], PrintStream)}, with {@code classPath}'s classes loadable too. */
    static int run(ClassCache.Entry entry, List<Path> classPath, String[] args, PrintStream err) {
        ClassLoader parent = ProgramRunner.class.getClassLoader();
        try (URLClassLoader loader = new URLClassLoader(urls(entry, classPath), parent)) {
            Class<?> main = Class.forName(entry.mainClass(), true, loader);
            return ProgramMain.run(main, args, entry.fileName(), entry.lineMap(), err);
        } catch (MalformedURLException | ClassNotFoundException e) {
            err.println("ruchy: cannot load the compiled program: " + e);
            return RuchyCommand.EXIT_SOFTWARE;
        } catch (IOException e) {
            return RuchyCommand.EXIT_SOFTWARE;
        }
    }

    /** The program's classes first, then the class path's. */
    private static URL[] urls(ClassCache.Entry entry, List<Path> classPath) throws MalformedURLException {
        List<URL> urls = new ArrayList<>();
        urls.add(entry.classes().toUri().toURL());
        for (Path p : classPath) {
            urls.add(p.toUri().toURL());
        }
        return urls.toArray(URL[]::new);
    }
}
