package dev.ruchy.transpiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.ruchy.transpiler.diag.Diagnostic;
import dev.ruchy.transpiler.diag.DiagnosticCode;
import dev.ruchy.transpiler.diag.DiagnosticRenderer;
import dev.ruchy.transpiler.source.SourceFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Broken programs and what a user is shown for them: each {@code golden/errors/NAME.ruchy} sits
 * beside {@code NAME.errors}, the full rendering (message, source line, caret, hint) of every
 * diagnostic {@link Transpiler#check} reports, in order: syntax errors, and for files whose syntax
 * is clean, name-resolution errors ({@code resolve_*} cases). {@link Transpiler#transpile} reports
 * the same diagnostics for each.
 */
class ErrorGoldenTest {
    private static final Path FOLDER = Goldens.ROOT.resolve("errors");

    /** Codes no broken program can trigger in the front end. */
    private static final Set<DiagnosticCode> NOT_FROM_PARSING = EnumSet.of(
            DiagnosticCode.OUTSIDE_OF_LOOP,   // reported by a later phase, not by the parser
            DiagnosticCode.TOO_MANY_ERRORS);  // needs 100 errors; see tooManyErrorsStopsTheParser

    @TestFactory
    Stream<DynamicTest> errors() throws IOException {
        return Goldens.inputs(FOLDER).stream().map(input -> dynamicTest(FOLDER.relativize(input).toString(),
                () -> Goldens.check(FOLDER, input, ".errors", ErrorGoldenTest::render)));
    }

    @Test
    void everyExpectedFileHasAnInput() throws IOException {
        Goldens.assertNoOrphans(FOLDER, ".errors");
    }

    private static String render(SourceFile file) {
        List<Diagnostic> diagnostics = Transpiler.check(file).diagnostics();
        assertFalse(diagnostics.isEmpty(), file.name() + " is in the error goldens but has no error");
        // `ruchy run` and `transpile` report what `ruchy check` does: every mistake in one run
        assertEquals(diagnostics, Transpiler.transpile(file, "").diagnostics(), file.name() + ": transpile vs check");
        StringBuilder out = new StringBuilder();
        diagnostics.forEach(d -> out.append(DiagnosticRenderer.render(d)));
        return out.toString();
    }

    @Test
    void everyCodeHasAGolden() throws IOException {
        Set<DiagnosticCode> seen = EnumSet.noneOf(DiagnosticCode.class);
        for (Path input : Goldens.inputs(FOLDER)) {
            Transpiler.check(Goldens.source(FOLDER, input)).diagnostics().forEach(d -> seen.add(d.code()));
        }
        Set<DiagnosticCode> missing = EnumSet.allOf(DiagnosticCode.class);
        missing.removeAll(seen);
        missing.removeAll(NOT_FROM_PARSING);
        assertTrue(missing.isEmpty(), "no error golden triggers " + missing);
    }

    @Test
    void tooManyErrorsStopsTheParser() {
        String text = "let x = )\n".repeat(150);
        List<Diagnostic> diagnostics = Transpiler.parse(SourceFile.of("many.ruchy", text)).diagnostics();
        assertEquals(101, diagnostics.size());
        assertEquals(Set.of(DiagnosticCode.EXPECTED_EXPRESSION),
                diagnostics.subList(0, 100).stream().map(Diagnostic::code).collect(Collectors.toSet()));
        Diagnostic last = diagnostics.get(100);
        assertEquals(DiagnosticCode.TOO_MANY_ERRORS, last.code());
        assertEquals("many.ruchy:101:1: error[R0199]: too many errors; stopping", DiagnosticRenderer.renderShort(last));
    }
}
