package dev.ruchy.cli;

import dev.ruchy.transpiler.TranspileOptions;
import dev.ruchy.transpiler.source.SourceFile;

/**
 * The code path of {@code ruchy run} and {@code ruchy -e} as a library call, for tools and tests
 * that run programs in-process: transpile (or find in the compile cache), compile in memory, run,
 * and report runtime errors with the {@code .ruchy} file and line. Output goes to
 * {@code System.out}/{@code System.err} as they are when called.
 */
public final class ScriptRunner {
    private ScriptRunner() {
    }

    /**
     * Runs {@code source}.
     *
     * @param evalMode also print the value of the last expression (Display, unless nil), as {@code -e}
     * @param useCache look up and store compiled classes in the compile cache
     * @return the exit status {@code ruchy run} would have: 0, 1 (diagnostics or a runtime error), 70
     */
    public static int run(SourceFile source, boolean evalMode, boolean useCache, String... args) {
        return run(source, TranspileOptions.defaults().withEvalMode(evalMode), useCache, args);
    }

    /**
     * Runs {@code source} transpiled with {@code options} (for {@code ruchy repl} with piped input:
     * {@code TranspileOptions.defaults().withReplMode(true)}).
     *
     * @return the exit status, as {@link #run(SourceFile, boolean, boolean, String...)}
     */
    public static int run(SourceFile source, TranspileOptions options, boolean useCache, String... args) {
        ClassCache.Entry entry;
        try {
            entry = ProgramCompiler.compile(source, options, useCache, System.err);
        } catch (ProgramCompiler.GeneratedCodeDoesNotCompile e) {
            return RuchyCommand.EXIT_SOFTWARE;
        }
        return entry == null ? 1 : ProgramRunner.run(entry, args, System.err);
    }
}
