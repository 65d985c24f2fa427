package dev.ruchy.transpiler;

import dev.ruchy.transpiler.ast.Program;
import dev.ruchy.transpiler.diag.Diagnostic;
import dev.ruchy.transpiler.diag.Diagnostics;
import dev.ruchy.transpiler.parser.Parser;
import dev.ruchy.transpiler.source.SourceFile;
import java.util.List;

/**
 * The front door of the transpiler: what the CLI, the Maven plugin and the tests call.
 * Thread-safe: every call works on its own state.
 */
public final class Transpiler {
    /** The transpiler's version, from the jar manifest, or {@code "dev"} when run from classes. */
    public static final String VERSION = versionOf(Transpiler.class);

    private Transpiler() {
    }

    /** A parsed file and what was found wrong with it. */
    public record ParseResult(Program program, List<Diagnostic> diagnostics) {
        public boolean hasErrors() {
            return diagnostics.stream().anyMatch(Diagnostic::isError);
        }
    }

    /** Lexes and parses {@code file}; never throws on bad input. */
    public static ParseResult parse(SourceFile file) {
        Diagnostics diagnostics = new Diagnostics();
        Program program = Parser.parse(file, diagnostics);
        return new ParseResult(program, diagnostics.sorted());
    }

    private static String versionOf(Class<?> c) {
        String v = c.getPackage() == null ? null : c.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
