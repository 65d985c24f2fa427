package dev.ruchy.transpiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ruchy.transpiler.source.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Golden files for the front end: each {@code NAME.ruchy} under a folder of
 * {@code src/test/resources/golden} sits beside {@code NAME.<extension>} holding the exact expected
 * output. Run with {@code -Druchy.golden.update=true} to (re)write the expected files from the
 * current output; review every change by eye before committing it.
 */
final class Goldens {
    /** The sources' folder, not the copy in {@code target}, so that update mode writes where it should. */
    static final Path ROOT = Files.isDirectory(Path.of("src/test/resources/golden"))
            ? Path.of("src/test/resources/golden")
            : Path.of("transpiler/src/test/resources/golden"); // run from the repository root (an IDE)
    static final boolean UPDATE = Boolean.getBoolean("ruchy.golden.update");

    private Goldens() {
    }

    /** Every {@code .ruchy} file under {@code folder}, in a stable order. */
    static List<Path> inputs(Path folder) throws IOException {
        assertTrue(Files.isDirectory(folder), "no golden folder " + folder.toAbsolutePath());
        try (Stream<Path> files = Files.walk(folder)) {
            List<Path> inputs = files.filter(p -> p.toString().endsWith(".ruchy")).sorted().toList();
            assertTrue(!inputs.isEmpty(), "no .ruchy files under " + folder);
            return inputs;
        }
    }

    /** Fails if an expected file under {@code folder} has lost its {@code .ruchy} input (renamed or deleted). */
    static void assertNoOrphans(Path folder, String extension) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            List<Path> orphans = files.filter(p -> p.toString().endsWith(extension))
                    .filter(p -> {
                        String name = p.getFileName().toString();
                        return !Files.exists(p.resolveSibling(name.substring(0, name.length() - extension.length()) + ".ruchy"));
                    })
                    .sorted().toList();
            assertEquals(List.of(), orphans, "expected files without a .ruchy beside them");
        }
    }

    /** The input as a source named by its path relative to {@code folder}, so outputs hold no absolute paths. */
    static SourceFile source(Path folder, Path input) {
        try {
            String name = folder.relativize(input).toString().replace('\\', '/');
            return SourceFile.of(name, Files.readString(input, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path expectedFile(Path input, String extension) {
        String name = input.getFileName().toString();
        return input.resolveSibling(name.substring(0, name.length() - ".ruchy".length()) + extension);
    }

    /**
     * Runs {@code render} twice on {@code input} (the output must not change between runs) and
     * compares it with the expected file, or writes that file in update mode.
     */
    static void check(Path folder, Path input, String extension, Function<SourceFile, String> render) throws IOException {
        String first = render.apply(source(folder, input));
        String second = render.apply(source(folder, input));
        assertEquals(first, second, "output differs between two runs of " + input);
        Path expected = expectedFile(input, extension);
        if (UPDATE) {
            if (!Files.exists(expected) || !Files.readString(expected, StandardCharsets.UTF_8).equals(first)) {
                Files.writeString(expected, first, StandardCharsets.UTF_8);
            }
            return;
        }
        if (!Files.exists(expected)) {
            fail("no " + extension + " beside " + input + "; run with -Druchy.golden.update=true and review it");
        }
        String want = Files.readString(expected, StandardCharsets.UTF_8).replace("\r\n", "\n");
        assertEquals(want, first, "output of " + input + " differs from " + expected.getFileName());
    }
}
