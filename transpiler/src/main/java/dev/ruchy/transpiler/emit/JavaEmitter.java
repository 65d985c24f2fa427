package dev.ruchy.transpiler.emit;

import static dev.ruchy.transpiler.emit.RuntimeApi.BUILTINS;
import static dev.ruchy.transpiler.emit.RuntimeApi.CELL;
import static dev.ruchy.transpiler.emit.RuntimeApi.FMT;
import static dev.ruchy.transpiler.emit.RuntimeApi.LISTS;
import static dev.ruchy.transpiler.emit.RuntimeApi.OPS;
import static dev.ruchy.transpiler.emit.RuntimeApi.OPTION;
import static dev.ruchy.transpiler.emit.RuntimeApi.RESULT;
import static dev.ruchy.transpiler.emit.RuntimeApi.RUCHY_ERROR;
import static dev.ruchy.transpiler.emit.RuntimeApi.R_OBJECT;
import static dev.ruchy.transpiler.emit.RuntimeApi.STRINGS;
import static dev.ruchy.transpiler.emit.RuntimeApi.TEST_ASSERTIONS;
import static dev.ruchy.transpiler.emit.RuntimeApi.TUPLE;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.ruchy.transpiler.TranspileOptions;
import dev.ruchy.transpiler.ast.BinaryOp;
import dev.ruchy.transpiler.ast.Expr;
import dev.ruchy.transpiler.ast.Node;
import dev.ruchy.transpiler.ast.Param;
import dev.ruchy.transpiler.ast.Pattern;
import dev.ruchy.transpiler.ast.Program;
import dev.ruchy.transpiler.ast.Stmt;
import dev.ruchy.transpiler.ast.TypeRef;
import dev.ruchy.transpiler.ast.UnaryOp;
import dev.ruchy.transpiler.lexer.Comment;
import dev.ruchy.transpiler.resolve.BuiltinFunctions;
import dev.ruchy.transpiler.resolve.Resolver.Resolution;
import dev.ruchy.transpiler.resolve.Symbol;
import dev.ruchy.transpiler.types.Type;
import dev.ruchy.transpiler.types.TypeInference;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javax.lang.model.element.Modifier;

/**
 * Turns a resolved and typed {@link Program} into one Java compilation unit with JavaPoet: a final
 * class named after the file whose {@code main} runs the top-level statements (then calls the
 * Ruchy {@code main} function, if any), with functions as static methods, structs as records or
 * final classes, enums as Java enums or sealed interfaces of records, and closures as lambdas.
 *
 * <p>Expressions with a known type compile to plain Java operators on {@code long}, {@code double},
 * {@code boolean} and {@code String}; the rest goes through the runtime's small dynamic layer
 * ({@code Ops}). Each statement is tagged with its Ruchy line ({@code /*@12*&#47;}) while
 * emitting; {@link #emit} strips the tags and returns them as a line map.
 */
public final class JavaEmitter {
    private static final ClassName LIST = ClassName.get("java.util", "List");
    private static final ClassName STRING = ClassName.get(String.class);
    private static final ClassName OBJECT = ClassName.get(Object.class);
    private static final ClassName JUNIT_TEST = ClassName.get("org.junit.jupiter.api", "Test");

    private final Program program;
    private final Resolution resolution;
    private final TypeInference.Types types;
    private final String packageName;
    private final String className;
    private final ClassName self;
    private final TypeSpec.Builder type;
    private final Set<String> structsAsClasses = new HashSet<>();
    private final boolean evalMode;
    private final boolean checkedArithmetic;
    private final boolean replMode;
    /** Test sources: {@code #[test]} functions become JUnit 5 tests, assertions name the Ruchy file and line. */
    private final boolean testMode;

    /** Java names of symbols in the method being emitted. */
    private Map<Symbol, String> names = new IdentityHashMap<>();
    private Set<String> usedNames = new HashSet<>();
    private CodeBlock.Builder out;
    /** Result type of the function being emitted; null at top level. */
    private Type resultType;
    private boolean resultVoid = true;
    private boolean inLambda;
    private String selfType;
    private final Deque<LoopContext> loops = new ArrayDeque<>();
    /** Top-level {@code let}s of constants that initialise their field where it is declared (see {@link #declareGlobals}). */
    private final Set<Stmt.Let> hoistedLets = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<Symbol, String> globalNames = new IdentityHashMap<>();
    /** Comments already carried into the Java, by index in {@code program.comments()}. */
    private final boolean[] commentUsed;
    /** Comments before this offset belong to an enclosing scope and are not pulled into the current one. */
    private int commentFloor;

    /** A loop being emitted: its Java label (or null) and where {@code break value} stores the value. */
    private record LoopContext(String label, String rubyLabel, String valueTarget, Type valueType) {
    }

    /** The generated source and, for each Java line (1-based index), the Ruchy line it came from (0: none). */
    public record Output(String className, String source, int[] lineMap) {
    }

    private JavaEmitter(Program program, Resolution resolution, TypeInference.Types types, String packageName,
            String className, TranspileOptions options) {
        this.evalMode = options.evalMode();
        this.checkedArithmetic = options.checkedArithmetic();
        this.replMode = options.replMode();
        this.testMode = options.testMode();
        this.commentUsed = new boolean[program.comments().size()];
        this.program = program;
        this.resolution = resolution;
        this.types = types;
        this.packageName = packageName;
        this.className = className;
        this.self = ClassName.get(packageName, className);
        this.type = TypeSpec.classBuilder(className).addModifiers(Modifier.PUBLIC, Modifier.FINAL);
    }

    /**
     * Emits {@code program} as the class {@code packageName.className}.
     *
     * @param packageName the Java package, "" for none
     * @param options     eval mode, checked arithmetic
     */
    public static Output emit(Program program, Resolution resolution, TypeInference.Types types, String packageName,
            String className, TranspileOptions options) {
        JavaEmitter emitter = new JavaEmitter(program, resolution, types, packageName, className, options);
        return emitter.run();
    }

    private Output run() {
        type.addJavadoc("Generated from $L.\n", fileName());
        decideStructShapes();
        for (Stmt s : program.statements()) {
            switch (s) {
                case Stmt.Struct st -> type.addType(struct(st));
                case Stmt.Enum en -> type.addType(enumType(en));
                case Stmt.Class c -> type.addType(classType(c));
                default -> {
                }
            }
        }
        declareGlobals();
        for (Stmt s : program.statements()) {
            if (s instanceof Stmt.Fun f) {
                type.addMethod(function(f, null, true));
            }
        }
        type.addMethod(mainMethod());
        // test classes are instantiated by JUnit
        type.addMethod(MethodSpec.constructorBuilder().addModifiers(testMode ? Modifier.PUBLIC : Modifier.PRIVATE).build());
        JavaFile file = JavaFile.builder(packageName, type.build())
                .indent("    ")
                .skipJavaLangImports(true)
                .build();
        return LineMarks.strip(className, file.toString());
    }

    private String fileName() {
        String name = program.file().name();
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return name.substring(slash + 1);
    }

    // ================================================================================================
    // types: structs, enums, classes

    /** A struct whose fields are assigned anywhere, or that has a {@code &mut self} method, becomes a class. */
    private void decideStructShapes() {
        for (Stmt.Struct st : resolution.structs().values()) {
            List<Stmt.Fun> methods = new ArrayList<>(st.methods());
            methods.addAll(resolution.implMethods(st.name()));
            if (!st.tupleFields().isEmpty() && st.fields().isEmpty()) {
                continue;
            }
            if (assignsFields(methods) || fieldAssignedOutside(st.name())) {
                structsAsClasses.add(st.name());
            }
        }
    }

    private boolean assignsFields(List<Stmt.Fun> methods) {
        for (Stmt.Fun m : methods) {
            if (m.body() != null && AstScan.assignsSelfField(m.body())) {
                return true;
            }
        }
        return false;
    }

    private boolean fieldAssignedOutside(String struct) {
        Type named = new Type.Named(struct);
        return AstScan.anyFieldAssign(program, target -> named.equals(types.of(target)));
    }

    private TypeSpec struct(Stmt.Struct st) {
        ClassName name = self.nestedClass(st.name());
        List<Stmt.Fun> methods = new ArrayList<>(st.methods());
        methods.addAll(resolution.implMethods(st.name()));
        TypeSpec.Builder b;
        if (structsAsClasses.contains(st.name())) {
            b = TypeSpec.classBuilder(name).addModifiers(Modifier.STATIC, Modifier.FINAL)
                    .addSuperinterface(RuntimeApi.STRUCT);
            MethodSpec.Builder ctor = MethodSpec.constructorBuilder();
            CodeBlock.Builder fieldsMap = CodeBlock.builder().add("return $T.of(", R_OBJECT);
            boolean first = true;
            for (Stmt.FieldDecl f : st.fields()) {
                TypeName ft = javaType(fieldType(f));
                String fn = Names.camelCase(f.name());
                b.addField(ft, fn, Modifier.PUBLIC);
                ctor.addParameter(ft, fn).addStatement("this.$N = $N", fn, fn);
                fieldsMap.add(first ? "$S, $N" : ", $S, $N", f.name(), fn);
                first = false;
            }
            b.addMethod(ctor.build());
            b.addMethod(MethodSpec.methodBuilder("fields").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                    .returns(ParameterizedTypeName.get(ClassName.get(Map.class), STRING, OBJECT))
                    .addStatement(fieldsMap.add(").snapshot()").build()).build());
            b.addMethod(MethodSpec.methodBuilder("toString").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                    .returns(STRING).addStatement("return $T.display(this)", FMT).build());
        } else {
            b = TypeSpec.recordBuilder(name).addModifiers(Modifier.STATIC);
            MethodSpec.Builder ctor = MethodSpec.constructorBuilder();
            if (!st.tupleFields().isEmpty()) {
                int i = 0;
                for (TypeRef t : st.tupleFields()) {
                    ctor.addParameter(javaType(TypeInference.fromAnnotation(t)), "value" + i++);
                }
            } else {
                for (Stmt.FieldDecl f : st.fields()) {
                    ctor.addParameter(javaType(fieldType(f)), Names.camelCase(f.name()));
                }
            }
            b.recordConstructor(ctor.build());
            b.addMethod(MethodSpec.methodBuilder("toString").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                    .returns(STRING).addStatement("return $T.display(this)", FMT).build());
        }
        String savedSelf = selfType;
        selfType = st.name();
        for (Stmt.Fun m : methods) {
            b.addMethod(function(m, st.name(), false));
        }
        selfType = savedSelf;
        return b.build();
    }

    private Type fieldType(Stmt.FieldDecl f) {
        return f.type() == null ? Type.DYN : TypeInference.fromAnnotation(f.type());
    }

    private TypeSpec enumType(Stmt.Enum en) {
        ClassName name = self.nestedClass(en.name());
        boolean simple = en.variants().stream().allMatch(v -> v.tupleFields().isEmpty() && v.structFields().isEmpty());
        if (simple) {
            TypeSpec.Builder b = TypeSpec.enumBuilder(name).addModifiers(Modifier.STATIC)
                    .addSuperinterface(RuntimeApi.ENUM);
            boolean discriminants = en.variants().stream().anyMatch(v -> v.discriminant() != null);
            long next = 0;
            for (Stmt.Variant v : en.variants()) {
                if (discriminants) {
                    long value = v.discriminant() instanceof Expr.IntLit i ? i.value() : next;
                    next = value + 1;
                    b.addEnumConstant(v.name(), TypeSpec.anonymousClassBuilder("$L", value + "L").build());
                } else {
                    b.addEnumConstant(v.name());
                }
            }
            if (discriminants) {
                b.addField(TypeName.LONG, "value", Modifier.PRIVATE, Modifier.FINAL);
                b.addMethod(MethodSpec.constructorBuilder().addParameter(TypeName.LONG, "value")
                        .addStatement("this.value = value").build());
                b.addMethod(MethodSpec.methodBuilder("value").addModifiers(Modifier.PUBLIC).returns(TypeName.LONG)
                        .addStatement("return value").build());
            }
            addImplMethods(b, en.name());
            return b.build();
        }
        TypeSpec.Builder b = TypeSpec.interfaceBuilder(name).addModifiers(Modifier.SEALED, Modifier.STATIC)
                .addSuperinterface(RuntimeApi.ENUM);
        for (Stmt.Variant v : en.variants()) {
            ClassName variant = name.nestedClass(v.name());
            TypeSpec.Builder rb = TypeSpec.recordBuilder(variant).addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                    .addSuperinterface(name);
            MethodSpec.Builder ctor = MethodSpec.constructorBuilder();
            if (!v.structFields().isEmpty()) {
                for (Stmt.FieldDecl f : v.structFields()) {
                    ctor.addParameter(javaType(fieldType(f)), Names.camelCase(f.name()));
                }
            } else {
                for (int i = 0; i < v.tupleFields().size(); i++) {
                    ctor.addParameter(javaType(TypeInference.fromAnnotation(v.tupleFields().get(i))),
                            variantFieldName(v, i));
                }
            }
            rb.recordConstructor(ctor.build());
            rb.addMethod(MethodSpec.methodBuilder("toString").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                    .returns(STRING).addStatement("return $T.display(this)", FMT).build());
            b.addType(rb.build());
            b.addPermittedSubclass(variant);
        }
        addImplMethods(b, en.name());
        return b.build();
    }

    private static String variantFieldName(Stmt.Variant v, int i) {
        return v.tupleFields().size() == 1 ? "value" : "value" + i;
    }

    private void addImplMethods(TypeSpec.Builder b, String typeName) {
        String savedSelf = selfType;
        selfType = typeName;
        for (Stmt.Fun m : resolution.implMethods(typeName)) {
            MethodSpec spec = function(m, typeName, false);
            if (!hasSelf(m) || !b.build().kind().equals(TypeSpec.Kind.INTERFACE)) {
                b.addMethod(spec);
            } else {
                b.addMethod(spec.toBuilder().addModifiers(Modifier.DEFAULT).build());
            }
        }
        selfType = savedSelf;
    }

