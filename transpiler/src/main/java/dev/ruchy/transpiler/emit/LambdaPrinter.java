package dev.ruchy.transpiler.emit;

import static dev.ruchy.transpiler.emit.RuntimeApi.OPS;

import com.palantir.javapoet.CodeBlock;
import dev.ruchy.transpiler.ast.Expr;
import dev.ruchy.transpiler.ast.Param;
import dev.ruchy.transpiler.ast.Pattern;
import dev.ruchy.transpiler.ast.Stmt;
import dev.ruchy.transpiler.code.Symbol;
import dev.ruchy.transpiler.code.Type;
import dev.ruchy.transpiler.source.Span;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Closures: Ruchy lambdas as Java lambdas. A closure typed by its uses ({@link Type.FunctionType#typed})
 * is a lambda of a {@code java.util.function} interface ({@link FunctionShapes}) with typed
 * parameters and result; any other is one of the runtime's {@code Fn0}...{@code FnN} interfaces,
 * taking and giving dynamic values.
 */
final class LambdaPrinter extends Printer {
    LambdaPrinter(EmitContext cx) {
        super(cx);
    }

    /** Set by {@link #callbackCode} for the one lambda it prints; closures inside it are ordinary. */
    private boolean nextIsCallback;

    /**
     * A closure passed where a runtime member takes a callback ({@code Handler}, {@code Middleware},
     * ...): a lambda the member's parameter type gives its type to, so no cast; its parameters are
     * the callback's types as inferred, and its body statements, since the callback returns nothing.
     */
    CodeBlock callbackCode(Expr.Lambda l) {
        nextIsCallback = true;
        return lambdaCode(l.params(), l.body(), l.span(), false);
    }

    /**
     * A closure: {@code (a, b) -> a + b} when it is typed (its target type gives the interface), else
     * {@code (FnN) (a, b) -> body} with dynamic parameters and result.
     */
    CodeBlock lambdaCode(Expr.Lambda l, boolean withCast) {
        if (types.of(l) instanceof Type.FunctionType f && f.typed() && FunctionShapes.of(f, this::javaType) != null) {
            return typedLambda(l, f);
        }
        return lambdaCode(l.params(), l.body(), l.span(), withCast);
    }

    /**
     * A closure passed where a Java method takes a functional interface: {@code (a, b) -> body} with
     * the interface method's parameter types (the target type gives them), its value converted to
     * the method's result ({@code Math.toIntExact(...)} for {@code Comparator.compare}'s {@code int}),
     * or its statements when the method returns nothing.
     */
    CodeBlock javaLambda(Expr.Lambda l, dev.ruchy.transpiler.types.JavaInterop.Sam sam) {
        java.util.function.BiFunction<CodeBlock, Type, CodeBlock> saved = cx.lambdaReturn;
        typed = new Type.FunctionType(l.params().size(), sam.params(), sam.result());
        pendingReturn = (code, from) -> cx.calls.toJava(code, from, sam.returnType(), sam.bindings());
        List<String> narrow = new ArrayList<>();
        for (String param : sam.method().parameterTypes()) {
            narrow.add(List.of("int", "short", "byte", "float", "char").contains(param) ? param : null);
        }
        narrowAs = narrow.stream().anyMatch(java.util.Objects::nonNull) ? narrow : null;
        try {
            return lambdaCode(l.params(), l.body(), l.span(), false);
        } finally {
            typed = null;
            narrowAs = null;
            pendingReturn = null;
            cx.lambdaReturn = saved;
        }
    }

    /** Per parameter of the Java lambda being started, its Java primitive when narrower than Ruchy's, else null. */
    private List<String> narrowAs;
    /** {@link #narrowAs} handed from {@link #lambdaCodeScoped} to {@link #lambdaCodeInner}. */
    private List<String> paramsNarrow;

    /** The return conversion of the Java lambda being started, read once by {@link #lambdaCodeScoped}. */
    private java.util.function.BiFunction<CodeBlock, Type, CodeBlock> pendingReturn;

    /** A closure as a dynamic {@code FnN} even when it is typed: for the runtime's dynamic calls. */
    CodeBlock dynamicLambdaCode(Expr.Lambda l) {
        return lambdaCode(l.params(), l.body(), l.span(), true);
    }

    private CodeBlock typedLambda(Expr.Lambda l, Type.FunctionType f) {
        typed = f;
        try {
            return lambdaCode(l.params(), l.body(), l.span(), false);
        } finally {
            typed = null;
        }
    }

    /** The typed closure being started, read once by {@link #lambdaCodeScoped}. */
    private Type.FunctionType typed;

    /**
     * A Java lambda taking {@code params} and returning the value of {@code body}: a closure, a
     * local function, or the body of {@code async}/{@code spawn}; {@code span} is where it starts.
     */
    CodeBlock lambdaCode(List<Param> params, Expr body, Span span, boolean withCast) {
        Set<String> outer = cx.scope.mark();
        List<EmitContext.LoopContext> outerLoops = new ArrayList<>(cx.loops);
        cx.loops.clear(); // a closure's body cannot break out of the loops around it
        try {
            return lambdaCodeScoped(params, body, span, withCast);
        } finally {
            cx.scope.reset(outer);
            cx.loops.clear();
            cx.loops.addAll(outerLoops);
        }
    }

    private CodeBlock lambdaCodeScoped(List<Param> lambdaParams, Expr lambdaBody, Span span, boolean withCast) {
        Type.FunctionType typedAs = typed;
        typed = null; // closures inside this one are not it
        paramsNarrow = narrowAs; // read by lambdaCodeInner before any closure inside
        narrowAs = null;
        boolean callback = nextIsCallback;
        nextIsCallback = false;
        boolean savedInCallback = cx.inCallback;
        cx.inCallback = callback;
        java.util.function.BiFunction<CodeBlock, Type, CodeBlock> savedReturn = cx.lambdaReturn;
        cx.lambdaReturn = pendingReturn;
        pendingReturn = null;
        try {
            return lambdaCodeInner(lambdaParams, lambdaBody, span, withCast, typedAs, callback);
        } finally {
            cx.inCallback = savedInCallback;
            cx.lambdaReturn = savedReturn;
        }
    }

    private CodeBlock lambdaCodeInner(List<Param> lambdaParams, Expr lambdaBody, Span span, boolean withCast,
            Type.FunctionType typedAs, boolean callback) {
        List<String> narrowParams = paramsNarrow;
        paramsNarrow = null;
        boolean savedInLambda = cx.inLambda;
        CodeBlock.Builder savedOut = cx.out;
        List<Symbol> closes = closing;
        closing = List.of(); // closures inside this one close nothing of it
        cx.inLambda = true;
        List<CodeBlock> params = new ArrayList<>();
        cx.out = CodeBlock.builder();
        for (int i = 0; i < lambdaParams.size(); i++) {
            Param p = lambdaParams.get(i);
            if (typedAs != null) {
                // the interface gives the parameter its type: `(a, b) -> a + b`
                String narrow = narrowParams != null && i < narrowParams.size() ? narrowParams.get(i) : null;
                if (!(p.pattern() instanceof Pattern.Binding b) || cx.flow.symbolNeedsSpecial(b)) {
                    String raw = cx.scope.allocate("arg");
                    params.add(CodeBlock.of("$N", raw));
                    cx.patterns.bindPattern(p.pattern(), raw, typedAs.params().get(i));
                } else if (narrow != null) {
                    // a Java int (an IntConsumer's) is a Ruchy integer inside: `iArg -> { long i = iArg; ... }`
                    String name = cx.scope.declare(resolution.declaration(b), b.name());
                    String raw = cx.scope.allocate(name + "Arg");
                    params.add(CodeBlock.of("$N", raw));
                    Type t = typedAs.params().get(i);
                    stmt("$T $N = $L", javaType(t), name, narrow.equals("char")
                            ? CodeBlock.of("$T.valueOf($N)", STRING, raw) : CodeBlock.of("$N", raw));
                } else {
                    params.add(CodeBlock.of("$N", cx.scope.declare(resolution.declaration(b), b.name())));
                }
            } else if (p.pattern() instanceof Pattern.Binding b && !cx.flow.symbolNeedsSpecial(b)) {
                Symbol sym = resolution.declaration(b);
                String name = cx.scope.declare(sym, b.name());
                if (sym != null && !callback && !(types.of(sym) instanceof Type.Dyn)) {
                    String raw = cx.scope.allocate(name + "Arg");
                    params.add(CodeBlock.of("$N", raw));
                    stmt("$T $N = $L", javaType(types.of(sym)), name, coerce(CodeBlock.of("$N", raw), Type.DYN,
                            types.of(sym)));
                } else {
                    params.add(CodeBlock.of("$N", name));
                }
            } else {
                String raw = cx.scope.allocate("arg");
                params.add(CodeBlock.of("$N", raw));
                cx.patterns.bindPattern(p.pattern(), raw, Type.DYN);
            }
        }
        String arrayParam = null;
        if (params.size() > 4) {
            // FnN takes an array: `Ops.fn(5, fnArgs -> { var a = fnArgs[0]; ... })`, its count checked by Ops.fn
            CodeBlock.Builder unpack = CodeBlock.builder();
            arrayParam = cx.scope.allocate("fnArgs");
            for (int i = 0; i < params.size(); i++) {
                unpack.addStatement("var $L = $N[$L]", params.get(i), arrayParam, i);
            }
            unpack.add(cx.out.build());
            cx.out = unpack;
        }
        CodeBlock prelude = cx.out.build();
        CodeBlock body;
        cx.out = CodeBlock.builder();
        if (callback) {
            body = callbackBody(prelude, lambdaBody, span, closes);
            cx.out = savedOut;
            cx.inLambda = savedInLambda;
            CodeBlock paramList = params.size() == 1 ? params.get(0) : CodeBlock.of("($L)", CodeBlock.join(params, ", "));
            return CodeBlock.of("$L -> $L", paramList, body);
        }
        // a body on lines of its own stays a block, so its statements keep their Ruchy line for error messages
        boolean ownLines = lambdaBody instanceof Expr.Block b && !b.statements().isEmpty()
                && b.statements().get(0).span().startLine() > span.startLine();
        boolean noValue = typedAs != null && typedAs.result() instanceof Type.Nil;
        if (noValue) {
            // a closure of no value is a void-shaped interface: its body's statements, no `return`
            cx.out.add(prelude);
            int resources = cx.openResources;
            if (lambdaBody instanceof Expr.Block b) {
                b.statements().forEach(cx.statements::statement);
                cx.statements.closeResources(resources);
            } else {
                cx.statements.statement(new Stmt.ExprStmt(lambdaBody, true, lambdaBody.span()));
            }
            body = CodeBlock.builder().add("{\n$>").add(cx.out.build()).add("$<}").build();
        } else if (prelude.isEmpty() && closes.isEmpty() && cx.flow.isExpressible(lambdaBody) && !ownLines
                && !(lambdaBody instanceof Expr.Block b && b.statements().isEmpty())) {
            CodeBlock value = expr(lambdaBody);
            if (cx.lambdaReturn != null) {
                value = cx.lambdaReturn.apply(value, types.of(lambdaBody));
            }
            CodeBlock hoisted = cx.out.build();
            if (hoisted.isEmpty()) {
                body = value;
            } else {
                body = CodeBlock.builder().add("{\n$>").add(hoisted).addStatement("return $L", value).add("$<}").build();
            }
        } else {
            cx.out.add(prelude);
            int resources = cx.openResources;
            tryClosing(closes);
            if (lambdaBody instanceof Expr.Block b) {
                List<Stmt> stmts = b.statements();
                for (int i = 0; i < stmts.size(); i++) {
                    Stmt s = stmts.get(i);
                    if (i == stmts.size() - 1 && s instanceof Stmt.ExprStmt es && DeclarationPrinter.producesValue(es.expr())) {
                        cx.mark(s);
                        cx.flow.valueInto(es.expr(), Sink.RETURN);
                    } else {
                        cx.statements.statement(s);
                    }
                }
                cx.flushComments(b.span().end()); // comments after its last statement stay in it
                cx.statements.closeResources(resources);
                if (typedAs == null && (stmts.isEmpty() || !(stmts.get(stmts.size() - 1) instanceof Stmt.ExprStmt es
                        && DeclarationPrinter.producesValue(es.expr())) || endsWithStatement(stmts))) {
                    if (stmts.isEmpty() || !AstScan.endsAbruptly(stmts.get(stmts.size() - 1))) {
                        stmt("return null");
                    }
                }
            } else {
                cx.flow.valueInto(lambdaBody, Sink.RETURN);
                cx.statements.closeResources(resources);
            }
            body = CodeBlock.builder().add("{\n$>").add(cx.out.build()).add("$<}").build();
        }
        cx.out = savedOut;
        cx.inLambda = savedInLambda;
        if (arrayParam != null) {
            return CodeBlock.of("$T.fn($L, $N -> $L)", OPS, params.size(), arrayParam, body);
        }
        CodeBlock paramList = params.size() == 1 ? params.get(0) : CodeBlock.of("($L)", CodeBlock.join(params, ", "));
        if (typedAs != null) {
            return CodeBlock.of("$L -> $L", params.size() == 1 ? params.get(0) : CodeBlock.of("($L)",
                    CodeBlock.join(params, ", ")), body);
        }
        return withCast ? CodeBlock.of("($T) $L -> $L", RuntimeApi.fn(lambdaParams.size()), paramList, body)
                : CodeBlock.of("$L -> $L", paramList, body);
    }

    static boolean endsWithStatement(List<Stmt> stmts) {
        if (stmts.isEmpty()) {
            return true;
        }
        Stmt last = stmts.get(stmts.size() - 1);
        return last instanceof Stmt.ExprStmt es && (es.expr() instanceof Expr.While || es.expr() instanceof Expr.For);
    }

    /** {@code () -> body}, for {@code async} and {@code spawn}. */
    CodeBlock supplier(Expr body) {
        return lambdaCode(List.of(), body, body.span(), false);
    }

    /** The body of {@code spawn}, closing the resources the task owns ({@link ResourceScopes}) when it ends. */
    CodeBlock spawnBody(Expr.Spawn spawn) {
        closing = cx.resources.closedBy(spawn);
        return supplier(spawn.body());
    }

    /**
     * The body of a {@code spawn} that is a statement of its own, whose value nobody reads: a lambda
     * of statements with no value ({@code Ops.spawn(Runnable)}), as a callback's, closing the
     * resources the task owns when it ends.
     */
    CodeBlock spawnStatementBody(Expr.Spawn spawn) {
        closing = cx.resources.closedBy(spawn);
        nextIsCallback = true;
        return lambdaCode(List.of(), spawn.body(), spawn.body().span(), false);
    }

    /** The resources the lambda being started closes at its end, read once by {@link #lambdaCodeInner}. */
    private List<Symbol> closing = List.of();

    /** Opens {@code try (socket; ...)} for the resources a task owns: closed when its body ends, however it ends. */
    private void tryClosing(List<Symbol> closes) {
        if (!closes.isEmpty()) {
            cx.out.beginControlFlow("try ($L)", CodeBlock.join(closes.stream()
                    .map(sym -> CodeBlock.of("$N", cx.scope.nameOf(sym))).toList(), "; "));
            cx.openResources++;
        }
    }

    /**
     * The body of a callback lambda, which returns nothing: a call on the lambda's own line stays an
     * expression ({@code (req, res) -> res.html(page)}); anything else is a block of statements, and
     * so is a call of a Java {@code void} method ({@code |p| println(p)}), whose value is nil.
     */
    private CodeBlock callbackBody(CodeBlock prelude, Expr lambdaBody, Span span, List<Symbol> closes) {
        boolean call = (lambdaBody instanceof Expr.MethodCall || lambdaBody instanceof Expr.Call)
                && !cx.statements.isVoidCall(lambdaBody);
        if (prelude.isEmpty() && closes.isEmpty() && call && lambdaBody.span().startLine() == span.startLine()) {
            CodeBlock value = expr(lambdaBody);
            CodeBlock hoisted = cx.out.build();
            if (hoisted.isEmpty()) {
                return value;
            }
            return CodeBlock.builder().add("{\n$>").add(hoisted).addStatement("$L", value).add("$<}").build();
        }
        cx.out.add(prelude);
        int resources = cx.openResources;
        tryClosing(closes);
        if (lambdaBody instanceof Expr.Block b) {
            for (Stmt s : b.statements()) {
                cx.statements.statement(s);
            }
        } else {
            cx.statements.statement(new Stmt.ExprStmt(lambdaBody, true, lambdaBody.span()));
        }
        cx.statements.closeResources(resources);
        return CodeBlock.builder().add("{\n$>").add(cx.out.build()).add("$<}").build();
    }
}
