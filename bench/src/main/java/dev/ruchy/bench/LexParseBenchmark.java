package dev.ruchy.bench;

import dev.ruchy.transpiler.Transpiler;
import dev.ruchy.transpiler.diag.Diagnostics;
import dev.ruchy.transpiler.lexer.Lexer;
import dev.ruchy.transpiler.source.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Front-end throughput on real Ruchy code: every program of the shared corpus (the conformance
 * inputs and the seed programs, read from {@code <root>/../shared} at setup) lexed, or lexed and
 * parsed, each file separately, once per operation.
 *
 * <p>The primary score is corpus passes per second; the secondary {@code lines} score is the same
 * work in source lines per second (a pass counts every line of every file, blank lines and comments
 * included, as {@code wc -l} does, plus a last line without a line break). One thread, warm.
 *
 * <p>Run it with {@code bench/run-parse-bench.sh}; it is not part of the build's tests.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class LexParseBenchmark {
    /** Overrides where the corpus is looked for: the directory holding {@code conformance/} and {@code seed/}. */
    public static final String SHARED_PROPERTY = SharedFolder.PROPERTY;

    private List<SourceFile> files;
    private long totalLines;
    private long totalChars;

    /** Counts the lines handled; JMH reports it per second next to the primary score. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Lines {
        public long lines;

        @Setup(Level.Iteration)
        public void reset() {
            lines = 0;
        }
    }

    @Setup
    public void load() throws IOException {
        Path shared = sharedDirectory();
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(shared.resolve("conformance"))) {
            dirs.sorted().map(d -> d.resolve("input.ruchy")).filter(Files::isRegularFile).forEach(paths::add);
        }
        try (Stream<Path> seeds = Files.list(shared.resolve("seed/programs"))) {
            seeds.filter(f -> f.toString().endsWith(".ruchy")).sorted().forEach(paths::add);
        }
        files = new ArrayList<>();
        for (Path path : paths) {
            files.add(SourceFile.read(path));
        }
        totalLines = 0;
        totalChars = 0;
        int withErrors = 0;
        for (SourceFile file : files) {
            totalLines += lines(file.text());
            totalChars += file.length();
            if (Transpiler.parse(file).hasErrors()) {
                withErrors++;
            }
        }
        if (files.isEmpty()) {
            throw new IllegalStateException("no Ruchy programs under " + shared);
        }
        System.out.printf("%ncorpus: %d files, %d lines, %d chars from %s (%d with syntax errors)%n",
                files.size(), totalLines, totalChars, shared, withErrors);
    }

    /** Lexes and parses every file of the corpus. */
    @Benchmark
    public void lexParse(Lines counter, Blackhole bh) {
        for (SourceFile file : files) {
            bh.consume(Transpiler.parse(file));
        }
        counter.lines += totalLines;
    }

    /** Only lexes every file of the corpus: the lexer's share of {@link #lexParse}. */
    @Benchmark
    public void lexOnly(Lines counter, Blackhole bh) {
        for (SourceFile file : files) {
            bh.consume(Lexer.lex(file, new Diagnostics()));
        }
        counter.lines += totalLines;
    }

    /** Lines as {@code wc -l} counts them, plus a last line without a line break. */
    static long lines(String text) {
        long n = text.chars().filter(c -> c == '\n').count();
        return text.isEmpty() || text.endsWith("\n") ? n : n + 1;
    }

    /**
     * {@code -Druchy.shared}, else {@code <root>/../shared} with {@code <root>} the nearest directory
     * up from the working directory that holds {@code mvnw}.
     */
    static Path sharedDirectory() {
        Path dir = SharedFolder.locate();
        if (!Files.isDirectory(dir.resolve("conformance")) || !Files.isDirectory(dir.resolve("seed/programs"))) {
            throw new UncheckedIOException(new IOException("the shared Ruchy corpus is missing: expected "
                    + dir.resolve("conformance") + "/*/input.ruchy and " + dir.resolve("seed/programs") + "/*.ruchy"));
        }
        return dir;
    }
}
