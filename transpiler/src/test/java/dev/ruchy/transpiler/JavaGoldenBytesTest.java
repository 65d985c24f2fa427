package dev.ruchy.transpiler;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.ruchy.transpiler.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The Java goldens of the end-to-end tests ({@code it-tests/src/test/resources/golden/NAME.ruchy}
 * beside {@code NAME.java}), compared here too, so a change of generated Java shows in this module's
 * build. Each file is transpiled as the end-to-end {@code JavaGoldenTest} transpiles it: named by its
 * file name, in the default package, with the default options; that test also compiles and runs the
 * Java. {@code -Druchy.golden.update=true} rewrites the expected files, as there.
 */
class JavaGoldenBytesTest {
    /** Beside this module in the checkout; the second path is for a run from the checkout's root (an IDE). */
    private static final Path FOLDER = Files.isDirectory(Path.of("../it-tests/src/test/resources/golden"))
            ? Path.of("../it-tests/src/test/resources/golden")
            : Path.of("it-tests/src/test/resources/golden");

    @TestFactory
    Stream<DynamicTest> goldens() throws IOException {
        return Goldens.inputs(FOLDER).stream().map(input -> dynamicTest(input.getFileName().toString(),
                () -> Goldens.check(FOLDER, input, ".java", JavaGoldenBytesTest::transpile)));
    }

    @Test
    void everyExpectedFileHasAnInput() throws IOException {
        Goldens.assertNoOrphans(FOLDER, ".java");
    }

    private static String transpile(SourceFile file) {
        Transpiler.TranspileResult result = Transpiler.transpile(file, "");
        assertFalse(result.hasErrors(), () -> file.name() + " has errors: " + result.diagnostics());
        return result.source();
    }
}
