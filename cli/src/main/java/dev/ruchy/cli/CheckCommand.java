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
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ruchy check FILE...}: reports every syntax error in every file and, for files whose
 * syntax is clean, undefined names and wrong arities ({@code --syntax}: syntax only). Exit 0 when all files are
 * clean, else 70 if the parser failed on one, else 1 if any has errors, else 65 if one could not
 * be read. {@code --explain-dynamic} also lists, for each file that checks clean, the places where
 * its generated Java falls back to the dynamic runtime ({@link DynamicReport}); that list is a report,
 * not an error, and leaves the exit status alone (70 when the generated Java does not compile).
 */
@Command(name = "check", mixinStandardHelpOptions = true, description = "Check Ruchy files for errors without running them.")
final class CheckCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Ruchy source files")
    List<Path> files;

    @Option(names = "--syntax", description = "check the syntax only, not names and arities")
    boolean syntaxOnly;

    @Option(names = "--explain-dynamic", description = "list each place where the generated Java is dynamic, and why")
    boolean explainDynamic;

    @Mixin
    ClassPathOptions classPath;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try {
            return checkAll();
        } finally {
            classPath.close(); // the jars the transpiler opened
        }
    }

    private Integer checkAll() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int errors = 0;
        boolean unreadable = false;
        boolean internalError = false;
        dev.ruchy.transpiler.TranspileOptions options = dev.ruchy.transpiler.TranspileOptions.defaults()
                .withJavaTypes(classPath.javaTypes());
        for (Path path : files) {
            SourceFile file = SourceInputs.read(path, err);
            if (file == null) {
                unreadable = true;
                continue;
            }
            Transpiler.ParseResult result = SourceInputs.analyse(file, syntaxOnly, options, err);
            if (result == null) {
                internalError = true;
                continue;
            }
            int before = errors;
            for (Diagnostic d : result.diagnostics()) {
                err.print(DiagnosticRenderer.render(d));
                if (d.isError()) {
                    errors++;
                }
            }
            if (explainDynamic && !syntaxOnly && !DynamicReport.explain(file, errors > before, out)) {
                internalError = true;
            }
        }
        if (errors > 0) {
            err.println(errors + (errors == 1 ? " error" : " errors"));
        }
        err.flush();
        if (internalError) {
            return RuchyCommand.EXIT_SOFTWARE;
        }
        if (errors > 0) {
            return 1;
        }
        if (unreadable) {
            return RuchyCommand.EXIT_BAD_INPUT;
        }
        out.println(files.size() == 1 ? files.get(0) + ": ok" : files.size() + " files: ok");
        out.flush();
        return 0;
    }
}
