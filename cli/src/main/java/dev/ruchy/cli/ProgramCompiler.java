package dev.ruchy.cli;

import dev.ruchy.transpiler.TranspileOptions;
import dev.ruchy.transpiler.Transpiler;
import dev.ruchy.transpiler.diag.Diagnostic;
import dev.ruchy.transpiler.diag.DiagnosticRenderer;
import dev.ruchy.transpiler.source.SourceFile;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Turns a Ruchy source into a runnable cache entry: looks it up in the {@link ClassCache} and, on
 * a miss, transpiles, compiles in memory and stores it. Shared by {@code run} and {@code -e}.
 */
final class ProgramCompiler {
    private ProgramCompiler() {
    }

    /**
     * The compiled program, or null after printing diagnostics (the user's mistake) to {@code err}.
     *
     * @throws GeneratedCodeDoesNotCompile after printing javac's errors, when the generated Java does
     *                                     not compile (the transpiler's mistake)
     */
    static ClassCache.Entry compile(SourceFile file, TranspileOptions options, boolean useCache, PrintStream err) {
        ClassCache cache = ClassCache.standard();
        String mode = (options.evalMode() ? "eval" : "run") + (options.checkedArithmetic() ? "+checked:" : ":");
        String key = ClassCache.key(mode + file.name(), file.text());
        if (useCache) {
            ClassCache.Entry hit = cache.lookup(key);
            if (hit != null) {
                return hit;
            }
        }
        Transpiler.TranspileResult result = Transpiler.transpile(file, "", options);
        for (Diagnostic d : result.diagnostics()) {
            err.print(DiagnosticRenderer.render(d));
        }
        if (result.hasErrors()) {
            long errors = result.diagnostics().stream().filter(Diagnostic::isError).count();
            err.println(errors + (errors == 1 ? " error" : " errors"));
            return null;
        }
        InMemoryCompiler.Result compiled = InMemoryCompiler.compile(result.qualifiedName(), result.source(), runtimeClasspath());
        if (!compiled.succeeded()) {
            err.println("ruchy: internal error: the Java generated from " + file.name() + " does not compile:");
            err.print(compiled.errors());
            err.println("(run `ruchy transpile " + file.name() + "` to see the generated Java)");
            throw new GeneratedCodeDoesNotCompile();
        }
        return cache.store(key, result.qualifiedName(), file.name(), compiled.classes(),
                result.lineMap());
    }

    /** The transpiler produced Java that javac rejects: our fault, reported already; exit status 70. */
    static final class GeneratedCodeDoesNotCompile extends RuntimeException {
        private static final long serialVersionUID = 1L;

        GeneratedCodeDoesNotCompile() {
            super("the generated Java does not compile", null, false, false);
        }
    }

    /** The class path generated code compiles against: this process's own (it holds the runtime). */
    static String runtimeClasspath() {
        return System.getProperty("java.class.path");
    }
}
