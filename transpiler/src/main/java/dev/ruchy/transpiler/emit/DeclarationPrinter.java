package dev.ruchy.transpiler.emit;

import static dev.ruchy.transpiler.emit.RuntimeApi.CELL;
import static dev.ruchy.transpiler.emit.RuntimeApi.FMT;
import static dev.ruchy.transpiler.emit.RuntimeApi.OPS;
import static dev.ruchy.transpiler.emit.RuntimeApi.RUCHY_ERROR;
import static dev.ruchy.transpiler.emit.RuntimeApi.R_OBJECT;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.ruchy.transpiler.ast.Expr;
import dev.ruchy.transpiler.ast.Node;
import dev.ruchy.transpiler.ast.Param;
import dev.ruchy.transpiler.ast.Pattern;
import dev.ruchy.transpiler.ast.Stmt;
import dev.ruchy.transpiler.ast.TypeRef;
import dev.ruchy.transpiler.code.Symbol;
import dev.ruchy.transpiler.code.Type;
import dev.ruchy.transpiler.interop.JavaMethod;
import dev.ruchy.transpiler.lexer.Comment;
import dev.ruchy.transpiler.source.Span;
import dev.ruchy.transpiler.types.TypeInference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/** Declarations: structs as records or classes, enums as Java enums or sealed interfaces, classes, functions and methods with their Javadoc. */
final class DeclarationPrinter extends Printer {
    private static final ClassName JUNIT_TEST = ClassName.get("org.junit.jupiter.api", "Test");

    DeclarationPrinter(EmitContext cx) {
        super(cx);
    }

