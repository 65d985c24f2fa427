package dev.ruchy.transpiler.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ruchy.transpiler.Transpiler;
import dev.ruchy.transpiler.ast.AstPrinter;
import dev.ruchy.transpiler.diag.Diagnostic;
import dev.ruchy.transpiler.diag.DiagnosticRenderer;
import dev.ruchy.transpiler.diag.Diagnostics;
import dev.ruchy.transpiler.lexer.Lexer;
import dev.ruchy.transpiler.lexer.Token;
import dev.ruchy.transpiler.lexer.TokenKind;
import dev.ruchy.transpiler.source.SourceFile;
import dev.ruchy.transpiler.source.Span;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Robustness of the front end: the real Ruchy programs of the shared corpus, and many thousands of
 * programs made from them by small random edits (a token deleted, inserted or swapped, the file cut
 * short, a character inserted, a line duplicated or deleted, a token repeated many times), must all
 * lex and parse without an exception, in bounded time, with every diagnostic inside the file and
 * renderable. Bugs found this way keep a minimal reproducer in the regression tests at the end.
 *
 * <p>The corpus is read where it lies, in {@code <root>/../shared}, {@code <root>} being the
 * directory holding {@code mvnw}; it is never copied into the repository.
 *
 * <p>Every case has its own {@link Random} seeded from {@link #SEED} and the case index, so it does
 * not depend on the cases before it; a failure prints the seed, the case index, the edits made and
 * the mutated source. {@code -Druchy.fuzz.seed=N} and {@code -Druchy.fuzz.cases=N} explore other
 * cases, e.g. {@code -Dtest=ParserFuzzTest -Druchy.fuzz.seed=7 -Druchy.fuzz.cases=200000}.
 */
class ParserFuzzTest {
    private static final long SEED = Long.getLong("ruchy.fuzz.seed", 0x5EED_2026L);
    private static final int CASES = Integer.getInteger("ruchy.fuzz.cases", 25_000);
    /** A single case slower than this fails (the inputs are a few hundred lines at most). */
    private static final long CASE_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(2);
    /** A case still running after this long is a hang: the test fails without waiting further. */
    private static final long HANG_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(10);
    /** The whole mutation loop must finish within this. */
    private static final long TOTAL_BUDGET_NANOS = TimeUnit.SECONDS.toNanos(90);
    /** Failures reported in detail (all are counted). */
    private static final int MAX_REPORTED = 5;

    private static final String[] PUNCTUATION = {
        "(", ")", "{", "}", "[", "]", ",", ";", ":", "::", ".", "..", "..=", "...", "->", "=>", "?", "?.",
        "#", "#[", "#![", "@", "\\", "+", "-", "*", "/", "%", "**", "=", "==", "!", "!=", "<", "<=", ">", ">=",
        "&&", "||", "&", "|", "^", "~", "<<", ">>", "|>", "??", "++", "--", "<-", "+=", "-=", "*=", "/=",
        "%=", "**=", "&=", "|=", "^=", "<<=", ">>=", "\"", "'", "f\"", "r\"", "r#\"", "b'", "/*", "*/", "//",
        "{{", "}}", "\\\"", "0x", "0b", "1e", "1.", "_",
    };

    /** Characters inserted one at a time: ASCII, white space, quotes, brackets and some non-ASCII. */
    private static final String[] CHARACTERS = {
        "\n", "\r", "\r\n", "\t", " ", "\"", "'", "\\", "{", "}", "(", ")", "[", "]", "<", ">", ":", ";", ",",
        ".", "#", "!", "?", "@", "$", "`", "|", "&", "0", "9", "_", "f", "r", "b", "e", "x", "\u0000", "\u00e9",
        "\u00a0", "\u2028", "\uFEFF", "\uD83D\uDE00", "\uD83D", "\uDE00", "\u03bb", "\u200b",
    };

    private record CorpusFile(String name, String text, List<Token> tokens) {
    }

    private static Path shared;
    private static List<CorpusFile> conformance;
    private static List<CorpusFile> seeds;
    private static List<CorpusFile> all;
    private static String[] tokenTexts;

    @BeforeAll
    static void loadCorpus() throws IOException {
        shared = sharedDirectory();
        conformance = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(shared.resolve("conformance"))) {
            for (Path dir : dirs.sorted().toList()) {
                Path input = dir.resolve("input.ruchy");
                if (Files.isRegularFile(input)) {
                    conformance.add(load(input));
                }
            }
        }
        seeds = new ArrayList<>();
        try (Stream<Path> files = Files.list(shared.resolve("seed/programs"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".ruchy")).sorted().toList()) {
                seeds.add(load(file));
            }
        }
        assertTrue(conformance.size() >= 100, "expected the conformance corpus in " + shared.resolve("conformance")
                + ", found " + conformance.size() + " programs");
        assertTrue(seeds.size() >= 5, "expected the seed programs in " + shared.resolve("seed/programs")
                + ", found " + seeds.size());
        all = new ArrayList<>(conformance);
        all.addAll(seeds);
        Set<String> texts = new LinkedHashSet<>();
        for (CorpusFile program : all) {
            for (Token t : program.tokens()) {
                if (t.kind() != TokenKind.EOF && t.end() > t.start() && t.end() - t.start() <= 40) {
                    texts.add(program.text().substring(t.start(), t.end()));
                }
            }
        }
        tokenTexts = texts.toArray(String[]::new);
    }

    /** {@code <root>/../shared}, where {@code <root>} is the nearest directory up from here holding {@code mvnw}. */
    private static Path sharedDirectory() {
        Path start = Path.of("").toAbsolutePath();
        Path root = start;
        while (root != null && !Files.isRegularFile(root.resolve("mvnw"))) {
            root = root.getParent();
        }
        if (root == null) {
            fail("cannot find the project root (a directory holding mvnw) above " + start);
        }
        Path dir = root.resolve("../shared").normalize();
        if (!Files.isDirectory(dir.resolve("conformance")) || !Files.isDirectory(dir.resolve("seed/programs"))) {
            fail("the shared Ruchy corpus is missing: expected " + dir.resolve("conformance") + "/*/input.ruchy and "
                    + dir.resolve("seed/programs") + "/*.ruchy next to the project (" + root + "/../shared)");
        }
        return dir;
    }

    private static CorpusFile load(Path path) {
        try {
            SourceFile file = SourceFile.read(path);
            List<Token> tokens = Lexer.lex(file, new Diagnostics()).tokens();
            String name = shared.relativize(path).toString();
            return new CorpusFile(name, file.text(), tokens);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ================================================================================================
    // the corpus as it is

    @Test
    void seedProgramsParseWithoutDiagnostics() {
        List<String> failures = new ArrayList<>();
        for (CorpusFile program : seeds) {
            Transpiler.ParseResult result = Transpiler.parse(SourceFile.of(program.name(), program.text()));
            if (!result.diagnostics().isEmpty()) {
                failures.add(render(result.diagnostics()));
            }
        }
        assertTrue(failures.isEmpty(), "seed programs with diagnostics:\n" + String.join("\n", failures));
    }

    @Test
    void almostAllConformanceProgramsParseWithoutDiagnostics() {
        List<String> failures = new ArrayList<>();
        for (CorpusFile program : conformance) {
            SourceFile file = SourceFile.of(program.name(), program.text());
            Transpiler.ParseResult result = Transpiler.parse(file);
            String problem = checkInvariants(file, result);
            assertTrue(problem == null, program.name() + ": " + problem);
            if (result.diagnostics().isEmpty()) {
                AstPrinter.print(result.program()); // a well-formed tree
            }
            if (!result.diagnostics().isEmpty()) {
                failures.add(render(result.diagnostics()));
            }
        }
        int clean = conformance.size() - failures.size();
        System.out.printf("conformance corpus: %d of %d programs parse without diagnostics%n", clean, conformance.size());
        for (String failure : failures) {
            System.out.print(failure);
        }
        assertTrue(clean * 100 >= conformance.size() * 98, clean + " of " + conformance.size()
                + " conformance programs parse cleanly, fewer than 98%:\n" + String.join("\n", failures));
    }

    private static String render(List<Diagnostic> diagnostics) {
        StringBuilder sb = new StringBuilder();
        for (Diagnostic d : diagnostics) {
            sb.append(DiagnosticRenderer.render(d));
        }
        return sb.toString();
    }

    // ================================================================================================
    // mutated programs

    /** One generated case: its index, how it was made, and the text. */
    private record Case(int index, String origin, String description, String text) {
        String report(String problem) {
            return "case " + index + " of seed " + SEED + " (replay: -Druchy.fuzz.seed=" + SEED + " -Druchy.fuzz.cases="
                    + (index + 1) + "), from " + origin + " by " + description + ": " + problem
                    + "\n----- mutated source -----\n" + text + "\n----- end -----\n";
        }
    }

    @Test
    void mutatedProgramsNeverCrashOrHang() throws InterruptedException {
        List<String> failures = new ArrayList<>();
        int[] failureCount = {0};
        int[] done = {0};
        int[] rejected = {0};
        long[] slowest = {0};
        // what the worker is on, for the watchdog: the case and when it started
        Case[] current = new Case[1];
        long[] currentStart = {0};
        Object lock = new Object();

        Thread worker = new Thread(() -> {
            for (int i = 0; i < CASES; i++) {
                Case c;
                try {
                    c = generate(i);
                } catch (Throwable e) { // the generator re-lexes mutated text: a lexer crash shows here
                    synchronized (lock) {
                        failureCount[0]++;
                        if (failures.size() < MAX_REPORTED) {
                            failures.add("case " + i + " of seed " + SEED + ": generating it threw " + stackTrace(e));
                        }
                        done[0] = i + 1;
                    }
                    continue;
                }
                long t0 = System.nanoTime();
                synchronized (lock) {
                    current[0] = c;
                    currentStart[0] = t0;
                }
                String problem = check(c, rejected);
                long elapsed = System.nanoTime() - t0;
                if (problem == null && elapsed > CASE_LIMIT_NANOS) {
                    problem = "parsing took " + TimeUnit.NANOSECONDS.toMillis(elapsed) + " ms, more than "
                            + TimeUnit.NANOSECONDS.toMillis(CASE_LIMIT_NANOS) + " ms";
                }
                synchronized (lock) {
                    slowest[0] = Math.max(slowest[0], elapsed);
                    if (problem != null) {
                        failureCount[0]++;
                        if (failures.size() < MAX_REPORTED) {
                            failures.add(c.report(problem));
                        }
                    }
                    done[0] = i + 1;
                    current[0] = null;
                }
            }
        }, "parser-fuzz");
        worker.setDaemon(true); // a hung worker must not keep the test JVM alive
        long begin = System.nanoTime();
        worker.start();
        while (worker.isAlive()) {
            worker.join(100);
            long now = System.nanoTime();
            synchronized (lock) {
                if (current[0] != null && now - currentStart[0] > HANG_LIMIT_NANOS) {
                    worker.interrupt();
                    fail("parser hang: still running after " + TimeUnit.NANOSECONDS.toSeconds(now - currentStart[0])
                            + " s on " + current[0].report("hang") + "\n" + stackOf(worker));
                }
                if (now - begin > TOTAL_BUDGET_NANOS) {
                    worker.interrupt();
                    fail("fuzzing exceeded its time budget of " + TimeUnit.NANOSECONDS.toSeconds(TOTAL_BUDGET_NANOS)
                            + " s after " + done[0] + " of " + CASES + " cases"
                            + (current[0] == null ? "" : "; on " + current[0].report("slow")));
                }
            }
        }
        long total = System.nanoTime() - begin;
        System.out.printf("parser fuzz: %d cases (%d with diagnostics) in %d ms (slowest case %.1f ms), seed %d,"
                + " %d failures%n", done[0], rejected[0], TimeUnit.NANOSECONDS.toMillis(total), slowest[0] / 1e6, SEED,
                failureCount[0]);
        assertEquals(CASES, done[0], "the fuzz worker stopped early");
        if (failureCount[0] > 0) {
            fail(failureCount[0] + " of " + CASES + " mutated programs broke the front end; the first "
                    + failures.size() + ":\n\n" + String.join("\n", failures));
        }
    }

    private static String stackOf(Thread thread) {
        StringBuilder sb = new StringBuilder("worker stack:\n");
        for (StackTraceElement e : thread.getStackTrace()) {
            sb.append("    at ").append(e).append('\n');
        }
        return sb.toString();
    }

    /** Parses a case and checks every invariant; returns what is wrong, or null. */
    private static String check(Case c, int[] rejected) {
        SourceFile file = SourceFile.of("fuzz.ruchy", c.text());
        try {
            Transpiler.ParseResult result = Transpiler.parse(file);
            if (!result.diagnostics().isEmpty()) {
                rejected[0]++;
            } else if (c.index() % 16 == 0) {
                // an accepted program must be a well-formed tree (sampled: the printer is slow)
                AstPrinter.print(result.program());
            }
            return checkInvariants(file, result);
        } catch (Throwable e) {
            return "threw " + stackTrace(e);
        }
    }

    private static String checkInvariants(SourceFile file, Transpiler.ParseResult result) {
        if (result.program() == null) {
            return "no program";
        }
        for (Diagnostic d : result.diagnostics()) {
            Span span = d.span();
            if (span.file() != file) {
                return "diagnostic in another file: " + d;
            }
            if (span.start() < 0 || span.start() > span.end() || span.end() > file.length()) {
                return "diagnostic span [" + span.start() + ", " + span.end() + ") outside a file of " + file.length()
                        + " chars: " + d;
            }
            String position = positionProblem(file, span.startLine(), span.startColumn());
            if (position == null) {
                position = positionProblem(file, span.endLine(), span.endColumn());
            }
            if (position != null) {
                return position + " in " + d;
            }
            String rendered = DiagnosticRenderer.render(d);
            if (!rendered.startsWith(file.name() + ":" + span.startLine() + ":" + span.startColumn() + ": ")
                    || !rendered.contains(d.code().code()) || !rendered.contains("^")) {
                return "bad rendering of " + d + ":\n" + rendered;
            }
            DiagnosticRenderer.renderShort(d);
        }
        return null;
    }

    private static String positionProblem(SourceFile file, int line, int column) {
        if (line < 1 || line > file.lineCount()) {
            return "line " + line + " outside 1.." + file.lineCount();
        }
        String text = file.lineText(line);
        int maxColumn = text.codePointCount(0, text.length()) + 1;
        // an offset just before the \n of a \r\n may sit one column past the text
        if (column < 1 || column > maxColumn + 1) {
            return "column " + column + " outside 1.." + maxColumn + " on line " + line;
        }
        return null;
    }

    private static String stackTrace(Throwable e) {
        StringBuilder sb = new StringBuilder(e.toString());
        StackTraceElement[] trace = e.getStackTrace();
        for (int i = 0; i < Math.min(trace.length, 25); i++) {
            sb.append("\n    at ").append(trace[i]);
        }
        return sb.toString();
    }

    // ================================================================================================
    // regression tests: minimal reproducers of what the fuzzing found

    /**
     * Parses {@code text} on a thread with a 1 MB stack, the JVM's default, and prints the tree when
     * there are no diagnostics; returns the diagnostics.
     */
    private static List<Diagnostic> parseOnDefaultStack(String text) throws InterruptedException {
        SourceFile file = SourceFile.of("deep.ruchy", text);
        Object[] outcome = new Object[1];
        Thread thread = new Thread(null, () -> {
            try {
                Transpiler.ParseResult result = Transpiler.parse(file);
                String problem = checkInvariants(file, result);
                if (problem == null && result.diagnostics().isEmpty()) {
                    AstPrinter.print(result.program());
                }
                outcome[0] = problem != null ? new AssertionError(problem) : result.diagnostics();
            } catch (Throwable e) {
                outcome[0] = e;
            }
        }, "deep-parse", 1024 * 1024);
        thread.setDaemon(true);
        thread.start();
        thread.join(TimeUnit.NANOSECONDS.toMillis(HANG_LIMIT_NANOS));
        assertTrue(!thread.isAlive(), "parsing hangs");
        if (outcome[0] instanceof Throwable e) {
            throw new AssertionError("parsing " + text.substring(0, Math.min(60, text.length())) + "... threw", e);
        }
        @SuppressWarnings("unchecked")
        List<Diagnostic> diagnostics = (List<Diagnostic>) outcome[0];
        return diagnostics;
    }

    /** Deep nesting overflowed the stack (StackOverflowError out of Transpiler.parse); now it is one error. */
    @Test
    void deepNestingIsReportedInsteadOfOverflowingTheStack() throws InterruptedException {
        int n = 5000;
        String[] inputs = {
            "(".repeat(n),
            "(".repeat(n) + "1" + ")".repeat(n),
            "[".repeat(n),
            "{".repeat(n),
            "f(".repeat(n),
            "a.f(".repeat(n),
            "m!(".repeat(n),
            "S { a: ".repeat(n),
            "{ a: ".repeat(n),
            "if x {\n".repeat(n),
            "fun f() {\n".repeat(n),
            "mod a {\n".repeat(n),
            "impl A { fun f() {\n".repeat(n),
            "match x { 1 => ".repeat(n),
            "if x { 1 }" + " else if x { 1 }".repeat(n),
            "-".repeat(n) + "x",
            "!".repeat(n) + "x",
            "a = ".repeat(n) + "1",
            "a ? ".repeat(n) + "1",
            "a ? b : ".repeat(n) + "1",
            "|x| ".repeat(n) + "x",
            "x => ".repeat(n) + "x",
            "let x = 1 in ".repeat(n) + "x",
            "return ".repeat(n) + "x",
            "let " + "[".repeat(n) + "x = 1",
            "let " + "S { a: ".repeat(n) + "x = 1",
            "let x: " + "Vec<".repeat(n) + "i32",
            "let x: " + "&".repeat(n) + "i32 = 1",
            "let x: " + "fn(".repeat(n),
            "use " + "a::{".repeat(n),
            "f\"{" + "(".repeat(n) + "}\"",
        };
        for (String input : inputs) {
            List<Diagnostic> diagnostics = parseOnDefaultStack(input);
            assertTrue(diagnostics.stream().anyMatch(Diagnostic::isError), "no error for " + input.substring(0, 40));
            assertTrue(diagnostics.size() <= 3, "one error expected for " + input.substring(0, 40) + ", got "
                    + render(diagnostics));
        }
    }

    /**
     * A long chain of operators or postfix operations ({@code x++++...}, found by fuzzing) parsed
     * into a tree so deep that printing it overflowed the stack; now the chain is bounded.
     */
    @Test
    void longChainsAreReportedInsteadOfBuildingTooDeepATree() throws InterruptedException {
        int n = 5000;
        String[] inputs = {
            "let x = 1" + " + 1".repeat(n),
            "let s = \"a\"" + " + \"b\"".repeat(n),
            "x" + "++".repeat(n),
            "x" + ".f()".repeat(n),
            "x" + ".a".repeat(n),
            "x" + "[0]".repeat(n),
            "f" + "(1)".repeat(n),
            "x" + "?".repeat(n),
            "x" + " as T".repeat(n),
            "a" + " |> f".repeat(n),
            "a" + "..a".repeat(n),
            "if " + "a && ".repeat(n) + "b { }",
        };
        for (String input : inputs) {
            List<Diagnostic> diagnostics = parseOnDefaultStack(input);
            assertTrue(diagnostics.stream().anyMatch(Diagnostic::isError), "no error for " + input.substring(0, 40));
            assertTrue(diagnostics.size() <= 3, "one error expected for " + input.substring(0, 40) + ", got "
                    + render(diagnostics));
        }
    }

    /** Nesting and chains as deep as real programs go stay well inside the limits. */
    @Test
    void reasonableNestingParsesCleanly() throws InterruptedException {
        int n = 40;
        String[] inputs = {
            "let x = " + "(".repeat(2 * n) + "1" + ")".repeat(2 * n),
            "let x = " + "[".repeat(2 * n) + "1" + "]".repeat(2 * n),
            "fun f() {\n" + "if x {\n".repeat(n) + "1\n" + "}\n".repeat(n) + "}\n",
            "let y = if a { 1 }" + " else if a { 1 }".repeat(2 * n) + " else { 2 }",
            "let z = " + "-".repeat(2 * n) + "1",
            "let s = \"a\"" + " + \"b\"".repeat(200),
            "let v = x" + ".f(1)".repeat(100) + "?.g".repeat(100),
            "let w = " + "(".repeat(n) + "1" + " + 1".repeat(n) + ")".repeat(n),
        };
        for (String input : inputs) {
            List<Diagnostic> diagnostics = parseOnDefaultStack(input);
            assertTrue(diagnostics.isEmpty(), render(diagnostics));
        }
    }

    /** Stray closing delimiters escaped the 100-error limit: 1,000 of them gave 1,000 errors. */
    @Test
    void strayClosingDelimitersStopAtTheErrorLimit() throws InterruptedException {
        for (String input : new String[] {")\n".repeat(1000), "] ".repeat(1000), "}".repeat(1000)}) {
            List<Diagnostic> diagnostics = parseOnDefaultStack(input);
            assertEquals(101, diagnostics.size(), "100 errors and R0199");
            assertEquals("R0199", diagnostics.get(100).code().code());
        }
    }

    /** The error limit hit inside nested blocks was reported again by every enclosing block. */
    @Test
    void theErrorLimitIsReportedOnce() throws InterruptedException {
        String input = "fun f() {\n" + "if x {\n".repeat(20) + "let = 1\n".repeat(200) + "}\n".repeat(20) + "}\n";
        List<Diagnostic> diagnostics = parseOnDefaultStack(input);
        assertEquals(1, diagnostics.stream().filter(d -> d.code().code().equals("R0199")).count(), render(diagnostics));
        assertTrue(diagnostics.size() <= 101, render(diagnostics));
    }

    // ================================================================================================
    // mutations

    /** Case {@code index}: a corpus program with one to three random edits, reproducible from the seed and index. */
    static Case generate(int index) {
        Random random = new Random(SEED * 1_000_003L + index);
        CorpusFile program = all.get(random.nextInt(all.size()));
        String text = program.text();
        List<Token> tokens = program.tokens();
        int edits = random.nextInt(10) < 7 ? 1 : 2 + random.nextInt(2);
        StringBuilder description = new StringBuilder();
        for (int e = 0; e < edits; e++) {
            if (e > 0) {
                description.append(", then ");
                tokens = Lexer.lex(SourceFile.of("m", text), new Diagnostics()).tokens();
            }
            text = mutate(random, text, tokens, description);
        }
        return new Case(index, program.name(), description.toString(), text);
    }

    private static String mutate(Random random, String text, List<Token> tokens, StringBuilder description) {
        int realTokens = tokens.size() - 1; // without EOF
        int kind = random.nextInt(9);
        if (realTokens < 2 && kind <= 3) {
            kind = 4;
        }
        switch (kind) {
            case 0: { // delete a token
                Token t = tokens.get(random.nextInt(realTokens));
                description.append("deleting token `").append(text, t.start(), t.end()).append("` at ").append(t.start());
                return text.substring(0, t.start()) + text.substring(t.end());
            }
            case 1: { // insert a token from the corpus, before a token
                Token t = tokens.get(random.nextInt(tokens.size()));
                String insert = tokenTexts[random.nextInt(tokenTexts.length)];
                String sep = random.nextBoolean() ? " " : "";
                description.append("inserting token `").append(insert).append("` at ").append(t.start());
                return text.substring(0, t.start()) + insert + sep + text.substring(t.start());
            }
            case 2: { // insert punctuation, before or after a token
                Token t = tokens.get(random.nextInt(tokens.size()));
                int at = random.nextBoolean() ? t.start() : t.end();
                String insert = PUNCTUATION[random.nextInt(PUNCTUATION.length)];
                description.append("inserting `").append(insert).append("` at ").append(at);
                return text.substring(0, at) + insert + text.substring(at);
            }
            case 3: { // swap two tokens
                int i = random.nextInt(realTokens);
                int j = random.nextInt(realTokens);
                if (random.nextBoolean()) {
                    j = Math.min(realTokens - 1, i + 1 + random.nextInt(3)); // a near neighbour
                }
                if (i == j) {
                    j = i == 0 ? 1 : i - 1;
                }
                Token a = tokens.get(Math.min(i, j));
                Token b = tokens.get(Math.max(i, j));
                if (b.start() < a.end()) { // overlapping tokens (f-string parts): delete instead
                    description.append("deleting token at ").append(a.start());
                    return text.substring(0, a.start()) + text.substring(a.end());
                }
                description.append("swapping `").append(text, a.start(), a.end()).append("` at ").append(a.start())
                        .append(" and `").append(text, b.start(), b.end()).append("` at ").append(b.start());
                return text.substring(0, a.start()) + text.substring(b.start(), b.end())
                        + text.substring(a.end(), b.start()) + text.substring(a.start(), a.end()) + text.substring(b.end());
            }
            case 4: { // truncate
                int at = random.nextInt(text.length() + 1);
                description.append("truncating at ").append(at);
                return text.substring(0, at);
            }
            case 5: { // insert a character anywhere
                int at = random.nextInt(text.length() + 1);
                String insert = random.nextInt(4) == 0
                        ? String.valueOf((char) (32 + random.nextInt(95)))
                        : CHARACTERS[random.nextInt(CHARACTERS.length)];
                description.append("inserting character U+").append(String.format("%04X", (int) insert.charAt(0)))
                        .append(" at ").append(at);
                return text.substring(0, at) + insert + text.substring(at);
            }
            case 6: { // duplicate a line
                String[] lines = text.split("\n", -1);
                int line = random.nextInt(lines.length);
                description.append("duplicating line ").append(line + 1);
                List<String> result = new ArrayList<>(List.of(lines));
                result.add(line, lines[line]);
                return String.join("\n", result);
            }
            case 7: { // delete a line
                String[] lines = text.split("\n", -1);
                int line = random.nextInt(lines.length);
                description.append("deleting line ").append(line + 1);
                List<String> result = new ArrayList<>(List.of(lines));
                result.remove(line);
                return String.join("\n", result);
            }
            default: { // a run of one token: deep nesting, long operator chains
                Token t = tokens.get(random.nextInt(tokens.size()));
                String insert = random.nextBoolean()
                        ? PUNCTUATION[random.nextInt(PUNCTUATION.length)]
                        : tokenTexts[random.nextInt(tokenTexts.length)] + " ";
                int roll = random.nextInt(10);
                int count = 2 + random.nextInt(roll < 5 ? 20 : roll < 9 ? 400 : 3000);
                description.append("inserting `").append(insert).append("` ").append(count).append(" times at ")
                        .append(t.start());
                return text.substring(0, t.start()) + insert.repeat(count) + text.substring(t.start());
            }
        }
    }
}
