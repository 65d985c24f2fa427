package dev.ruchy.transpiler.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import dev.ruchy.transpiler.ast.Expr;
import dev.ruchy.transpiler.ast.Node;
import dev.ruchy.transpiler.ast.Program;
import dev.ruchy.transpiler.ast.Stmt;
import dev.ruchy.transpiler.code.Symbol;
import dev.ruchy.transpiler.code.Type;
import dev.ruchy.transpiler.lexer.Comment;
import dev.ruchy.transpiler.resolve.Resolver.Resolution;
import dev.ruchy.transpiler.types.TypeInference;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The state of emitting one compilation unit: the resolved and typed program, the options, and
 * the method being written (its Java names, its code buffer, its result type, the loops around the
 * current statement). The printers share one context; {@link #enterMethod} and {@link #restoreMethod}
 * bracket each method, constructor and field initializer.
 */
final class EmitContext {
    final Program program;
    final Resolution resolution;
    final TypeInference.Types types;
    /** The class being emitted; structs, enums and classes are nested in it. */
    final ClassName self;
    final boolean evalMode;
    final boolean checkedArithmetic;
    final boolean replMode;
    /** Test sources: {@code #[test]} functions become JUnit 5 tests, assertions name the Ruchy file and line. */
    final boolean testMode;
    /** An input of an interactive session, or null for a file. */
    final JavaEmitter.Session session;
    /** Structs emitted as final classes with mutable fields rather than records. */
    final Set<String> structsAsClasses = new HashSet<>();
    /** Top-level {@code let}s of constants that initialise their field where it is declared. */
    final Set<Stmt.Let> hoistedLets = Collections.newSetFromMap(new IdentityHashMap<>());
    final Map<Symbol, String> globalNames = new IdentityHashMap<>();
    /** Top-level variables handlers and tasks may update at once ({@link SharedGlobals}); none in an interactive session. */
    final SharedGlobals sharedGlobals;
    /** Reads of a shared top-level variable that use the value an update before them wrote: the local holding it. */
    final Map<Expr.Ident, String> updatedValues = new IdentityHashMap<>();
    /** Comments already carried into the Java, by index in {@code program.comments()}. */
    final boolean[] commentUsed;
    /** Comments before this offset belong to an enclosing scope and are not pulled into the current one. */
    int commentFloor;
    /** The Ruchy line of each statement, recorded as the file is written. */
    final LineMarks lineMarks = new LineMarks();

    /** The Java names of the method being emitted. */
    NameScope scope = new NameScope(Set.of());
    /** The body of the method being emitted. */
    CodeBlock.Builder out;
    /** Result type of the function being emitted; null at top level. */
    Type resultType;
    boolean resultVoid = true;
    boolean inLambda;
    /** In a lambda of a runtime callback, which returns nothing: {@code return x} evaluates x and returns. */
    boolean inCallback;
    /**
     * In the lambda of a Java functional interface: converts the value the lambda returns (its code
     * and Ruchy type) to the interface method's result ({@code Math.toIntExact} for an {@code int});
     * null elsewhere.
     */
    java.util.function.BiFunction<CodeBlock, Type, CodeBlock> lambdaReturn;
    /** The struct, enum or class whose methods are being emitted ({@code Self}), or null. */
    String selfType;
    final Deque<LoopContext> loops = new ArrayDeque<>();
    /** Which locals are resources closed at the end of their block or of the {@code spawn} that owns them. */
    final ResourceScopes resources;
    /** Which loop counters are printed as {@code int}s. */
    final IntCounters intCounters;
    /** Which pushes go onto arrays no other code can see yet, printed without the monitor. */
    final UnsharedArrays unsharedArrays;
    /** Lookup tables in functions made once, as fields ({@link ConstantLocals}). */
    final ConstantLocals constantLocals;
    /** The fields of those tables, by the local they replace, and their declarations, in order. */
    final Map<Symbol, String> constantFields = new IdentityHashMap<>();
    final List<FieldSpec> constantFieldSpecs = new ArrayList<>();
    /** The try-with-resources blocks opened in the current statement lists, closed as each list ends. */
    int openResources;

    final DeclarationPrinter declarations;
    final StatementPrinter statements;
    final ControlFlowPrinter flow;
    final PatternPrinter patterns;
    final ExpressionPrinter expressions;
    final OperatorPrinter operators;
    final CallPrinter calls;
    final LambdaPrinter lambdas;
    final Coercions coercions;
    final LoopRows rows;

    EmitContext(Program program, Resolution resolution, TypeInference.Types types, ClassName self,
            JavaEmitter.Mode mode) {
        this.program = program;
        this.resolution = resolution;
        this.types = types;
        this.self = self;
        this.evalMode = mode.evalMode();
        this.checkedArithmetic = mode.checkedArithmetic();
        this.replMode = mode.replMode();
        this.testMode = mode.testMode();
        this.session = mode.session();
        this.commentUsed = new boolean[program.comments().size()];
        this.resources = ResourceScopes.of(program, resolution, types, mode.session() == null);
        this.intCounters = IntCounters.of(program, resolution, types, checkedArithmetic);
        this.unsharedArrays = UnsharedArrays.of(program, resolution, types);
        this.constantLocals = ConstantLocals.of(program, resolution, mode.session() != null || mode.replMode() || mode.evalMode());
        // an interactive session's bindings outlive each input's class
        this.sharedGlobals = mode.session() != null ? SharedGlobals.none() : SharedGlobals.of(program, resolution, types);
        // last: the printers read the fields above
        this.declarations = new DeclarationPrinter(this);
        this.statements = new StatementPrinter(this);
        this.flow = new ControlFlowPrinter(this);
        this.patterns = new PatternPrinter(this);
        this.expressions = new ExpressionPrinter(this);
        this.operators = new OperatorPrinter(this);
        this.calls = new CallPrinter(this);
        this.lambdas = new LambdaPrinter(this);
        this.coercions = new Coercions(this);
        this.rows = new LoopRows(this);
    }

    /** A loop being emitted: its Java label (or null) and where {@code break value} stores the value. */
    record LoopContext(String label, String rubyLabel, String valueTarget, Type valueType) {
    }

    /**
     * The Java class of the Ruchy struct, enum or class {@code ruchyName}, nested in the file's class.
     * Java forbids a nested class named like the class around it ({@code struct Point} in
     * {@code point.ruchy}), so that one gets a trailing underscore (and its Ruchy name as
     * {@code @RuchyName}).
     */
    ClassName typeName(String ruchyName) {
        String owner = session == null ? null : session.typeOwners().get(ruchyName);
        if (owner != null) {
            return ClassName.get(self.packageName(), owner).nestedClass(
                    ruchyName.equals(owner) ? ruchyName + "_" : ruchyName);
        }
        return self.nestedClass(ruchyName.equals(self.simpleName()) ? ruchyName + "_" : ruchyName);
    }

    /** Whether the struct, enum or class {@code ruchyName} is declared in this class (not in an earlier input's). */
    boolean ownsType(String ruchyName) {
        return session == null || !session.typeOwners().containsKey(ruchyName);
    }

    /** In a session, a loop's body starts by checking for interruption: the session's Ctrl-C. */
    void interruptCheck() {
        if (session != null) {
            out.addStatement("if ($T.interrupted()) throw new $T($S)", Thread.class,
                    java.util.concurrent.CancellationException.class, "interrupted");
        }
    }

    String fileName() {
        String name = program.file().name();
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return name.substring(slash + 1);
    }

    record MethodState(NameScope scope, CodeBlock.Builder out,
            Type resultType, boolean resultVoid, boolean inLambda) {
    }

    MethodState enterMethod() {
        MethodState state = new MethodState(scope, out, resultType, resultVoid, inLambda);
        scope = new NameScope(globalNames.values());
        inLambda = false;
        return state;
    }

    void restoreMethod(MethodState s) {
        scope = s.scope();
        out = s.out();
        resultType = s.resultType();
        resultVoid = s.resultVoid();
        inLambda = s.inLambda();
    }

    /** Adds one statement; unlike {@code addStatement}, a lambda body spanning lines inside it indents correctly. */
    void stmt(String format, Object... args) {
        out.add(CodeBlock.of(format, args)).add(";\n");
    }

    void mark(Node n) {
        flushComments(n.span().start());
        out.add("$L", lineMarks.at(n.span().startLine()));
        if (n.span().startLine() == n.span().endLine()) {
            endOfLineComments(n.span().end(), out);
        }
    }

    /**
     * Adds to {@code code} a mark that ends the Java line being written with the Ruchy comments that
     * end the line of the code ending at {@code end} ({@code let x = 1 // one}), and takes them from
     * the comments still to place. Only a one-line piece of code takes them: its Java starts on the
     * line of the mark. Nothing but blanks and a {@code ;} may stand between the code and the comment.
     */
    void endOfLineComments(int end, CodeBlock.Builder code) {
        String source = program.file().text();
        int line = program.file().line(end);
        List<Comment> comments = program.comments();
        for (int i = 0; i < comments.size(); i++) {
            Comment c = comments.get(i);
            if (commentUsed[i] || c.start() < end || program.file().line(c.start()) != line) {
                continue;
            }
            String between = source.substring(end, c.start()).strip();
            if (!between.isEmpty() && !between.equals(";")) {
                return;
            }
            commentUsed[i] = true;
            String text = String.join(" ", c.text().strip().lines().map(String::strip).toList());
            code.add("$L", lineMarks.endOfLineComment(commentText(text)));
            end = c.end();
        }
    }

    /** Carries the Ruchy comments between the current floor and {@code before} into the Java as line comments. */
    void flushComments(int before) {
        List<Comment> comments = program.comments();
        for (int i = 0; i < comments.size(); i++) {
            Comment c = comments.get(i);
            if (!commentUsed[i] && c.start() >= commentFloor && c.end() <= before) {
                commentUsed[i] = true;
                for (String line : c.text().split("\n", -1)) {
                    String text = line.strip();
                    if (text.isEmpty()) {
                        out.add("//\n");
                    } else {
                        out.add("// $L\n", commentText(text));
                    }
                }
            }
        }
    }

    private static final Pattern BACKSLASHES_BEFORE_U = Pattern.compile("\\\\+(?=u)");

    /**
     * Ruchy comment text made safe inside a Java comment. javac reads Unicode escapes everywhere, in
     * comments too: a Windows path such as {@code C:} followed by a backslash and {@code users} would
     * be an illegal escape, and a backslash-{@code u000a} a line break that ends the comment. An odd
     * run of backslashes before {@code u} gets one more, which javac reads as plain backslashes.
     */
    static String commentText(String text) {
        return BACKSLASHES_BEFORE_U.matcher(text).replaceAll(run -> Matcher.quoteReplacement(
                run.group().length() % 2 == 0 ? run.group() : run.group() + "\\"));
    }

    Symbol symbolOf(Expr.Ident id) {
        Symbol sym = resolution.reference(id);
        return sym != null ? sym : resolution.declaration(id);
    }

    /** Whether a field of the class already has {@code name} (top-level variables and tables made once). */
    boolean fieldNameTaken(String name) {
        return globalNames.values().stream().anyMatch(name::equals)
                || constantFields.values().stream().anyMatch(name::equals);
    }

    String nameOf(Symbol sym, String rubyName) {
        if (sym.isGlobal()) {
            return globalName(sym);
        }
        String name = scope.nameOf(sym);
        return name != null ? name : Names.camelCase(rubyName);
    }

    String globalName(Symbol sym) {
        String name = globalNames.get(sym);
        return name != null ? name : Names.camelCase(sym.name());
    }
}