    TypeSpec struct(Stmt.Struct st) {
        ClassName name = cx.typeName(st.name());
        String doc = docAbove(st.span().start());
        Map<Stmt.FieldDecl, String> fieldDocs = memberDocs(st.fields(), st.span().start());
        List<Stmt.Fun> methods = new ArrayList<>(st.methods());
        methods.addAll(resolution.implMethods(st.name()));
        TypeSpec.Builder b;
        if (cx.structsAsClasses.contains(st.name())) {
            b = TypeSpec.classBuilder(name).addModifiers(Modifier.STATIC, Modifier.FINAL)
                    .addSuperinterface(RuntimeApi.STRUCT);
            MethodSpec.Builder ctor = MethodSpec.constructorBuilder();
            CodeBlock.Builder fieldsMap = CodeBlock.builder().add("return $T.of(", R_OBJECT);
            boolean first = true;
            for (Stmt.FieldDecl f : st.fields()) {
                TypeName ft = javaType(fieldType(f));
                String fn = Names.camelCase(f.name());
                FieldSpec.Builder field = FieldSpec.builder(ft, fn, Modifier.PUBLIC).addAnnotations(RuchyNames.of(f.name(), fn));
                if (fieldDocs.containsKey(f)) {
                    field.addJavadoc("$L\n", fieldDocs.get(f));
                }
                b.addField(field.build());
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
                    ctor.addParameter(component(f, fieldDocs.get(f)));
                }
            }
            b.recordConstructor(ctor.build());
            b.addMethod(MethodSpec.methodBuilder("toString").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                    .returns(STRING).addStatement("return $T.display(this)", FMT).build());
        }
        b.addAnnotations(RuchyNames.of(st.name(), name.simpleName()));
        if (doc != null) {
            b.addJavadoc("$L\n", doc);
        }
        String savedSelf = cx.selfType;
        cx.selfType = st.name();
        for (Stmt.Fun m : methods) {
            b.addMethod(function(m, st.name(), false));
        }
        cx.selfType = savedSelf;
        return b.build();
    }

    /**
     * A record component for a struct field: its Java name, its Ruchy name where they differ, and the
     * field's comments ({@code doc}, or null).
     */
    private ParameterSpec component(Stmt.FieldDecl f, String doc) {
        String java = Names.camelCase(f.name());
        ParameterSpec.Builder p = ParameterSpec.builder(javaType(fieldType(f)), java).addAnnotations(RuchyNames.of(f.name(), java));
        if (doc != null) {
            p.addJavadoc("$L\n", doc);
        }
        return p.build();
    }

    /** The comments of each field or variant in {@code members} (in source order), by member; see {@link #memberDoc}. */
    private <M extends Node> Map<M, String> memberDocs(List<M> members, int from) {
        Map<M, String> docs = new IdentityHashMap<>();
        for (M m : members) {
            String doc = memberDoc(m.span(), from);
            if (doc != null) {
                docs.put(m, doc);
            }
            from = m.span().end();
        }
        return docs;
    }

    Type fieldType(Stmt.FieldDecl f) {
        return f.type() == null ? Type.DYN : TypeInference.fromAnnotation(f.type());
    }

    TypeSpec enumType(Stmt.Enum en) {
        ClassName name = cx.typeName(en.name());
        String doc = docAbove(en.span().start());
        Map<Stmt.Variant, String> variantDocs = memberDocs(en.variants(), en.span().start());
        boolean simple = en.variants().stream().allMatch(v -> v.tupleFields().isEmpty() && v.structFields().isEmpty());
        if (simple) {
            TypeSpec.Builder b = TypeSpec.enumBuilder(name).addModifiers(Modifier.STATIC)
                    .addSuperinterface(RuntimeApi.ENUM).addAnnotations(RuchyNames.of(en.name(), name.simpleName()));
            boolean discriminants = en.variants().stream().anyMatch(v -> v.discriminant() != null);
            long next = 0;
            for (Stmt.Variant v : en.variants()) {
                if (discriminants) {
                    long value = v.discriminant() instanceof Expr.IntLit i ? i.value() : next;
                    next = value + 1;
                    TypeSpec.Builder constant = TypeSpec.anonymousClassBuilder("$L", value + "L");
                    if (variantDocs.containsKey(v)) {
                        constant.addJavadoc("$L\n", variantDocs.get(v));
                    }
                    b.addEnumConstant(v.name(), constant.build());
                } else if (variantDocs.containsKey(v)) {
                    b.addEnumConstant(v.name(), TypeSpec.anonymousClassBuilder("").addJavadoc("$L\n", variantDocs.get(v)).build());
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
            if (doc != null) {
                b.addJavadoc("$L\n", doc);
            }
            addImplMethods(b, en.name());
            return b.build();
        }
        TypeSpec.Builder b = TypeSpec.interfaceBuilder(name).addModifiers(Modifier.SEALED, Modifier.STATIC)
                .addSuperinterface(RuntimeApi.ENUM).addAnnotations(RuchyNames.of(en.name(), name.simpleName()));
        for (Stmt.Variant v : en.variants()) {
            ClassName variant = name.nestedClass(v.name());
            TypeSpec.Builder rb = TypeSpec.recordBuilder(variant).addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                    .addSuperinterface(name).addAnnotations(RuchyNames.of(v.name(), variant.simpleName()));
            if (variantDocs.containsKey(v)) {
                rb.addJavadoc("$L\n", variantDocs.get(v));
            }
            MethodSpec.Builder ctor = MethodSpec.constructorBuilder();
            if (!v.structFields().isEmpty()) {
                for (Stmt.FieldDecl f : v.structFields()) {
                    ctor.addParameter(component(f, null));
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
        if (doc != null) {
            b.addJavadoc("$L\n", doc);
        }
        addImplMethods(b, en.name());
        return b.build();
    }

    static String variantFieldName(Stmt.Variant v, int i) {
        return v.tupleFields().size() == 1 ? "value" : "value" + i;
    }

    void addImplMethods(TypeSpec.Builder b, String typeName) {
        String savedSelf = cx.selfType;
        cx.selfType = typeName;
        for (Stmt.Fun m : resolution.implMethods(typeName)) {
            MethodSpec spec = function(m, typeName, false);
            if (!hasSelf(m) || !b.build().kind().equals(TypeSpec.Kind.INTERFACE)) {
                b.addMethod(spec);
            } else {
                b.addMethod(spec.toBuilder().addModifiers(Modifier.DEFAULT).build());
            }
        }
        cx.selfType = savedSelf;
    }

    TypeSpec classType(Stmt.Class c) {
        ClassName name = cx.typeName(c.name());
        String doc = docAbove(c.span().start());
        Map<Stmt.FieldDecl, String> fieldDocs = memberDocs(c.fields(), c.span().start());
        TypeSpec.Builder b = TypeSpec.classBuilder(name).addModifiers(Modifier.STATIC)
                .addSuperinterface(RuntimeApi.STRUCT).addAnnotations(RuchyNames.of(c.name(), name.simpleName()));
        if (doc != null) {
            b.addJavadoc("$L\n", doc);
        }
        if (c.parent() instanceof TypeRef.Named p && resolution.classes().containsKey(p.path().get(0))) {
            b.superclass(cx.typeName(p.path().get(0)));
        } else {
            b.addModifiers(Modifier.FINAL);
        }
        CodeBlock.Builder fieldsMap = CodeBlock.builder().add("return $T.of(", R_OBJECT);
        boolean first = true;
        for (Stmt.FieldDecl f : c.fields()) {
            String fn = Names.camelCase(f.name());
            FieldSpec.Builder field = FieldSpec.builder(javaType(fieldType(f)), fn, Modifier.PUBLIC)
                    .addAnnotations(RuchyNames.of(f.name(), fn));
            if (fieldDocs.containsKey(f)) {
                field.addJavadoc("$L\n", fieldDocs.get(f));
            }
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
        String savedSelf = cx.selfType;
        cx.selfType = c.name();
        for (Stmt.Fun ctor : c.constructors()) {
            b.addMethod(constructor(ctor));
        }
        for (Stmt.Fun m : c.methods()) {
            b.addMethod(function(m, c.name(), false));
        }
        cx.selfType = savedSelf;
        return b.build();
    }

    CodeBlock constantInitializer(Expr e, Type t) {
        EmitContext.MethodState saved = cx.enterMethod();
        cx.out = CodeBlock.builder();
        CodeBlock code = coerce(expr(e), types.of(e), t);
        cx.restoreMethod(saved);
        return code;
    }

    MethodSpec constructor(Stmt.Fun ctor) {
        EmitContext.MethodState saved = cx.enterMethod();
        cx.resultType = Type.NIL;
        cx.resultVoid = true;
        MethodSpec.Builder m = MethodSpec.constructorBuilder();
        TypeInference.Signature sig = types.signature(ctor);
        addParams(m, ctor, sig);
        cx.out = CodeBlock.builder();
        int resources = cx.openResources;
        for (Stmt s : ctor.body().statements()) {
            cx.statements.statement(s);
        }
        cx.statements.closeResources(resources);
        m.addCode(cx.out.build());
        cx.restoreMethod(saved);
        return m.build();
    }

    static boolean hasSelf(Stmt.Fun f) {
        return !f.params().isEmpty() && "self".equals(f.params().get(0).name());
    }

    MethodSpec function(Stmt.Fun f, String owner, boolean topLevel) {
        EmitContext.MethodState saved = cx.enterMethod();
        TypeInference.Signature sig = types.signature(f);
        String javaName = f.name().equals("main") && topLevel ? "main" : Names.camelCase(f.name());
        MethodSpec.Builder m = MethodSpec.methodBuilder(javaName);
        if (owner != null) {
            m.addAnnotations(RuchyNames.of(f.name(), javaName)); // a member of a Ruchy type, which the runtime may call by name
        }
        boolean junitTest = cx.testMode && topLevel && f.attributes().stream().anyMatch(a -> a.name().equals("test"));
        if (junitTest) {
            // #[test] in a test source: a JUnit 5 test method (public, an instance method, void)
            m.addAnnotation(JUNIT_TEST).addModifiers(Modifier.PUBLIC);
        } else if (owner == null || !hasSelf(f)) {
            m.addModifiers(Modifier.STATIC);
        }
        if (owner != null || topLevel && !junitTest && f.isPublic()) {
            m.addModifiers(Modifier.PUBLIC); // `pub fun`: callable from Java in any package
        }
        cx.resultType = junitTest ? Type.NIL : sig.result();
        cx.resultVoid = junitTest || returnsVoid(sig);
        m.returns(cx.resultVoid ? TypeName.VOID : javaType(cx.resultType));
        docComment(f, m);
        addParams(m, f, sig);
        cx.out = CodeBlock.builder();
        if (f.body() != null) {
            functionBody(f.body());
        }
        CodeBlock body = cx.out.build();
        if (f.body() != null && propagatesByThrow(f.body())) {
            // a `?` inside an expression: its early return arrives as a RuchyError and leaves here
            String error = cx.scope.allocate("early");
            CodeBlock.Builder wrapped = CodeBlock.builder().beginControlFlow("try").add(body)
                    .nextControlFlow("catch ($T $N)", RUCHY_ERROR, error)
                    .beginControlFlow("if ($N.isEarlyReturn())", error);
            if (cx.resultVoid) {
                wrapped.addStatement("return");
            } else {
                wrapped.addStatement("return $T.propagate($N.payload())", OPS, error);
            }
            body = wrapped.endControlFlow().addStatement("throw $N", error).endControlFlow().build();
        }
        m.addCode(body);
        cx.restoreMethod(saved);
        return m.build();
    }

    /** A function that never returns a value, or only nil, is a {@code void} method. */
    private static boolean returnsVoid(TypeInference.Signature sig) {
        return !sig.returnsValue() || sig.result() instanceof Type.Nil;
    }

    /**
     * The Java signature of a top-level {@code pub fun} as {@link #function} emits it outside test
     * mode: a public static method with the same name, parameter types (binary names) and return type.
     */
    JavaMethod publicSignature(Stmt.Fun f) {
        TypeInference.Signature sig = types.signature(f);
        List<String> parameterTypes = new ArrayList<>();
        List<String> parameterNames = new ArrayList<>();
        int i = 0;
        for (Param p : f.params()) {
            if ("self".equals(p.name())) {
                continue;
            }
            parameterTypes.add(TypeText.of(javaType(sig.params().get(i))));
            parameterNames.add(p.pattern() instanceof Pattern.Binding b ? Names.camelCase(b.name()) : "arg" + (i + 1));
            i++;
        }
        String javaName = f.name().equals("main") ? "main" : Names.camelCase(f.name());
        String result = returnsVoid(sig) ? "void" : TypeText.of(javaType(sig.result()));
        return new JavaMethod(javaName, true, false, List.of(), parameterTypes, parameterNames, result, false);
    }

    /**
     * Whether a {@code ?} in {@code body} (or in a closure inside it) is written as
     * {@code Ops.tryUnwrap}, whose early return arrives as a RuchyError the function must catch.
     */
    private boolean propagatesByThrow(Expr.Block body) {
        Set<Expr.Try> byPattern = Collections.newSetFromMap(new IdentityHashMap<>());
        AstScan.any(body, n -> {
            if (n instanceof Stmt.Let let && cx.statements.returnsEarlyByPattern(let)) {
                byPattern.add((Expr.Try) let.init());
            }
            return false;
        });
        return AstScan.any(body, n -> n instanceof Expr.Try t && !byPattern.contains(t));
    }

    void addParams(MethodSpec.Builder m, Stmt.Fun f, TypeInference.Signature sig) {
        int i = 0;
        List<Runnable> destructure = new ArrayList<>();
        for (Param p : f.params()) {
            if ("self".equals(p.name())) {
                continue;
            }
            Type t = sig.params().get(i++);
            if (p.pattern() instanceof Pattern.Binding b) {
                Symbol sym = resolution.declaration(b);
                String name = cx.scope.declare(sym, b.name());
                if (sym != null && sym.needsCell()) {
                    String raw = cx.scope.allocate(name + "Value");
                    m.addParameter(javaType(t), raw);
                    destructure.add(() -> stmt("var $N = new $T<>($N)", name, CELL, raw));
                } else {
                    m.addParameter(javaType(t), name);
                }
            } else {
                String raw = cx.scope.allocate("arg" + i);
                m.addParameter(javaType(t), raw);
                Pattern pattern = p.pattern();
                destructure.add(() -> cx.patterns.bindPattern(pattern, raw, t));
            }
        }
        if (!destructure.isEmpty()) {
            cx.out = CodeBlock.builder();
            destructure.forEach(Runnable::run);
            m.addCode(cx.out.build());
        }
    }

    /** Comments on the lines right above a function become its Javadoc. */
    void docComment(Stmt.Fun f, MethodSpec.Builder m) {
        String doc = docAbove(f.span().start());
        if (doc != null) {
            m.addJavadoc("$L\n", doc);
        }
    }

    /**
     * The Javadoc text of the comments on the lines right above {@code start} (no blank line between),
     * taken from the comments still to place; null when there are none.
     */
    String docAbove(int start) {
        List<Comment> comments = cx.program.comments();
        int line = cx.program.file().line(start);
        int first = -1;
        for (int i = comments.size() - 1; i >= 0; i--) {
            Comment c = comments.get(i);
            if (cx.commentUsed[i] || c.end() > start) {
                continue;
            }
            if (cx.program.file().line(c.end()) == line - 1) {
                first = i;
                line = cx.program.file().line(c.start());
            } else {
                break;
            }
        }
        if (first < 0) {
            return null;
        }
        List<Integer> taken = new ArrayList<>();
        for (int i = first; i < comments.size() && comments.get(i).end() <= start; i++) {
            taken.add(i);
        }
        return javadoc(taken);
    }

    /**
     * The Javadoc text of the comments on a struct field or enum variant spanning {@code span}: those
     * after {@code from} above it, and one ending its line; taken from the comments still to place.
     */
    String memberDoc(Span span, int from) {
        List<Comment> comments = cx.program.comments();
        int line = span.endLine();
        List<Integer> taken = new ArrayList<>();
        for (int i = 0; i < comments.size(); i++) {
            Comment c = comments.get(i);
            if (!cx.commentUsed[i] && c.start() >= from && (c.end() <= span.start()
                    || c.start() >= span.end() && cx.program.file().line(c.start()) == line)) {
                taken.add(i);
            }
        }
        return taken.isEmpty() ? null : javadoc(taken);
    }

    private String javadoc(List<Integer> taken) {
        List<String> lines = new ArrayList<>();
        for (int i : taken) {
            cx.commentUsed[i] = true;
            for (String text : cx.program.comments().get(i).text().split("\n", -1)) {
                lines.add(EmitContext.commentText(text.strip()).replace("*/", "*&#47;"));
            }
        }
        return String.join("\n", lines);
    }

    /** A function body: every statement, the last one's value returned when the function returns a value. */
    void functionBody(Expr.Block body) {
        int savedFloor = cx.commentFloor;
        cx.commentFloor = body.span().start();
        functionStatements(body);
        cx.flushComments(body.span().end());
        cx.commentFloor = savedFloor;
    }

    void functionStatements(Expr.Block body) {
        List<Stmt> statements = body.statements();
        int resources = cx.openResources;
        for (int i = 0; i < statements.size(); i++) {
            Stmt s = statements.get(i);
            boolean last = i == statements.size() - 1;
            if (last && !cx.resultVoid && s instanceof Stmt.ExprStmt es && producesValue(es.expr())) {
                cx.mark(s);
                cx.flow.valueInto(es.expr(), Sink.RETURN);
            } else {
                cx.statements.statement(s);
                if (AstScan.endsAbruptly(s)) {
                    break; // unreachable code after it
                }
            }
        }
        cx.statements.closeResources(resources);
    }

    static boolean producesValue(Expr e) {
        return !(e instanceof Expr.While || e instanceof Expr.For || e instanceof Expr.Assign
                || e instanceof Expr.CompoundAssign || e instanceof Expr.Return || e instanceof Expr.Throw);
    }
}
