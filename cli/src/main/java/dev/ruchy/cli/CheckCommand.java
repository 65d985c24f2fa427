package dev.ruchy.cli;

import dev.ruchy.transpiler.Transpiler;
import dev.ruchy.transpiler.diag.Diagnostic;
import dev.ruchy.transpiler.diag.DiagnosticRenderer;
import dev.ruchy.transpiler.source.SourceFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ruchy check FILE...}: reports every syntax error; exit 0 when all files are clean, 1 otherwise. */
@Command(name = "check", mixinStandardHelpOptions = true, description = "Check Ruchy files for errors without running them.")
final class CheckCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Ruchy source files")
    List<Path> files;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int errors = 0;
        boolean unreadable = false;
        for (Path path : files) {
            SourceFile file = SourceInputs.read(path, err);
            if (file == null) {
                unreadable = true;
                continue;
            }
            Transpiler.ParseResult result = Transpiler.parse(file);
            for (Diagnostic d : result.diagnostics()) {
                err.print(DiagnosticRenderer.render(d));
                if (d.isError()) {
                    errors++;
                }
            }
        }
        err.flush();
        if (errors > 0) {
            err.println(errors + (errors == 1 ? " error" : " errors"));
            return 1;
        }
        if (unreadable) {
            return RuchyCommand.EXIT_BAD_INPUT;
        }
        out.println(files.size() == 1 ? files.get(0) + ": ok" : files.size() + " files: ok");
        return 0;
    }
}
