package dev.ruchy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ruchy check --explain-dynamic}: on the seed programs the counts of dynamic calls and
 * {@code Object} declarations stay under a ceiling per program (lower a ceiling when the typing of the
 * generated Java improves: one number in {@link #CEILINGS}), and on small programs the report lists
 * exactly the dynamic places, with their reasons.
 */
class DynamicReportTest {
    /** Per seed program: {dynamic calls, Object declarations} at most. */
    private static final Map<String, int[]> CEILINGS = Map.of(
            "01_web_server.ruchy", new int[] {0, 0},
            "02_tcp_echo.ruchy", new int[] {0, 0},
            "03_http_client.ruchy", new int[] {1, 4},
            "04_websocket.ruchy", new int[] {0, 0},
            "05_api_server.ruchy", new int[] {4, 3},
            "06_chat_server.ruchy", new int[] {6, 7},
            "07_network_scanner.ruchy", new int[] {0, 3},
            "08_load_balancer.ruchy", new int[] {0, 0},
            "09_custom_protocol.ruchy", new int[] {0, 3},
            "10_network_monitor.ruchy", new int[] {0, 0});

    private static final Pattern SUMMARY = Pattern.compile(": (\\d+) dynamic calls?, (\\d+) Object declarations?$",
            Pattern.MULTILINE);

    @TestFactory
    Stream<DynamicTest> seedProgramsStayUnderTheirCeilings(@TempDir Path dir) {
        return SharedCorpus.seedPrograms().stream().map(program -> dynamicTest(program.getFileName().toString(),
                program.toUri(), () -> {
                    String name = program.getFileName().toString();
                    CliRun run = explain(SharedCorpus.supplemented(program, dir));
                    assertEquals(0, run.exit(), run::err);
                    Matcher m = SUMMARY.matcher(run.out());
                    assertTrue(m.find(), run::out);
                    int[] ceiling = CEILINGS.get(name);
                    assertTrue(ceiling != null, "no ceiling for " + name);
                    int calls = Integer.parseInt(m.group(1));
                    int objects = Integer.parseInt(m.group(2));
                    assertTrue(calls <= ceiling[0], () -> name + ": " + calls + " dynamic calls, ceiling " + ceiling[0]
                            + "\n" + run.out());
                    assertTrue(objects <= ceiling[1], () -> name + ": " + objects + " Object declarations, ceiling "
                            + ceiling[1] + "\n" + run.out());
                }));
    }

    @Test
    void aJsonValuesFieldReadIsListedWithItsReason(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("json.ruchy");
        Files.writeString(file, """
                let user = parse_json("{\\"name\\": \\"Ada\\"}")
                if user != nil {
                    println(user.name)
                }
                """);
        CliRun run = explain(file);
        assertEquals(0, run.exit(), run::err);
        assertEquals(List.of(
                file + ":1:5: Object declaration `user`: `user` is Object: it comes from"
                        + " `Builtins.parseJson(\"{\\\"name\\\": \\\"Ada\\\"}\")` (JSON parsed at run time)",
                file + ":3:18: dynamic call `user.name`: field `name` read by name on value `user` of type Object:"
                        + " it comes from `Builtins.parseJson(\"{\\\"name\\\": \\\"Ada\\\"}\")` (JSON parsed at run time)",
                file + ": 1 dynamic call, 1 Object declaration"),
                entryLines(run.out()));
    }

    @Test
    void jsonOnlyUsedAsAnObjectIsNotListed(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("object.ruchy");
        Files.writeString(file, """
                let user = parse_json("{\\"name\\": \\"Ada\\"}")
                user.seen = true
                println(user.name)
                """);
        CliRun run = explain(file);
        assertEquals(0, run.exit(), run::err);
        assertEquals(List.of(file + ": 0 dynamic calls, 0 Object declarations"), entryLines(run.out()));
    }

    @Test
    void aClosurePassedToDynamicCodeHasUntypedParameters(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("closure.ruchy");
        Files.writeString(file, """
                let items = parse_json("[1, 2]")
                items.each(|x| println(x.label))
                """);
        CliRun run = explain(file);
        assertEquals(0, run.exit(), run::err);
        String json = "it comes from `Builtins.parseJson(\"[1, 2]\")` (JSON parsed at run time)";
        assertEquals(List.of(
                file + ":1:5: Object declaration `items`: `items` is Object: " + json,
                file + ":2:7: dynamic call `items.each(|...| ...)`: runtime method `each` on receiver `items` of type"
                        + " Object: " + json,
                file + ":2:13: Object declaration `x`: closure parameter `x` is Object: the closure is a Fn1, an untyped"
                        + " function value passed to dynamic code",
                file + ":2:26: dynamic call `x.label`: field `label` read by name on value `x` of type Object:"
                        + " a closure parameter without a type",
                file + ": 2 dynamic calls, 2 Object declarations"),
                entryLines(run.out()));
    }

    @Test
    void aTypedProgramListsNothing(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("typed.ruchy");
        Files.writeString(file, """
                fun add(a: i64, b: i64) -> i64 {
                    a + b
                }
                let total = add(2, 3)
                let names = ["a", "b"]
                for n in names {
                    println(f"{n} {total}")
                }
                """);
        CliRun run = explain(file);
        assertEquals(0, run.exit(), run::err);
        assertEquals(List.of(file + ": 0 dynamic calls, 0 Object declarations"), entryLines(run.out()));
    }

    @Test
    void aProgramWithErrorsIsNotAnalysed(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("broken.ruchy");
        Files.writeString(file, "println(missing_function(1))\n");
        CliRun run = explain(file);
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("cannot find function `missing_function`"), run::err);
        assertTrue(!run.out().contains("dynamic call"), run::out);
    }

    /** The seed program with the definitions it leaves out, in {@code dir}; the program itself when it has none. */
    /** The report's entry and summary lines (not the quoted source lines, nor the final "ok"). */
    private static List<String> entryLines(String out) {
        return out.lines().filter(l -> !l.startsWith("    ") && !l.endsWith(": ok")).toList();
    }

    private static CliRun explain(Path program) {
        return CliRun.of("check", "--explain-dynamic", program.toString());
    }
}
