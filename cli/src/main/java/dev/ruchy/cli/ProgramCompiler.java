package dev.ruchy.cli;

import dev.ruchy.transpiler.TranspileOptions;
import dev.ruchy.transpiler.Transpiler;
import dev.ruchy.transpiler.diag.Diagnostic;
import dev.ruchy.transpiler.diag.DiagnosticRenderer;
import dev.ruchy.transpiler.source.SourceFile;
import dev.ruchy.transpiler.classfile.RuchyDebugInfo;
import java.io.File;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        return compile(file, options, List.of(), useCache, err);
    }

    /**
     * As {@link #compile(SourceFile, TranspileOptions, boolean, PrintStream)}, the generated Java
     * compiled against {@code classPath} too (jars and class folders; the classes of
     * {@code options.javaTypes()} should be those). The cache key holds each entry and its state, so a
     * rebuilt jar or class folder compiles the program again.
     */
    static ClassCache.Entry compile(SourceFile file, TranspileOptions options, List<Path> classPath, boolean useCache,
            PrintStream err) {
        ClassCache cache = ClassCache.standard();
        String mode = (options.evalMode() ? "eval" : "run") + (options.checkedArithmetic() ? "+checked" : "")
                + (classPath.isEmpty() ? "" : "+cp=" + ClassCache.classPathState(classPath)) + ":";
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
        String compileClassPath = runtimeClasspath();
        for (Path entry : classPath) {
            compileClassPath += File.pathSeparator + entry;
        }
        InMemoryCompiler.Result compiled = InMemoryCompiler.compile(result.qualifiedName(), result.source(), compileClassPath);
        if (!compiled.succeeded()) {
            err.println("ruchy: internal error: the Java generated from " + file.name() + " does not compile:");
            err.print(compiled.errors());
            err.println("(run `ruchy transpile " + file.name() + "` to see the generated Java)");
            throw new GeneratedCodeDoesNotCompile();
        }
        return cache.store(key, result.qualifiedName(), file.name(),
                withDebugInfo(compiled.classes(), file.name(), result.lineMap(), RuchyDebugInfo.LineNumbers.RUCHY),
                result.lineMap());
    }

    /**
     * {@code classes} with the Ruchy file and lines as their debug information: a JSR-45 source map
     * (stratum Ruchy) for debuggers and, with {@link RuchyDebugInfo.LineNumbers#RUCHY} (what
     * {@code ruchy run} uses), line tables of Ruchy lines, so stack traces read {@code app.ruchy:LINE}:
     * {@code ruchy run} keeps the generated Java in memory only, so there is no Java file whose lines
     * a debugger could show.
     *
     * @param fileName    the Ruchy file as named on the command line; the classes name its last part
     * @param lineMap     for each Java line (1-based) its Ruchy line, 0 for none
     * @param lineNumbers what the line tables hold
     */
    static Map<String, byte[]> withDebugInfo(Map<String, byte[]> classes, String fileName, int[] lineMap,
            RuchyDebugInfo.LineNumbers lineNumbers) {
        String name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf(File.separatorChar)) + 1);
        Map<String, byte[]> result = new LinkedHashMap<>();
        classes.forEach((className, bytes) -> {
            byte[] rewritten = RuchyDebugInfo.apply(bytes, name, lineMap, lineNumbers);
            result.put(className, rewritten == null ? bytes : rewritten);
        });
        return result;
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
