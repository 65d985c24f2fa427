package dev.ruchy.cli;

import dev.ruchy.transpiler.TranspileOptions;
import dev.ruchy.transpiler.source.SourceFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ruchy run FILE [ARGS...]}: transpiles, compiles in memory and runs a program. The compiled
 * classes are cached by content, so running an unchanged file again skips both steps.
 */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run a Ruchy program.")
final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "the Ruchy program")
    Path file;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "arguments passed to the program")
    List<String> args = List.of();

    @Option(names = "--no-cache", description = "always transpile and compile, ignoring the compile cache")
    boolean noCache;

    @Mixin
    CodeOptions code;

    @Mixin
    ClassPathOptions classPath;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter errWriter = spec.commandLine().getErr();
        SourceFile source = SourceInputs.read(file, errWriter);
        if (source == null) {
            return RuchyCommand.EXIT_BAD_INPUT;
        }
        List<Path> classPathEntries = classPath.entries();
        TranspileOptions options = code.options().withJavaTypes(classPath.javaTypes());
        ClassCache.Entry entry;
        try {
            entry = ProgramCompiler.compile(source, options, classPathEntries, !noCache, System.err);
        } catch (ProgramCompiler.GeneratedCodeDoesNotCompile e) {
            return RuchyCommand.EXIT_SOFTWARE;
        } finally {
            classPath.close(); // the program's own class loader opens the jars it needs
        }
        if (entry == null) {
            return 1;
        }
        if (options.checkedArithmetic() || !classPathEntries.isEmpty()) {
            // the launcher's direct path runs neither checked arithmetic nor a class path
            return ProgramRunner.run(entry, classPathEntries, args.toArray(String[]::new), System.err);
        }
        try {
            ClassCache.standard().index(source.name(), java.nio.file.Files.readAllBytes(file), entry);
        } catch (java.io.IOException e) {
            // the file was read a moment ago; without the index the next run just takes the slow path
        }
        return ProgramRunner.run(entry, args.toArray(String[]::new), System.err);
    }

    /** Compiles (or finds in the cache) and runs; returns the exit status. */
    static int run(SourceFile source, boolean evalMode, boolean useCache, String[] args) {
        return ScriptRunner.run(source, TranspileOptions.defaults().withEvalMode(evalMode), useCache, args);
    }
}
