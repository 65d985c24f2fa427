package dev.ruchy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link DynamicReport#analyse} on hand-written Java (not the emitter's), so that what it finds depends
 * on the Java alone: typed code has no places, Object declarations and named runtime calls are found
 * with their Ruchy lines through the line map, and Java that does not compile is said to.
 */
class DynamicReportTest {
    private static final String RUCHY = """
            let data = parse_json(text)
            let n: i64 = 3
            data.items.push(n)
            """;

    private static int[] lineMap(int javaLines, int... marks) {
        int[] map = new int[javaLines + 1];
        for (int i = 0; i + 1 < marks.length; i += 2) {
            map[marks[i]] = marks[i + 1];
        }
        int current = 0;
        for (int i = 1; i <= javaLines; i++) {
            current = map[i] != 0 ? map[i] : current;
            map[i] = current;
        }
        return map;
    }

    @Test
    void findsObjectDeclarationsAndNamedCallsWithTheirRuchyLines() {
        String java = """
                import dev.ruchy.runtime.Builtins;
                import dev.ruchy.runtime.Ops;
                import java.util.List;
                public final class T {
                    public static void main(String[] args) {
                        var data = Builtins.parseJson("{}");
                        long n = 3L;
                        Ops.invoke(Ops.field(data, "items"), "push", n);
                        List<Object> all = List.of(data);
                        List<String> names = List.of("a");
                    }
                }
                """;
        DynamicReport.Result result = DynamicReport.analyse("T", java, lineMap(13, 6, 1, 7, 2, 8, 3, 9, 3), RUCHY,
                ProgramCompiler.runtimeClasspath());
        assertTrue(result.compiled(), result::compileErrors);
        List<String> found = result.entries().stream()
                .map(e -> e.line() + ":" + e.column() + " " + e.kind() + " " + e.what()).toList();
        // sorted by Ruchy position; `all` is not named on its Ruchy line, so it sits at the line's start
        assertEquals(List.of(
                "1:5 OBJECT data",
                "3:1 OBJECT all",
                "3:6 CALL data.items",
                "3:12 CALL data.items.push(n)"), found);
        assertEquals(2, result.count(DynamicReport.Kind.CALL));
        assertEquals(2, result.count(DynamicReport.Kind.OBJECT));
        assertTrue(result.entries().get(0).why().contains("(JSON parsed at run time)"), result.entries().get(0)::why);
        assertEquals("`all` is List<Object>: it comes from `List.of(data)`", result.entries().get(1).why());
        assertEquals("field `items` read by name on value `data` of type Object: it comes from"
                + " `Builtins.parseJson(\"{}\")` (JSON parsed at run time)", result.entries().get(2).why());
    }

    @Test
    void typedJavaHasNoPlaces() {
        String java = """
                import java.util.List;
                public final class T {
                    static long twice(long x) {
                        return x * 2;
                    }
                    public static void main(String[] args) {
                        List<String> names = List.of("a");
                        names.forEach(n -> System.out.println(n + twice(2)));
                    }
                }
                """;
        DynamicReport.Result result = DynamicReport.analyse("T", java, lineMap(11, 3, 1), "let x = 1\n",
                ProgramCompiler.runtimeClasspath());
        assertTrue(result.compiled(), result::compileErrors);
        assertEquals(List.of(), result.entries());
    }

    @Test
    void javaThatDoesNotCompileIsReportedSo() {
        DynamicReport.Result result = DynamicReport.analyse("T", "public final class T { int x = \"s\"; }\n",
                lineMap(1), "", ProgramCompiler.runtimeClasspath());
        assertFalse(result.compiled());
        assertTrue(result.compileErrors().startsWith("T.java:1: "), result.compileErrors());
    }
}
