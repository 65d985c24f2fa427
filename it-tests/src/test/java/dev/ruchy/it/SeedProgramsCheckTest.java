package dev.ruchy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code ruchy check} on every seed program: the syntax of all ten is clean ({@code --syntax}), and
 * the full check (names, runtime paths and arities) passes for the programs that are complete, while
 * for the three that leave definitions out it reports exactly those names, and nothing else.
 */
class SeedProgramsCheckTest {
    /** Names the seed's programs use but never define (the examples module supplies them). */
    private static final Map<String, List<String>> LEFT_OUT = Map.of(
            "03_http_client.ruchy", List.of("process_data", "token"),
            "05_api_server.ruchy", List.of("decode_token", "validate_token"),
            "06_chat_server.ruchy", List.of("find_user_by_name", "get_room_history", "save_message"));

    private static final Pattern NAME = Pattern.compile("error\\[R020[138]\\]: cannot find (?:function )?`([^`]+)`");

    @TestFactory
    Stream<DynamicTest> everySeedProgramHasCleanSyntax() {
        return SharedCorpus.seedPrograms().stream().map(program -> dynamicTest(program.getFileName().toString(),
                program.toUri(), () -> {
                    CliRun run = check(program, "--syntax");
                    assertEquals(0, run.exit(), () -> "ruchy check --syntax " + program + ":\n" + run.err());
                    assertEquals(program + ": ok", run.out().strip());
                }));
    }

    @TestFactory
    Stream<DynamicTest> fullCheckReportsExactlyTheLeftOutDefinitions() {
        return SharedCorpus.seedPrograms().stream().map(program -> dynamicTest(program.getFileName().toString(),
                program.toUri(), () -> {
                    CliRun run = check(program);
                    List<String> expected = LEFT_OUT.getOrDefault(program.getFileName().toString(), List.of());
                    TreeSet<String> reported = new TreeSet<>();
                    Matcher m = NAME.matcher(run.err());
                    while (m.find()) {
                        reported.add(m.group(1));
                    }
                    assertEquals(new TreeSet<>(expected), reported, () -> "ruchy check " + program + ":\n" + run.err());
                    assertEquals(expected.isEmpty() ? 0 : 1, run.exit(), run::err);
                }));
    }

    private static CliRun check(Path program, String... options) {
        return CliRun.of(Stream.concat(Stream.concat(Stream.of("check"), Stream.of(options)), Stream.of(program.toString()))
                .toArray(String[]::new));
    }
}
