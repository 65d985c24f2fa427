package dev.ruchy.transpiler;

import dev.ruchy.transpiler.ast.Expr;
import dev.ruchy.transpiler.ast.Pattern;
import dev.ruchy.transpiler.ast.Program;
import dev.ruchy.transpiler.ast.Stmt;
import dev.ruchy.transpiler.code.Type;
import dev.ruchy.transpiler.diag.Diagnostic;
import dev.ruchy.transpiler.diag.Diagnostics;
import dev.ruchy.transpiler.emit.JavaEmitter;
import dev.ruchy.transpiler.emit.Names;
import dev.ruchy.transpiler.emit.UnreachableCode;
import dev.ruchy.transpiler.interop.JavaClass;
import dev.ruchy.transpiler.lower.Lowering;
import dev.ruchy.transpiler.parser.Parser;
import dev.ruchy.transpiler.resolve.Resolver;
import dev.ruchy.transpiler.source.SourceFile;
import dev.ruchy.transpiler.types.MemberChecks;
import dev.ruchy.transpiler.types.TypeInference;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    /**
     * Everything the transpiler can find wrong with {@code file} without generating code: syntax
     * errors, then (when the syntax is clean) undefined names, wrong arities, and unknown fields and methods. Never throws on bad
     * input. The program returned is the parsed one when there are syntax errors, otherwise the
     * {@linkplain Lowering lowered} one that was checked.
     */
    public static ParseResult check(SourceFile file) {
        return check(file, TranspileOptions.defaults());
    }

    /** As {@link #check(SourceFile)}, with the Java classes of {@code options} in reach. */
    public static ParseResult check(SourceFile file, TranspileOptions options) {
        Diagnostics diagnostics = new Diagnostics();
        Program program = Parser.parse(file, diagnostics);
        if (!diagnostics.hasErrors()) {
            program = Lowering.lower(program);
            Resolver.Resolution resolution = Resolver.resolve(program, diagnostics, options.javaTypes());
            // names that did not resolve are of unknown type: their members are not checked, the rest are
            MemberChecks.check(program, resolution, TypeInference.infer(program, resolution), diagnostics);
            UnreachableCode.check(program, diagnostics);
        }
        return new ParseResult(program, diagnostics.sorted());
    }

    /**
     * The Java translation of one file.
     *
     * @param className   the simple name of the generated class
     * @param packageName its package, "" for the default package
     * @param source      the Java compilation unit; null when there were errors
     * @param lineMap     for each 1-based Java line, the Ruchy line it came from (0: none); null when there were errors
     */
    public record TranspileResult(String packageName, String className, String source, int[] lineMap,
            List<Diagnostic> diagnostics) {
        public boolean hasErrors() {
            return diagnostics.stream().anyMatch(Diagnostic::isError);
        }

        /** {@code package.Class}, or {@code Class} in the default package. */
        public String qualifiedName() {
            return packageName.isEmpty() ? className : packageName + "." + className;
        }
    }

    /**
     * Transpiles {@code file} to one Java class named after the file ({@code web_server.ruchy} →
     * {@code WebServer}) in {@code packageName}. Never throws on bad input: syntax errors, undefined
     * names and wrong arities come back as diagnostics and no source.
     */
    public static TranspileResult transpile(SourceFile file, String packageName) {
        return transpile(file, packageName, false);
    }

    /**
     * As {@link #transpile(SourceFile, String)}; with {@code evalMode} the generated program also
     * prints the value of the last top-level expression unless it is nil, as {@code ruchy -e} does.
     */
    public static TranspileResult transpile(SourceFile file, String packageName, boolean evalMode) {
        return transpile(file, packageName, TranspileOptions.defaults().withEvalMode(evalMode));
    }

    /** As {@link #transpile(SourceFile, String)}, with {@code options}. */
    public static TranspileResult transpile(SourceFile file, String packageName, TranspileOptions options) {
        Diagnostics diagnostics = new Diagnostics();
        Program program = Parser.parse(file, diagnostics);
        String className = Names.className(file.name());
        if (diagnostics.hasErrors()) {
            return new TranspileResult(packageName, className, null, null, diagnostics.sorted());
        }
        program = Lowering.lower(program);
        Resolver.Resolution resolution = Resolver.resolve(program, diagnostics, options.javaTypes());
        // as check does: names that did not resolve are of unknown type, so one run reports an unknown
        // name and an unknown method together
        TypeInference.Types types = TypeInference.infer(program, resolution, options.checkedArithmetic());
        MemberChecks.check(program, resolution, types, diagnostics);
        UnreachableCode.check(program, diagnostics);
        if (diagnostics.hasErrors()) {
            return new TranspileResult(packageName, className, null, null, diagnostics.sorted());
        }
        JavaEmitter.Mode mode = new JavaEmitter.Mode(options.evalMode(), options.checkedArithmetic(), options.replMode(),
                options.testMode());
        JavaEmitter.Output output = JavaEmitter.emit(program, resolution, types, packageName, className, mode);
        return new TranspileResult(packageName, className, output.source(), output.lineMap(), diagnostics.sorted());
    }

    /**
     * The public signatures of the class {@code file} becomes in {@code packageName} (see
     * {@link #transpile(SourceFile, String, TranspileOptions)}), as another file that imports it sees
     * them: each top-level {@code pub fun} is a public static method whose parameter and return types
     * are the ones the transpiled method has ({@code java.lang.Object} where neither an annotation nor
     * inference gives one), plus {@code main(String[])}. Other functions, structs and enums are not
     * public in the generated class and are not listed. Types are inferred with the Java classes in
     * {@code options}. Empty when the file has syntax errors; never throws on bad input.
     */
    public static Optional<JavaClass> publicSignatures(SourceFile file, String packageName, TranspileOptions options) {
        Diagnostics diagnostics = new Diagnostics();
        Program program = Parser.parse(file, diagnostics);
        if (diagnostics.hasErrors()) {
            return Optional.empty();
        }
        try {
            program = Lowering.lower(program);
            Resolver.Resolution resolution = Resolver.resolve(program, diagnostics, options.javaTypes());
            TypeInference.Types types = TypeInference.infer(program, resolution, options.checkedArithmetic());
            return Optional.of(JavaEmitter.publicSignatures(program, resolution, types, packageName,
                    Names.className(file.name())));
        } catch (RuntimeException | StackOverflowError e) {
            return Optional.empty(); // a transpiler bug: the file's own transpilation reports it
        }
    }

    /**
     * The Java translation of one input of an interactive session.
     *
     * @param fields for each top-level binding of the session, the offset of its name in the session
     *               text and the static field of the class that holds it (empty when there were errors)
     */
    public record SessionInputResult(TranspileResult result, Map<Integer, String> fields) {
    }

    /**
     * Transpiles the input that starts at {@code liveFrom} in {@code session} (the text of the
     * earlier inputs, then this one) to the class {@code className} in the default package, whose
     * {@code main} runs this input alone and prints the value of each of its expression statements
     * (Display, unless nil). Every top-level binding of the session is a static field of the class;
     * the caller restores the earlier inputs' values before {@code main} and reads them back after.
     * Structs, enums and classes named in {@code typeOwners} are referred to in the earlier class
     * given there instead of being declared again. The class holds only the earlier functions and
     * bindings the input uses (see {@link JavaEmitter.Session}). Never throws on bad input.
     *
     * @param typeOwners type name to the simple name of the earlier class it is nested in
     */
    public static SessionInputResult transpileSessionInput(SourceFile session, int liveFrom, String className,
            Map<String, String> typeOwners) {
        return transpileSessionInput(session, liveFrom, className, typeOwners, false);
    }

    /**
     * As {@link #transpileSessionInput(SourceFile, int, String, Map)}; with {@code everything}, the
     * class holds every function and top-level binding of the session, used or not.
     */
    public static SessionInputResult transpileSessionInput(SourceFile session, int liveFrom, String className,
            Map<String, String> typeOwners, boolean everything) {
        Diagnostics diagnostics = new Diagnostics();
        Analysed a = analyseSession(session, diagnostics);
        if (a == null) {
            return new SessionInputResult(new TranspileResult("", className, null, null, diagnostics.sorted()), Map.of());
        }
        JavaEmitter.Mode mode = new JavaEmitter.Mode(false, false, true, false, new JavaEmitter.Session(liveFrom, typeOwners, everything));
        JavaEmitter.SessionOutput output = JavaEmitter.emitSessionInput(a.program(), a.resolution(), a.types(), "", className, mode);
        return new SessionInputResult(new TranspileResult("", className, output.output().source(),
                output.output().lineMap(), diagnostics.sorted()), output.fields());
    }

    /**
     * The inferred type of the input that starts at {@code liveFrom} in {@code session}: of its last
     * statement when that is an expression, else {@link Type#NIL}; null when the session has errors
     * (they are added to {@code diagnostics}).
     */
    public static Type typeOfSessionInput(SourceFile session, int liveFrom, List<Diagnostic> diagnostics) {
        Diagnostics found = new Diagnostics();
        Analysed a = analyseSession(session, found);
        diagnostics.addAll(found.sorted());
        if (a == null) {
            return null;
        }
        List<Stmt> statements = a.program().statements();
        Stmt last = statements.isEmpty() ? null : statements.get(statements.size() - 1);
        return last instanceof Stmt.ExprStmt es && last.span().start() >= liveFrom ? a.types().of(es.expr()) : Type.NIL;
    }

    private record Analysed(Program program, Resolver.Resolution resolution, TypeInference.Types types) {
    }

    /** Parses, resolves (every top-level binding a global) and checks a session; null on errors. */
    private static Analysed analyseSession(SourceFile session, Diagnostics diagnostics) {
        Program program = Parser.parse(session, diagnostics);
        if (diagnostics.hasErrors()) {
            return null;
        }
        program = Lowering.lower(program);
        Resolver.Resolution resolution = Resolver.resolve(program, diagnostics, TranspileOptions.defaults().javaTypes());
        if (diagnostics.hasErrors()) {
            return null;
        }
        // every top-level binding lives in a field, so that the next input can find it again
        for (Stmt s : program.statements()) {
            if (s instanceof Stmt.Let let) {
                markGlobal(let.pattern(), resolution);
            } else if (s instanceof Stmt.ExprStmt es && es.expr() instanceof Expr.Assign a && a.target() instanceof Expr.Ident id
                    && resolution.declaration(id) != null) {
                resolution.declaration(id).markGlobal();
            }
        }
        TypeInference.Types types = TypeInference.infer(program, resolution, false, true);
        MemberChecks.check(program, resolution, types, diagnostics);
        UnreachableCode.check(program, diagnostics);
        return diagnostics.hasErrors() ? null : new Analysed(program, resolution, types);
    }

    private static void markGlobal(Pattern p, Resolver.Resolution resolution) {
        switch (p) {
            case Pattern.Binding b -> {
                if (resolution.declaration(b) != null) {
                    resolution.declaration(b).markGlobal();
                }
            }
            case Pattern.Tuple t -> t.elements().forEach(e -> markGlobal(e, resolution));
            case Pattern.Array a -> a.elements().forEach(e -> markGlobal(e, resolution));
            default -> {
            }
        }
    }

    private static String versionOf(Class<?> c) {
        String v = c.getPackage() == null ? null : c.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
