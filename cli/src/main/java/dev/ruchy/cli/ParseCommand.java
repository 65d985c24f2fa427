package dev.ruchy.cli;

import dev.ruchy.transpiler.Transpiler;
import dev.ruchy.transpiler.ast.AstPrinter;
import dev.ruchy.transpiler.diag.Diagnostic;
import dev.ruchy.transpiler.diag.DiagnosticRenderer;
import dev.ruchy.transpiler.source.SourceFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ruchy parse --ast FILE}: prints the syntax tree (with error nodes, if any) and the diagnostics. */
@Command(name = "parse", mixinStandardHelpOptions = true, description = "Parse a Ruchy file and print its syntax tree.")
final class ParseCommand implements Callable<Integer> {
    @Option(names = "--ast", description = "print the syntax tree (the default)")
    boolean ast = true;

    @Parameters(paramLabel = "FILE", description = "a Ruchy source file")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SourceFile source = SourceInputs.read(file, err);
        if (source == null) {
            return RuchyCommand.EXIT_BAD_INPUT;
        }
        Transpiler.ParseResult result = SourceInputs.parse(source, err);
        if (result == null) {
            return RuchyCommand.EXIT_SOFTWARE;
        }
        String tree;
        try {
            tree = AstPrinter.print(result.program());
        } catch (StackOverflowError e) { // e.g. a sum of 100,000 terms is a tree 100,000 deep
            err.println("ruchy: " + file + ": internal error: the syntax tree is too deep to print");
            return RuchyCommand.EXIT_SOFTWARE;
        }
        out.print(tree);
        out.flush();
        for (Diagnostic d : result.diagnostics()) {
            err.print(DiagnosticRenderer.render(d));
        }
        err.flush(); // print() does not flush, and main() ends in System.exit
        return result.hasErrors() ? 1 : 0;
    }
}