    private TypeSpec classType(Stmt.Class c) {
        ClassName name = self.nestedClass(c.name());
        structsAsClasses.add(c.name());
        TypeSpec.Builder b = TypeSpec.classBuilder(name).addModifiers(Modifier.STATIC)
                .addSuperinterface(RuntimeApi.STRUCT);
        if (c.parent() instanceof TypeRef.Named p && resolution.classes().containsKey(p.path().get(0))) {
            b.superclass(self.nestedClass(p.path().get(0)));
        } else {
            b.addModifiers(Modifier.FINAL);
        }
        CodeBlock.Builder fieldsMap = CodeBlock.builder().add("return $T.of(", R_OBJECT);
        boolean first = true;
        for (Stmt.FieldDecl f : c.fields()) {
            String fn = Names.camelCase(f.name());
            FieldSpec.Builder field = FieldSpec.builder(javaType(fieldType(f)), fn, Modifier.PUBLIC);
            if (f.defaultValue() != null) {
                field.initializer(constantInitializer(f.defaultValue(), fieldType(f)));
            }
            b.addField(field.build());
            fieldsMap.add(first ? "$S, $N" : ", $S, $N", f.name(), fn);
            first = false;
        }
        b.addMethod(MethodSpec.methodBuilder("fields").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(ClassName.get(Map.class), STRING, OBJECT))
                .addStatement(fieldsMap.add(").snapshot()").build()).build());
        b.addMethod(MethodSpec.methodBuilder("toString").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(STRING).addStatement("return $T.display(this)", FMT).build());
        String savedSelf = selfType;
        selfType = c.name();
        for (Stmt.Fun ctor : c.constructors()) {
            b.addMethod(constructor(ctor));
        }
        for (Stmt.Fun m : c.methods()) {
            b.addMethod(function(m, c.name(), false));
        }
        selfType = savedSelf;
        return b.build();
    }

    private CodeBlock constantInitializer(Expr e, Type t) {
        MethodState saved = enterMethod();
        out = CodeBlock.builder();
        CodeBlock code = coerce(expr(e), types.of(e), t);
        restoreMethod(saved);
        return code;
    }

    private MethodSpec constructor(Stmt.Fun ctor) {
        MethodState saved = enterMethod();
        resultType = Type.NIL;
        resultVoid = true;
        MethodSpec.Builder m = MethodSpec.constructorBuilder();
        TypeInference.Signature sig = types.signature(ctor);
        addParams(m, ctor, sig);
        out = CodeBlock.builder();
        for (Stmt s : ctor.body().statements()) {
            statement(s);
        }
        m.addCode(out.build());
        restoreMethod(saved);
        return m.build();
    }

    private static boolean hasSelf(Stmt.Fun f) {
        return !f.params().isEmpty() && "self".equals(f.params().get(0).name());
    }

    // ================================================================================================
    // functions

    private record MethodState(Map<Symbol, String> names, Set<String> usedNames, CodeBlock.Builder out,
            Type resultType, boolean resultVoid, boolean inLambda) {
    }

    private MethodState enterMethod() {
        MethodState state = new MethodState(names, usedNames, out, resultType, resultVoid, inLambda);
        names = new IdentityHashMap<>();
        usedNames = new HashSet<>(globalNamesInUse());
        inLambda = false;
        return state;
    }

    private Set<String> globalNamesInUse() {
        return new HashSet<>(globalNames.values());
    }

    private void restoreMethod(MethodState s) {
        names = s.names();
        usedNames = s.usedNames();
        out = s.out();
        resultType = s.resultType();
        resultVoid = s.resultVoid();
        inLambda = s.inLambda();
    }

    private MethodSpec function(Stmt.Fun f, String owner, boolean topLevel) {
        MethodState saved = enterMethod();
        TypeInference.Signature sig = types.signature(f);
        String javaName = f.name().equals("main") && topLevel ? "main" : Names.camelCase(f.name());
        MethodSpec.Builder m = MethodSpec.methodBuilder(javaName);
        boolean junitTest = testMode && topLevel && f.attributes().stream().anyMatch(a -> a.name().equals("test"));
        if (junitTest) {
            // #[test] in a test source: a JUnit 5 test method (public, an instance method, void)
            m.addAnnotation(JUNIT_TEST).addModifiers(Modifier.PUBLIC);
        } else if (owner == null || !hasSelf(f)) {
            m.addModifiers(Modifier.STATIC);
        }
        if (owner != null || topLevel && !junitTest && f.isPublic()) {
            m.addModifiers(Modifier.PUBLIC); // `pub fun`: callable from Java in any package
        }
        resultType = junitTest ? Type.NIL : sig.result();
        resultVoid = junitTest || !sig.returnsValue() || resultType instanceof Type.Nil;
        m.returns(resultVoid ? TypeName.VOID : javaType(resultType));
        docComment(f, m);
        addParams(m, f, sig);
        out = CodeBlock.builder();
        if (f.body() != null) {
            functionBody(f.body());
        }
        CodeBlock body = out.build();
        if (body.toString().contains(".tryUnwrap(")) {
            // a `?` inside an expression: its early return arrives as a RuchyError and leaves here
            String error = allocate("early");
            CodeBlock.Builder wrapped = CodeBlock.builder().beginControlFlow("try").add(body)
                    .nextControlFlow("catch ($T $N)", RUCHY_ERROR, error)
                    .beginControlFlow("if ($N.isEarlyReturn())", error);
            if (resultVoid) {
                wrapped.addStatement("return");
            } else {
                wrapped.addStatement("return $T.propagate($N.payload())", OPS, error);
            }
            body = wrapped.endControlFlow().addStatement("throw $N", error).endControlFlow().build();
        }
        m.addCode(body);
        restoreMethod(saved);
        return m.build();
    }

    private void addParams(MethodSpec.Builder m, Stmt.Fun f, TypeInference.Signature sig) {
        int i = 0;
        List<Runnable> destructure = new ArrayList<>();
        for (Param p : f.params()) {
            if ("self".equals(p.name())) {
                continue;
            }
            Type t = sig.params().get(i++);
            if (p.pattern() instanceof Pattern.Binding b) {
                Symbol sym = resolution.declaration(b);
                String name = declareName(sym, b.name());
                if (sym != null && sym.needsCell()) {
                    String raw = allocate(name + "Value");
                    m.addParameter(javaType(t), raw);
                    destructure.add(() -> stmt("var $N = new $T<>($N)", name, CELL, raw));
                } else {
                    m.addParameter(javaType(t), name);
                }
            } else {
                String raw = allocate("arg" + i);
                m.addParameter(javaType(t), raw);
                Pattern pattern = p.pattern();
                destructure.add(() -> bindPattern(pattern, CodeBlock.of("$N", raw), t));
            }
        }
        if (!destructure.isEmpty()) {
            out = CodeBlock.builder();
            destructure.forEach(Runnable::run);
            m.addCode(out.build());
        }
    }

    /** Comments on the lines right above a function become its Javadoc. */
    private void docComment(Stmt.Fun f, MethodSpec.Builder m) {
        List<Comment> comments = program.comments();
        int line = program.file().line(f.span().start());
        int first = -1;
        for (int i = comments.size() - 1; i >= 0; i--) {
            Comment c = comments.get(i);
            if (commentUsed[i] || c.end() > f.span().start()) {
                continue;
            }
            if (program.file().line(c.end()) == line - 1) {
                first = i;
                line = program.file().line(c.start());
            } else {
                break;
            }
        }
        if (first < 0) {
            return;
        }
        List<String> lines = new ArrayList<>();
        for (int i = first; i < comments.size() && comments.get(i).end() <= f.span().start(); i++) {
            commentUsed[i] = true;
            for (String text : comments.get(i).text().split("\n", -1)) {
                lines.add(text.strip().replace("*/", "*&#47;"));
            }
        }
        m.addJavadoc("$L\n", String.join("\n", lines));
    }

    /** A function body: every statement, the last one's value returned when the function returns a value. */
    private void functionBody(Expr.Block body) {
        int savedFloor = commentFloor;
        commentFloor = body.span().start();
        functionStatements(body);
        flushComments(body.span().end());
        commentFloor = savedFloor;
    }

    private void functionStatements(Expr.Block body) {
        List<Stmt> statements = body.statements();
        for (int i = 0; i < statements.size(); i++) {
            Stmt s = statements.get(i);
            boolean last = i == statements.size() - 1;
            if (last && !resultVoid && s instanceof Stmt.ExprStmt es && producesValue(es.expr())) {
                mark(s);
                valueInto(es.expr(), Sink.RETURN);
            } else {
                statement(s);
                if (AstScan.endsAbruptly(s)) {
                    break; // unreachable code after it
                }
            }
        }
    }

    private static boolean producesValue(Expr e) {
        return !(e instanceof Expr.While || e instanceof Expr.For || e instanceof Expr.Assign
                || e instanceof Expr.CompoundAssign || e instanceof Expr.Return || e instanceof Expr.Throw);
    }

    private MethodSpec mainMethod() {
        MethodState saved = enterMethod();
        resultType = Type.NIL;
        resultVoid = true;
        out = CodeBlock.builder();
        boolean hasMain = program.statements().stream()
                .anyMatch(s -> s instanceof Stmt.Fun f && f.name().equals("main") && f.params().isEmpty());
        if (AstScan.any(program.statements(), n -> n instanceof Expr.Call c && c.callee() instanceof Expr.Ident id
                && id.name().equals("env_args"))) {
            stmt("$T.setArgs(args)", BUILTINS);
        }
        Stmt evalStatement = null;
        if (evalMode && !program.statements().isEmpty()
                && program.statements().get(program.statements().size() - 1) instanceof Stmt.ExprStmt last
                && producesValue(last.expr()) && !(types.of(last.expr()) instanceof Type.Nil)) {
            evalStatement = last;
        }
        for (Stmt s : program.statements()) {
            if (replMode && s instanceof Stmt.ExprStmt es && producesValue(es.expr()) && !(types.of(es.expr()) instanceof Type.Nil)
                    && !(es.expr() instanceof Expr.Assign) && !(es.expr() instanceof Expr.CompoundAssign)) {
                evalStatement = s;
            }
            if (s == evalStatement) {
                mark(s);
                stmt("$T.printEvalResult($L)", BUILTINS, exprOrHoist(((Stmt.ExprStmt) s).expr()));
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
            statement(s);
            if (AstScan.endsAbruptly(s)) {
                hasMain = false; // an endless loop or a throw: nothing after it runs
                break;
            }
        }
        if (hasMain) {
            stmt("main()");
        } else if (!program.statements().isEmpty() && !AstScan.endsAbruptly(program.statements().get(program.statements().size() - 1))) {
            // `fun main(args)`: the automatic `main()` call fails as the interpreter's does (semantics §4.1)
            program.statements().stream()
                    .filter(s -> s instanceof Stmt.Fun f && f.name().equals("main") && !f.params().isEmpty())
                    .map(s -> (Stmt.Fun) s)
                    .filter(f -> f.params().stream().anyMatch(p -> p.defaultValue() == null))
                    .findFirst()
                    .ifPresent(f -> {
                        long required = f.params().stream().filter(p -> p.defaultValue() == null).count();
                        mark(f);
                        stmt("throw $T.runtime($S)", RUCHY_ERROR, "Function expects " + required + "-" + f.params().size()
                                + " arguments, got 0");
                    });
        }
        MethodSpec.Builder m = MethodSpec.methodBuilder("main")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addParameter(ArrayTypeOfString.TYPE, "args")
                .addCode(out.build());
        restoreMethod(saved);
        return m.build();
    }

    /** {@code String[]}. */
    private static final class ArrayTypeOfString {
        static final TypeName TYPE = com.palantir.javapoet.ArrayTypeName.of(STRING);
    }

    private void declareGlobals() {
        for (Stmt s : program.statements()) {
            if (s instanceof Stmt.Let let && let.pattern() instanceof Pattern.Binding b && let.elseBlock() == null
                    && let.init() != null && isConstant(let.init()) && resolution.declaration(b) != null
                    && resolution.declaration(b).isGlobal() && !resolution.declaration(b).needsCell()) {
                // a constant the program's functions use: initialised with the class, so Java callers and
                // tests, which never run `main`, see it too
                Symbol sym = resolution.declaration(b);
                addGlobalField(sym, b.name(), globalInitializer(sym, let.init()));
                hoistedLets.add(let);
            } else if (s instanceof Stmt.Let let) {
                declareGlobalsIn(let.pattern());
            } else if (s instanceof Stmt.ExprStmt es && es.expr() instanceof Expr.Assign a && a.target() instanceof Expr.Ident id) {
                Symbol sym = resolution.declaration(id);
                if (sym != null && sym.isGlobal() && !globalNames.containsKey(sym)) {
                    addGlobalField(sym, id.name());
                }
            }
        }
    }

    private void declareGlobalsIn(Pattern p) {
        if (p instanceof Pattern.Binding b) {
            Symbol sym = resolution.declaration(b);
            if (sym != null && sym.isGlobal()) {
                addGlobalField(sym, b.name());
            }
        } else if (p instanceof Pattern.Tuple t) {
            t.elements().forEach(this::declareGlobalsIn);
        } else if (p instanceof Pattern.Array a) {
            a.elements().forEach(this::declareGlobalsIn);
        }
    }

    private void addGlobalField(Symbol sym, String rubyName) {
        addGlobalField(sym, rubyName, null);
    }

    private void addGlobalField(Symbol sym, String rubyName, CodeBlock initializer) {
        String name = Names.camelCase(rubyName);
        while (globalNames.containsValue(name)) {
            name = name + "2";
        }
        globalNames.put(sym, name);
        FieldSpec.Builder field = FieldSpec.builder(javaType(sym.type()), name, Modifier.PRIVATE, Modifier.STATIC);
        if (initializer != null) {
            field.initializer(initializer);
        }
        type.addField(field.build());
    }

    /** The value of a hoisted top-level {@code let}, as {@link #declareVariable} would assign it. */
    private CodeBlock globalInitializer(Symbol sym, Expr init) {
        return init instanceof Expr.ArrayLit a && a.elements().isEmpty() ? expr(init)
                : coerce(expr(init), types.of(init), sym.type());
    }

    /**
     * A value with no effects and no dependence on other code: literals, and arrays, tuples and
     * objects of them. A top-level {@code let} of one can be set when the class loads.
     */
    private static boolean isConstant(Expr e) {
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

    // ================================================================================================
    // statements

    /** Adds one statement; unlike {@code addStatement}, a lambda body spanning lines inside it indents correctly. */
    private void stmt(String format, Object... args) {
        out.add(CodeBlock.of(format, args)).add(";\n");
    }

    private void mark(Node n) {
        flushComments(n.span().start());
        out.add("/*@$L*/", n.span().startLine());
    }

    /** Carries the Ruchy comments between the current floor and {@code before} into the Java as line comments. */
    private void flushComments(int before) {
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
                        out.add("// $L\n", text);
                    }
                }
            }
        }
    }

    private void statement(Stmt s) {
        switch (s) {
            case Stmt.ExprStmt e -> {
                mark(s);
                effect(e.expr());
            }
            case Stmt.Let let -> {
                if (hoistedLets.contains(let)) {
                    flushComments(s.span().start()); // its value is in the field's declaration
                } else {
                    mark(s);
                    let(let);
                }
            }
            case Stmt.Fun f -> {
                mark(s);
                localFunction(f);
            }
            case Stmt.Use u -> {
            }
            case Stmt.Struct st -> {
            }
            case Stmt.Enum en -> {
            }
            case Stmt.Impl i -> {
            }
            case Stmt.Class c -> {
            }
            case Stmt.Trait t -> {
            }
            case Stmt.TypeAlias t -> {
            }
            case Stmt.Actor a -> stmt("throw $T.unsupported($S)", RUCHY_ERROR, "actors");
            case Stmt.Mod m -> {
                if (m.body() != null) {
                    m.body().forEach(this::statement);
                }
            }
            case Stmt.Error e -> stmt("throw $T.unsupported($S)", RUCHY_ERROR, "a statement with errors");
        }
    }

    private void let(Stmt.Let let) {
        if (let.pattern() instanceof Pattern.Binding b) {
            Symbol sym = resolution.declaration(b);
            if (let.init() == null) {
                declareVariable(sym, b.name(), null, Type.NIL);
                return;
            }
            if (let.init() instanceof Expr.Try t && sym != null && !sym.needsCell() && !sym.isGlobal()
                    && earlyReturnPattern(types.of(t.operand())) != null) {
                // `let v = f()?`: a record pattern that falls through with `v` bound, or returns the error
                String value = allocate(Names.camelCase(b.name()) + "Result");
                stmt("var $N = $L", value, expr(t.operand()));
                String name = declareName(sym, b.name());
                out.beginControlFlow("if (!($N instanceof $T(var $N)))", value,
                        earlyReturnPattern(types.of(t.operand())), name);
                if (inLambda) {
                    stmt("return $N", value);
                } else if (resultVoid) {
                    stmt("return");
                } else {
                    stmt("return $T.propagate($N)", OPS, value);
                }
                out.endControlFlow();
                return;
            }
            if (let.init() instanceof Expr.Comprehension c && sym != null && !sym.needsCell() && !sym.isGlobal()
                    && javaType(sym.type()).equals(javaType(types.of(c)))) {
                comprehensionInto(c, declareName(sym, b.name()), true);
                return;
            }
            if (!isExpressible(let.init())) {
                String name = declareVariableUninitialized(sym, b.name());
                valueInto(let.init(), Sink.assign(name, sym == null ? types.of(let.init()) : varType(sym),
                        sym != null && sym.needsCell()));
                return;
            }
            declareVariable(sym, b.name(), let.init(), types.of(let.init()));
            return;
        }
        Type t = types.of(let.init());
        CodeBlock value = exprOrHoist(let.init());
        String tmp = allocate("value");
        stmt("var $N = $L", tmp, value);
        if (let.elseBlock() != null) {
            CodeBlock test = patternTest(let.pattern(), CodeBlock.of("$N", tmp), t);
            out.beginControlFlow("if (!($L))", test);
            blockStatements(let.elseBlock());
            out.endControlFlow();
        }
        bindPattern(let.pattern(), CodeBlock.of("$N", tmp), t);
    }

    private Type varType(Symbol sym) {
        return sym.type();
    }

    /** Declares a variable (field for globals) and assigns its initial value. */
    private void declareVariable(Symbol sym, String rubyName, Expr init, Type initType) {
        if (sym == null) {
            String name = allocate(Names.camelCase(rubyName));
            stmt("var $N = $L", name, init == null ? "null" : expr(init));
            return;
        }
        Type t = sym.type();
        CodeBlock value = init == null ? defaultValue(t)
                : init instanceof Expr.ArrayLit a && a.elements().isEmpty() ? expr(init) // `new ArrayList<>()` takes t
                : coerce(expr(init), initType, t);
        if (sym.isGlobal()) {
            stmt("$N = $L", globalName(sym), value);
            return;
        }
        String name = declareName(sym, rubyName);
        if (sym.needsCell()) {
            stmt("var $N = new $T<$T>($L)", name, CELL, javaType(t).box(), value);
        } else if (init != null && canUseVar(t, initType, init)) {
            stmt("var $N = $L", name, value);
        } else {
            stmt("$T $N = $L", javaType(t), name, value);
        }
    }

    private String declareVariableUninitialized(Symbol sym, String rubyName) {
        if (sym == null) {
            String name = allocate(Names.camelCase(rubyName));
            stmt("$T $N", OBJECT, name);
            return name;
        }
        if (sym.isGlobal()) {
            return globalName(sym);
        }
        String name = declareName(sym, rubyName);
        if (sym.needsCell()) {
            stmt("var $N = new $T<$T>(null)", name, CELL, javaType(sym.type()).box());
        } else {
            stmt("$T $N", javaType(sym.type()), name);
        }
        return name;
    }

    private boolean canUseVar(Type declared, Type init, Expr initExpr) {
        if (!declared.equals(init)) {
            return false;
        }
        if (initExpr instanceof Expr.NilLit || init instanceof Type.Nil) {
            return false;
        }
        if (declared instanceof Type.Named n && resolution.enums().containsKey(n.name())
                && resolution.enums().get(n.name()).variants().stream()
                        .anyMatch(v -> !v.tupleFields().isEmpty() || !v.structFields().isEmpty())) {
            return false; // `Shape s = new Shape.Circle(2.0)`: `var` would give the variant's type
        }
        if (declared.isPrimitive() && (initExpr instanceof Expr.Index || initExpr instanceof Expr.MethodCall
                || initExpr instanceof Expr.Field)) {
            return false; // `Lists.get(...)` and friends return boxed values: say `long`, not `var` (Long)
        }
        return !(declared instanceof Type.ListType) || initExpr instanceof Expr.ArrayLit a && !a.elements().isEmpty();
    }

    private CodeBlock defaultValue(Type t) {
        return switch (t) {
            case Type.Int i -> CodeBlock.of("0L");
            case Type.Float f -> CodeBlock.of("0.0");
            case Type.Bool b -> CodeBlock.of("false");
            default -> CodeBlock.of("null");
        };
    }

    private void localFunction(Stmt.Fun f) {
        Symbol sym = resolution.declaration(f);
        String name = declareName(sym, f.name());
        Expr.Lambda lambda = new Expr.Lambda(f.params(), f.result(), f.body(), f.async(), f.span());
        stmt("$T $N = $L", RuntimeApi.fn(f.params().size()), name, lambdaCode(lambda, false));
    }

    /** An expression evaluated for its effect; control flow becomes Java statements. */
    private void effect(Expr e) {
        switch (e) {
            case Expr.If i -> ifStatement(i, Sink.DISCARD);
            case Expr.IfLet i -> ifLet(i, Sink.DISCARD);
            case Expr.Match m -> match(m, Sink.DISCARD);
            case Expr.While w -> whileLoop(w);
            case Expr.WhileLet w -> whileLet(w);
            case Expr.For f -> forLoop(f);
            case Expr.Loop l -> loop(l, null, null);
            case Expr.Block b -> {
                out.beginControlFlow("");
                blockStatements(b);
                out.endControlFlow();
            }
            case Expr.TryCatch t -> tryCatch(t, Sink.DISCARD);
            case Expr.Return r -> returnStatement(r);
            case Expr.Break b -> breakStatement(b);
            case Expr.Continue c -> {
                if (findLoop(c.label()) == null) {
                    stmt("throw $T.runtime($S)", RUCHY_ERROR, "Continue outside of loop");
                } else {
                    stmt(c.label() == null ? "continue" : "continue " + javaLabel(c.label()));
                }
            }
            case Expr.Throw t -> stmt("throw $T.thrown($L)", RUCHY_ERROR, expr(t.value()));
            case Expr.Assign a -> assign(a);
            case Expr.CompoundAssign a -> compoundAssign(a);
            case Expr.Unary u when u.op() == UnaryOp.POST_INC || u.op() == UnaryOp.PRE_INC
                    || u.op() == UnaryOp.POST_DEC || u.op() == UnaryOp.PRE_DEC -> {
                BinaryOp op = u.op() == UnaryOp.POST_INC || u.op() == UnaryOp.PRE_INC ? BinaryOp.ADD : BinaryOp.SUB;
                compoundAssign(new Expr.CompoundAssign(op, u.operand(), new Expr.IntLit(1, u.span()), u.span()));
            }
            case Expr.Comprehension c -> {
                CodeBlock code = exprOrHoist(c);
                stmt("$T.discard($L)", OPS, code);
            }
            case Expr.Lazy l -> effect(l.value());
            case Expr.Call c -> stmt("$L", call(c));
            case Expr.MethodCall m -> stmt("$L", methodCall(m));
            case Expr.MacroCall m -> stmt("$L", macro(m));
            default -> {
                CodeBlock code = expr(e);
                if (isStatementExpression(e)) {
                    stmt("$L", code);
                } else if (!isPure(e)) {
                    stmt("$T.discard($L)", OPS, code);
                }
            }
        }
    }

    /**
     * A call whose Java method is {@code void} (a Ruchy function ending in {@code println}, or
     * {@code println} itself) used as a value: the call becomes a statement and the value is nil.
     */
    private CodeBlock voidAsNil(Expr call, CodeBlock code) {
        if (!isVoidCall(call)) {
            return code;
        }
        stmt("$L", code);
        return CodeBlock.of("null");
    }

    private boolean isVoidCall(Expr call) {
        Stmt.Fun target = switch (call) {
            case Expr.Call c when c.callee() instanceof Expr.Ident id && symbolOf(id) != null
                    && symbolOf(id).kind() == Symbol.Kind.FUNCTION && !names.containsKey(symbolOf(id))
                    && symbolOf(id).declaration() instanceof Stmt.Fun f -> f;
            case Expr.Call c when c.callee() instanceof Expr.Path p && p.segments().size() == 2 ->
                    findMethod(p.segments().get(0), p.segments().get(1));
            case Expr.MethodCall m when types.of(m.receiver()) instanceof Type.Named n -> findMethod(n.name(), m.name());
            default -> null;
        };
        if (target != null) {
            TypeInference.Signature sig = types.signature(target);
            boolean constructor = resolution.classes().values().stream().anyMatch(c -> c.constructors().contains(target));
            return !constructor && sig != null && (!sig.returnsValue() || sig.result() instanceof Type.Nil);
        }
        if (call instanceof Expr.Call c && c.callee() instanceof Expr.Ident id && symbolOf(id) == null) {
            BuiltinFunctions.Builtin builtin = BuiltinFunctions.lookup(id.name());
            return builtin != null && builtin.result() instanceof Type.Nil;
        }
        if (call instanceof Expr.MacroCall m) {
            return Set.of("println", "print", "eprintln", "assert", "assert_eq", "panic").contains(m.name());
        }
        if (call instanceof Expr.MethodCall m && types.of(m.receiver()) instanceof Type.ListType && m.name().equals("push")
                && m.args().size() == 1) {
            return true; // `Lists.push(xs, x)`
        }
        return false;
    }

    private static boolean isStatementExpression(Expr e) {
        return e instanceof Expr.Call || e instanceof Expr.MethodCall || e instanceof Expr.MacroCall
                || e instanceof Expr.Spawn || e instanceof Expr.Await;
    }

    private static boolean isPure(Expr e) {
        return switch (e) {
            case Expr.IntLit l -> true;
            case Expr.FloatLit l -> true;
            case Expr.StringLit l -> true;
            case Expr.BoolLit l -> true;
            case Expr.NilLit l -> true;
            case Expr.Ident i -> true;
            case Expr.ObjectLit o -> o.entries().isEmpty();
            default -> false;
        };
    }

    /** The statements of a nested Java block; names declared in it may be reused once it ends. */
    private void blockStatements(Expr.Block b) {
        Set<String> outer = new HashSet<>(usedNames);
        for (Stmt s : b.statements()) {
            statement(s);
            if (AstScan.endsAbruptly(s)) {
                break; // what follows can never run, and Java rejects unreachable statements
            }
        }
        usedNames = outer;
    }

    private void returnStatement(Expr.Return r) {
        if (inLambda) {
            stmt("return $L", r.value() == null ? "null" : expr(r.value()));
            return;
        }
        if (resultVoid) {
            if (r.value() != null && !isPure(r.value())) {
                effect(r.value());
            }
            stmt("return");
            return;
        }
        if (r.value() == null) {
            stmt("return $L", defaultValue(resultType));
            return;
        }
        if (!isExpressible(r.value())) {
            valueInto(r.value(), Sink.RETURN);
            return;
        }
        stmt("return $L", coerce(expr(r.value()), types.of(r.value()), resultType));
    }

    private void breakStatement(Expr.Break b) {
        LoopContext target = findLoop(b.label());
        if (target == null) {
            // no loop of this function or closure to leave: Ruchy's run-time error (semantics §6.1)
            stmt("throw $T.runtime($S)", RUCHY_ERROR, "Break outside of loop");
            return;
        }
        if (b.value() != null && target != null && target.valueTarget() != null) {
            stmt("$N = $L", target.valueTarget(),
                    coerce(expr(b.value()), types.of(b.value()), target.valueType()));
        }
        if (b.label() != null) {
            stmt("break $L", javaLabel(b.label()));
        } else {
            stmt("break");
        }
    }

    private LoopContext findLoop(String label) {
        for (LoopContext c : loops) {
            if (label == null || label.equals(c.rubyLabel())) {
                return c;
            }
        }
        return null;
    }

    private static String javaLabel(String rubyLabel) {
        return Names.camelCase(rubyLabel);
    }

    private void assign(Expr.Assign a) {
        Expr target = a.target();
        switch (target) {
            case Expr.Ident id -> {
                Symbol sym = symbolOf(id);
                Type t = sym == null ? Type.DYN : sym.type();
                CodeBlock value = coerce(exprOrHoist(a.value()), types.of(a.value()), t);
                if (sym != null && sym.needsCell()) {
                    stmt("$N.set($L)", nameOf(sym, id.name()), value);
                } else if (sym != null && !names.containsKey(sym) && !sym.isGlobal()) {
                    // first assignment creates the variable (Ruchy semantics)
                    declareVariable(sym, id.name(), a.value(), types.of(a.value()));
                } else {
                    stmt("$N = $L", sym == null ? Names.camelCase(id.name()) : nameOf(sym, id.name()), value);
                }
            }
            case Expr.Field f -> {
                Type receiver = types.of(f.receiver());
                CodeBlock value = exprOrHoist(a.value());
                if (receiver instanceof Type.Named n && structsAsClasses.contains(n.name())) {
                    Type ft = structFieldType(n.name(), f.name());
                    stmt("$L.$N = $L", receiverCode(f.receiver()), Names.camelCase(f.name()),
                            coerce(value, types.of(a.value()), ft));
                } else {
                    stmt("$T.setField($L, $S, $L)", OPS, expr(f.receiver()), f.name(), value);
                }
            }
            case Expr.Index i -> stmt("$T.setIndex($L, $L, $L)", OPS, expr(i.target()), expr(i.index()),
                    exprOrHoist(a.value()));
            case Expr.TupleLit t -> {
                String tmp = allocate("values");
                stmt("var $N = $L", tmp, expr(a.value()));
                for (int k = 0; k < t.elements().size(); k++) {
                    Expr el = t.elements().get(k);
                    effect(new Expr.Assign(el, new Expr.Index(new Expr.Ident(tmp, el.span()), new Expr.IntLit(k, el.span()),
                            el.span()), el.span()));
                }
            }
            default -> stmt("throw $T.unsupported($S)", RUCHY_ERROR, "this assignment target");
        }
    }

    private CodeBlock receiverCode(Expr receiver) {
        if (receiver instanceof Expr.Ident id && id.name().equals("self")) {
            return CodeBlock.of("this");
        }
        return expr(receiver);
    }

    private Type structFieldType(String struct, String field) {
        Stmt.Struct st = resolution.structs().get(struct);
        if (st != null) {
            for (Stmt.FieldDecl f : st.fields()) {
                if (f.name().equals(field)) {
                    return fieldType(f);
                }
            }
        }
        Stmt.Class c = resolution.classes().get(struct);
        if (c != null) {
            for (Stmt.FieldDecl f : c.fields()) {
                if (f.name().equals(field)) {
                    return fieldType(f);
                }
            }
        }
        return Type.DYN;
    }

    private void compoundAssign(Expr.CompoundAssign a) {
        Expr target = a.target();
        Type targetType = types.of(target);
        Type valueType = types.of(a.value());
        if (target instanceof Expr.Ident id) {
            Symbol sym = symbolOf(id);
            String name = sym == null ? Names.camelCase(id.name()) : nameOf(sym, id.name());
            boolean cell = sym != null && sym.needsCell();
            CodeBlock current = cell ? CodeBlock.of("$N.get()", name) : CodeBlock.of("$N", name);
            boolean javaOp = (a.op() == BinaryOp.ADD || a.op() == BinaryOp.SUB || a.op() == BinaryOp.MUL)
                    && (targetType instanceof Type.Int && valueType instanceof Type.Int
                    || targetType instanceof Type.Float && valueType.isNumeric())
                    || a.op() == BinaryOp.ADD && targetType instanceof Type.Str && valueType instanceof Type.Str;
            if (javaOp && !cell && !(checkedArithmetic && targetType instanceof Type.Int)) {
                stmt("$N $L= $L", name, a.op().symbol(), intOperand(a.value()));
                return;
            }
            CodeBlock value = binaryCode(a.op(), current, targetType, expr(a.value()), valueType, a.value());
            Type resultType = sym == null ? Type.DYN : sym.type();
            Type opType = types.of(a);
            if (cell) {
                stmt("$N.set($L)", name, coerce(value, opType, resultType));
            } else {
                stmt("$N = $L", name, coerce(value, opType, resultType));
            }
            return;
        }
        if (target instanceof Expr.Field f) {
            Type receiver = types.of(f.receiver());
            if (receiver instanceof Type.Named n && structsAsClasses.contains(n.name())) {
                Type ft = structFieldType(n.name(), f.name());
                // one step under the struct's monitor: the struct may be shared by threads, as objects are
                CodeBlock struct = evaluatedFirst(receiverCode(f.receiver()), f.receiver(), "target");
                // literals, variables and their fields are read under the monitor; anything else (a call
                // that may block) is evaluated before it is taken
                boolean cheap = isPure(a.value()) || a.value() instanceof Expr.Field vf && isPure(vf.receiver());
                CodeBlock operand = cheap ? expr(a.value()) : evaluatedFirst(expr(a.value()), a.value(), "operand");
                CodeBlock field = CodeBlock.of("$L.$N", struct, Names.camelCase(f.name()));
                out.beginControlFlow("synchronized ($L)", struct);
                if (ft.isNumeric() && valueType.isNumeric() && (a.op() == BinaryOp.ADD || a.op() == BinaryOp.SUB
                        || a.op() == BinaryOp.MUL) && (ft instanceof Type.Float || valueType instanceof Type.Int)) {
                    stmt("$L $L= $L", field, a.op().symbol(), operand);
                } else {
                    CodeBlock value = binaryCode(a.op(), field, ft, operand, valueType, a.value());
                    stmt("$L = $L", field, coerce(value, TypeInferenceBridge.arith(a.op(), ft, valueType), ft));
                }
                out.endControlFlow();
                return;
            }
            // atomic on an object many threads change (`counter.n += 1` in a request handler)
            CodeBlock obj = evaluatedFirst(expr(f.receiver()), f.receiver(), "target");
            CodeBlock operand = updateOperand(a.value());
            String old = allocate("old");
            stmt("$T.updateField($L, $S, $N -> $T.$L($N, $L))", OPS, obj, f.name(), old, OPS, arithMethod(a.op()), old, operand);
            return;
        }
        if (target instanceof Expr.Index i) {
            CodeBlock container = evaluatedFirst(expr(i.target()), i.target(), "target");
            CodeBlock index = evaluatedFirst(expr(i.index()), i.index(), "index");
            CodeBlock operand = updateOperand(a.value());
            String old = allocate("old");
            stmt("$T.updateIndex($L, $L, $N -> $T.$L($N, $L))", OPS, container, index, old, OPS, arithMethod(a.op()), old, operand);
            return;
        }
        stmt("throw $T.unsupported($S)", RUCHY_ERROR, "this assignment target");
    }

    /**
     * A Java string literal for {@code value}: JavaPoet's {@code $S}, except that U+0085, U+2028 and
     * U+2029, which JavaPoet's writer takes for line breaks (it would cut the literal in two), are
     * written as Unicode escapes.
     */
    static CodeBlock stringLiteral(String value) {
        if (value.indexOf('\u0085') < 0 && value.indexOf('\u2028') < 0 && value.indexOf('\u2029') < 0) {
            return CodeBlock.of("$S", value);
        }
        StringBuilder sb = new StringBuilder(value.length() + 8).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return CodeBlock.of("$L", sb.append('"').toString());
    }

    /**
     * Whether {@code for x in iterable} over a typed array may loop over the array itself rather than
     * a snapshot (Ruchy loops over the elements as they were when the loop began, and Java's iterator
     * fails on a change): only an array literal, or a local variable that no closure captures, that
     * is not top-level and that the loop body does not mention (so neither the body nor anything it
     * calls can change it). Parameters, fields, elements and call results may be shared with other
     * code and threads.
     */
    private boolean iteratesInPlace(Expr iterable, Expr body) {
        if (iterable instanceof Expr.ArrayLit) {
            return true;
        }
        Symbol sym = iterable instanceof Expr.Ident id ? symbolOf(id) : null;
        return sym != null && sym.kind() == Symbol.Kind.VARIABLE && !sym.isCaptured() && !sym.isGlobal()
                && !AstScan.any(body, n -> n instanceof Expr.Ident other && symbolOf(other) == sym);
    }

    /** {@code code} of {@code e}, put in a local first unless {@code e} is pure: it keeps its place in the evaluation order. */
    private CodeBlock evaluatedFirst(CodeBlock code, Expr e, String name) {
        return isPure(e) ? code : intoLocal(code, name);
    }

    /** {@code var name = code;} with a fresh name; the local's name as code. */
    private CodeBlock intoLocal(CodeBlock code, String name) {
        String tmp = allocate(name);
        stmt("var $N = $L", tmp, code);
        return CodeBlock.of("$N", tmp);
    }

    /**
     * The right side of a compound assignment to a field or element, for the update function: a
     * literal or a variable never reassigned as it is, anything else evaluated first into a local (the
     * function runs under a lock and may only capture effectively final locals).
     */
    private CodeBlock updateOperand(Expr value) {
        if (value instanceof Expr.IntLit || value instanceof Expr.FloatLit || value instanceof Expr.StringLit) {
            return expr(value);
        }
        Symbol sym = value instanceof Expr.Ident id ? symbolOf(id) : null;
        if (sym != null && !sym.isReassigned() && !sym.isGlobal()) {
            return expr(value); // effectively final in Java
        }
        return intoLocal(expr(value), "operand");
    }

    // ---- control flow ---------------------------------------------------------------------------

    /** Where the value of an expression goes. */
    private record Sink(Kind kind, String target, Type type, boolean cell) {
        enum Kind { DISCARD, RETURN, ASSIGN }

        static final Sink DISCARD = new Sink(Kind.DISCARD, null, null, false);
        static final Sink RETURN = new Sink(Kind.RETURN, null, null, false);

        static Sink assign(String target, Type type, boolean cell) {
            return new Sink(Kind.ASSIGN, target, type, cell);
        }
    }

    /** Emits statements that deliver the value of {@code e} to {@code sink}. */
    private void valueInto(Expr e, Sink sink) {
        if (sink.kind() == Sink.Kind.DISCARD) {
            effect(e);
            return;
        }
        switch (e) {
            case Expr.If i -> ifStatement(i, sink);
            case Expr.IfLet i -> ifLet(i, sink);
            case Expr.Match m -> match(m, sink);
            case Expr.Block b -> {
                List<Stmt> stmts = b.statements();
                for (int k = 0; k < stmts.size(); k++) {
                    Stmt s = stmts.get(k);
                    if (k == stmts.size() - 1 && s instanceof Stmt.ExprStmt es) {
                        mark(s);
                        valueInto(es.expr(), sink);
                    } else {
                        statement(s);
                    }
                }
                if (stmts.isEmpty() || !(stmts.get(stmts.size() - 1) instanceof Stmt.ExprStmt)) {
                    deliver(CodeBlock.of("null"), Type.NIL, sink);
                }
            }
            case Expr.TryCatch t -> tryCatch(t, sink);
            case Expr.Loop l when !AstScan.breaksOut(l) -> loop(l, null, null);
            case Expr.Loop l -> {
                if (sink.kind() == Sink.Kind.ASSIGN && !sink.cell()) {
                    loop(l, sink.target(), sink.type());
                } else {
                    String tmp = allocate("result");
                    stmt("$T $N = null", OBJECT, tmp);
                    loop(l, tmp, Type.DYN);
                    deliver(CodeBlock.of("$N", tmp), Type.DYN, sink);
                }
            }
            case Expr.Return r -> returnStatement(r);
            case Expr.Break b -> breakStatement(b);
            case Expr.Continue c -> effect(c);
            case Expr.Throw t -> effect(t);
            case Expr.While w -> {
                effect(w);
                deliver(CodeBlock.of("null"), Type.NIL, sink);
            }
            case Expr.For f -> {
                effect(f);
                deliver(CodeBlock.of("null"), Type.NIL, sink);
            }
            case Expr.Assign a -> {
                effect(a);
                deliver(expr(a.target()), types.of(a.target()), sink);
            }
            case Expr.CompoundAssign a -> {
                effect(a);
                deliver(expr(a.target()), types.of(a.target()), sink);
            }
            default -> deliver(exprOrHoist(e), types.of(e), sink);
        }
    }

    private void deliver(CodeBlock code, Type from, Sink sink) {
        switch (sink.kind()) {
            case DISCARD -> {
            }
            case RETURN -> {
                if (inLambda) {
                    stmt("return $L", code);
                } else if (resultVoid) {
                    if (!code.toString().equals("null")) {
                        stmt("$T.discard($L)", OPS, code);
                    }
                    stmt("return");
                } else {
                    stmt("return $L", coerce(code, from, resultType));
                }
            }
            case ASSIGN -> {
                CodeBlock value = coerce(code, from, sink.type());
                if (sink.cell()) {
                    stmt("$N.set($L)", sink.target(), value);
                } else {
                    stmt("$N = $L", sink.target(), value);
                }
            }
        }
    }

    /** The body of a branch that already has its braces: a block's statements are not wrapped again. */
    private void branch(Expr body, Sink sink) {
        if (sink.kind() == Sink.Kind.DISCARD && body instanceof Expr.Block b) {
            blockStatements(b);
        } else {
            valueInto(body, sink);
        }
    }

    private void ifStatement(Expr.If i, Sink sink) {
        if (sink.kind() != Sink.Kind.DISCARD && isExpressible(i) && !(i.otherwise() instanceof Expr.If)) {
            deliver(expr(i), types.of(i), sink);
            return;
        }
        out.beginControlFlow("if ($L)", condition(i.condition()));
        branch(i.then(), sink);
        Expr otherwise = i.otherwise();
        while (otherwise instanceof Expr.If next) {
            out.nextControlFlow("else if ($L)", condition(next.condition()));
            branch(next.then(), sink);
            otherwise = next.otherwise();
        }
        if (otherwise != null) {
            out.nextControlFlow("else");
            branch(otherwise, sink);
        } else if (sink.kind() != Sink.Kind.DISCARD) {
            out.nextControlFlow("else");
            deliver(CodeBlock.of("null"), Type.NIL, sink);
        }
        out.endControlFlow();
    }

    private void ifLet(Expr.IfLet i, Sink sink) {
        Type t = types.of(i.value());
        String subject = subjectVariable(i.value());
        out.beginControlFlow("if ($L)", patternTest(i.pattern(), CodeBlock.of("$N", subject), t));
        bindPattern(i.pattern(), CodeBlock.of("$N", subject), t);
        branch(i.then(), sink);
        if (i.otherwise() != null) {
            out.nextControlFlow("else");
            branch(i.otherwise(), sink);
        } else if (sink.kind() != Sink.Kind.DISCARD) {
            out.nextControlFlow("else");
            deliver(CodeBlock.of("null"), Type.NIL, sink);
        }
        out.endControlFlow();
    }

    /** The scrutinee in a local, unless it already is a plain variable. */
    private String subjectVariable(Expr value) {
        if (value instanceof Expr.Ident id) {
            Symbol sym = symbolOf(id);
            if (sym != null && !sym.needsCell() && !sym.isGlobal() && names.containsKey(sym)) {
                return names.get(sym);
            }
        }
        String tmp = allocate("subject");
        stmt("var $N = $L", tmp, exprOrHoist(value));
        return tmp;
    }

    private void match(Expr.Match m, Sink sink) {
        Type t = types.of(m.scrutinee());
        String subject = subjectVariable(m.scrutinee());
        CodeBlock subjectCode = CodeBlock.of("$N", subject);
        boolean guardsWithBindings = m.arms().stream().anyMatch(a -> a.guard() != null);
        if (!guardsWithBindings) {
            boolean first = true;
            boolean exhaustive = false;
            for (Expr.MatchArm arm : m.arms()) {
                CodeBlock test = patternTest(arm.pattern(), subjectCode, t);
                boolean always = test.toString().equals("true");
                if (first && always) {
                    out.add("{\n$>");
                } else if (first) {
                    out.beginControlFlow("if ($L)", test);
                } else if (always) {
                    out.nextControlFlow("else");
                } else {
                    out.nextControlFlow("else if ($L)", test);
                }
                bindPattern(arm.pattern(), subjectCode, t);
                branch(arm.body(), sink);
                first = false;
                if (always) {
                    exhaustive = true;
                    break;
                }
            }
            if (!exhaustive) {
                if (first) {
                    stmt("throw $T.noMatch($L)", RUCHY_ERROR, subjectCode);
                    return;
                }
                out.nextControlFlow("else");
                stmt("throw $T.noMatch($L)", RUCHY_ERROR, subjectCode);
            }
            out.endControlFlow();
            return;
        }
        String label = allocate("match");
        boolean needsLabel = sink.kind() != Sink.Kind.RETURN;
        if (needsLabel) {
            out.beginControlFlow("$N:", label);
        }
        boolean exhaustive = false;
        for (Expr.MatchArm arm : m.arms()) {
            CodeBlock test = patternTest(arm.pattern(), subjectCode, t);
            boolean always = test.toString().equals("true");
            CodeBlock.Builder saved = out;
            out = CodeBlock.builder();
            bindPattern(arm.pattern(), subjectCode, t);
            CodeBlock declarations = out.build();
            out = saved;
            boolean wrapped = !always || !declarations.isEmpty();
            if (!always) {
                out.beginControlFlow("if ($L)", test);
            } else if (wrapped) {
                out.add("{\n$>");
            }
            out.add(declarations);
            if (arm.guard() != null) {
                out.beginControlFlow("if ($L)", condition(arm.guard()));
            }
            branch(arm.body(), sink);
            if (needsLabel && !endsAbruptly(arm.body())) {
                stmt("break $N", label);
            }
            if (arm.guard() != null) {
                out.endControlFlow();
            }
            if (!always) {
                out.endControlFlow();
            } else if (wrapped) {
                out.add("$<}\n");
            }
            if (always && arm.guard() == null) {
                exhaustive = true;
                break;
            }
        }
        if (!exhaustive) {
            stmt("throw $T.noMatch($L)", RUCHY_ERROR, subjectCode);
        }
        if (needsLabel) {
            out.endControlFlow();
        }
    }

    private static boolean endsAbruptly(Expr e) {
        return e instanceof Expr.Return || e instanceof Expr.Throw || e instanceof Expr.Break || e instanceof Expr.Continue;
    }

    private void whileLoop(Expr.While w) {
        String label = w.label() == null ? null : javaLabel(w.label());
        loops.push(new LoopContext(label, w.label(), null, null));
        if (label != null) {
            out.add("$L:\n", label);
        }
        out.beginControlFlow("while ($L)", condition(w.condition()));
        blockStatements(w.body());
        out.endControlFlow();
        loops.pop();
    }

    private void whileLet(Expr.WhileLet w) {
        String label = w.label() == null ? null : javaLabel(w.label());
        loops.push(new LoopContext(label, w.label(), null, null));
        if (label != null) {
            out.add("$L:\n", label);
        }
        out.beginControlFlow("while (true)");
        Type t = types.of(w.value());
        String subject = allocate("next");
        stmt("var $N = $L", subject, expr(w.value()));
        out.beginControlFlow("if (!($L))", patternTest(w.pattern(), CodeBlock.of("$N", subject), t));
        stmt("break");
        out.endControlFlow();
        bindPattern(w.pattern(), CodeBlock.of("$N", subject), t);
        blockStatements(w.body());
        out.endControlFlow();
        loops.pop();
    }

    private void loop(Expr.Loop l, String valueTarget, Type valueType) {
        String label = l.label() == null ? null : javaLabel(l.label());
        loops.push(new LoopContext(label, l.label(), valueTarget, valueType));
        if (label != null) {
            out.add("$L:\n", label);
        }
        out.beginControlFlow("while (true)");
        blockStatements(l.body());
        out.endControlFlow();
        loops.pop();
    }

    private void forLoop(Expr.For f) {
        Set<String> outer = new HashSet<>(usedNames);
        forLoopScoped(f);
        usedNames = outer;
    }

    private void forLoopScoped(Expr.For f) {
        String label = f.label() == null ? null : javaLabel(f.label());
        loops.push(new LoopContext(label, f.label(), null, null));
        if (label != null) {
            out.add("$L:\n", label);
        }
        Type iterableType = types.of(f.iterable());
        if (f.iterable() instanceof Expr.Range r && r.start() != null && r.end() != null
                && types.of(r.start()) instanceof Type.Int && types.of(r.end()) instanceof Type.Int
                && f.pattern() instanceof Pattern.Binding b && !symbolNeedsSpecial(b)
                && !(resolution.declaration(b) != null && resolution.declaration(b).isCaptured())) {
            Symbol sym = resolution.declaration(b);
            String name = declareName(sym, b.name());
            CodeBlock end = intOperand(r.end());
            if (!isSimple(r.end())) {
                String endName = allocate(name + "End");
                stmt("var $N = $L", endName, end);
                end = CodeBlock.of("$N", endName);
            }
            out.beginControlFlow("for (long $N = $L; $N $L $L; $N++)", name, intOperand(r.start()), name,
                    r.inclusive() ? "<=" : "<", end, name);
        } else if (f.pattern() instanceof Pattern.Binding b && !symbolNeedsSpecial(b)) {
            Symbol sym = resolution.declaration(b);
            String name = declareName(sym, b.name());
            TypeName elementType = sym == null ? OBJECT : javaType(sym.type());
            if (iterableType instanceof Type.ListType && !iteratesInPlace(f.iterable(), f.body())) {
                // the body, a closure or another thread may change it meanwhile: loop over the elements as they are now
                out.beginControlFlow("for ($T $N : $T.snapshot($L))", elementType, name, LISTS, expr(f.iterable()));
            } else if (iterableType instanceof Type.ListType) {
                out.beginControlFlow("for ($T $N : $L)", elementType, name, expr(f.iterable()));
            } else if (iterableType instanceof Type.RangeType && elementType.equals(TypeName.LONG)) {
                out.beginControlFlow("for (long $N : $T.longs($L))", name, OPS, expr(f.iterable()));
            } else {
                String item = allocate("item");
                out.beginControlFlow("for (var $N : $T.iterate($L))", item, OPS, expr(f.iterable()));
                stmt("$T $N = $L", elementType, name, coerce(CodeBlock.of("$N", item), Type.DYN,
                        sym == null ? Type.DYN : sym.type()));
            }
        } else {
            String item = allocate("item");
            out.beginControlFlow("for (var $N : $T.iterate($L))", item, OPS, expr(f.iterable()));
            bindPattern(f.pattern(), CodeBlock.of("$N", item), Type.DYN);
        }
        blockStatements(f.body());
        out.endControlFlow();
        loops.pop();
    }

    /** The record that carries the value through {@code ?} for a statically typed operand, or null. */
    private static ClassName earlyReturnPattern(Type operand) {
        if (operand instanceof Type.ResultType) {
            return RESULT.nestedClass("Ok");
        }
        if (operand instanceof Type.OptionType) {
            return OPTION.nestedClass("Some");
        }
        return null;
    }

    /** An integer operand next to a {@code long}: small literals without the {@code L}. */
    private CodeBlock intOperand(Expr e) {
        return e instanceof Expr.IntLit i && i.value() == (int) i.value() ? CodeBlock.of("$L", i.value()) : expr(e);
    }

    private boolean symbolNeedsSpecial(Pattern.Binding b) {
        Symbol sym = resolution.declaration(b);
        return sym != null && (sym.needsCell() || sym.isGlobal());
    }

    private void tryCatch(Expr.TryCatch t, Sink sink) {
        out.beginControlFlow("try");
        branch(t.body(), sink);
        for (Expr.CatchClause c : t.catches()) {
            String error = allocate("error");
            out.nextControlFlow("catch ($T $N)", RUCHY_ERROR, error);
            if (c.pattern() != null) {
                bindPattern(c.pattern(), CodeBlock.of("$N.caught()", error), Type.DYN);
            }
            branch(c.body(), sink);
        }
        if (t.finallyBlock() != null) {
            out.nextControlFlow("finally");
            blockStatements(t.finallyBlock());
        }
        out.endControlFlow();
    }

    // ---- patterns -------------------------------------------------------------------------------

    /** A Java boolean expression testing whether {@code subject} (of type {@code t}) matches {@code p}. */
    private CodeBlock patternTest(Pattern p, CodeBlock subject, Type t) {
        return switch (p) {
            case Pattern.Wildcard w -> CodeBlock.of("true");
            case Pattern.Binding b -> {
                Stmt.Enum owner = resolution.variantOwner(b.name());
                if (owner != null && resolution.declaration(b) == null) {
                    yield variantTest(owner, b.name(), subject, List.of(), t);
                }
                yield CodeBlock.of("true");
            }
            case Pattern.Rest r -> CodeBlock.of("true");
            case Pattern.Literal l -> literalTest(l.value(), subject, t);
            case Pattern.Range r -> {
                if (t instanceof Type.Int && r.low() instanceof Expr.IntLit && (r.high() == null || r.high() instanceof Expr.IntLit)) {
                    CodeBlock low = CodeBlock.of("$L >= $L", subject, ((Expr.IntLit) r.low()).value());
                    yield r.high() == null ? low : CodeBlock.of("$L && $L $L $L", low, subject, r.inclusive() ? "<=" : "<",
                            ((Expr.IntLit) r.high()).value());
                }
                yield CodeBlock.of("$T.inRange($L, $L, $L, $L)", OPS, subject, expr(r.low()),
                        r.high() == null ? "null" : expr(r.high()), r.inclusive());
            }
            case Pattern.Or o -> {
                List<CodeBlock> tests = new ArrayList<>();
                for (Pattern alt : o.alternatives()) {
                    tests.add(patternTest(alt, subject, t));
                }
                yield CodeBlock.join(tests, " || ");
            }
            case Pattern.At a -> patternTest(a.pattern(), subject, t);
            case Pattern.Tuple tu -> {
                List<CodeBlock> tests = new ArrayList<>();
                tests.add(CodeBlock.of("$T.isTuple($L, $L)", OPS, subject, tu.elements().size()));
                for (int i = 0; i < tu.elements().size(); i++) {
                    CodeBlock el = CodeBlock.of("$T.element($L, $L)", OPS, subject, i);
                    CodeBlock test = patternTest(tu.elements().get(i), el, Type.DYN);
                    if (!test.toString().equals("true")) {
                        tests.add(test);
                    }
                }
                yield CodeBlock.join(tests, " && ");
            }
            case Pattern.Array a -> {
                List<CodeBlock> tests = new ArrayList<>();
                boolean rest = a.elements().stream().anyMatch(e -> e instanceof Pattern.Rest);
                int fixed = (int) a.elements().stream().filter(e -> !(e instanceof Pattern.Rest)).count();
                tests.add(CodeBlock.of("$T.isList($L, $L, $L)", OPS, subject, fixed, rest));
                int restIndex = indexOfRest(a.elements());
                for (int i = 0; i < a.elements().size(); i++) {
                    Pattern el = a.elements().get(i);
                    if (el instanceof Pattern.Rest) {
                        continue;
                    }
                    CodeBlock access = restIndex >= 0 && i > restIndex
                            ? CodeBlock.of("$T.element($L, $L)", OPS, subject, i - a.elements().size())
                            : CodeBlock.of("$T.element($L, $L)", OPS, subject, i);
                    CodeBlock test = patternTest(el, access, Type.DYN);
                    if (!test.toString().equals("true")) {
                        tests.add(test);
                    }
                }
                yield CodeBlock.join(tests, " && ");
            }
            case Pattern.TupleStruct ts -> {
                String name = ts.path().get(ts.path().size() - 1);
                List<CodeBlock> tests = new ArrayList<>();
                switch (name) {
                    case "Some", "Ok", "Err" -> {
                        boolean typed = name.equals("Some") ? t instanceof Type.OptionType : t instanceof Type.ResultType;
                        if (typed && ts.elements().size() == 1 && isPlainBinding(ts.elements().get(0))) {
                            // a record pattern: `r instanceof Result.Ok(var v)`
                            Pattern.Binding b = (Pattern.Binding) ts.elements().get(0);
                            boundByTest.add(b);
                            ClassName record = (name.equals("Some") ? OPTION : RESULT).nestedClass(name);
                            yield CodeBlock.of("$L instanceof $T(var $N)", subject, record,
                                    declareName(resolution.declaration(b), b.name()));
                        }
                        tests.add(CodeBlock.of("$T.is$L($L)", OPS, name, subject));
                        if (ts.elements().size() == 1) {
                            CodeBlock inner = CodeBlock.of("$T.payload($L)", OPS, subject);
                            CodeBlock test = patternTest(ts.elements().get(0), inner, Type.DYN);
                            if (!test.toString().equals("true")) {
                                tests.add(test);
                            }
                        }
                    }
                    default -> {
                        Stmt.Enum owner = resolution.variantOwner(name);
                        if (owner == null) {
                            tests.add(CodeBlock.of("false"));
                        } else {
                            tests.add(variantTest(owner, name, subject, ts.elements(), t));
                        }
                    }
                }
                yield CodeBlock.join(tests, " && ");
            }
            case Pattern.Path path -> {
                String name = path.path().get(path.path().size() - 1);
                if (name.equals("None")) {
                    yield CodeBlock.of("$T.isNone($L)", OPS, subject);
                }
                Stmt.Enum owner = resolution.variantOwner(name);
                yield owner == null ? CodeBlock.of("false") : variantTest(owner, name, subject, List.of(), t);
            }
            case Pattern.Struct st -> {
                String name = st.path().get(st.path().size() - 1);
                List<CodeBlock> tests = new ArrayList<>();
                if (resolution.structs().containsKey(name)) {
                    tests.add(CodeBlock.of("$L instanceof $T", subject, self.nestedClass(name)));
                } else {
                    Stmt.Enum owner = resolution.variantOwner(name);
                    if (owner != null) {
                        tests.add(CodeBlock.of("$L instanceof $T", subject,
                                self.nestedClass(owner.name()).nestedClass(name)));
                    }
                }
                for (Pattern.FieldPattern f : st.fields()) {
                    if (f.pattern() != null) {
                        CodeBlock test = patternTest(f.pattern(), CodeBlock.of("$T.field($L, $S)", OPS, subject,
                                f.name()), Type.DYN);
                        if (!test.toString().equals("true")) {
                            tests.add(test);
                        }
                    }
                }
                yield tests.isEmpty() ? CodeBlock.of("true") : CodeBlock.join(tests, " && ");
            }
            case Pattern.Error er -> CodeBlock.of("false");
        };
    }

    private static int indexOfRest(List<Pattern> elements) {
        for (int i = 0; i < elements.size(); i++) {
            if (elements.get(i) instanceof Pattern.Rest) {
                return i;
            }
        }
        return -1;
    }

    private CodeBlock variantTest(Stmt.Enum owner, String variant, CodeBlock subject, List<Pattern> elements, Type t) {
        ClassName enumClass = self.nestedClass(owner.name());
        boolean simple = owner.variants().stream().allMatch(v -> v.tupleFields().isEmpty() && v.structFields().isEmpty());
        if (simple) {
            return CodeBlock.of("$L == $T.$N", subject, enumClass, variant);
        }
        List<CodeBlock> tests = new ArrayList<>();
        if (!elements.isEmpty() && elements.stream().allMatch(this::isPlainBinding)) {
            // a record pattern binds the variant's fields directly: `s instanceof Shape.Circle(var r)`
            List<CodeBlock> vars = new ArrayList<>();
            for (Pattern el : elements) {
                Pattern.Binding b = (Pattern.Binding) el;
                vars.add(CodeBlock.of("var $N", declareName(resolution.declaration(b), b.name())));
                boundByTest.add(b);
            }
            return CodeBlock.of("$L instanceof $T($L)", subject, enumClass.nestedClass(variant),
                    CodeBlock.join(vars, ", "));
        }
        tests.add(CodeBlock.of("$L instanceof $T", subject, enumClass.nestedClass(variant)));
        for (int i = 0; i < elements.size(); i++) {
            CodeBlock access = CodeBlock.of("$T.element($L, $L)", OPS, subject, i);
            CodeBlock test = patternTest(elements.get(i), access, Type.DYN);
            if (!test.toString().equals("true")) {
                tests.add(test);
            }
        }
        return CodeBlock.join(tests, " && ");
    }

    private CodeBlock literalTest(Expr literal, CodeBlock subject, Type t) {
        if (t instanceof Type.Int && literal instanceof Expr.IntLit i) {
            return CodeBlock.of("$L == $L", subject, i.value());
        }
        if (t instanceof Type.Str && (literal instanceof Expr.StringLit || literal instanceof Expr.CharLit)) {
            return CodeBlock.of("$L.equals($L)", subject, expr(literal));
        }
        if (t instanceof Type.Bool && literal instanceof Expr.BoolLit b) {
            return b.value() ? subject : CodeBlock.of("!$L", subject);
        }
        if (literal instanceof Expr.NilLit) {
            return CodeBlock.of("$L == null", subject);
        }
        return CodeBlock.of("$T.matches($L, $L)", OPS, subject, expr(literal));
    }

    /** Bindings already declared by the test itself (record patterns), which {@link #bindPattern} skips. */
    private final Set<Pattern.Binding> boundByTest = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

    private boolean isPlainBinding(Pattern p) {
        if (!(p instanceof Pattern.Binding b)) {
            return false;
        }
        Symbol sym = resolution.declaration(b);
        return sym != null && !sym.needsCell() && !sym.isGlobal();
    }

    /** Declares the variables a matched pattern binds. */
    private void bindPattern(Pattern p, CodeBlock subject, Type t) {
        switch (p) {
            case Pattern.Binding b -> {
                Symbol sym = resolution.declaration(b);
                if (sym == null || boundByTest.contains(b)) {
                    return;
                }
                declareBound(sym, b.name(), subject, t);
            }
            case Pattern.At a -> {
                Symbol sym = resolution.declaration(a);
                if (sym != null) {
                    declareBound(sym, a.name(), subject, t);
                }
                bindPattern(a.pattern(), subject, t);
            }
            case Pattern.Tuple tu -> {
                for (int i = 0; i < tu.elements().size(); i++) {
                    bindPattern(tu.elements().get(i), CodeBlock.of("$T.element($L, $L)", OPS, subject, i),
                            Type.DYN);
                }
            }
            case Pattern.Array a -> {
                int restIndex = indexOfRest(a.elements());
                for (int i = 0; i < a.elements().size(); i++) {
                    Pattern el = a.elements().get(i);
                    if (el instanceof Pattern.Rest r) {
                        if (r.name() != null) {
                            int after = a.elements().size() - i - 1;
                            bindPattern(el, CodeBlock.of("$T.restOf($L, $L, $L)", OPS, subject, i, after), t);
                        }
                        continue;
                    }
                    CodeBlock access = restIndex >= 0 && i > restIndex
                            ? CodeBlock.of("$T.element($L, $L)", OPS, subject, i - a.elements().size())
                            : CodeBlock.of("$T.element($L, $L)", OPS, subject, i);
                    bindPattern(el, access, Type.DYN);
                }
            }
            case Pattern.Rest r -> {
                Symbol sym = resolution.declaration(r);
                if (sym != null) {
                    declareBound(sym, r.name(), subject, Type.DYN);
                }
            }
            case Pattern.TupleStruct ts -> {
                String name = ts.path().get(ts.path().size() - 1);
                if (name.equals("Some") || name.equals("Ok") || name.equals("Err")) {
                    if (ts.elements().size() == 1) {
                        bindPattern(ts.elements().get(0), CodeBlock.of("$T.payload($L)", OPS, subject), Type.DYN);
                    }
                    return;
                }
                for (int i = 0; i < ts.elements().size(); i++) {
                    bindPattern(ts.elements().get(i), CodeBlock.of("$T.element($L, $L)", OPS, subject, i),
                            Type.DYN);
                }
            }
            case Pattern.Struct st -> st.fields().forEach(f -> {
                CodeBlock access = CodeBlock.of("$T.field($L, $S)", OPS, subject, f.name());
                if (f.pattern() != null) {
                    bindPattern(f.pattern(), access, Type.DYN);
                } else {
                    Symbol sym = resolution.declaration(f);
                    if (sym != null) {
                        declareBound(sym, f.name(), access, Type.DYN);
                    }
                }
            });
            case Pattern.Or o -> bindPattern(o.alternatives().get(0), subject, t);
            default -> {
            }
        }
    }

    private void declareBound(Symbol sym, String rubyName, CodeBlock value, Type from) {
        String text = value.toString();
        if (!sym.isReassigned() && !sym.isCaptured() && !sym.isGlobal() && from.equals(sym.type())
                && text.matches("[A-Za-z_$][A-Za-z0-9_$]*") && !text.equals("this") && usedNames.contains(text)) {
            names.put(sym, text); // `x => ...` on a plain variable: use the variable itself
            return;
        }
        if (sym.isGlobal()) {
            stmt("$N = $L", globalName(sym), coerce(value, from, sym.type()));
            return;
        }
        String name = declareName(sym, rubyName);
        CodeBlock coerced = coerce(value, from, sym.type());
        if (sym.needsCell()) {
            stmt("var $N = new $T<$T>($L)", name, CELL, javaType(sym.type()).box(), coerced);
        } else {
            stmt("$T $N = $L", javaType(sym.type()), name, coerced);
        }
    }

    // ================================================================================================
    // expressions

    /** Whether {@code e} can be written as one Java expression (no statements inside). */
    private boolean isExpressible(Expr e) {
        return switch (e) {
            case Expr.Block b -> b.statements().size() == 1 && b.statements().get(0) instanceof Stmt.ExprStmt es
                    && isExpressible(es.expr());
            case Expr.If i -> i.otherwise() != null && isExpressible(i.condition()) && isExpressible(i.then())
                    && isExpressible(i.otherwise());
            case Expr.IfLet i -> false;
            case Expr.Match m -> false;
            case Expr.While w -> false;
            case Expr.WhileLet w -> false;
            case Expr.For f -> false;
            case Expr.Loop l -> false;
            case Expr.TryCatch t -> false;
            case Expr.Return r -> false;
            case Expr.Break b -> false;
            case Expr.Continue c -> false;
            case Expr.Throw t -> false;
            case Expr.Comprehension c -> false;
            case Expr.Assign a -> false;
            case Expr.CompoundAssign a -> false;
            default -> true;
        };
    }

    /** The expression's Java code, hoisting it into a local first if it needs statements. */
    private CodeBlock exprOrHoist(Expr e) {
        if (isExpressible(e)) {
            return expr(e);
        }
        Type t = types.of(e);
        if (e instanceof Expr.Comprehension c) {
            return comprehension(c);
        }
        if (e instanceof Expr.Assign || e instanceof Expr.CompoundAssign) {
            effect(e);
            Expr target = e instanceof Expr.Assign a ? a.target() : ((Expr.CompoundAssign) e).target();
            return expr(target);
        }
        String tmp = allocate("value");
        stmt("$T $N", javaType(t), tmp);
        valueInto(e, Sink.assign(tmp, t, false));
        return CodeBlock.of("$N", tmp);
    }

    private CodeBlock comprehension(Expr.Comprehension c) {
        String result = allocate("values");
        comprehensionInto(c, result, true);
        return CodeBlock.of("$N", result);
    }

    /** {@code [e for x in xs if c]} as a loop that fills the list {@code result}. */
    private void comprehensionInto(Expr.Comprehension c, String result, boolean declare) {
        Type t = types.of(c);
        if (declare) {
            stmt("$T $N = new $T<>()", javaType(t), result, ClassName.get("java.util", "ArrayList"));
        } else {
            stmt("$N = new $T<>()", result, ClassName.get("java.util", "ArrayList"));
        }
        Set<String> outer = new HashSet<>(usedNames);
        forLoopWith(c.pattern(), c.iterable(), () -> {
            if (c.condition() != null) {
                out.beginControlFlow("if ($L)", condition(c.condition()));
            }
            Type elementType = t instanceof Type.ListType l ? l.element() : Type.DYN;
            stmt("$N.add($L)", result, coerce(expr(c.element()), types.of(c.element()), elementType));
            if (c.condition() != null) {
                out.endControlFlow();
            }
        });
        usedNames = outer;
    }

    private void forLoopWith(Pattern pattern, Expr iterable, Runnable body) {
        if (iterable instanceof Expr.Range r && r.start() != null && r.end() != null
                && types.of(r.start()) instanceof Type.Int && types.of(r.end()) instanceof Type.Int
                && pattern instanceof Pattern.Binding b && !symbolNeedsSpecial(b) && isSimple(r.end())) {
            String name = declareName(resolution.declaration(b), b.name());
            out.beginControlFlow("for (long $N = $L; $N $L $L; $N++)", name, intOperand(r.start()), name,
                    r.inclusive() ? "<=" : "<", intOperand(r.end()), name);
            body.run();
            out.endControlFlow();
            return;
        }
        String item = allocate("item");
        out.beginControlFlow("for (var $N : $T.iterate($L))", item, OPS, expr(iterable));
        bindPattern(pattern, CodeBlock.of("$N", item), Type.DYN);
        body.run();
        out.endControlFlow();
    }

    /** The Java expression for {@code e}; its Java type is {@code javaType(types.of(e))}. */
    private CodeBlock expr(Expr e) {
        return switch (e) {
            case Expr.IntLit i -> CodeBlock.of("$LL", i.value());
            case Expr.FloatLit f -> CodeBlock.of("$L", floatLiteral(f.value()));
            case Expr.StringLit s -> stringLiteral(s.value());
            case Expr.CharLit c -> stringLiteral(c.value());
            case Expr.ByteLit b -> CodeBlock.of("$LL", b.value());
            case Expr.BoolLit b -> CodeBlock.of("$L", b.value());
            case Expr.NilLit n -> CodeBlock.of("null");
            case Expr.AtomLit a -> CodeBlock.of("$T.atom($S)", OPS, a.name());
            case Expr.FString f -> fstring(f);
            case Expr.Ident id -> ident(id);
            case Expr.Path p -> path(p);
            case Expr.Unary u -> unary(u);
            case Expr.Binary b -> binary(b);
            case Expr.Ternary t -> {
                Type tt = types.of(t);
                yield CodeBlock.of("$L ? $L : $L", condition(t.condition()),
                        coerce(expr(t.then()), types.of(t.then()), tt), coerce(expr(t.otherwise()), types.of(t.otherwise()), tt));
            }
            case Expr.If i -> {
                Type tt = types.of(i);
                yield CodeBlock.of("$L ? $L : $L", condition(i.condition()),
                        coerce(expr(i.then()), types.of(i.then()), tt), coerce(expr(i.otherwise()), types.of(i.otherwise()), tt));
            }
            case Expr.Block b -> expr(((Stmt.ExprStmt) b.statements().get(0)).expr());
            case Expr.Range r -> CodeBlock.of("$T.range($L, $L, $L)", OPS, r.start() == null ? "null" : expr(r.start()),
                    r.end() == null ? "null" : expr(r.end()), r.inclusive());
            case Expr.Cast c -> cast(c);
            case Expr.Try t -> coerce(CodeBlock.of("$T.tryUnwrap($L)", OPS, expr(t.operand())), Type.DYN, types.of(t));
            case Expr.Call c -> voidAsNil(c, call(c));
            case Expr.MethodCall m -> voidAsNil(m, methodCall(m));
            case Expr.Field f -> field(f);
            case Expr.Index i -> index(i);
            case Expr.MacroCall m -> voidAsNil(m, macro(m));
            case Expr.ArrayLit a -> arrayLiteral(a);
            case Expr.ArrayRepeat a -> CodeBlock.of("$T.repeat($L, $L)", LISTS, expr(a.value()), expr(a.count()));
            case Expr.TupleLit t -> CodeBlock.of("$T.of($L)", TUPLE, boxedArgsOf(t.elements()));
            case Expr.ObjectLit o -> objectLiteral(o);
            case Expr.StructLit s -> structLiteral(s);
            case Expr.Lambda l -> lambdaCode(l, true);
            case Expr.Await a -> CodeBlock.of("$T.await($L)", OPS, expr(a.operand()));
            case Expr.AsyncBlock a -> CodeBlock.of("$T.async($L)", OPS, supplier(a.body()));
            case Expr.Spawn s -> CodeBlock.of("$T.spawn($L)", OPS, supplier(s.body()));
            case Expr.Lazy l -> expr(l.value());
            case Expr.LetIn l -> exprOrHoist(new Expr.Block(List.of(
                    new Stmt.Let(Stmt.LetKind.LET, l.pattern(), null, l.value(), null, l.span()),
                    new Stmt.ExprStmt(l.body(), false, l.body().span())), l.span()));
            case Expr.Comprehension c -> comprehension(c);
            case Expr.Error er -> CodeBlock.of("$T.unsupported($S)", RUCHY_ERROR, "an expression with errors");
            default -> exprOrHoist(e);
        };
    }

    private static String floatLiteral(double d) {
        if (Double.isInfinite(d)) {
            return d > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
        }
        if (Double.isNaN(d)) {
            return "Double.NaN";
        }
        return Double.toString(d);
    }

    private CodeBlock fstring(Expr.FString f) {
        List<CodeBlock> parts = new ArrayList<>();
        boolean startsWithText = !f.parts().isEmpty() && f.parts().get(0) instanceof Expr.FStringText;
        for (Expr.FStringPart part : f.parts()) {
            switch (part) {
                case Expr.FStringText t -> parts.add(stringLiteral(t.text()));
                case Expr.FStringInterp in -> {
                    Type t = types.of(in.expr());
                    if (in.spec() != null) {
                        parts.add(CodeBlock.of("$T.format($L, $S)", FMT, expr(in.expr()), in.spec()));
                    } else if (t instanceof Type.Str || t instanceof Type.Int || t instanceof Type.Bool) {
                        parts.add(parenthesizeIfNeeded(in.expr(), expr(in.expr())));
                    } else {
                        parts.add(CodeBlock.of("$T.interpolate($L)", FMT, expr(in.expr())));
                    }
                }
            }
        }
        if (parts.isEmpty()) {
            return CodeBlock.of("$S", "");
        }
        if (parts.size() == 1) {
            Expr.FStringPart only = f.parts().get(0);
            if (only instanceof Expr.FStringInterp in && !(types.of(in.expr()) instanceof Type.Str) && in.spec() == null
                    && (types.of(in.expr()) instanceof Type.Int || types.of(in.expr()) instanceof Type.Bool)) {
                return CodeBlock.of("$T.valueOf($L)", STRING, parts.get(0));
            }
            return parts.get(0);
        }
        if (!startsWithText && f.parts().size() > 1 && !(f.parts().get(1) instanceof Expr.FStringText)) {
            Expr.FStringInterp first = (Expr.FStringInterp) f.parts().get(0);
            if (!(types.of(first.expr()) instanceof Type.Str) || first.spec() != null) {
                parts.add(0, CodeBlock.of("$S", ""));
            }
        }
        return CodeBlock.join(parts, " + ");
    }

    private CodeBlock parenthesizeIfNeeded(Expr e, CodeBlock code) {
        return e instanceof Expr.Binary || e instanceof Expr.Ternary ? CodeBlock.of("($L)", code) : code;
    }

    private CodeBlock ident(Expr.Ident id) {
        if (id.name().equals("self")) {
            return CodeBlock.of("this");
        }
        Symbol sym = symbolOf(id);
        if (sym == null) {
            if (id.name().equals("None")) {
                return CodeBlock.of("$T.none()", OPTION);
            }
            Stmt.Enum owner = resolution.variantOwner(id.name());
            if (owner != null) {
                return variantValue(owner, id.name(), List.of());
            }
            return CodeBlock.of("$T.builtin($S)", OPS, id.name());
        }
        return switch (sym.kind()) {
            case VARIABLE, PARAMETER -> {
                String name = sym.isGlobal() ? globalName(sym) : nameOf(sym, id.name());
                yield sym.needsCell() ? CodeBlock.of("$N.get()", name) : CodeBlock.of("$N", name);
            }
            case FUNCTION -> functionReference(sym);
            default -> CodeBlock.of("$T.class", self.nestedClass(sym.name()));
        };
    }

    /** A named function used as a value: a lambda that calls it. */
    private CodeBlock functionReference(Symbol sym) {
        if (!(sym.declaration() instanceof Stmt.Fun f)) {
            return CodeBlock.of("null");
        }
        if (names.containsKey(sym)) {
            return CodeBlock.of("$N", names.get(sym));
        }
        TypeInference.Signature sig = types.signature(f);
        List<CodeBlock> params = new ArrayList<>();
        List<CodeBlock> args = new ArrayList<>();
        for (int i = 0; i < f.params().size(); i++) {
            String p = "arg" + i;
            params.add(CodeBlock.of("$N", p));
            Type pt = sig == null ? Type.DYN : sig.params().get(i);
            args.add(coerce(CodeBlock.of("$N", p), Type.DYN, pt));
        }
        CodeBlock call = CodeBlock.of("$N($L)", Names.camelCase(f.name()), CodeBlock.join(args, ", "));
        boolean isVoid = sig == null || !sig.returnsValue();
        CodeBlock body = isVoid ? CodeBlock.of("{ $L; return null; }", call) : call;
        return CodeBlock.of("($T) ($L) -> $L", RuntimeApi.fn(f.params().size()), CodeBlock.join(params, ", "), body);
    }

    private CodeBlock path(Expr.Path p) {
        List<String> segs = p.segments();
        if (segs.size() == 2) {
            Stmt.Enum en = resolution.enums().get(segs.get(0));
            if (en != null) {
                return variantValue(en, segs.get(1), List.of());
            }
        }
        return CodeBlock.of("$T.path($S)", OPS, String.join("::", segs));
    }

    private CodeBlock variantValue(Stmt.Enum en, String variant, List<Expr> args) {
        ClassName enumClass = self.nestedClass(en.name());
        boolean simple = en.variants().stream().allMatch(v -> v.tupleFields().isEmpty() && v.structFields().isEmpty());
        if (simple) {
            return CodeBlock.of("$T.$N", enumClass, variant);
        }
        Stmt.Variant v = en.variants().stream().filter(x -> x.name().equals(variant)).findFirst().orElse(null);
        List<CodeBlock> codes = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            Type target = v != null && i < v.tupleFields().size() ? TypeInference.fromAnnotation(v.tupleFields().get(i)) : Type.DYN;
            codes.add(coerce(expr(args.get(i)), types.of(args.get(i)), target));
        }
        return CodeBlock.of("new $T($L)", enumClass.nestedClass(variant), CodeBlock.join(codes, ", "));
    }

    private CodeBlock unary(Expr.Unary u) {
        Type t = types.of(u.operand());
        return switch (u.op()) {
            case NEG -> t.isNumeric() ? CodeBlock.of("-$L", parenthesized(u.operand())) : CodeBlock.of("$T.neg($L)", OPS, expr(u.operand()));
            case NOT -> CodeBlock.of("!$L", parenthesizedCondition(u.operand()));
            case BIT_NOT -> t instanceof Type.Int ? CodeBlock.of("~$L", parenthesized(u.operand()))
                    : CodeBlock.of("$T.bitNot($L)", OPS, expr(u.operand()));
            case REF, REF_MUT, DEREF -> expr(u.operand());
            default -> CodeBlock.of("$T.unsupported($S)", RUCHY_ERROR, "`" + u.op().symbol() + "` outside a statement");
        };
    }

    private CodeBlock parenthesized(Expr e) {
        CodeBlock code = expr(e);
        return isSimple(e) || e instanceof Expr.Call || e instanceof Expr.MethodCall || e instanceof Expr.Path
                || e instanceof Expr.Field || e instanceof Expr.Index ? code : CodeBlock.of("($L)", code);
    }

    private CodeBlock parenthesizedCondition(Expr e) {
        CodeBlock code = condition(e);
        return isSimple(e) || e instanceof Expr.Call || e instanceof Expr.MethodCall || !(types.of(e) instanceof Type.Bool)
                ? code : CodeBlock.of("($L)", code);
    }

    private static boolean isSimple(Expr e) {
        return e instanceof Expr.Ident || e instanceof Expr.IntLit || e instanceof Expr.FloatLit
                || e instanceof Expr.StringLit || e instanceof Expr.BoolLit || e instanceof Expr.NilLit;
    }

    /** A Java {@code boolean} for a Ruchy condition (truthiness, §3.7). */
    private CodeBlock condition(Expr e) {
        Type t = types.of(e);
        if (e instanceof Expr.Binary b && (b.op() == BinaryOp.AND || b.op() == BinaryOp.OR)) {
            return CodeBlock.of("$L $L $L", operandCondition(b.left(), b.op()), b.op().symbol(),
                    operandCondition(b.right(), b.op()));
        }
        if (e instanceof Expr.Unary u && u.op() == UnaryOp.NOT) {
            return CodeBlock.of("!$L", parenthesizedCondition(u.operand()));
        }
        if (t instanceof Type.Bool) {
            return expr(e);
        }
        return CodeBlock.of("$T.truthy($L)", OPS, expr(e));
    }

    private CodeBlock operandCondition(Expr operand, BinaryOp parent) {
        CodeBlock code = condition(operand);
        if (operand instanceof Expr.Binary b && (b.op() == BinaryOp.AND || b.op() == BinaryOp.OR) && b.op() != parent) {
            return CodeBlock.of("($L)", code);
        }
        if (operand instanceof Expr.Ternary) {
            return CodeBlock.of("($L)", code);
        }
        return code;
    }

    private CodeBlock binary(Expr.Binary b) {
        if (b.op() == BinaryOp.PIPELINE) {
            return pipeline(b);
        }
        Type lt = types.of(b.left());
        Type rt = types.of(b.right());
        if (b.op() == BinaryOp.AND || b.op() == BinaryOp.OR) {
            if (lt instanceof Type.Bool && rt instanceof Type.Bool) {
                return CodeBlock.of("$L $L $L", operand(b.left(), b), b.op().symbol(), operand(b.right(), b));
            }
            return CodeBlock.of("$T.$L($L, () -> $L)", OPS, b.op() == BinaryOp.AND ? "and" : "or", expr(b.left()),
                    expr(b.right()));
        }
        if (b.op() == BinaryOp.NULL_COALESCE) {
            return CodeBlock.of("$T.coalesce($L, $L)", OPS, expr(b.left()), expr(b.right()));
        }
        if (b.op() == BinaryOp.SEND) {
            return CodeBlock.of("$T.send($L, $L)", OPS, expr(b.left()), expr(b.right()));
        }
        return binaryCode(b.op(), operand(b.left(), b), lt, operand(b.right(), b), rt, b.right());
    }

    /** An operand of {@code parent}, in parentheses when Java's precedence would regroup it. */
    private CodeBlock operand(Expr e, Expr.Binary parent) {
        Expr sibling = e == parent.left() ? parent.right() : parent.left();
        // `n - 1` reads better than `n - 1L`; only where the other side makes the arithmetic long (or double)
        CodeBlock code = e instanceof Expr.IntLit i && i.value() == (int) i.value() && isStaticNumeric(parent)
                && widens(sibling) ? CodeBlock.of("$L", i.value()) : expr(e);
        if (e instanceof Expr.Binary child && javaOperatorCode(child)) {
            if (precedence(child.op()) < precedence(parent.op())
                    || precedence(child.op()) == precedence(parent.op()) && e == parent.right()) {
                return CodeBlock.of("($L)", code);
            }
        }
        if (e instanceof Expr.Ternary || e instanceof Expr.Assign || (e instanceof Expr.If)) {
            return CodeBlock.of("($L)", code);
        }
        return code;
    }

    /** Whether the Java code of {@code e} is a {@code long} or {@code double}, so an {@code int} literal beside it widens. */
    private boolean widens(Expr e) {
        Type t = types.of(e);
        if (t instanceof Type.Float) {
            return true;
        }
        if (!(t instanceof Type.Int)) {
            return false;
        }
        return switch (e) {
            case Expr.IntLit i -> false;
            case Expr.Binary b -> !javaOperatorCode(b) || widens(b.left()) || widens(b.right());
            case Expr.Unary u -> widens(u.operand());
            default -> true;
        };
    }

    private boolean isStaticNumeric(Expr.Binary b) {
        Type lt = types.of(b.left());
        Type rt = types.of(b.right());
        return lt.isNumeric() && rt.isNumeric() && switch (b.op()) {
            case ADD, SUB, MUL, LT, LE, GT, GE, EQ, NE -> true;
            case DIV, REM -> lt instanceof Type.Int && rt instanceof Type.Int && isNonZeroLiteral(b.right());
            default -> false;
        };
    }

    /** Whether a binary expression is emitted with a Java infix operator (so precedence matters). */
    private boolean javaOperatorCode(Expr.Binary b) {
        Type lt = types.of(b.left());
        Type rt = types.of(b.right());
        boolean checkedInts = checkedArithmetic && lt instanceof Type.Int && rt instanceof Type.Int;
        return switch (b.op()) {
            case ADD -> !checkedInts && lt.isNumeric() && rt.isNumeric() || lt instanceof Type.Str;
            case SUB, MUL -> !checkedInts && lt.isNumeric() && rt.isNumeric();
            case DIV -> lt.isNumeric() && rt instanceof Type.Float || lt instanceof Type.Float && rt.isNumeric()
                    || lt instanceof Type.Int && rt instanceof Type.Int && isNonZeroLiteral(b.right());
            case REM -> lt instanceof Type.Int && rt instanceof Type.Int && isNonZeroLiteral(b.right());
            case LT, LE, GT, GE, EQ, NE -> lt.isNumeric() && rt.isNumeric() || lt instanceof Type.Bool && rt instanceof Type.Bool;
            case AND, OR -> lt instanceof Type.Bool && rt instanceof Type.Bool;
            case BIT_AND, BIT_OR, BIT_XOR, SHL, SHR -> lt instanceof Type.Int && rt instanceof Type.Int;
            default -> false;
        };
    }

    private static int precedence(BinaryOp op) {
        return switch (op) {
            case OR -> 1;
            case AND -> 2;
            case BIT_OR -> 3;
            case BIT_XOR -> 4;
            case BIT_AND -> 5;
            case EQ, NE -> 6;
            case LT, LE, GT, GE -> 7;
            case SHL, SHR -> 8;
            case ADD, SUB -> 9;
            case MUL, DIV, REM -> 10;
            default -> 11;
        };
    }

    private CodeBlock binaryCode(BinaryOp op, CodeBlock left, Type lt, CodeBlock right, Type rt, Expr rightExpr) {
        boolean numeric = lt.isNumeric() && rt.isNumeric();
        boolean ints = lt instanceof Type.Int && rt instanceof Type.Int;
        switch (op) {
            case ADD:
                if (ints && checkedArithmetic) {
                    return CodeBlock.of("$T.addExact($L, $L)", OPS, left, right);
                }
                if (numeric) {
                    return CodeBlock.of("$L + $L", left, right);
                }
                if (lt instanceof Type.Str) {
                    if (rt instanceof Type.Str || rt instanceof Type.Int || rt instanceof Type.Bool) {
                        return CodeBlock.of("$L + $L", left, right);
                    }
                    if (rt instanceof Type.Float) {
                        return CodeBlock.of("$L + $T.plain($L)", left, FMT, right);
                    }
                    return CodeBlock.of("$T.concat($L, $L)", OPS, left, right);
                }
                if (rt instanceof Type.Str) {
                    return CodeBlock.of("$T.concat($L, $L)", OPS, left, right);
                }
                return dynamic(checkedArithmetic ? "addChecked" : "add", left, lt, right, rt);
            case SUB, MUL:
                if (ints && checkedArithmetic) {
                    return CodeBlock.of("$T.$L($L, $L)", OPS, op == BinaryOp.SUB ? "subtractExact" : "multiplyExact", left, right);
                }
                if (numeric) {
                    return CodeBlock.of("$L $L $L", left, op.symbol(), right);
                }
                return dynamic(arithMethod(op), left, lt, right, rt);
            case DIV:
                if (ints && isNonZeroLiteral(rightExpr)) {
                    return CodeBlock.of("$L / $L", left, right);
                }
                if (ints) {
                    return CodeBlock.of("$T.div($L, $L)", OPS, left, right);
                }
                if (numeric) {
                    return CodeBlock.of("$L / $L", left, right);
                }
                return dynamic("div", left, lt, right, rt);
            case REM:
                if (ints && isNonZeroLiteral(rightExpr)) {
                    return CodeBlock.of("$L % $L", left, right);
                }
                if (numeric) {
                    return CodeBlock.of("$T.rem($L, $L)", OPS, left, right);
                }
                return dynamic("rem", left, lt, right, rt);
            case POW:
                if (numeric && (lt instanceof Type.Float || rt instanceof Type.Float)) {
                    return CodeBlock.of("$T.pow($L, $L)", Math.class, left, right);
                }
                return dynamic("pow", left, lt, right, rt);
            case EQ, NE: {
                String not = op == BinaryOp.NE ? "!" : "";
                if (numeric || lt instanceof Type.Bool && rt instanceof Type.Bool) {
                    return CodeBlock.of("$L $L $L", left, op.symbol(), right);
                }
                if (rightExpr instanceof Expr.NilLit) {
                    return CodeBlock.of("$L $L null", left, op.symbol());
                }
                if (lt instanceof Type.Str && rt instanceof Type.Str) {
                    return CodeBlock.of("$L$L.equals($L)", not, left, right);
                }
                return CodeBlock.of("$L$T.eq($L, $L)", not, OPS, left, right);
            }
            case LT, LE, GT, GE:
                if (numeric) {
                    return CodeBlock.of("$L $L $L", left, op.symbol(), right);
                }
                if (lt instanceof Type.Str && rt instanceof Type.Str) {
                    return CodeBlock.of("$L.compareTo($L) $L 0", left, right, op.symbol());
                }
                return dynamic(switch (op) {
                    case LT -> "lt";
                    case LE -> "le";
                    case GT -> "gt";
                    default -> "ge";
                }, left, lt, right, rt);
            case BIT_AND, BIT_OR, BIT_XOR, SHL, SHR:
                if (ints) {
                    return CodeBlock.of("$L $L $L", left, op.symbol(), right);
                }
                return dynamic(opMethod(op), left, lt, right, rt);
            default:
                return dynamic(opMethod(op), left, lt, right, rt);
        }
    }

    private static boolean isNonZeroLiteral(Expr e) {
        return e instanceof Expr.IntLit i && i.value() != 0;
    }

    private CodeBlock dynamic(String method, CodeBlock left, Type lt, CodeBlock right, Type rt) {
        return CodeBlock.of("$T.$L($L, $L)", OPS, method, left, right);
    }

    /** The {@code Ops} method of a dynamic {@code op}; {@code +}, {@code -} and {@code *} check overflow under {@code --checked}. */
    private String arithMethod(BinaryOp op) {
        String method = opMethod(op);
        return checkedArithmetic && (op == BinaryOp.ADD || op == BinaryOp.SUB || op == BinaryOp.MUL) ? method + "Checked" : method;
    }

    private static String opMethod(BinaryOp op) {
        return switch (op) {
            case ADD -> "add";
            case SUB -> "sub";
            case MUL -> "mul";
            case DIV -> "div";
            case REM -> "rem";
            case POW -> "pow";
            case BIT_AND -> "bitAnd";
            case BIT_OR -> "bitOr";
            case BIT_XOR -> "bitXor";
            case SHL -> "shl";
            case SHR -> "shr";
            case LT -> "lt";
            case LE -> "le";
            case GT -> "gt";
            case GE -> "ge";
            default -> "unsupported";
        };
    }

    private CodeBlock pipeline(Expr.Binary b) {
        Expr target = b.right();
        if (target instanceof Expr.Ident id) {
            Symbol sym = symbolOf(id);
            if (sym != null && sym.kind() == Symbol.Kind.FUNCTION) {
                return call(new Expr.Call(id, List.of(new Expr.Arg(null, b.left(), b.left().span())), b.span()));
            }
            if (sym != null) {
                return CodeBlock.of("$T.call($L, $L)", OPS, expr(id), expr(b.left()));
            }
            return methodCall(new Expr.MethodCall(b.left(), id.name(), List.of(), List.of(), false, b.span()));
        }
        if (target instanceof Expr.Call c && c.callee() instanceof Expr.Ident id) {
            List<Expr.Arg> args = new ArrayList<>();
            args.add(new Expr.Arg(null, b.left(), b.left().span()));
            args.addAll(c.args());
            Symbol sym = symbolOf(id);
            if (sym != null) {
                return call(new Expr.Call(id, args, b.span()));
            }
            return methodCall(new Expr.MethodCall(b.left(), id.name(), List.of(), c.args(), false, b.span()));
        }
        return CodeBlock.of("$T.call($L, $L)", OPS, expr(target), expr(b.left()));
    }

    private CodeBlock cast(Expr.Cast c) {
        Type target = TypeInference.fromAnnotation(c.type());
        Type from = types.of(c.expr());
        if (target instanceof Type.Float) {
            return from instanceof Type.Float ? expr(c.expr()) : from instanceof Type.Int
                    ? CodeBlock.of("(double) $L", parenthesized(c.expr())) : CodeBlock.of("$T.toFloat($L)", OPS, expr(c.expr()));
        }
        if (target instanceof Type.Int && from instanceof Type.Named n && resolution.enums().containsKey(n.name())
                && resolution.enums().get(n.name()).variants().stream().anyMatch(v -> v.discriminant() != null)) {
            return CodeBlock.of("$L.value()", parenthesized(c.expr()));
        }
        if (target instanceof Type.Int) {
            return from instanceof Type.Int ? expr(c.expr()) : from instanceof Type.Float
                    ? CodeBlock.of("(long) $L", parenthesized(c.expr())) : CodeBlock.of("$T.toInt($L)", OPS, expr(c.expr()));
        }
        return CodeBlock.of("$T.cast($L, $S)", OPS, expr(c.expr()), c.type().span().text());
    }

    /** The inferred type of the call being emitted, for coercing dynamic results. */
    private Type currentCallType = Type.DYN;

    private CodeBlock call(Expr.Call c) {
        currentCallType = types.of(c);
        if (c.callee() instanceof Expr.Ident id) {
            Symbol sym = symbolOf(id);
            if (sym != null && sym.kind() == Symbol.Kind.FUNCTION && sym.declaration() instanceof Stmt.Fun f) {
                if (names.containsKey(sym)) {
                    return coerce(CodeBlock.of("$T.call($N$L)", OPS, names.get(sym), leadingComma(boxedArgs(c.args()))),
                            Type.DYN, types.of(c));
                }
                return userCall(CodeBlock.of("$N", javaFunctionName(f)), f, c.args());
            }
            if (sym != null) {
                return CodeBlock.of("$T.call($L$L)", OPS, expr(id), leadingComma(boxedArgs(c.args())));
            }
            switch (id.name()) {
                case "Some":
                    return CodeBlock.of("$T.some($L)", OPTION, boxedArgs(c.args()));
                case "Ok":
                    return CodeBlock.of("$T.ok($L)", RESULT, boxedArgs(c.args()));
                case "Err":
                    return CodeBlock.of("$T.err($L)", RESULT, boxedArgs(c.args()));
                default:
                    break;
            }
            Stmt.Enum owner = resolution.variantOwner(id.name());
            if (owner != null) {
                return variantValue(owner, id.name(), c.args().stream().map(Expr.Arg::value).toList());
            }
            BuiltinFunctions.Builtin builtin = BuiltinFunctions.lookup(id.name());
            if (builtin != null && testMode && id.name().startsWith("assert")) {
                return testAssertion(builtin.javaName(), c.args().stream().map(Expr.Arg::value).toList(), c);
            }
            if (builtin != null) {
                return coerce(builtinCall(builtin, c.args()), builtin.result(), types.of(c));
            }
            return CodeBlock.of("$T.undefined($S)", RUCHY_ERROR, id.name());
        }
        if (c.callee() instanceof Expr.Path p) {
            return pathCall(p, c.args());
        }
        return CodeBlock.of("$T.call($L$L)", OPS, expr(c.callee()), leadingComma(boxedArgs(c.args())));
    }

    private String javaFunctionName(Stmt.Fun f) {
        return Names.camelCase(f.name());
    }

    private static CodeBlock leadingComma(CodeBlock args) {
        return args.isEmpty() ? args : CodeBlock.of(", $L", args);
    }

    /** A call of a user function: arguments coerced to the parameter types, defaults and named arguments filled in. */
    private CodeBlock userCall(CodeBlock callee, Stmt.Fun f, List<Expr.Arg> args) {
        TypeInference.Signature sig = types.signature(f);
        List<Param> params = f.params().stream().filter(p -> !"self".equals(p.name())).toList();
        Expr[] ordered = new Expr[params.size()];
        int positional = 0;
        List<Expr> extra = new ArrayList<>();
        for (Expr.Arg a : args) {
            if (a.name() != null) {
                for (int i = 0; i < params.size(); i++) {
                    if (a.name().equals(params.get(i).name())) {
                        ordered[i] = a.value();
                    }
                }
            } else if (positional < ordered.length) {
                ordered[positional++] = a.value();
            } else {
                extra.add(a.value());
            }
        }
        List<CodeBlock> codes = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            Expr value = ordered[i] != null ? ordered[i] : params.get(i).defaultValue();
            Type pt = sig == null ? Type.DYN : sig.params().get(i);
            if (value == null) {
                codes.add(defaultValue(pt));
            } else if (value instanceof Expr.IntLit lit && pt instanceof Type.Int && lit.value() == (int) lit.value()) {
                codes.add(CodeBlock.of("$L", lit.value()));
            } else {
                codes.add(coerce(expr(value), types.of(value), pt));
            }
        }
        return CodeBlock.of("$L($L)", callee, CodeBlock.join(codes, ", "));
    }

    private CodeBlock builtinCall(BuiltinFunctions.Builtin builtin, List<Expr.Arg> args) {
        List<Expr> values = args.stream().map(Expr.Arg::value).toList();
        switch (builtin.name()) {
            case "println", "print", "eprintln", "dbg", "assert", "assert_eq", "assert_ne", "range", "min", "max" -> {
                return CodeBlock.of("$T.$L($L)", BUILTINS, builtin.javaName(), boxedArgsOf(values));
            }
            default -> {
                return CodeBlock.of("$T.$L($L)", BUILTINS, builtin.javaName(), boxedArgsOf(values));
            }
        }
    }

    private CodeBlock pathCall(Expr.Path p, List<Expr.Arg> args) {
        List<String> segs = p.segments();
        if (segs.size() == 2) {
            String owner = segs.get(0);
            String name = segs.get(1);
            Stmt.Enum en = resolution.enums().get(owner);
            if (en != null) {
                return variantValue(en, name, args.stream().map(Expr.Arg::value).toList());
            }
            if (owner.equals("String") && (name.equals("from") || name.equals("new")) && args.size() <= 1) {
                return args.isEmpty() ? CodeBlock.of("$S", "")
                        : coerce(expr(args.get(0).value()), types.of(args.get(0).value()), Type.STR);
            }
            Stmt.Fun method = findMethod(owner, name);
            if (method != null) {
                if (resolution.classes().containsKey(owner) && resolution.classes().get(owner).constructors().contains(method)) {
                    return userCall(CodeBlock.of("new $T", self.nestedClass(owner)), method, args);
                }
                return userCall(CodeBlock.of("$T.$N", self.nestedClass(owner), Names.camelCase(name)), method, args);
            }
            if (resolution.classes().containsKey(owner) && name.equals("new")) {
                return CodeBlock.of("new $T($L)", self.nestedClass(owner), boxedArgs(args));
            }
        }
        return coerce(CodeBlock.of("$T.callPath($S$L)", OPS, String.join("::", segs), leadingComma(boxedArgs(args))),
                Type.DYN, currentCallType);
    }

    private Stmt.Fun findMethod(String type, String name) {
        return resolution.method(type, name);
    }

    private CodeBlock methodCall(Expr.MethodCall m) {
        Type receiver = types.of(m.receiver());
        if (receiver instanceof Type.Named n) {
            Stmt.Fun method = findMethod(n.name(), m.name());
            if (method != null) {
                return userCall(CodeBlock.of("$L.$N", receiverCode(m.receiver()), Names.camelCase(m.name())), method, m.args());
            }
        }
        CodeBlock fast = MethodFastPaths.emit(this, m, receiver);
        if (fast != null) {
            return fast;
        }
        Type result = types.of(m);
        CodeBlock call = CodeBlock.of("$T.invoke($L, $S$L)", OPS, expr(m.receiver()), m.name(),
                leadingComma(boxedArgs(m.args())));
        return coerce(call, Type.DYN, result);
    }

    /** For {@link MethodFastPaths}. */
    CodeBlock exprCode(Expr e) {
        return expr(e);
    }

    Type typeOf(Expr e) {
        return types.of(e);
    }

    private CodeBlock field(Expr.Field f) {
        Type receiver = types.of(f.receiver());
        if (receiver instanceof Type.Named n) {
            if (structsAsClasses.contains(n.name())) {
                return CodeBlock.of("$L.$N", receiverCode(f.receiver()), Names.camelCase(f.name()));
            }
            if (resolution.structs().containsKey(n.name())) {
                if (f.receiver() instanceof Expr.Ident id && id.name().equals("self")) {
                    return CodeBlock.of("this.$N", fieldName(n.name(), f.name()));
                }
                return CodeBlock.of("$L.$N()", expr(f.receiver()), fieldName(n.name(), f.name()));
            }
        }
        Type result = types.of(f);
        return coerce(CodeBlock.of("$T.field($L, $S)", OPS, expr(f.receiver()), f.name()), Type.DYN, result);
    }

    private String fieldName(String struct, String field) {
        Stmt.Struct st = resolution.structs().get(struct);
        if (st != null && !st.tupleFields().isEmpty() && field.chars().allMatch(Character::isDigit)) {
            return "value" + field;
        }
        return Names.camelCase(field);
    }

    private CodeBlock index(Expr.Index i) {
        Type target = types.of(i.target());
        Type result = types.of(i);
        if (target instanceof Type.ListType && types.of(i.index()) instanceof Type.Int) {
            return CodeBlock.of("$T.get($L, $L)", LISTS, expr(i.target()), intOperand(i.index()));
        }
        return coerce(CodeBlock.of("$T.index($L, $L)", OPS, expr(i.target()), expr(i.index())), Type.DYN, result);
    }

    /**
     * In test sources, {@code assert}, {@code assert_eq} and {@code assert_ne} go through the runtime's
     * {@code TestAssertions}, which turns a failure into an {@link AssertionError} starting with
     * {@code file.ruchy:LINE: }, so JUnit reports the Ruchy line.
     */
    private CodeBlock testAssertion(String javaName, List<Expr> args, Node at) {
        String where = fileName() + ":" + at.span().startLine();
        CodeBlock rest = boxedArgsOf(args);
        return CodeBlock.of("$T.$L($S$L)", TEST_ASSERTIONS, javaName, where, leadingComma(rest));
    }

    private CodeBlock macro(Expr.MacroCall m) {
        switch (m.name()) {
            case "vec":
                if (m.args().size() == 1 && m.args().get(0) instanceof Expr.ArrayRepeat r) {
                    return expr(r);
                }
                return arrayLiteral(new Expr.ArrayLit(m.args(), m.span()));
            case "println", "print", "eprintln":
                return CodeBlock.of("$T.$L($L)", BUILTINS, m.name(), boxedArgsOf(m.args()));
            case "format":
                return CodeBlock.of("$T.formatMacro($L)", BUILTINS, boxedArgsOf(m.args()));
            case "assert":
                return testMode ? testAssertion("assertTrue", m.args(), m)
                        : CodeBlock.of("$T.assertTrue($L)", BUILTINS, boxedArgsOf(m.args()));
            case "assert_eq":
                return testMode ? testAssertion("assertEq", m.args(), m)
                        : CodeBlock.of("$T.assertEq($L)", BUILTINS, boxedArgsOf(m.args()));
            case "panic":
                return CodeBlock.of("$T.panic($L)", BUILTINS, boxedArgsOf(m.args()));
            default:
                return CodeBlock.of("$T.macro($S$L)", OPS, m.name(), leadingComma(boxedArgsOf(m.args())));
        }
    }

    private CodeBlock arrayLiteral(Expr.ArrayLit a) {
        Type t = types.of(a);
        Type element = t instanceof Type.ListType l ? l.element() : Type.DYN;
        List<CodeBlock> codes = new ArrayList<>();
        for (Expr el : a.elements()) {
            codes.add(coerce(expr(el), types.of(el), element));
        }
        if (codes.isEmpty()) {
            return CodeBlock.of("new $T<>()", ClassName.get("java.util", "ArrayList")); // typed by where it goes
        }
        return CodeBlock.of("$T.of($L)", LISTS, CodeBlock.join(codes, ", "));
    }

    private CodeBlock objectLiteral(Expr.ObjectLit o) {
        if (o.entries().isEmpty()) {
            return CodeBlock.of("new $T()", R_OBJECT);
        }
        boolean spread = o.entries().stream().anyMatch(en -> en instanceof Expr.Spread);
        List<CodeBlock> codes = new ArrayList<>();
        for (Expr.ObjectEntry en : o.entries()) {
            if (en instanceof Expr.KeyValue kv) {
                codes.add(CodeBlock.of("$L, $L", stringLiteral(kv.key()), expr(kv.value())));
            }
        }
        if (!spread) {
            CodeBlock.Builder b = CodeBlock.builder().add("$T.of(", R_OBJECT);
            if (codes.size() > 2) {
                b.add("\n$>$>");
                for (int i = 0; i < codes.size(); i++) {
                    b.add("$L$L", codes.get(i), i < codes.size() - 1 ? ",\n" : "");
                }
                b.add("$<$<)");
            } else {
                b.add("$L)", CodeBlock.join(codes, ", "));
            }
            return b.build();
        }
        CodeBlock.Builder b = CodeBlock.builder().add("new $T()", R_OBJECT);
        for (Expr.ObjectEntry en : o.entries()) {
            switch (en) {
                case Expr.KeyValue kv -> b.add(".with($L, $L)", stringLiteral(kv.key()), expr(kv.value()));
                case Expr.Spread sp -> b.add(".withAll($L)", expr(sp.value()));
            }
        }
        return b.build();
    }

    private CodeBlock structLiteral(Expr.StructLit s) {
        String name = s.path().get(s.path().size() - 1);
        if (name.equals("Self") && selfType != null) {
            name = selfType;
        }
        Stmt.Struct st = resolution.structs().get(name);
        if (st == null) {
            Stmt.Enum owner = resolution.variantOwner(name);
            if (owner != null) {
                Stmt.Variant v = owner.variants().stream().filter(x -> x.name().equals(s.path().get(s.path().size() - 1)))
                        .findFirst().orElse(null);
                List<CodeBlock> codes = new ArrayList<>();
                if (v != null) {
                    for (Stmt.FieldDecl f : v.structFields()) {
                        Expr value = fieldInit(s, f.name());
                        codes.add(value == null ? CodeBlock.of("null") : coerce(expr(value), types.of(value), fieldType(f)));
                    }
                }
                return CodeBlock.of("new $T($L)", self.nestedClass(owner.name()).nestedClass(v == null ? name : v.name()),
                        CodeBlock.join(codes, ", "));
            }
            List<CodeBlock> codes = new ArrayList<>();
            for (Expr.FieldInit f : s.fields()) {
                codes.add(CodeBlock.of("$S, $L", f.name(), expr(f.value())));
            }
            return CodeBlock.of("$T.of($L)", R_OBJECT, CodeBlock.join(codes, ", "));
        }
        List<CodeBlock> codes = new ArrayList<>();
        for (Stmt.FieldDecl f : st.fields()) {
            Expr value = fieldInit(s, f.name());
            if (value == null) {
                value = f.defaultValue();
            }
            if (value == null && s.base() != null) {
                codes.add(CodeBlock.of("$L.$N()", expr(s.base()), Names.camelCase(f.name())));
                continue;
            }
            codes.add(value == null ? defaultValue(fieldType(f)) : coerce(expr(value), types.of(value), fieldType(f)));
        }
        return CodeBlock.of("new $T($L)", self.nestedClass(name), CodeBlock.join(codes, ", "));
    }

    private static Expr fieldInit(Expr.StructLit s, String name) {
        for (Expr.FieldInit f : s.fields()) {
            if (f.name().equals(name)) {
                return f.value();
            }
        }
        return null;
    }

    /** A closure: {@code (FnN) (a, b) -> body}; parameters and result are dynamic values. */
    private CodeBlock lambdaCode(Expr.Lambda l, boolean withCast) {
        Set<String> outer = new HashSet<>(usedNames);
        List<LoopContext> outerLoops = new ArrayList<>(loops);
        loops.clear(); // a closure's body cannot break out of the loops around it
        try {
            return lambdaCodeScoped(l, withCast);
        } finally {
            usedNames = outer;
            loops.clear();
            loops.addAll(outerLoops);
        }
    }

    private CodeBlock lambdaCodeScoped(Expr.Lambda l, boolean withCast) {
        boolean savedInLambda = inLambda;
        CodeBlock.Builder savedOut = out;
        inLambda = true;
        List<CodeBlock> params = new ArrayList<>();
        out = CodeBlock.builder();
        for (Param p : l.params()) {
            if (p.pattern() instanceof Pattern.Binding b && !symbolNeedsSpecial(b)) {
                Symbol sym = resolution.declaration(b);
                String name = declareName(sym, b.name());
                if (sym != null && !(sym.type() instanceof Type.Dyn)) {
                    String raw = allocate(name + "Arg");
                    params.add(CodeBlock.of("$N", raw));
                    stmt("$T $N = $L", javaType(sym.type()), name, coerce(CodeBlock.of("$N", raw), Type.DYN,
                            sym.type()));
                } else {
                    params.add(CodeBlock.of("$N", name));
                }
            } else {
                String raw = allocate("arg");
                params.add(CodeBlock.of("$N", raw));
                bindPattern(p.pattern(), CodeBlock.of("$N", raw), Type.DYN);
            }
        }
        String arrayParam = null;
        if (params.size() > 4) {
            // FnN takes an array: `Ops.fn(5, fnArgs -> { var a = fnArgs[0]; ... })`, its count checked by Ops.fn
            CodeBlock.Builder unpack = CodeBlock.builder();
            arrayParam = allocate("fnArgs");
            for (int i = 0; i < params.size(); i++) {
                unpack.addStatement("var $L = $N[$L]", params.get(i), arrayParam, i);
            }
            unpack.add(out.build());
            out = unpack;
        }
        CodeBlock prelude = out.build();
        CodeBlock body;
        out = CodeBlock.builder();
        // a body on lines of its own stays a block, so its statements keep their Ruchy line for error messages
        boolean ownLines = l.body() instanceof Expr.Block b && !b.statements().isEmpty()
                && b.statements().get(0).span().startLine() > l.span().startLine();
        if (prelude.isEmpty() && isExpressible(l.body()) && !ownLines
                && !(l.body() instanceof Expr.Block b && b.statements().isEmpty())) {
            CodeBlock value = expr(l.body());
            CodeBlock hoisted = out.build();
            if (hoisted.isEmpty()) {
                body = value;
            } else {
                body = CodeBlock.builder().add("{\n$>").add(hoisted).addStatement("return $L", value).add("$<}").build();
            }
        } else {
            out.add(prelude);
            if (l.body() instanceof Expr.Block b) {
                List<Stmt> stmts = b.statements();
                for (int i = 0; i < stmts.size(); i++) {
                    Stmt s = stmts.get(i);
                    if (i == stmts.size() - 1 && s instanceof Stmt.ExprStmt es && producesValue(es.expr())) {
                        mark(s);
                        valueInto(es.expr(), Sink.RETURN);
                    } else {
                        statement(s);
                    }
                }
                if (stmts.isEmpty() || !(stmts.get(stmts.size() - 1) instanceof Stmt.ExprStmt es
                        && producesValue(es.expr())) || endsWithStatement(stmts)) {
                    if (!endsAbruptlyBlock(stmts) && (stmts.isEmpty() || !AstScan.endsAbruptly(stmts.get(stmts.size() - 1)))) {
                        stmt("return null");
                    }
                }
            } else {
                valueInto(l.body(), Sink.RETURN);
            }
            body = CodeBlock.builder().add("{\n$>").add(out.build()).add("$<}").build();
        }
        out = savedOut;
        inLambda = savedInLambda;
        if (arrayParam != null) {
            return CodeBlock.of("$T.fn($L, $N -> $L)", OPS, params.size(), arrayParam, body);
        }
        CodeBlock paramList = params.size() == 1 ? params.get(0) : CodeBlock.of("($L)", CodeBlock.join(params, ", "));
        return withCast ? CodeBlock.of("($T) $L -> $L", RuntimeApi.fn(l.params().size()), paramList, body)
                : CodeBlock.of("$L -> $L", paramList, body);
    }

    private static boolean endsWithStatement(List<Stmt> stmts) {
        if (stmts.isEmpty()) {
            return true;
        }
        Stmt last = stmts.get(stmts.size() - 1);
        return last instanceof Stmt.ExprStmt es && (es.expr() instanceof Expr.While || es.expr() instanceof Expr.For);
    }

    private static boolean endsAbruptlyBlock(List<Stmt> stmts) {
        return !stmts.isEmpty() && stmts.get(stmts.size() - 1) instanceof Stmt.ExprStmt es && endsAbruptly(es.expr());
    }

    private CodeBlock supplier(Expr body) {
        Expr.Lambda l = new Expr.Lambda(List.of(), null, body, false, body.span());
        return lambdaCode(l, false);
    }

    // ================================================================================================
    // types and coercions

    /** The Java type for an inferred type. */
    TypeName javaType(Type t) {
        return switch (t) {
            case Type.Int i -> TypeName.LONG;
            case Type.Float f -> TypeName.DOUBLE;
            case Type.Bool b -> TypeName.BOOLEAN;
            case Type.Str s -> STRING;
            case Type.ListType l -> ParameterizedTypeName.get(LIST, javaType(l.element()).box());
            case Type.ObjectType o -> R_OBJECT;
            case Type.TupleType tu -> TUPLE;
            case Type.RangeType r -> RuntimeApi.RANGE;
            case Type.FunctionType fn -> RuntimeApi.fn(fn.arity() < 0 ? 5 : fn.arity());
            case Type.Named n -> resolution.structs().containsKey(n.name()) || resolution.enums().containsKey(n.name())
                    || resolution.classes().containsKey(n.name()) ? self.nestedClass(n.name()) : OBJECT;
            case Type.OptionType o -> ParameterizedTypeName.get(OPTION, javaType(o.element()).box());
            case Type.ResultType r -> ParameterizedTypeName.get(RESULT, javaType(r.ok()).box(), javaType(r.err()).box());
            default -> OBJECT;
        };
    }

    /** Converts code of type {@code from} to {@code to}: unboxing casts from dynamic values, boxing the other way. */
    CodeBlock coerce(CodeBlock code, Type from, Type to) {
        TypeName fromJava = javaType(from);
        TypeName toJava = javaType(to);
        if (fromJava.equals(toJava) || to instanceof Type.Dyn || to instanceof Type.Nil || to.isUnknown()) {
            return code;
        }
        if (from instanceof Type.OptionType && to instanceof Type.OptionType
                || from instanceof Type.ResultType && to instanceof Type.ResultType) {
            return code; // `Result.ok(x)` takes its type arguments from where it is used
        }
        if (code.toString().equals("null")) {
            return to.isPrimitive() ? defaultValue(to) : code;
        }
        return switch (to) {
            case Type.Int i -> from instanceof Type.Float ? CodeBlock.of("(long) $L", code)
                    : CodeBlock.of("$T.asInt($L)", OPS, code);
            case Type.Float f -> from instanceof Type.Int ? CodeBlock.of("(double) $L", code)
                    : CodeBlock.of("$T.asFloat($L)", OPS, code);
            case Type.Bool b -> CodeBlock.of("(boolean) $L", code);
            case Type.Str s -> from instanceof Type.Int || from instanceof Type.Bool ? CodeBlock.of("$T.valueOf($L)", STRING, code)
                    : CodeBlock.of("(String) $L", code);
            case Type.ListType l -> CodeBlock.of("$T.<$T>asList($L)", OPS, javaType(l.element()).box(), code);
            default -> toJava.equals(OBJECT) ? code : CodeBlock.of("($T) $L", toJava, code);
        };
    }

    private CodeBlock boxedArgs(List<Expr.Arg> args) {
        return boxedArgsOf(args.stream().map(Expr.Arg::value).toList());
    }

    private CodeBlock boxedArgsOf(List<Expr> values) {
        List<CodeBlock> codes = new ArrayList<>();
        for (Expr v : values) {
            CodeBlock code = v instanceof Expr.Lambda l ? lambdaCode(l, true) : expr(v);
            // a bare null as a varargs argument would be the array itself
            codes.add(code.toString().equals("null") ? CodeBlock.of("($T) null", OBJECT) : code);
        }
        return CodeBlock.join(codes, ", ");
    }

    // ================================================================================================
    // names

    private Symbol symbolOf(Expr.Ident id) {
        Symbol sym = resolution.reference(id);
        return sym != null ? sym : resolution.declaration(id);
    }

    private String declareName(Symbol sym, String rubyName) {
        String base = Names.camelCase(rubyName);
        String name = allocate(base);
        if (sym != null) {
            names.put(sym, name);
        }
        return name;
    }

    private String allocate(String base) {
        String name = base;
        int n = 2;
        while (usedNames.contains(name)) {
            name = base + n++;
        }
        usedNames.add(name);
        return name;
    }

    private String nameOf(Symbol sym, String rubyName) {
        if (sym.isGlobal()) {
            return globalName(sym);
        }
        String name = names.get(sym);
        return name != null ? name : Names.camelCase(rubyName);
    }

    private String globalName(Symbol sym) {
        String name = globalNames.get(sym);
        return name != null ? name : Names.camelCase(sym.name());
    }

    /** Bridges arithmetic result types for the emitter. */
    private static final class TypeInferenceBridge {
        static Type arith(BinaryOp op, Type left, Type right) {
            if (left instanceof Type.Int && right instanceof Type.Int) {
                return Type.INT;
            }
            if (left.isNumeric() && right.isNumeric()) {
                return Type.FLOAT;
            }
            return Type.DYN;
        }
    }
}
