package dev.ruchy.transpiler.emit;

import static dev.ruchy.transpiler.emit.RuntimeApi.BUILTINS;
import static dev.ruchy.transpiler.emit.RuntimeApi.RUCHY_ERROR;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.ruchy.transpiler.ast.Expr;
import dev.ruchy.transpiler.ast.Node;
import dev.ruchy.transpiler.ast.Nodes;
import dev.ruchy.transpiler.ast.Pattern;
import dev.ruchy.transpiler.ast.Program;
import dev.ruchy.transpiler.ast.Stmt;
import dev.ruchy.transpiler.ast.UnaryOp;
import dev.ruchy.transpiler.code.Symbol;
import dev.ruchy.transpiler.code.Type;
import dev.ruchy.transpiler.interop.JavaClass;
import dev.ruchy.transpiler.interop.JavaMethod;
import dev.ruchy.transpiler.resolve.Resolver.Resolution;
import dev.ruchy.transpiler.types.TypeInference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Turns a resolved and typed {@link Program} into one Java compilation unit with JavaPoet: a final
 * class named after the file whose {@code main} runs the top-level statements (then calls the
 * Ruchy {@code main} function, if any), with functions as static methods, structs as records or
 * final classes, enums as Java enums or sealed interfaces of records, and closures as lambdas.
 *
 * <p>Expressions with a known type compile to plain Java operators on {@code long}, {@code double},
 * {@code boolean} and {@code String}; the rest goes through the runtime's small dynamic layer
 * ({@code Ops}). Each statement carries its Ruchy line as a {@link LineMarks} mark, and
 * {@link #emit} returns the Ruchy line of each Java line beside the source.
 */
public final class JavaEmitter {
    private final EmitContext cx;
    private final String packageName;
    private final String className;
    private final TypeSpec.Builder type;
    /** In a session: the offset of each top-level binding's name, and its field. */
    private final Map<Integer, String> sessionFields = new HashMap<>();
    /** In a session input that holds only what it uses: the functions and bindings it needs; null: all. */
    private Set<Symbol> used;

    /**
     * What the emitted class does beyond running the program (the facade makes it from its
     * {@code TranspileOptions}, which document each flag).
     *
     * @param evalMode          print the value of the last top-level expression
     * @param checkedArithmetic integer {@code + - *} fail on overflow
     * @param replMode          print the value of every top-level expression statement
     * @param testMode          a test source: {@code #[test]} functions become JUnit 5 tests
     */
    public record Mode(boolean evalMode, boolean checkedArithmetic, boolean replMode, boolean testMode, Session session) {
        public Mode(boolean evalMode, boolean checkedArithmetic, boolean replMode, boolean testMode) {
            this(evalMode, checkedArithmetic, replMode, testMode, null);
        }
    }

    /**
     * One input of an interactive session: the program is the whole session (earlier inputs, then
     * this one), and the class runs only this input. Statements before {@code liveFrom} are
     * <em>earlier</em>: their functions are emitted again (they hold no state), their top-level
     * bindings are static fields that the session fills in before {@code main} runs, and their other
     * statements are not emitted; structs, enums and classes already compiled into an earlier
     * input's class are referred to there rather than declared again, so values made by earlier
     * inputs keep their classes. Loops check for thread interruption, so the session can stop an
     * input that runs too long.
     *
     * <p>Unless {@code everything} is set, the class holds only the earlier functions and bindings
     * this input uses: those its statements, its definitions and the session's structs, enums,
     * classes, traits and impls refer to, and the functions those functions call, transitively. So
     * an input costs what it uses, not what the session has accumulated.
     *
     * @param liveFrom   offset in the session text where this input starts
     * @param typeOwners for each struct, enum or class declared by earlier inputs and unchanged
     *                   since, the simple name of the class (same package) it is nested in
     * @param everything emit every function and top-level binding of the session
     */
    public record Session(int liveFrom, Map<String, String> typeOwners, boolean everything) {
        public Session {
            typeOwners = Map.copyOf(typeOwners);
        }

        /** An input whose class holds only what it uses. */
        public Session(int liveFrom, Map<String, String> typeOwners) {
            this(liveFrom, typeOwners, false);
        }
    }

    /**
     * What an input of a session compiled to.
     *
     * @param fields for each top-level binding of the session, the offset of its name in the session
     *               text, and the static field holding it
     */
    public record SessionOutput(Output output, Map<Integer, String> fields) {
    }

    /** The generated source and, for each Java line (1-based index), the Ruchy line it came from (0: none). */
    public record Output(String className, String source, int[] lineMap) {
    }

    private JavaEmitter(Program program, Resolution resolution, TypeInference.Types types, String packageName,
            String className, Mode mode) {
        this.cx = new EmitContext(program, resolution, types, ClassName.get(packageName, className), mode);
        this.packageName = packageName;
        this.className = className;
        this.type = TypeSpec.classBuilder(className).addModifiers(Modifier.PUBLIC, Modifier.FINAL);
    }

    /**
     * Emits {@code program} as the class {@code packageName.className}.
     *
     * @param packageName the Java package, "" for none
     * @param mode        what the class prints and how it is run
     */
    public static Output emit(Program program, Resolution resolution, TypeInference.Types types, String packageName,
            String className, Mode mode) {
        JavaEmitter emitter = new JavaEmitter(program, resolution, types, packageName, className, mode);
        return emitter.run();
    }

    /** As {@link #emit}, for an input of a session ({@code mode.session()} not null). */
    public static SessionOutput emitSessionInput(Program program, Resolution resolution, TypeInference.Types types,
            String packageName, String className, Mode mode) {
        JavaEmitter emitter = new JavaEmitter(program, resolution, types, packageName, className, mode);
        Output output = emitter.run();
        return new SessionOutput(output, Map.copyOf(emitter.sessionFields));
    }

    /**
     * The public face of the class {@link #emit} makes of {@code program} (outside test mode), as other
     * files see it: each top-level {@code pub fun} as a public static method with the parameter and
     * return types the emitted method has ({@code java.lang.Object} where they are not known), and the
     * {@code main} every class has. Functions without {@code pub}, structs, enums and classes are not
     * public in the emitted class and are not listed.
     */
    public static JavaClass publicSignatures(Program program, Resolution resolution, TypeInference.Types types,
            String packageName, String className) {
        JavaEmitter emitter = new JavaEmitter(program, resolution, types, packageName, className,
                new Mode(false, false, false, false));
        List<JavaMethod> methods = new ArrayList<>();
        for (Stmt s : program.statements()) {
            if (s instanceof Stmt.Fun f && f.isPublic() && !f.name().equals("main")) {
                methods.add(emitter.cx.declarations.publicSignature(f));
            }
        }
        methods.add(new JavaMethod("main", true, false, List.of(), List.of("java.lang.String[]"), List.of("args"), "void",
                false));
        String name = packageName.isEmpty() ? className : packageName + "." + className;
        return new JavaClass(name, JavaClass.Kind.CLASS, List.of(), null, List.of(), List.of(), methods, List.of());
    }

    private Output run() {
        String header = headerComment();
        if (header.isEmpty()) {
            type.addJavadoc("Generated from $L.\n", cx.fileName());
        } else {
            type.addJavadoc("$L\n\n<p>Generated from $L.\n", header, cx.fileName());
        }
        decideStructShapes();
        for (Stmt s : cx.program.statements()) {
            switch (s) {
                case Stmt.Struct st when cx.ownsType(st.name()) -> type.addType(cx.declarations.struct(st));
                case Stmt.Enum en when cx.ownsType(en.name()) -> type.addType(cx.declarations.enumType(en));
                case Stmt.Class c when cx.ownsType(c.name()) -> type.addType(cx.declarations.classType(c));
                default -> {
                }
            }
        }
        if (cx.session != null && !cx.session.everything()) {
            used = usedBySessionInput();
        }
        declareGlobals();
        for (Stmt s : cx.program.statements()) {
            if (s instanceof Stmt.Fun f && isUsed(cx.resolution.declaration(f))) {
                type.addMethod(cx.declarations.function(f, null, true));
            }
        }
        type.addMethod(mainMethod());
        cx.constantFieldSpecs.forEach(type::addField);
        // test classes are instantiated by JUnit
        type.addMethod(MethodSpec.constructorBuilder().addModifiers(cx.testMode ? Modifier.PUBLIC : Modifier.PRIVATE).build());
        JavaFile file = JavaFile.builder(packageName, type.build())
                .indent("    ")
                .skipJavaLangImports(true)
                .build();
        return cx.lineMarks.write(className, file);
    }

    /**
     * The symbols an input of a session uses: every symbol referred to or declared in its statements
     * and in the session's structs, enums, classes, traits and impls, and in the bodies of the
     * functions among them, transitively.
     */
    private Set<Symbol> usedBySessionInput() {
        Set<Symbol> found = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        java.util.ArrayDeque<Node> pending = new java.util.ArrayDeque<>();
        for (Stmt s : cx.program.statements()) {
            if (s.span().start() >= cx.session.liveFrom() || s instanceof Stmt.Struct || s instanceof Stmt.Enum
                    || s instanceof Stmt.Class || s instanceof Stmt.Impl || s instanceof Stmt.Trait) {
                pending.add(s);
            }
        }
        while (!pending.isEmpty()) {
            Nodes.any(pending.pop(), n -> {
                if (n instanceof Node node) {
                    note(cx.resolution.reference(node), found, pending);
                    note(cx.resolution.declaration(node), found, pending);
                }
                return false;
            });
        }
        return found;
    }

    private static void note(Symbol sym, Set<Symbol> found, java.util.Deque<Node> pending) {
        if (sym != null && found.add(sym) && sym.kind() == Symbol.Kind.FUNCTION && sym.declaration() != null) {
            pending.add(sym.declaration()); // its body: what it calls and reads
        }
    }

    /** Whether {@code sym} (a function or top-level binding) belongs in the class. */
    private boolean isUsed(Symbol sym) {
        return used == null || sym == null || used.contains(sym);
    }

    /**
     * The file's header: the comments before its first statement, as Javadoc text, taken from the
     * comments still to place; "" when there are none. A block of comments right above a first
     * {@code fun}, {@code struct}, {@code enum} or {@code class} (no blank line between) is that
     * item's own doc comment and stays with it.
     */
    private String headerComment() {
        List<dev.ruchy.transpiler.lexer.Comment> comments = cx.program.comments();
        List<Stmt> statements = cx.program.statements();
        int firstStart = statements.isEmpty() ? Integer.MAX_VALUE : statements.get(0).span().start();
        int count = 0;
        while (count < comments.size() && comments.get(count).end() <= firstStart) {
            count++;
        }
        if (count > 0 && !statements.isEmpty() && (statements.get(0) instanceof Stmt.Fun
                || statements.get(0) instanceof Stmt.Struct || statements.get(0) instanceof Stmt.Enum
                || statements.get(0) instanceof Stmt.Class)) {
            int line = statements.get(0).span().startLine();
            while (count > 0 && cx.program.file().line(comments.get(count - 1).end()) == line - 1) {
                count--;
                line = cx.program.file().line(comments.get(count).start());
            }
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            cx.commentUsed[i] = true;
            for (String text : comments.get(i).text().split("\n", -1)) {
                lines.add(EmitContext.commentText(text.strip()).replace("*/", "*&#47;"));
            }
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return String.join("\n", lines);
    }

    /** A struct whose fields are assigned anywhere, or that has a {@code &mut self} method, becomes a class. */
    private void decideStructShapes() {
        cx.structsAsClasses.addAll(cx.resolution.classes().keySet());
        for (Stmt.Struct st : cx.resolution.structs().values()) {
            List<Stmt.Fun> methods = new ArrayList<>(st.methods());
            methods.addAll(cx.resolution.implMethods(st.name()));
            if (!st.tupleFields().isEmpty() && st.fields().isEmpty()) {
                continue;
            }
            if (assignsFields(methods) || fieldAssignedOutside(st)) {
                cx.structsAsClasses.add(st.name());
            }
        }
    }

    boolean assignsFields(List<Stmt.Fun> methods) {
        for (Stmt.Fun m : methods) {
            if (m.body() != null && AstScan.assignsSelfField(m.body())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the program assigns a field of {@code struct} outside its methods: on a value of that
     * type, or one of its fields' names on a value of unknown type, which may be that struct (a
     * record's fields could not be assigned there).
     */
    private boolean fieldAssignedOutside(Stmt.Struct struct) {
        Type named = new Type.Named(struct.name());
        Set<String> fields = new HashSet<>();
        struct.fields().forEach(f -> fields.add(f.name()));
        return AstScan.anyFieldAssign(cx.program, (target, field) -> named.equals(cx.types.of(target))
                || fields.contains(field) && !(cx.types.of(target) instanceof Type.Named) && !(cx.types.of(target) instanceof Type.ObjectType));
    }

    MethodSpec mainMethod() {
        EmitContext.MethodState saved = cx.enterMethod();
        cx.resultType = Type.NIL;
        cx.resultVoid = true;
        cx.out = CodeBlock.builder();
        boolean hasMain = cx.program.statements().stream()
                .anyMatch(s -> s instanceof Stmt.Fun f && f.name().equals("main") && f.params().isEmpty());
        if (AstScan.any(cx.program.statements(), n -> n instanceof Expr.Call c && c.callee() instanceof Expr.Ident id
                && id.name().equals("env_args"))) {
            cx.stmt("$T.setArgs(args)", BUILTINS);
        }
        Stmt evalStatement = null;
        if (cx.evalMode && !cx.program.statements().isEmpty()
                && cx.program.statements().get(cx.program.statements().size() - 1) instanceof Stmt.ExprStmt last
                && DeclarationPrinter.producesValue(last.expr()) && !(cx.types.of(last.expr()) instanceof Type.Nil)
                && !AstScan.endsAbruptly(last)) {
            evalStatement = last;
        }
        if (cx.session != null) {
            hasMain = false; // a session never calls `main` by itself
        }
        int resources = cx.openResources;
        for (Stmt s : cx.program.statements()) {
            if (cx.session != null && s.span().start() < cx.session.liveFrom()) {
                continue; // an earlier input: it ran already, its bindings are fields the session restores
            }
            if (cx.replMode && s instanceof Stmt.ExprStmt es && DeclarationPrinter.producesValue(es.expr()) && !(cx.types.of(es.expr()) instanceof Type.Nil)
                    && !(es.expr() instanceof Expr.Assign) && !(es.expr() instanceof Expr.CompoundAssign)
                    && !AstScan.endsAbruptly(s)) {
                evalStatement = s;
            }
            if (s == evalStatement) {
                cx.mark(s);
                cx.stmt("$T.printEvalResult($L)", BUILTINS, cx.flow.exprOrHoist(((Stmt.ExprStmt) s).expr()));
                continue;
            }
            if (s instanceof Stmt.Fun || s instanceof Stmt.Struct || s instanceof Stmt.Enum || s instanceof Stmt.Impl
                    || s instanceof Stmt.Class || s instanceof Stmt.Trait || s instanceof Stmt.Use
                    || s instanceof Stmt.TypeAlias) {
                continue;
            }
            if (s instanceof Stmt.ExprStmt es && es.expr() instanceof Expr.Return) {
                break; // a top-level `return` ends the script; `main` is still called (semantics §4.1)
            }
            cx.statements.statement(s);
            if (AstScan.endsAbruptly(s)) {
                hasMain = false; // an endless loop or a throw: nothing after it runs
                break;
            }
        }
        // comments after the last statement, and after code that never runs (UnreachableCode warns of it)
        cx.flushComments(cx.program.file().text().length());
        cx.statements.closeResources(resources);
        if (hasMain) {
            cx.stmt("main()");
        } else if (cx.session == null && !cx.program.statements().isEmpty() && !AstScan.endsAbruptly(cx.program.statements().get(cx.program.statements().size() - 1))) {
            // `fun main(args)`: the automatic `main()` call fails as the interpreter's does (semantics §4.1)
            cx.program.statements().stream()
                    .filter(s -> s instanceof Stmt.Fun f && f.name().equals("main") && !f.params().isEmpty())
                    .map(s -> (Stmt.Fun) s)
                    .filter(f -> f.params().stream().anyMatch(p -> p.defaultValue() == null))
                    .findFirst()
                    .ifPresent(f -> {
                        long required = f.params().stream().filter(p -> p.defaultValue() == null).count();
                        cx.mark(f);
                        cx.stmt("throw $T.runtime($S)", RUCHY_ERROR, "Function expects " + required + "-" + f.params().size()
                                + " arguments, got 0");
                    });
        }
        MethodSpec.Builder m = MethodSpec.methodBuilder("main")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addParameter(ArrayTypeOfString.TYPE, "args")
                .addCode(cx.out.build());
        cx.restoreMethod(saved);
        return m.build();
    }

    /** {@code String[]}. */
    static final class ArrayTypeOfString {
        static final TypeName TYPE = com.palantir.javapoet.ArrayTypeName.of(Printer.STRING);
    }

    void declareGlobals() {
        for (Stmt s : cx.program.statements()) {
            if (s instanceof Stmt.Let let && let.pattern() instanceof Pattern.Binding b && let.elseBlock() == null
                    && let.init() != null && isConstant(let.init()) && cx.resolution.declaration(b) != null
                    && cx.resolution.declaration(b).isGlobal() && !cx.resolution.declaration(b).needsCell()) {
                if (!isUsed(cx.resolution.declaration(b))) {
                    continue;
                }
                // a constant the program's functions use: initialised with the class, so Java callers and
                // tests, which never run `main`, see it too
                Symbol sym = cx.resolution.declaration(b);
                CodeBlock.Builder init = CodeBlock.builder().add(globalInitializer(sym, let.init()));
                if (let.span().startLine() == let.span().endLine()) {
                    cx.endOfLineComments(let.span().end(), init); // `let LIMIT = 10 // max`
                }
                addGlobalField(sym, b.name(), init.build());
                sessionFields.put(b.span().start(), cx.globalNames.get(sym));
                cx.hoistedLets.add(let);
            } else if (s instanceof Stmt.Let let) {
                declareGlobalsIn(let.pattern());
            } else if (s instanceof Stmt.ExprStmt es && es.expr() instanceof Expr.Assign a && a.target() instanceof Expr.Ident id) {
                Symbol sym = cx.resolution.declaration(id);
                if (sym != null && sym.isGlobal() && !cx.globalNames.containsKey(sym) && isUsed(sym)) {
                    addGlobalField(sym, id.name());
                    sessionFields.put(id.span().start(), cx.globalNames.get(sym));
                }
            }
        }
    }

    void declareGlobalsIn(Pattern p) {
        if (p instanceof Pattern.Binding b) {
            Symbol sym = cx.resolution.declaration(b);
            if (sym != null && sym.isGlobal() && isUsed(sym)) {
                addGlobalField(sym, b.name());
                sessionFields.put(b.span().start(), cx.globalNames.get(sym));
            }
        } else if (p instanceof Pattern.Tuple t) {
            t.elements().forEach(this::declareGlobalsIn);
        } else if (p instanceof Pattern.Array a) {
            a.elements().forEach(this::declareGlobalsIn);
        }
    }

    void addGlobalField(Symbol sym, String rubyName) {
        addGlobalField(sym, rubyName, null);
    }

    void addGlobalField(Symbol sym, String rubyName, CodeBlock initializer) {
        String name = Names.camelCase(rubyName);
        while (cx.fieldNameTaken(name)) {
            name = name + "2";
        }
        cx.globalNames.put(sym, name);
        FieldSpec.Builder field = FieldSpec.builder(cx.coercions.javaType(cx.types.of(sym)), name, Modifier.PRIVATE, Modifier.STATIC);
        if (cx.sharedGlobals.contains(sym)) {
            field.addModifiers(Modifier.VOLATILE); // updated by handlers or tasks that may run at once
        } else if (initializer != null && !sym.isReassigned() && cx.session == null && !cx.replMode && !cx.evalMode) {
            field.addModifiers(Modifier.FINAL); // set with the class and never again
        }
        if (initializer != null) {
            field.initializer(initializer);
        }
        type.addField(field.build());
    }

    /** The value of a hoisted top-level {@code let}, as {@link StatementPrinter#declareVariable} would assign it. */
    CodeBlock globalInitializer(Symbol sym, Expr init) {
        return init instanceof Expr.ArrayLit a && a.elements().isEmpty() ? cx.expressions.expr(init)
                : cx.coercions.coerce(cx.expressions.expr(init), cx.types.of(init), cx.types.of(sym));
    }

    /**
     * A value with no effects and no dependence on other code: literals, and arrays, tuples and
     * objects of them. A top-level {@code let} of one can be set when the class loads.
     */
    static boolean isConstant(Expr e) {
        return switch (e) {
            case Expr.IntLit l -> true;
            case Expr.FloatLit l -> true;
            case Expr.StringLit l -> true;
            case Expr.CharLit l -> true;
            case Expr.BoolLit l -> true;
            case Expr.NilLit l -> true;
            case Expr.Unary u -> u.op() == UnaryOp.NEG && (u.operand() instanceof Expr.IntLit || u.operand() instanceof Expr.FloatLit);
            case Expr.ArrayLit a -> a.elements().stream().allMatch(JavaEmitter::isConstant);
            case Expr.TupleLit t -> t.elements().stream().allMatch(JavaEmitter::isConstant);
            case Expr.ObjectLit o -> o.entries().stream().allMatch(en -> en instanceof Expr.KeyValue kv && isConstant(kv.value()));
            default -> false;
        };
    }
}
