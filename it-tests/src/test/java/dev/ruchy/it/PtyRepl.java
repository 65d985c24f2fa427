package dev.ruchy.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ruchy repl} at a real pseudo-terminal, as a person at a terminal has it: the launcher runs
 * under util-linux {@code script}, which gives it a pty of 120×40 and passes what the test writes
 * (keys, including escape sequences, Ctrl-C and Ctrl-D) to it. The screen output is kept, with
 * terminal control sequences removed, for {@link #awaitOutput}.
 */
final class PtyRepl implements AutoCloseable {
    static final String PROMPT = "ruchy> ";
    private static final Pattern CONTROL = Pattern.compile("\u001b\\[[0-9;?]*[A-Za-z]|\u001b[=>]|\r");

    private final Process process;
    private final OutputStream keys;
    private final StringBuilder screen = new StringBuilder();
    private final Thread reader;

    private PtyRepl(Process process) {
        this.process = process;
        this.keys = process.getOutputStream();
        this.reader = Thread.ofPlatform().daemon().start(() -> pump(process.getInputStream()));
    }

    /** Starts the REPL in {@code dir} with {@code home} as its home (where it keeps its history). */
    static PtyRepl start(Path dir, Path home) {
        Path ruchy = SharedCorpus.projectRoot().resolve("bin/ruchy");
        String command = "stty cols 120 rows 40; exec " + ruchy + " repl";
        ProcessBuilder builder = new ProcessBuilder(List.of("script", "-qfec", command, "/dev/null"))
                .directory(dir.toFile())
                .redirectErrorStream(true);
        builder.environment().put("RUCHY_NO_BUILD", "1");
        builder.environment().put("HOME", home.toString());
        builder.environment().put("TERM", "xterm");
        builder.environment().put("RUCHY_JAVA_OPTS", "-Xmx256m -XX:+UseSerialGC");
        try {
            PtyRepl repl = new PtyRepl(builder.start());
            repl.awaitPrompts(1, Duration.ofSeconds(60));
            return repl;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void pump(InputStream in) {
        byte[] buffer = new byte[4096];
        try {
            int n;
            while ((n = in.read(buffer)) > 0) {
                synchronized (screen) {
                    screen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    /** What the terminal showed so far, without control sequences. */
    String output() {
        synchronized (screen) {
            return CONTROL.matcher(screen).replaceAll("");
        }
    }

    int prompts() {
        Matcher m = Pattern.compile(Pattern.quote(PROMPT)).matcher(output());
        int count = 0;
        while (m.find()) {
            count++;
        }
        return count;
    }

    /** Types {@code text} (no Enter). */
    PtyRepl type(String text) {
        try {
            keys.write(text.getBytes(StandardCharsets.UTF_8));
            keys.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /**
     * Types each line and Enter, waiting for the next prompt after the last one (a multi-line input
     * gets continuation prompts in between), and returns what the terminal showed meanwhile.
     */
    String enter(String... lines) {
        int before = prompts();
        int start = output().length();
        for (String line : lines) {
            type(line + "\r");
            sleep(150);
        }
        awaitPrompts(before + 1, Duration.ofSeconds(60));
        return output().substring(start);
    }

    /** Waits until the terminal has shown {@code count} prompts. */
    void awaitPrompts(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (prompts() < count) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("no prompt number " + count + (process.isAlive() ? " in time" : ": the REPL ended")
                        + "\n--- terminal\n" + output());
            }
            sleep(30);
        }
    }

    /** Waits until the output after {@code from} contains {@code text}. */
    String awaitOutput(int from, String text, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String out = output();
            if (out.length() > from && out.substring(from).contains(text)) {
                return out.substring(from);
            }
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("no '" + text + "'" + "\n--- terminal\n" + out);
            }
            sleep(30);
        }
    }

    /** Ctrl-D at an empty prompt, then waits for the REPL to end; its exit status. */
    int leave() throws InterruptedException {
        type("\u0004");
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the REPL did not end on Ctrl-D\n--- terminal\n" + output());
        }
        reader.join(5000);
        return process.exitValue();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
