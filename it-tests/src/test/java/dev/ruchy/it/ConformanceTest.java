package dev.ruchy.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruchy.cli.ScriptRunner;
import dev.ruchy.transpiler.TranspileOptions;
import dev.ruchy.transpiler.source.SourceFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Runs every {@code run}, {@code eval} and {@code repl_stdin} case of {@code ../shared/conformance}
 * through the same code path as {@code ruchy run} / {@code ruchy -e} / {@code ruchy repl < file}
 * ({@link ScriptRunner}) and compares standard
 * output exactly with {@code expected.txt}. Writes {@code target/conformance.md} (every case, and
 * pass counts per feature tag), prints {@code conformance: N passed, M failed}, and fails when the
 * pass count falls below the floor kept in {@code conformance-floor.txt}: raise the floor as cases
 * pass, never lower it.
 */
class ConformanceTest {
    private static final long TIMEOUT_SECONDS = 20;

    private record Outcome(SharedCorpus.Case c, boolean passed, String reason) {
    }

    @Test
    void corpusOutputMatches() throws Exception {
        List<SharedCorpus.Case> cases = SharedCorpus.conformanceCases().stream()
                .filter(c -> c.mode().equals("run") || c.mode().equals("eval") || c.mode().equals("repl_stdin"))
                .toList();
        List<Outcome> outcomes = new ArrayList<>();
        ExecutorService executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "conformance-case");
            t.setDaemon(true);
            return t;
        });
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        InputStream savedIn = System.in;
        String savedDir = System.getProperty("user.dir");
        try {
            for (SharedCorpus.Case c : cases) {
                outcomes.add(runCase(c, executor));
            }
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
            System.setIn(savedIn);
            System.setProperty("user.dir", savedDir);
            executor.shutdownNow();
        }
        int passed = (int) outcomes.stream().filter(Outcome::passed).count();
        int failed = outcomes.size() - passed;
        writeReport(outcomes, passed);
        System.out.println("conformance: " + passed + " passed, " + failed + " failed");
        int floor = Integer.parseInt(Files.readString(Path.of("conformance-floor.txt")).strip());
        assertTrue(passed >= floor, "conformance fell to " + passed + " passing cases, below the floor of " + floor
                + " (see target/conformance.md)");
    }

    private static Outcome runCase(SharedCorpus.Case c, ExecutorService executor) throws IOException {
        String source = Files.readString(c.input());
        String expected = Files.readString(c.expected());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        System.setIn(new java.io.ByteArrayInputStream(new byte[0]));
        Path fixtures = c.dir().resolve("fixtures");
        System.setProperty("user.dir", (Files.isDirectory(fixtures) ? fixtures : c.dir()).toString());
        SourceFile file = SourceFile.of("input.ruchy", source);
        TranspileOptions options = switch (c.mode()) {
            case "eval" -> TranspileOptions.defaults().withEvalMode(true);
            case "repl_stdin" -> TranspileOptions.defaults().withReplMode(true);
            default -> TranspileOptions.defaults();
        };
        Future<Integer> run = executor.submit(() -> ScriptRunner.run(file, options, false));
        String reason;
        try {
            int status = run.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            System.out.flush();
            String actual = normalize(out.toString(StandardCharsets.UTF_8));
            if (actual.equals(expected)) {
                return new Outcome(c, true, "");
            }
            reason = status != 0 ? firstLine(err.toString(StandardCharsets.UTF_8)) : "output differs: " + firstDifference(expected, actual);
        } catch (TimeoutException e) {
            run.cancel(true);
            reason = "timed out after " + TIMEOUT_SECONDS + " s";
        } catch (Exception e) {
            reason = "crashed: " + e;
        }
        return new Outcome(c, false, reason);
    }

    /** The corpus stores output ending in exactly one newline (or empty); actual output is compared the same way. */
    private static String normalize(String output) {
        String trimmed = output.replaceAll("\\n+$", "");
        return trimmed.isEmpty() ? "" : trimmed + "\n";
    }

    private static String firstLine(String text) {
        String line = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("failed without a message");
        return line.length() > 160 ? line.substring(0, 160) + "…" : line;
    }

    private static String firstDifference(String expected, String actual) {
        List<String> e = expected.lines().toList();
        List<String> a = actual.lines().toList();
        for (int i = 0; i < Math.max(e.size(), a.size()); i++) {
            String el = i < e.size() ? e.get(i) : "<no line>";
            String al = i < a.size() ? a.get(i) : "<no line>";
            if (!el.equals(al)) {
                return "line " + (i + 1) + ": expected `" + clip(el) + "`, got `" + clip(al) + "`";
            }
        }
        return "line endings differ";
    }

    private static String clip(String s) {
        return s.length() > 70 ? s.substring(0, 70) + "…" : s;
    }

    private static void writeReport(List<Outcome> outcomes, int passed) throws IOException {
        Map<String, int[]> byFeature = new TreeMap<>();
        for (Outcome o : outcomes) {
            for (String f : o.c().features()) {
                int[] counts = byFeature.computeIfAbsent(f, k -> new int[2]);
                counts[o.passed() ? 0 : 1]++;
            }
        }
        StringBuilder md = new StringBuilder();
        md.append("# Conformance: run and eval cases\n\n");
        md.append(passed).append(" of ").append(outcomes.size()).append(" cases pass.\n\n");
        md.append("| feature | passed | failed |\n|---|---|---|\n");
        byFeature.forEach((f, n) -> md.append("| ").append(f).append(" | ").append(n[0]).append(" | ").append(n[1]).append(" |\n"));
        md.append("\n| case | mode | result |\n|---|---|---|\n");
        for (Outcome o : outcomes) {
            md.append("| ").append(o.c().name()).append(" | ").append(o.c().mode()).append(" | ")
                    .append(o.passed() ? "pass" : "FAIL: " + o.reason().replace("|", "\\|")).append(" |\n");
        }
        Path report = Path.of("target/conformance.md");
        Files.createDirectories(report.getParent());
        Files.writeString(report, md.toString());
    }
}
