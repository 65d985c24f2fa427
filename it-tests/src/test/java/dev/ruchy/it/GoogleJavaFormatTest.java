package dev.ruchy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.googlejavaformat.java.Formatter;
import com.google.googlejavaformat.java.FormatterException;
import com.google.googlejavaformat.java.ImportOrderer;
import com.google.googlejavaformat.java.JavaFormatterOptions;
import dev.ruchy.transpiler.Transpiler;
import dev.ruchy.transpiler.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated Java, as google-java-format (AOSP style: 4-space indents, 8-space continuations)
 * would leave it, except for where long lines break. Each Java golden, and the Java of each of the ten
 * seed programs, must parse with the formatter, keep its imports in the formatter's order and have the
 * formatter's tokens and modifier order: formatting it changes whitespace and the flow of end-of-line
 * comments only. Each line is indented by a multiple of four spaces (a comment's {@code *} lines one
 * more); the seed programs' lines are at most 100 characters (a golden may quote a long comment or
 * string of its own). Where a long line breaks is the transpiler's choice ({@code $W} wrap points, one
 * chained call per line): google-java-format would put each argument of a call holding a lambda on its
 * own line ({@code server.get(\n "/x",\n (req, res) -> {}), which reads worse for handler-style code.
 */
class GoogleJavaFormatTest {
    private static final Path FOLDER = Path.of("src/test/resources/golden");
    private static final Formatter FORMATTER = new Formatter(
            JavaFormatterOptions.builder().style(JavaFormatterOptions.Style.AOSP).formatJavadoc(false).build());

    @TestFactory
    List<DynamicTest> goldensAreFormattedJava() throws IOException {
        List<Path> goldens;
        try (Stream<Path> files = Files.list(FOLDER)) {
            goldens = files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        assertTrue(goldens.size() > 50, "Java goldens found: " + goldens.size());
        List<DynamicTest> tests = new ArrayList<>();
        for (Path golden : goldens) {
            tests.add(DynamicTest.dynamicTest(golden.getFileName().toString(), () -> check(golden)));
        }
        return tests;
    }

    /** The seed programs' Java (with the definitions they leave out): the same checks, and no line over 100 characters. */
    @TestFactory
    List<DynamicTest> seedProgramsAreFormattedJava(@TempDir Path dir) {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path program : SharedCorpus.seedPrograms()) {
            tests.add(DynamicTest.dynamicTest(program.getFileName().toString(), () -> {
                Path file = SharedCorpus.supplemented(program, dir);
                Transpiler.TranspileResult result = Transpiler.transpile(
                        SourceFile.of(file.getFileName().toString(), Files.readString(file)), "");
                assertTrue(result.source() != null, () -> program + " does not transpile");
                String java = result.source();
                check(Path.of(program.getFileName() + ".java"), java);
                String[] lines = java.split("\n", -1);
                for (int i = 0; i < lines.length; i++) {
                    int line = i + 1;
                    int length = lines[i].length();
                    assertTrue(length <= 100, () -> program.getFileName() + ".java:" + line + ": " + length
                            + " characters: " + lines[line - 1]);
                }
            }));
        }
        return tests;
    }

    private static void check(Path golden) throws IOException, FormatterException {
        check(golden, Files.readString(golden));
    }

    private static void check(Path golden, String source) throws FormatterException {
        String formatted = FORMATTER.formatSource(source);
        assertEquals(tokens(formatted), tokens(source), golden + ": google-java-format changes more than whitespace");
        // Google's import order (static, then the rest, each in ASCII order): AOSP's is Android's grouping
        assertEquals(source, ImportOrderer.reorderImports(source, JavaFormatterOptions.Style.GOOGLE),
                golden + ": imports not in google-java-format's order");
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int indent = line.length() - line.stripLeading().length();
            boolean commentLine = line.stripLeading().startsWith("*");
            assertTrue(line.isBlank() || (indent - (commentLine ? 1 : 0)) % 4 == 0 && !line.startsWith("\t"),
                    golden + ":" + (i + 1) + ": indented by " + indent + " spaces: " + line);
            assertTrue(line.equals(line.stripTrailing()), golden + ":" + (i + 1) + ": trailing whitespace");
        }
    }

    /**
     * The source without whitespace and end-of-line comments outside string literals: what a formatter
     * may not change (it re-flows a long {@code //} comment over two lines).
     */
    private static String tokens(String source) {
        StringBuilder out = new StringBuilder(source.length());
        boolean inString = false;
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '"' && (i == 0 || source.charAt(i - 1) != '\\')) {
                inString = !inString;
            }
            if (!inString && source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? source.length() : end;
                continue;
            }
            if (inString || !Character.isWhitespace(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
