package dev.ruchy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs of one {@link ReplSession}: compiled and run once each, with state carried between them. */
class ReplSessionTest {
    private final ByteArrayOutputStream errors = new ByteArrayOutputStream();
    private final ReplSession session = new ReplSession(new PrintStream(errors, true, StandardCharsets.UTF_8));

    @TempDir
    Path dir;

    /** Runs {@code input}; what it printed on standard output. */
    private String eval(String input) {
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            ReplSession.Compiled c = session.compile(input);
            if (c != null) {
                session.run(c);
            }
        } finally {
            System.setOut(saved);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void bindingsFunctionsAndStructsStayAndEarlierInputsNeverRunAgain() throws Exception {
        Path log = dir.resolve("log.txt");
        eval("append_file(\"" + log + "\", \"once\\n\")");
        eval("let mut total = 40");
        eval("fun bump(n) { n + 1 }");
        eval("struct Point { x: i64, y: i64 }");
        eval("let p = Point { x: 1, y: 2 }");
        eval("total = bump(total)");
        assertEquals("42\n", eval("total + p.x - 1 + p.y - 1"));
        assertEquals("Point {x: 1, y: 2}\n", eval("p"), "a struct value keeps its class across inputs");
        assertEquals("once\n", Files.readString(log));
        assertEquals("", errors.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aClosureKeepsItsTypeWhenLaterInputsCallIt() {
        eval("let k = 10");
        eval("let add_k = |a| a + k");
        assertEquals("11\n", eval("add_k(1)"));
        assertEquals("12\n", eval("add_k(2)"));
        assertEquals("", errors.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aStructValueSurvivesMethodsAddedToItsTypeLater() {
        eval("struct Pt { x: i64, y: i64 }");
        eval("let p = Pt { x: 3, y: 4 }");
        eval("impl Pt { fun sum(&self) -> i64 { self.x + self.y } }");
        assertEquals("7\n", eval("p.sum()"));
        assertEquals("", errors.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anInputsClassHoldsOnlyTheEarlierFunctionsAndBindingsItUses() {
        eval("fun helper(n) { n * 2 }");
        eval("fun twice_plus(n) { helper(n) + 1 }");
        eval("fun unrelated(n) { n - 1 }");
        eval("let mut count = 5");
        eval("let other = 100");
        eval("fun bump() { count = count + 1 }");
        String java = session.java("twice_plus(count)");
        assertTrue(java.contains(" twicePlus(") && java.contains(" helper("), java);
        assertFalse(java.contains("unrelated") || java.contains("other") || java.contains(" bump("), java);
        assertEquals("11\n", eval("twice_plus(count)"));
        eval("bump()");
        assertEquals("6\n", eval("count"), "a function writes the binding it uses back into the session");
        assertEquals("100\n", eval("other"), "bindings an input leaves out keep their values");
        assertEquals("4\n", eval("unrelated(5)"));
        assertEquals("", errors.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aNewDefinitionReplacesTheOldOne() {
        eval("fun f(a) { a + 1 }");
        assertEquals("2\n", eval("f(1)"));
        eval("fun f(a) { a * 10 }");
        assertEquals("10\n", eval("f(1)"));
        eval("let x = 1");
        eval("let x = \"one\"");
        assertEquals("\"one\"\n", eval("x"));
    }

    @Test
    void errorsAreReportedRelativeToTheInputAndLeaveTheSessionAsItWas() {
        eval("let a = 1");
        eval("let b = 2");
        eval("a + missing");
        assertTrue(errors.toString(StandardCharsets.UTF_8).contains("<repl>:1:5:"), errors.toString(StandardCharsets.UTF_8));
        errors.reset();
        eval("let c = 3\nlet d = 10 / (c - 3)");
        assertTrue(errors.toString(StandardCharsets.UTF_8).contains("--> <repl>:2"), errors.toString(StandardCharsets.UTF_8));
        assertEquals("3\n", eval("a + b"));
    }

    @Test
    void theParserDecidesWhetherAnInputIsComplete() {
        assertTrue(ReplSession.isIncomplete("fun f() {"));
        assertTrue(ReplSession.isIncomplete("let x = 1 +"));
        assertTrue(ReplSession.isIncomplete("\"abc"));
        assertFalse(ReplSession.isIncomplete("let x = 1"));
        assertFalse(ReplSession.isIncomplete("let x = )"));
    }

    @Test
    void anInterruptStopsALoopAndBindingsSurvive() throws Exception {
        eval("let mut n = 0");
        ReplSession.Compiled c = session.compile("loop { n += 1 }");
        FutureTask<ReplSession.Outcome> task = new FutureTask<>(() -> session.run(c));
        Thread t = Thread.ofPlatform().start(task);
        Thread.sleep(300);
        t.interrupt();
        assertEquals(ReplSession.Outcome.INTERRUPTED, task.get(10, TimeUnit.SECONDS));
        assertEquals("true\n", eval("n > 0"));
    }

    @Test
    void resetForgetsEverything() {
        eval("let gone = 1");
        session.reset();
        assertEquals("", eval("gone"));
        assertTrue(errors.toString(StandardCharsets.UTF_8).contains("cannot find `gone`"));
        assertNull(session.java("nothing_here"));
    }
}
