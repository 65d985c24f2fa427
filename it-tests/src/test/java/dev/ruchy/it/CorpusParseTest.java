package dev.ruchy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruchy.transpiler.Transpiler;
import dev.ruchy.transpiler.diag.Diagnostic;
import dev.ruchy.transpiler.diag.DiagnosticRenderer;
import dev.ruchy.transpiler.source.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Parses every conformance program with {@link Transpiler#parse}, writes
 * {@code it-tests/target/parse-conformance.md} (each case ok, or failing with its first error) and
 * fails when fewer than {@value #FLOOR_PERCENT}% parse without errors.
 */
class CorpusParseTest {
    /** Share of the corpus that must parse cleanly. */
    static final int FLOOR_PERCENT = 98;

    /** The outcome for one case: {@code problem} is null when it parsed without errors. */
    record Outcome(SharedCorpus.Case corpusCase, String problem, int warnings) {
        boolean ok() {
            return problem == null;
        }
    }

    @Test
    void conformanceInputsParse() throws IOException {
        List<SharedCorpus.Case> cases = SharedCorpus.conformanceCases();
        List<Outcome> outcomes = cases.stream().map(CorpusParseTest::parse).toList();
        long passed = outcomes.stream().filter(Outcome::ok).count();
        long failed = outcomes.size() - passed;

        Path report = SharedCorpus.projectRoot().resolve("it-tests/target/parse-conformance.md");
        Files.createDirectories(report.getParent());
        Files.writeString(report, report(outcomes, passed), StandardCharsets.UTF_8);
        System.out.println("parse-conformance: " + passed + " passed, " + failed + " failed (" + report + ")");

        List<String> failures = outcomes.stream().filter(o -> !o.ok())
                .map(o -> o.corpusCase().name() + ": " + o.problem()).toList();
        assertTrue(passed * 100 >= (long) FLOOR_PERCENT * outcomes.size(),
                () -> passed + " of " + outcomes.size() + " conformance inputs parse cleanly, below the floor of "
                        + FLOOR_PERCENT + "%:\n" + String.join("\n", failures));
    }

    @Test
    void everyCaseHasAKnownModeAndItsFeatures() {
        Set<String> modes = Set.of("run", "eval", "repl_stdin");
        for (SharedCorpus.Case c : SharedCorpus.conformanceCases()) {
            assertTrue(modes.contains(c.mode()), () -> c.name() + ": unknown mode " + c.mode());
        }
        // meta.json is read with SharedCorpus.MiniJson: check it against a case whose tags are known
        SharedCorpus.Case hello = SharedCorpus.conformanceCases().stream()
                .filter(c -> c.name().equals("ruchy-book-listings__ch01-hello-world_listing-01-01"))
                .findFirst().orElse(null);
        if (hello != null) {
            assertEquals("run", hello.mode());
            assertEquals(List.of("functions", "main_fn", "println_multi_arg"), hello.features());
        }
    }

    @Test
    void miniJsonReadsWhatMetaJsonHolds() {
        Map<?, ?> meta = (Map<?, ?>) SharedCorpus.MiniJson.parse("""
                {"mode": "eval", "line": 12, "deterministic": false, "needs": [],
                 "features": ["a", "b\\"c\\u00e9"], "nested": {"mode": "not this one", "x": null}}
                """);
        assertEquals(List.of("mode", "line", "deterministic", "needs", "features", "nested"), List.copyOf(meta.keySet()));
        assertEquals("eval", meta.get("mode"));
        assertEquals(12.0, meta.get("line"));
        assertEquals(false, meta.get("deterministic"));
        assertEquals(List.of(), meta.get("needs"));
        assertEquals(List.of("a", "b\"c\u00e9"), meta.get("features"));
        Map<?, ?> nested = (Map<?, ?>) meta.get("nested");
        assertEquals("not this one", nested.get("mode"));
        assertTrue(nested.containsKey("x") && nested.get("x") == null);
        assertThrows(IllegalArgumentException.class, () -> SharedCorpus.MiniJson.parse("{\"a\": }"));
        assertThrows(IllegalArgumentException.class, () -> SharedCorpus.MiniJson.parse("{\"a\": \"unterminated}"));
        assertThrows(IllegalArgumentException.class, () -> SharedCorpus.MiniJson.parse("[1, 2] 3"));
    }

    private static Outcome parse(SharedCorpus.Case c) {
        String name = c.name() + "/input.ruchy";
        try {
            SourceFile file = SourceFile.of(name, Files.readString(c.input(), StandardCharsets.UTF_8));
            Transpiler.ParseResult result = Transpiler.parse(file);
            List<Diagnostic> errors = result.diagnostics().stream().filter(Diagnostic::isError).toList();
            int warnings = result.diagnostics().size() - errors.size();
            if (errors.isEmpty()) {
                return new Outcome(c, null, warnings);
            }
            String first = DiagnosticRenderer.renderShort(errors.get(0));
            return new Outcome(c, errors.size() == 1 ? first : first + " (and " + (errors.size() - 1) + " more)", warnings);
        } catch (IOException e) {
            return new Outcome(c, "cannot read: " + e, 0);
        } catch (RuntimeException | StackOverflowError e) {
            return new Outcome(c, "parser threw " + e, 0); // Transpiler.parse promises never to throw
        }
    }

    private static String report(List<Outcome> outcomes, long passed) {
        StringBuilder md = new StringBuilder();
        md.append("# Parse conformance\n\n");
        md.append("Written by `CorpusParseTest`: every `../shared/conformance/*/input.ruchy` through `Transpiler.parse`.\n\n");
        md.append("**").append(passed).append(" of ").append(outcomes.size()).append("** parse without errors (floor: ")
                .append(FLOOR_PERCENT).append("%).\n\n");

        Map<String, int[]> byMode = new TreeMap<>();
        for (Outcome o : outcomes) {
            int[] counts = byMode.computeIfAbsent(o.corpusCase().mode(), m -> new int[2]);
            counts[o.ok() ? 0 : 1]++;
        }
        md.append("| mode | ok | failing |\n|---|---|---|\n");
        byMode.forEach((mode, counts) -> md.append("| ").append(mode).append(" | ").append(counts[0]).append(" | ")
                .append(counts[1]).append(" |\n"));

        md.append("\n| case | mode | result |\n|---|---|---|\n");
        for (Outcome o : outcomes) {
            String result = o.ok() ? (o.warnings() == 0 ? "ok" : "ok (" + o.warnings() + " warnings)") : "failing: " + o.problem();
            md.append("| ").append(o.corpusCase().name()).append(" | ").append(o.corpusCase().mode()).append(" | ")
                    .append(cell(result)).append(" |\n");
        }
        long failing = outcomes.size() - passed;
        md.append("\nFailing: ").append(failing == 0 ? "none" : String.valueOf(failing)).append(".\n");
        return md.toString();
    }

    /** Text safe inside a Markdown table cell. */
    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
