package dev.ruchy.cli;

import dev.ruchy.transpiler.Transpiler;
import dev.ruchy.transpiler.diag.Diagnostic;
import dev.ruchy.transpiler.diag.DiagnosticRenderer;
import dev.ruchy.transpiler.source.AtomicFiles;
import dev.ruchy.transpiler.source.SourceFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ruchy transpile FILE... [-d DIR]}: writes the Java for each file as {@code DIR/Name.java}.
 * Each file is written to a temporary file and renamed into place, so a failure never leaves half
 * a file; nothing is written for a file with errors.
 */
@Command(name = "transpile", mixinStandardHelpOptions = true, description = "Translate Ruchy files to Java source.")
final class TranspileCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Ruchy source files")
    List<Path> files;

    @Option(names = {"-d", "--directory"}, paramLabel = "DIR", description = "where to write the .java files (default: the current directory)")
    Path directory = Path.of(".");

    @Option(names = "--stdout", description = "print the Java instead of writing files")
    boolean stdout;

    @Mixin
    CodeOptions code;

    @Mixin
    ClassPathOptions classPath;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try {
            return transpileAll();
        } finally {
            classPath.close(); // the jars the transpiler opened
        }
    }

    private Integer transpileAll() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int status = 0;
        dev.ruchy.transpiler.TranspileOptions options = code.options().withJavaTypes(classPath.javaTypes());
        for (Path path : files) {
            SourceFile source = SourceInputs.read(path, err);
            if (source == null) {
                status = Math.max(status, RuchyCommand.EXIT_BAD_INPUT);
                continue;
            }
            Transpiler.TranspileResult result = Transpiler.transpile(source, "", options);
            for (Diagnostic d : result.diagnostics()) {
                err.print(DiagnosticRenderer.render(d));
            }
            if (result.hasErrors()) {
                status = Math.max(status, 1);
                continue;
            }
            if (stdout) {
                out.print(result.source());
                continue;
            }
            Path target = directory.resolve(result.className() + ".java");
            try {
                AtomicFiles.write(target, result.source());
                out.println(path + " -> " + target);
            } catch (IOException e) {
                err.println("ruchy: cannot write " + target + ": " + e.getMessage());
                status = Math.max(status, RuchyCommand.EXIT_BAD_INPUT);
            }
        }
        out.flush();
        err.flush();
        return status;
    }
}
