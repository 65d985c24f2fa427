package dev.ruchy.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Ruchy program run by the real launcher, {@code bin/ruchy run FILE ARGS...}, as a background
 * process (transpile, compile in memory, run), for the networking tests: servers that run until
 * {@link #close()}, and clients that run to the end. Standard output and error go to files in
 * {@code dir}, which the test reads while the program runs. The launcher runs with
 * {@code RUCHY_NO_BUILD=1} (see {@link LauncherTest}) and the build's compile cache, so a program
 * that several tests start is compiled once.
 */
final class RuchyProcess implements AutoCloseable {
    private static final String STALE_WARNING = "ruchy: warning: the command line tool is older than its sources";

    private final Process process;
    private final Path out;
    private final Path err;
    private final String name;

    private RuchyProcess(Process process, Path out, Path err, String name) {
        this.process = process;
        this.out = out;
        this.err = err;
        this.name = name;
    }

    /**
     * Starts {@code bin/ruchy run program args...} in {@code dir} with {@code env} added to this JVM's
     * environment.
     */
    static RuchyProcess start(Path program, Path dir, Map<String, String> env, String... args) {
        return start(List.of(), null, program, dir, env, args);
    }

    /**
     * Starts {@code prefix... bin/ruchy run program args...} ({@code prefix}, e.g. {@code setpriv ...},
     * runs the launcher) with {@code stdin} as its standard input ({@code null}: none).
     */
    static RuchyProcess start(List<String> prefix, String stdin, Path program, Path dir, Map<String, String> env,
            String... args) {
        Path root = SharedCorpus.projectRoot();
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(root.resolve("bin/ruchy").toString(), "run", program.toString()));
        command.addAll(List.of(args));
        String label = program.getFileName().toString().replace(".ruchy", "")
                + (args.length > 0 ? "-" + String.join("-", args) : "");
        try {
            Files.createDirectories(dir);
            Path out = Files.createTempFile(dir, label + "-", ".out");
            Path err = Files.createTempFile(dir, label + "-", ".err");
            Path in = Path.of("/dev/null");
            if (stdin != null) {
                in = Files.createTempFile(dir, label + "-", ".in");
                Files.writeString(in, stdin, StandardCharsets.UTF_8);
            }
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(in.toFile()))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().put("RUCHY_NO_BUILD", "1");
            builder.environment().put("RUCHY_CACHE_DIR", cacheDir().toString());
            // small heaps: several programs run at once on a shared machine
            builder.environment().put("RUCHY_JAVA_OPTS", "-Xmx256m -XX:+UseSerialGC");
            builder.environment().putAll(env);
            return new RuchyProcess(builder.start(), out, err, label);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path cacheDir() {
        String property = System.getProperty("ruchy.cache.dir");
        return property != null ? Path.of(property) : SharedCorpus.projectRoot().resolve("it-tests/target/ruchy-cache");
    }

    /** A TCP port that was free a moment ago (the program binds it by number). */
    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits until standard output contains {@code text}.
     *
     * @throws AssertionError if the program ends first or {@code timeout} passes, with its output
     */
    RuchyProcess awaitOutput(String text, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (out().contains(text)) {
                return this;
            }
            if (!process.isAlive()) {
                throw new AssertionError(name + " ended (exit " + process.exitValue() + ") before printing '" + text
                        + "'\n--- stdout\n" + out() + "\n--- stderr\n" + err());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(name + " did not print '" + text + "' within " + timeout.toSeconds() + " s"
                        + "\n--- stdout\n" + out() + "\n--- stderr\n" + err());
            }
            sleep(50);
        }
    }

    /**
     * Waits for the program to end by itself.
     *
     * @return its exit status
     * @throws AssertionError if it is still running after {@code timeout}
     */
    int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                close();
                throw new AssertionError(name + " did not finish within " + timeout.toSeconds() + " s"
                        + "\n--- stdout\n" + out() + "\n--- stderr\n" + err());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Whether the program is still running. */
    boolean alive() {
        return process.isAlive();
    }

    /** Standard output so far. */
    String out() {
        return read(out);
    }

    /** Standard error so far, without the launcher's warning that sources changed during the build. */
    String err() {
        String text = read(err);
        if (text.startsWith(STALE_WARNING)) {
            int nl = text.indexOf('\n');
            text = nl < 0 ? "" : text.substring(nl + 1);
        }
        return text;
    }

    /** Lines of standard output so far. */
    List<String> outLines() {
        return out().lines().toList();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Ends the program (and anything it started) and waits for it. */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code examples/src/main/ruchy/dev/ruchy/examples/NAME}. */
    static Path example(String name) {
        return SharedCorpus.projectRoot().resolve("examples/src/main/ruchy/dev/ruchy/examples").resolve(name);
    }

    /** {@code it-tests/src/test/resources/net/NAME}. */
    static Path testProgram(String name) {
        return SharedCorpus.projectRoot().resolve("it-tests/src/test/resources/net").resolve(name);
    }

    /** Waits for a server started by a program to accept connections on {@code port}. */
    static void awaitPort(int port, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("nothing listens on port " + port + " after " + timeout.toSeconds() + " s");
                }
                sleep(50);
            }
        }
    }

    static Duration seconds(long s) {
        return Duration.ofSeconds(s);
    }
}
