package dev.ruchy.transpiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.ruchy.transpiler.Transpiler.ParseResult;
import dev.ruchy.transpiler.ast.AstPrinter;
import dev.ruchy.transpiler.diag.DiagnosticRenderer;
import dev.ruchy.transpiler.source.SourceFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Parse trees of small programs: each {@code golden/parser/NAME.ruchy} sits beside
 * {@code NAME.ast}, the {@link AstPrinter} dump of its program. Inputs must parse without
 * diagnostics, except under {@code recovery/}: there the tree shows the error nodes that recovery
 * leaves, followed by the diagnostics in short form.
 */
class AstGoldenTest {
    private static final Path FOLDER = Goldens.ROOT.resolve("parser");

    @TestFactory
    Stream<DynamicTest> trees() throws IOException {
        return Goldens.inputs(FOLDER).stream().map(input -> dynamicTest(FOLDER.relativize(input).toString(),
                () -> Goldens.check(FOLDER, input, ".ast", AstGoldenTest::render)));
    }

    @Test
    void everyExpectedFileHasAnInput() throws IOException {
        Goldens.assertNoOrphans(FOLDER, ".ast");
    }

    private static String render(SourceFile file) {
        ParseResult result = Transpiler.parse(file);
        boolean recovery = file.name().startsWith("recovery/");
        if (!recovery) {
            assertEquals("", result.diagnostics().stream().map(DiagnosticRenderer::render).collect(Collectors.joining()),
                    file.name() + " must parse without diagnostics");
        }
        StringBuilder out = new StringBuilder(AstPrinter.print(result.program()));
        if (recovery) {
            // the diagnostics too, so a reader of the .ast sees why each Stmt.Error is there
            result.diagnostics().forEach(d -> out.append("// ").append(DiagnosticRenderer.renderShort(d)).append('\n'));
        }
        return out.toString();
    }
}
