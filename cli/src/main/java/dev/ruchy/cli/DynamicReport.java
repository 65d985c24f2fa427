package dev.ruchy.cli;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import dev.ruchy.transpiler.TranspileOptions;
import dev.ruchy.transpiler.Transpiler;
import dev.ruchy.transpiler.source.SourceFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * The places where the Java generated from a Ruchy file falls back to the runtime's dynamic layer,
 * found in the generated Java itself (so the report stays true whatever the emitter prints): the
 * source is compiled once, in memory, with javac's Tree API and attributed against the runtime's
 * class path, and two kinds of place are collected:
 * <ul>
 * <li>{@link Kind#CALL dynamic calls}: calls of the runtime's entry points that find what they do by
 * a name at run time ({@code Ops.invoke}, {@code Ops.field}, {@code Ops.setField},
 * {@code Ops.updateField}, {@code Ops.path}, {@code Ops.callPath}, {@code Ops.builtin},
 * {@code Ops.macro}) and {@code Ops.call} of a function value whose type Java does not know;</li>
 * <li>{@link Kind#OBJECT Object declarations}: locals (with {@code var} too), closure parameters
 * (implicit ones too), fields, method parameters and method results whose resolved type is
 * {@code java.lang.Object}, or a collection ({@code Iterable}, {@code Map}, {@code Optional}) or array
 * whose element type is {@code Object} or that is raw: reading an element back is dynamic too.</li>
 * </ul>
 * Each place is mapped to its Ruchy line through the transpiler's line map (the one the runtime uses
 * to name the Ruchy line of an error); the column is where the place's name first appears on that
 * Ruchy line (the line's first non-blank character when it does not).
 */
final class DynamicReport {
    /** The kind of a dynamic place. */
    enum Kind {
        CALL("dynamic call"), OBJECT("Object declaration");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /**
     * One dynamic place.
     *
     * @param line     1-based Ruchy line (0 when the Java has no Ruchy line there)
     * @param column   1-based Ruchy column
     * @param javaLine 1-based line in the generated Java
     * @param javaPos  character offset in the generated Java (orders places on one Java line)
     * @param kind     call or declaration
     * @param what     the place in Ruchy-like words, e.g. {@code user.name} or {@code user}
     * @param why      the reason, derived from the Java tree
     */
    record Entry(int line, int column, int javaLine, long javaPos, Kind kind, String what, String why) {
    }

    /**
     * The analysis of one file: its places sorted by position, or javac's errors when the generated
     * Java does not compile (then {@code entries} is empty).
     */
    record Result(List<Entry> entries, String compileErrors) {
        boolean compiled() {
            return compileErrors == null;
        }

        long count(Kind kind) {
            return entries.stream().filter(e -> e.kind() == kind).count();
        }
    }

    /** The runtime class whose static methods are the dynamic entry points. */
    private static final String OPS = "dev.ruchy.runtime.Ops";

    /** Entry points of {@link #OPS} that dispatch on a name (a string) at run time. */
    private static final Set<String> NAMED = Set.of("invoke", "field", "setField", "updateField", "path", "callPath",
            "builtin", "macro");

    private DynamicReport() {
    }

    /**
     * Compiles {@code source} in memory (parse and attribution only: no class files) and collects its
     * dynamic places.
     *
     * @param qualifiedName the class's binary name, {@code pkg.Name}
     * @param source        the generated Java
     * @param lineMap       for each 1-based Java line its Ruchy line (0: none), as the transpiler returns it
     * @param rubySource    the Ruchy source text (for columns)
     * @param classpath     the class path holding the runtime
     */
    static Result analyse(String qualifiedName, String source, int[] lineMap, String rubySource, String classpath) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            return new Result(List.of(), "no Java compiler available: run ruchy with a JDK, not a JRE");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> options = List.of("--release", "21", "-classpath", classpath, "-proc:none", "-Xlint:none");
        JavaFileObject unit = new SimpleJavaFileObject(
                URI.create("string:///" + qualifiedName.replace('.', '/') + JavaFileObject.Kind.SOURCE.extension),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        JavacTask task = (JavacTask) javac.getTask(new StringWriter(), null, diagnostics, options, null, List.of(unit));
        Iterable<? extends CompilationUnitTree> units;
        try {
            units = task.parse();
            task.analyze();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // an in-memory source does not fail to read
        }
        StringBuilder errors = new StringBuilder();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                errors.append(qualifiedName).append(".java:").append(d.getLineNumber()).append(": ")
                        .append(d.getMessage(Locale.ROOT)).append('\n');
            }
        }
        if (!errors.isEmpty()) {
            return new Result(List.of(), errors.toString());
        }
        String[] rubyLines = rubySource.split("\n", -1);
        List<Entry> entries = new ArrayList<>();
        Trees trees = Trees.instance(task);
        for (CompilationUnitTree cu : units) {
            new Scanner(trees, cu, lineMap, rubyLines, entries).scan(cu, null);
        }
        entries.sort(Comparator.comparingInt(Entry::line).thenComparingInt(Entry::column).thenComparingLong(Entry::javaPos));
        return new Result(List.copyOf(entries), null);
    }

    /**
     * {@code ruchy check --explain-dynamic}: transpiles a file that checked clean, analyses the Java and
     * prints the report to {@code out}; for a file with errors, prints that it was not analysed.
     *
     * @param hasErrors the check found errors in the file
     * @return false when the generated Java does not compile (reported to {@code out} too)
     */
    static boolean explain(SourceFile file, boolean hasErrors, PrintWriter out) {
        Transpiler.TranspileResult result = hasErrors ? null : Transpiler.transpile(file, "", TranspileOptions.defaults());
        if (result == null || result.hasErrors()) {
            out.println(file.name() + ": not analysed: the program has errors");
            return true;
        }
        Result report = analyse(result.qualifiedName(), result.source(), result.lineMap(), file.text(),
                ProgramCompiler.runtimeClasspath());
        print(file.name(), file.text(), report, out);
        return report.compiled();
    }

    /**
     * Prints the report of one file: per place {@code FILE:LINE:COL: KIND `WHAT`: WHY} and the Ruchy line
     * under it, then a summary line with the counts.
     */
    static void print(String fileName, String rubySource, Result result, PrintWriter out) {
        if (!result.compiled()) {
            out.println(fileName + ": not analysed: the Java generated from it does not compile:");
            out.print(result.compileErrors());
            return;
        }
        String[] rubyLines = rubySource.split("\n", -1);
        for (Entry e : result.entries()) {
            String where = e.line() > 0 ? e.line() + ":" + e.column() : "?:? (Java line " + e.javaLine() + ")";
            out.println(fileName + ":" + where + ": " + e.kind().label + " `" + e.what() + "`: " + e.why());
            if (e.line() > 0 && e.line() <= rubyLines.length) {
                out.println("    " + e.line() + " | " + rubyLines[e.line() - 1].strip());
            }
        }
        out.println(summary(fileName, result));
    }

    /** {@code FILE: 12 dynamic calls, 3 Object declarations}. */
    static String summary(String fileName, Result result) {
        long calls = result.count(Kind.CALL);
        long objects = result.count(Kind.OBJECT);
        return fileName + ": " + calls + (calls == 1 ? " dynamic call, " : " dynamic calls, ") + objects
                + (objects == 1 ? " Object declaration" : " Object declarations");
    }

    private static final class Scanner extends TreePathScanner<Void, Void> {
        private final Trees trees;
        private final CompilationUnitTree unit;
        private final SourcePositions positions;
        private final int[] lineMap;
        private final String[] rubyLines;
        private final List<Entry> entries;
        /** Declarations seen so far, to follow a local back to its initializer. */
        private final Map<Element, VariableTree> declarations = new HashMap<>();
        /** Top-level variables listed without a Ruchy line, by element: their index in {@code entries}. */
        private final Map<Element, Integer> unmarkedFields = new HashMap<>();

        Scanner(Trees trees, CompilationUnitTree unit, int[] lineMap, String[] rubyLines, List<Entry> entries) {
            this.trees = trees;
            this.unit = unit;
            this.positions = trees.getSourcePositions();
            this.lineMap = lineMap;
            this.rubyLines = rubyLines;
            this.entries = entries;
        }

        @Override
        public Void visitVariable(VariableTree node, Void unused) {
            Element element = trees.getElement(getCurrentPath());
            if (element != null) {
                declarations.put(element, node);
                TypeMirror type = element.asType();
                String dynamic = dynamicType(type);
                if (dynamic != null) {
                    Tree parent = getCurrentPath().getParentPath().getLeaf();
                    String wrapped = parent instanceof LambdaExpressionTree lambda ? wrappedFunction(lambda) : null;
                    add(node, Kind.OBJECT, node.getName().toString(), wrapped != null ? wrapped : node.getName().toString(), declarationWhy(element, node, dynamic));
                }
            }
            return super.visitVariable(node, unused);
        }

        @Override
        public Void visitMethod(MethodTree node, Void unused) {
            Element element = trees.getElement(getCurrentPath());
            if (element instanceof ExecutableElement method && method.getKind() == ElementKind.METHOD) {
                String dynamic = dynamicType(method.getReturnType());
                if (dynamic != null) {
                    add(node, Kind.OBJECT, node.getName() + "(...)", node.getName().toString(), "the result of function `" + node.getName()
                            + "` is " + dynamic + ": it has no declared return type Java can use");
                }
            }
            return super.visitMethod(node, unused);
        }

        @Override
        public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
            Element element = trees.getElement(getCurrentPath());
            if (element instanceof ExecutableElement method && isOps(method)) {
                String name = method.getSimpleName().toString();
                List<? extends ExpressionTree> args = node.getArguments();
                if (NAMED.contains(name) || name.equals("call")) {
                    add(node, Kind.CALL, render(node), calledName(name, args), callWhy(name, args));
                }
            }
            return super.visitMethodInvocation(node, unused);
        }

        private static boolean isOps(ExecutableElement method) {
            return method.getEnclosingElement() instanceof TypeElement owner
                    && owner.getQualifiedName().contentEquals(OPS);
        }

        private String callWhy(String name, List<? extends ExpressionTree> args) {
            return switch (name) {
                case "invoke" -> "runtime method `" + literal(args, 1) + "` " + receiverWhy(args.get(0), "receiver");
                case "field" -> "field `" + literal(args, 1) + "` read by name " + receiverWhy(args.get(0), "value");
                case "setField", "updateField" -> "field `" + literal(args, 1) + "` written by name "
                        + receiverWhy(args.get(0), "value");
                case "path" -> "runtime path `" + literal(args, 0) + "` looked up by name at run time";
                case "callPath" -> "runtime path `" + literal(args, 0) + "` looked up by name and called at run time";
                case "builtin" -> "builtin `" + literal(args, 0) + "` used as a value, looked up by name at run time";
                case "macro" -> "macro `" + literal(args, 0) + "!` expanded by name at run time";
                default -> "function called through the runtime " + receiverWhy(args.get(0), "function value");
            };
        }

        /** Why the receiver of a named call is dynamic: its Java type and where its value comes from. */
        private String receiverWhy(ExpressionTree receiver, String role) {
            TypeMirror type = trees.getTypeMirror(new TreePath(getCurrentPath(), receiver));
            String typeName = type == null ? "Object" : simpleName(type);
            ExpressionTree bare = unwrap(receiver);
            if (bare instanceof IdentifierTree id) {
                Element element = trees.getElement(new TreePath(getCurrentPath(), bare));
                String origin = element == null ? null : origin(element);
                return "on " + role + " `" + id.getName() + "` of type " + typeName
                        + (origin == null ? "" : ": " + origin);
            }
            return "on a value of type " + typeName + ": it is the result of `" + render(bare) + "`";
        }

        /** Where a variable's value comes from, in words, or null when unknown. */
        private String origin(Element element) {
            VariableTree declaration = declarations.get(element);
            return switch (element.getKind()) {
                case PARAMETER -> declaration != null && isLambdaParameter(declaration)
                        ? "a closure parameter without a type" : "a function parameter without a type";
                case LOCAL_VARIABLE, RESOURCE_VARIABLE, BINDING_VARIABLE, EXCEPTION_PARAMETER -> {
                    if (declaration == null || declaration.getInitializer() == null) {
                        yield "a variable assigned at run time";
                    }
                    yield "it comes from `" + render(unwrap(declaration.getInitializer())) + "`"
                            + originNote(declaration.getInitializer());
                }
                case FIELD -> "a top-level variable";
                default -> null;
            };
        }

        /** A note on what a dynamic initializer is, e.g. JSON parsed at run time. */
        private String originNote(ExpressionTree initializer) {
            ExpressionTree bare = unwrap(initializer);
            if (!(bare instanceof MethodInvocationTree call)
                    || !(trees.getElement(new TreePath(getCurrentPath(), call)) instanceof ExecutableElement method)) {
                return "";
            }
            String called = isOps(method) ? calledName(method.getSimpleName().toString(), call.getArguments())
                    : method.getSimpleName().toString();
            String lower = called.toLowerCase(Locale.ROOT);
            if (lower.contains("json") && (lower.contains("parse") || isOps(method) || lower.equals("json"))
                    || lower.equals("parse") && render(bare).startsWith("json::")) {
                return " (JSON parsed at run time)";
            }
            if (isOps(method)) {
                String entryPoint = method.getSimpleName().toString();
                return NAMED.contains(entryPoint) || entryPoint.equals("call") ? " (the result of a dynamic call)"
                        : " (computed by the runtime's dynamic `Ops." + entryPoint + "`)";
            }
            return dynamicType(method.getReturnType()) != null
                    ? " (`" + method.getEnclosingElement().getSimpleName() + "." + called + "` returns "
                            + dynamicType(method.getReturnType()) + ")"
                    : "";
        }

        private boolean isLambdaParameter(VariableTree declaration) {
            TreePath path = trees.getPath(unit, declaration);
            return path != null && path.getParentPath() != null
                    && path.getParentPath().getLeaf() instanceof LambdaExpressionTree;
        }

        private String declarationWhy(Element element, VariableTree node, String dynamic) {
            String name = node.getName().toString();
            TreePath path = getCurrentPath();
            Tree parent = path.getParentPath() == null ? null : path.getParentPath().getLeaf();
            if (parent instanceof LambdaExpressionTree lambda) {
                TypeMirror fn = trees.getTypeMirror(path.getParentPath());
                String fnType = fn == null ? "function value" : simpleName(fn);
                String wrapped = wrappedFunction(lambda);
                if (wrapped != null) {
                    return "parameter `" + name + "` is " + dynamic + ": function `" + wrapped + "` is passed as a "
                            + fnType + ", an untyped function value";
                }
                return "closure parameter `" + name + "` is " + dynamic + ": the closure is a " + fnType
                        + ", an untyped function value" + (passedToOps(path.getParentPath()) ? " passed to dynamic code" : "");
            }
            return switch (element.getKind()) {
                case PARAMETER -> "parameter `" + name + "` is " + dynamic + ": it has no type Java can use";
                case FIELD -> "top-level variable `" + name + "` is " + dynamic
                        + (node.getInitializer() == null ? "" : ": it comes from `" + render(unwrap(node.getInitializer())) + "`");
                default -> node.getInitializer() == null
                        ? "`" + name + "` is " + dynamic + ": declared without a value Java can type"
                        : "`" + name + "` is " + dynamic + ": it comes from `" + render(unwrap(node.getInitializer())) + "`"
                                + originNote(node.getInitializer());
            };
        }

        /** The function a lambda only forwards its parameters to ({@code (a, b) -> f(a, b)}: {@code f}), or null. */
        private static String wrappedFunction(LambdaExpressionTree lambda) {
            Tree body = lambda.getBody();
            if (body instanceof com.sun.source.tree.BlockTree block && block.getStatements().size() == 1) {
                body = block.getStatements().get(0);
            }
            if (body instanceof com.sun.source.tree.ReturnTree ret) {
                body = ret.getExpression();
            } else if (body instanceof com.sun.source.tree.ExpressionStatementTree statement) {
                body = statement.getExpression();
            }
            if (!(body instanceof MethodInvocationTree call) || !(call.getMethodSelect() instanceof IdentifierTree fn)
                    || call.getArguments().size() != lambda.getParameters().size()) {
                return null;
            }
            for (int i = 0; i < call.getArguments().size(); i++) {
                if (!(unwrap(call.getArguments().get(i)) instanceof IdentifierTree arg)
                        || !arg.getName().equals(lambda.getParameters().get(i).getName())) {
                    return null;
                }
            }
            return fn.getName().toString();
        }

        /** Whether the lambda at {@code lambda} is an argument of a runtime {@code Ops} entry point. */
        private boolean passedToOps(TreePath lambda) {
            TreePath p = lambda.getParentPath();
            while (p != null && (p.getLeaf() instanceof TypeCastTree || p.getLeaf() instanceof com.sun.source.tree.ParenthesizedTree)) {
                p = p.getParentPath();
            }
            return p != null && p.getLeaf() instanceof MethodInvocationTree
                    && trees.getElement(p) instanceof ExecutableElement method && isOps(method);
        }

        /** "Object", "List<Object>" (and so on) when {@code type} is dynamic, else null. */
        private String dynamicType(TypeMirror type) {
            if (type.getKind() == TypeKind.ARRAY) {
                TypeMirror component = ((javax.lang.model.type.ArrayType) type).getComponentType();
                return isObject(component) ? "Object[]" : null;
            }
            if (type.getKind() != TypeKind.DECLARED) {
                return null;
            }
            DeclaredType declared = (DeclaredType) type;
            TypeElement element = (TypeElement) declared.asElement();
            String name = element.getQualifiedName().toString();
            if (name.equals("java.lang.Object")) {
                return "Object";
            }
            if (!isContainer(name)) {
                return null;
            }
            if (declared.getTypeArguments().isEmpty() && !element.getTypeParameters().isEmpty()) {
                return "raw " + element.getSimpleName();
            }
            for (TypeMirror argument : declared.getTypeArguments()) {
                if (isObject(argument) || argument.getKind() == TypeKind.WILDCARD
                        && ((javax.lang.model.type.WildcardType) argument).getExtendsBound() == null) {
                    return simpleName(type);
                }
            }
            return null;
        }

        private static boolean isContainer(String name) {
            return name.startsWith("java.util.") && (name.endsWith("List") || name.endsWith("Set") || name.endsWith("Map")
                    || name.endsWith("Collection") || name.endsWith("Deque") || name.endsWith("Queue")
                    || name.equals("java.util.Optional") || name.equals("java.util.Iterator"))
                    || name.equals("java.lang.Iterable");
        }

        private static boolean isObject(TypeMirror type) {
            return type.getKind() == TypeKind.DECLARED
                    && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().contentEquals("java.lang.Object");
        }

        /** {@code List<Object>} for {@code java.util.List<java.lang.Object>}. */
        private static String simpleName(TypeMirror type) {
            return type.toString().replaceAll("\\b(?:[a-z][a-z0-9_]*\\.)+", "");
        }

        private static ExpressionTree unwrap(ExpressionTree e) {
            ExpressionTree current = e;
            while (true) {
                if (current instanceof TypeCastTree cast) {
                    current = cast.getExpression();
                } else if (current instanceof com.sun.source.tree.ParenthesizedTree p) {
                    current = p.getExpression();
                } else {
                    return current;
                }
            }
        }

        private static String literal(List<? extends ExpressionTree> args, int index) {
            if (index < args.size() && args.get(index) instanceof LiteralTree lit && lit.getValue() instanceof String s) {
                return s;
            }
            return "?";
        }

        /**
         * The expression in Ruchy-like words: dynamic calls as the Ruchy they stand for
         * ({@code Ops.invoke(r, "m", a)} is {@code r.m(a)}), anything else as its Java text, cut at 60
         * characters.
         */
        private String render(ExpressionTree e) {
            String text = renderFull(e);
            return text.length() > 60 ? text.substring(0, 57) + "..." : text;
        }

        private String renderFull(ExpressionTree tree) {
            ExpressionTree e = unwrap(tree);
            if (e instanceof MethodInvocationTree call && call.getMethodSelect() instanceof MemberSelectTree select
                    && select.getExpression() instanceof IdentifierTree owner && owner.getName().contentEquals("Ops")) {
                List<? extends ExpressionTree> args = call.getArguments();
                String name = select.getIdentifier().toString();
                switch (name) {
                    case "invoke":
                        if (args.size() >= 2) {
                            return renderFull(args.get(0)) + "." + literal(args, 1) + "(" + renderArgs(args, 2) + ")";
                        }
                        break;
                    case "field":
                        if (args.size() == 2) {
                            return renderFull(args.get(0)) + "." + literal(args, 1);
                        }
                        break;
                    case "setField":
                        if (args.size() == 3) {
                            return renderFull(args.get(0)) + "." + literal(args, 1) + " = " + renderFull(args.get(2));
                        }
                        break;
                    case "updateField":
                        if (args.size() == 3) {
                            return renderFull(args.get(0)) + "." + literal(args, 1) + " (update)";
                        }
                        break;
                    case "path", "builtin":
                        return literal(args, 0);
                    case "callPath":
                        return literal(args, 0) + "(" + renderArgs(args, 1) + ")";
                    case "macro":
                        return literal(args, 0) + "!(" + renderArgs(args, 1) + ")";
                    case "call":
                        if (!args.isEmpty()) {
                            return renderFull(args.get(0)) + "(" + renderArgs(args, 1) + ")";
                        }
                        break;
                    default:
                        break;
                }
            }
            if (e instanceof LambdaExpressionTree) {
                return "|...| ...";
            }
            return e.toString().replaceAll("\\s+", " ");
        }

        private String renderArgs(List<? extends ExpressionTree> args, int from) {
            List<String> parts = new ArrayList<>();
            for (int i = from; i < args.size(); i++) {
                String arg = renderFull(args.get(i));
                parts.add(arg.length() > 20 ? "..." : arg);
            }
            return String.join(", ", parts);
        }

        private void add(Tree node, Kind kind, String what, String name, String why) {
            long start = positions.getStartPosition(unit, node);
            int javaLine = (int) unit.getLineMap().getLineNumber(start);
            int line = rubyLine(javaLine);
            if (line == 0) {
                // declarations before the first statement mark (a function's header, a top-level
                // variable): the Ruchy line of the first marked Java line of the enclosing method, or of
                // the variable's first marked use
                Element element = trees.getElement(getCurrentPath());
                TreePath method = enclosingMethod(getCurrentPath());
                if (method != null) {
                    line = declarationLine(firstMarkedLine(method.getLeaf()), name);
                } else if (element != null && element.getKind() == ElementKind.FIELD) {
                    unmarkedFields.put(element, entries.size());
                }
            }
            entries.add(new Entry(line, column(line, name), javaLine, start, kind, what, why));
        }

        /** The Ruchy line of a Java line, 0 when it has none. */
        private int rubyLine(int javaLine) {
            return javaLine > 0 && javaLine < lineMap.length ? lineMap[javaLine] : 0;
        }

        private static TreePath enclosingMethod(TreePath path) {
            for (TreePath p = path; p != null; p = p.getParentPath()) {
                if (p.getLeaf() instanceof MethodTree) {
                    return p;
                }
            }
            return null;
        }

        /** The Ruchy line of the first marked Java line in {@code node}'s extent, 0 when none. */
        private int firstMarkedLine(Tree node) {
            long startLine = unit.getLineMap().getLineNumber(positions.getStartPosition(unit, node));
            long endLine = unit.getLineMap().getLineNumber(positions.getEndPosition(unit, node));
            for (long l = startLine; l <= endLine; l++) {
                int line = rubyLine((int) l);
                if (line != 0) {
                    return line;
                }
            }
            return 0;
        }

        /**
         * A declaration's Ruchy line, given the line of the first statement after it: that line or one
         * of the three before it, whichever names the declaration.
         */
        private int declarationLine(int firstStatement, String name) {
            for (int line = firstStatement; line > 0 && line >= firstStatement - 3; line--) {
                if (nameIndex(rubyLines[line - 1], name) >= 0) {
                    return line;
                }
            }
            return firstStatement;
        }

        @Override
        public Void visitIdentifier(IdentifierTree node, Void unused) {
            Element element = trees.getElement(getCurrentPath());
            if (element != null && element.getKind() == ElementKind.FIELD && unmarkedFields.containsKey(element)) {
                int javaLine = (int) unit.getLineMap().getLineNumber(positions.getStartPosition(unit, node));
                int line = rubyLine(javaLine);
                int index = unmarkedFields.get(element);
                Entry e = entries.get(index);
                if (line != 0 && e.line() == 0) {
                    entries.set(index, new Entry(line, column(line, e.what()), e.javaLine(), e.javaPos(), e.kind(),
                            e.what(), e.why()));
                }
            }
            return super.visitIdentifier(node, unused);
        }

        /** The name a dynamic call has on the Ruchy line: the method, field, last path segment or function. */
        private static String calledName(String entryPoint, List<? extends ExpressionTree> args) {
            return switch (entryPoint) {
                case "invoke", "field", "setField", "updateField" -> literal(args, 1);
                case "path", "callPath", "builtin", "macro" -> {
                    String path = literal(args, 0);
                    yield path.substring(path.lastIndexOf(':') + 1);
                }
                default -> args.isEmpty() || !(unwrap(args.get(0)) instanceof IdentifierTree id) ? "" : id.getName().toString();
            };
        }

        private int column(int line, String name) {
            if (line <= 0 || line > rubyLines.length) {
                return 0;
            }
            String text = rubyLines[line - 1];
            int at = nameIndex(text, name);
            if (at < 0) {
                at = 0;
                while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                    at++;
                }
            }
            return at + 1;
        }

        /** Where {@code name} (or its snake_case spelling: Ruchy's {@code find_user} is Java's {@code findUser}) is on {@code text}. */
        private static int nameIndex(String text, String name) {
            if (name.isEmpty()) {
                return -1;
            }
            int at = wordIndex(text, name);
            String snake = name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
            return at >= 0 || snake.equals(name) ? at : wordIndex(text, snake);
        }

        private static int wordIndex(String text, String word) {
            int from = 0;
            while (true) {
                int at = text.indexOf(word, from);
                if (at < 0) {
                    return -1;
                }
                boolean startOk = at == 0 || !Character.isJavaIdentifierPart(text.charAt(at - 1));
                int end = at + word.length();
                boolean endOk = end >= text.length() || !Character.isJavaIdentifierPart(text.charAt(end));
                if (startOk && endOk) {
                    return at;
                }
                from = at + 1;
            }
        }
    }
}
