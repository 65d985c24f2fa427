package dev.ruchy.transpiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.ruchy.transpiler.Transpiler.ParseResult;
import dev.ruchy.transpiler.ast.AstPrinter;
import dev.ruchy.transpiler.diag.DiagnosticRenderer;
import dev.ruchy.transpiler.lower.Lowering;
import dev.ruchy.transpiler.source.SourceFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * What lowering makes of each sugar form: each {@code golden/lowered/NAME.ruchy} sits beside
 * {@code NAME.ast}, the {@link AstPrinter} dump of its program after {@link Lowering#lower}. The
 * spans show where every new node took its position from.
 */
class LoweredAstGoldenTest {
    private static final Path FOLDER = Goldens.ROOT.resolve("lowered");

    @TestFactory
    Stream<DynamicTest> trees() throws IOException {
        return Goldens.inputs(FOLDER).stream().map(input -> dynamicTest(FOLDER.relativize(input).toString(),
                () -> Goldens.check(FOLDER, input, ".ast", LoweredAstGoldenTest::render)));
    }

    @Test
    void everyExpectedFileHasAnInput() throws IOException {
        Goldens.assertNoOrphans(FOLDER, ".ast");
    }

    private static String render(SourceFile file) {
        ParseResult result = Transpiler.parse(file);
        assertEquals("", result.diagnostics().stream().map(DiagnosticRenderer::render).collect(Collectors.joining()),
                file.name() + " must parse without diagnostics");
        return AstPrinter.print(Lowering.lower(result.program()));
    }
}
