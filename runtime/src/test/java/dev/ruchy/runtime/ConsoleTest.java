package dev.ruchy.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.ruchy.runtime.sample.Generated;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** println, print and dbg: ruchy-semantics §2.3, §2.4 and the Decisions' placeholder mode. */
class ConsoleTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    @BeforeEach
    void capture() {
        Console.setOut(new PrintStream(bytes, false, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        Console.setOut(null);
    }

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static List<Object> array(Object... items) {
        return new ArrayList<>(Arrays.asList(items));
    }

    @Test
    void theDigestExampleWithTheDecisionsApplied() {
        Console.println("items:", array("pen", 2L, 1.0), null, true);
        Console.println("{} costs {}", "tea", 4.0);
        Console.println("{} then {}", 1L);
        Console.println("{} only", 1L, 2L);
        Console.println("avg {:.2}", 2.5);
        Console.println("pct {} ({:.1}%)", 3L, 12.345);
        Console.println(7L, "x");
        Console.println();
        Console.println("done");
        assertEquals("""
                items: ["pen", 2, 1.0] nil true
                tea costs 4.0
                1 then {}
                1 only
                avg 2.50
                pct 3 (12.3%)
                7 x

                done
                """, output());
    }

    @Test
    void conformanceCasesWithPlaceholders() {
        Console.println("Score: {}/{} ({:.1}%)", 95L, 100L, 95.0);
        Console.println("Average: {:.2}", 5.5);
        Console.println("Grades: {}, {}, {}", "A", "B", "A");
        Console.println("Warning: Score exceeds maximum, capping at {}", 100L);
        assertEquals("""
                Score: 95/100 (95.0%)
                Average: 5.50
                Grades: A, B, A
                Warning: Score exceeds maximum, capping at 100
                """, output());
    }

    @Test
    void singleArgument() {
        Console.println("hello");
        Console.println(2.0);
        Console.println((Object) null);
        Console.println(Tuple.of("Alice", 30L, true));
        Console.println(List.of("a"));
        Console.println("{}");
        Console.println("{{}}");
        assertEquals("hello\n2.0\nnil\n(\"Alice\", 30, true)\n[\"a\"]\n{}\n{{}}\n", output());
    }

    @Test
    void joinModeRendersStringsRawAndOthersInDisplayForm() {
        Console.println("a", "b", 1L, 2.0, Option.some("s"), RObject.of("k", "v"));
        Console.println(7L, Generated.counter(7, 1));
        Console.println("x", (Object[]) null);
        assertEquals("a b 1 2.0 Some(\"s\") {k: \"v\"}\n7 Counter {n: 7, step: 1}\nx nil\n", output());
    }

    @Test
    void placeholdersAreFilledInOnePassLikeRust() {
        Console.println("{} {}", "{}", 5L);
        Console.println("{{}} {}", 5L);
        Console.println("{{{}}}", 5L);
        Console.println("{name} {}", 1L);
        Console.println("{0}", 1L);
        Console.println("{:>5}|{:<5}|{:^5}|", 1L, 2L, 3L);
        Console.println("{:?} {}", "a", "a");
        Console.println("{:>10}", List.of("a"));
        Console.println("{:.2f} {}", 1.5);
        Console.println("{:x} {:#b}", 255L, 5L, 6L);
        Console.println("{} and {:5} left", 1L);
        Console.println("unclosed { {}", 1L);
        assertEquals("""
                {} 5
                {} 5
                {5}
                {name} 1
                {0} 1
                    1|2    |  3  |
                "a" a
                     ["a"]
                {:.2f} 1.5
                ff 0b101
                1 and {:5} left
                unclosed { 1
                """, output());
    }

    @Test
    void substituteServesStringFormat() {
        assertEquals("a=1, b=\"x\"", Fmt.substitute("a={}, b={:?}", 1L, "x"));
        assertEquals("nil", Fmt.substitute("{}", (Object[]) null));
        assertEquals(true, Fmt.hasPlaceholder("x {:>3}"));
        assertEquals(false, Fmt.hasPlaceholder("x {{}} {y} {:bad}"));
    }

    @Test
    void printWritesWhatPrintlnWritesWithoutTheNewline() {
        Console.print("A");
        Console.print("B");
        Console.print(1L, "a", 2.0);
        Console.print();
        Console.print((Object) null);
        Console.print(List.of("x"), " {} of {:.1}%", 3L, 12.345);
        Console.print("\rDownloading: {}%", 50L);
        Console.print("\rDownloading: 100%");
        assertEquals("AB1 a 2.0nil[\"x\"]  {} of {:.1}% 3 12.345\rDownloading: 50%\rDownloading: 100%", output());
    }

    @Test
    void printOfIntegersAsInTheLoopExample() {
        for (long a = 0; a < 3; a++) {
            for (long b = 0; b < 3; b++) {
                if (b > a) {
                    break;
                }
                if (a == 2) {
                    break;
                }
                Console.print(a * 10 + b);
            }
        }
        Console.println();
        assertEquals("01011\n", output());
    }

    @Test
    void dbgWritesTheDebugDumpAndReturnsItsArgument() {
        assertEquals(5L, Console.dbg(5L));
        assertEquals("hi", Console.dbg("hi"));
        Console.dbg(2.0);
        Console.dbg(List.of(1L));
        Console.dbg((Object) null);
        List<Object> both = Console.dbg(1L, "a");
        assertEquals(List.of(1L, "a"), both);
        assertEquals("""
                [DEBUG] Integer(5)
                [DEBUG] String("hi")
                [DEBUG] Float(2.0)
                [DEBUG] Array([Integer(1)])
                [DEBUG] Nil
                [DEBUG] [Integer(1), String("a")]
                """, output());
    }

    @Test
    void outputIsUtf8() {
        Console.println("🚀 Server running on http://localhost:8080");
        assertEquals("🚀 Server running on http://localhost:8080\n", output());
        assertEquals(4 + 1, bytes.toByteArray().length - "Server running on http://localhost:8080\n".length());
    }

    @Test
    void linesFromManyVirtualThreadsNeverInterleave() throws Exception {
        int threads = 50;
        int lines = 100;
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < threads; t++) {
                long id = t;
                executor.submit(() -> {
                    for (long i = 0; i < lines; i++) {
                        Console.println("thread {} line {} {}", id, i, "x".repeat(50));
                    }
                });
            }
        }
        String[] written = output().split("\n", -1);
        assertEquals(threads * lines + 1, written.length);
        Set<String> seen = new HashSet<>(Arrays.asList(written).subList(0, threads * lines));
        for (int t = 0; t < threads; t++) {
            for (int i = 0; i < lines; i++) {
                assertEquals(true, seen.contains("thread " + t + " line " + i + " " + "x".repeat(50)), "t" + t + " i" + i);
            }
        }
    }

    @Test
    void withoutAStreamSetOutputFollowsSystemOut() {
        Console.setOut(null);
        PrintStream original = System.out;
        ByteArrayOutputStream system = new ByteArrayOutputStream();
        System.setOut(new PrintStream(system, true, StandardCharsets.UTF_8));
        try {
            Console.println("é");
            assertSame(System.out, Console.out());
        } finally {
            System.setOut(original);
        }
        assertEquals("é\n", system.toString(StandardCharsets.UTF_8));
    }
}
