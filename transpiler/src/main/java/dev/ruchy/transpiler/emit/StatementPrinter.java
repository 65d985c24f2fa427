package dev.ruchy.transpiler.emit;

import static dev.ruchy.transpiler.emit.RuntimeApi.CELL;
import static dev.ruchy.transpiler.emit.RuntimeApi.LISTS;
import static dev.ruchy.transpiler.emit.RuntimeApi.OPS;
import static dev.ruchy.transpiler.emit.RuntimeApi.OPTION;
import static dev.ruchy.transpiler.emit.RuntimeApi.RESULT;
import static dev.ruchy.transpiler.emit.RuntimeApi.RUCHY_ERROR;
import static dev.ruchy.transpiler.emit.RuntimeApi.R_OBJECT;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import dev.ruchy.transpiler.ast.BinaryOp;
import dev.ruchy.transpiler.ast.Expr;
import dev.ruchy.transpiler.ast.Nodes;
import dev.ruchy.transpiler.ast.Pattern;
import dev.ruchy.transpiler.ast.Stmt;
import dev.ruchy.transpiler.ast.UnaryOp;
import dev.ruchy.transpiler.code.RuntimeCatalog;
import dev.ruchy.transpiler.code.Symbol;
import dev.ruchy.transpiler.code.Type;
import dev.ruchy.transpiler.lower.Lowering;
import dev.ruchy.transpiler.types.Operators;
import dev.ruchy.transpiler.types.TypeInference;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import javax.lang.model.element.Modifier;

/** Statements: {@code let}, assignments and compound assignments, expressions evaluated for their effect, {@code return}, {@code break}. */
final class StatementPrinter extends Printer {
    StatementPrinter(EmitContext cx) {
        super(cx);
    }

    void statement(Stmt s) {
        switch (s) {
            case Stmt.ExprStmt e -> {
                cx.mark(s);
                effect(e.expr());
            }
            case Stmt.Let let -> {
                if (cx.hoistedLets.contains(let)) {
                    cx.flushComments(s.span().start()); // its value is in the field's declaration
                } else {
                    cx.mark(s);
                    let(let);
                }
            }
            case Stmt.Fun f -> {
                cx.mark(s);
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

    /**
     * Whether {@code let v = f()?} is written as a record pattern that falls through with {@code v}
     * bound or returns the error, rather than through {@code Ops.tryUnwrap}: a plain local whose
     * operand is statically an Option or a Result.
     */
    boolean returnsEarlyByPattern(Stmt.Let let) {
        if (!(let.init() instanceof Expr.Try t && let.pattern() instanceof Pattern.Binding b)) {
            return false;
        }
        Symbol sym = resolution.declaration(b);
        return sym != null && !sym.needsCell() && !sym.isGlobal() && earlyReturnPattern(types.of(t.operand())) != null;
    }

    void let(Stmt.Let let) {
        if (let.pattern() instanceof Pattern.Binding b && cx.constantLocals.isConstant(let)) {
            constantField(resolution.declaration(b), b.name(), let.init());
            return;
        }
        if (let.pattern() instanceof Pattern.Binding b) {
            Symbol sym = resolution.declaration(b);
            if (let.init() == null) {
                declareVariable(sym, b.name(), null, Type.NIL);
                return;
            }
            if (let.init() instanceof Expr.Try t && returnsEarlyByPattern(let)) {
                // `let v = f()?`: a record pattern that falls through with `v` bound, or returns the error
                String value = cx.scope.allocate(Names.camelCase(b.name()) + "Result");
                stmt("var $N = $L", value, expr(t.operand()));
                String name = cx.scope.declare(sym, b.name());
                cx.out.beginControlFlow("if (!($N instanceof $T(var $N)))", value,
                        earlyReturnPattern(types.of(t.operand())), name);
                if (cx.inLambda) {
                    stmt("return $N", value);
                } else if (cx.resultVoid) {
                    stmt("return");
                } else {
                    stmt("return $T.propagate($N)", OPS, value);
                }
                cx.out.endControlFlow();
                return;
            }
            if (let.init() instanceof Expr.Comprehension c && sym != null && !sym.needsCell() && !sym.isGlobal()
                    && javaType(types.of(sym)).equals(javaType(types.of(c)))) {
                cx.flow.comprehensionInto(c, cx.scope.declare(sym, b.name()), true);
                return;
            }
            if (!cx.flow.isExpressible(let.init())) {
                String name = declareVariableUninitialized(sym, b.name());
                cx.flow.valueInto(let.init(), Sink.assign(name, sym == null ? types.of(let.init()) : varType(sym),
                        sym != null && sym.needsCell()));
                return;
            }
            if (cx.resources.closesAtBlockEnd(let)) {
                // a socket used only in this block: closed when it ends, as Ruchy does
                CodeBlock value = expr(let.init());
                cx.out.beginControlFlow("try (var $N = $L)", cx.scope.declare(sym, b.name()), value);
                cx.openResources++;
                return;
            }
            String firstField = sym == null ? null : types.jsonObject(sym);
            if (firstField != null && !sym.needsCell()) {
                // parsed JSON the program only uses as an object: checked here, as its first field access would be
                stmt("var $N = $T.expect($L, $S)", cx.scope.declare(sym, b.name()), R_OBJECT, expr(let.init()), firstField);
                return;
            }
            if (cx.intCounters.isInt(let)) {
                // a counter that only indexes arrays: an int, written out beside `var x = 0L`;
                // the JIT checks it against the arrays' bounds once per loop
                stmt("int $N = $L", cx.scope.declare(sym, b.name()), ((Expr.IntLit) let.init()).value());
                return;
            }
            declareVariable(sym, b.name(), let.init(), types.of(let.init()));
            return;
        }
        Type t = types.of(let.init());
        CodeBlock value = cx.flow.exprOrHoist(let.init());
        String tmp = cx.scope.allocate("value");
        stmt("var $N = $L", tmp, value);
        if (let.elseBlock() != null) {
            CodeBlock test = cx.patterns.patternTest(let.pattern(), CodeBlock.of("$N", tmp), t);
            cx.out.beginControlFlow("if (!($L))", test);
            blockStatements(let.elseBlock());
            cx.out.endControlFlow();
        }
        cx.patterns.bindPattern(let.pattern(), tmp, t);
    }

    Type varType(Symbol sym) {
        return types.of(sym);
    }

    /** Declares a variable (field for globals) and assigns its initial value. */
    void declareVariable(Symbol sym, String rubyName, Expr init, Type initType) {
        if (sym == null) {
            String name = cx.scope.allocate(Names.camelCase(rubyName));
            stmt("var $N = $L", name, init == null ? "null" : expr(init));
            return;
        }
        Type t = types.of(sym);
        CodeBlock value = init == null ? cx.coercions.defaultValue(t)
                : init instanceof Expr.ArrayLit a && a.elements().isEmpty() ? cx.expressions.emptyArray(t) // takes t
                : coerce(expr(init), initType, t);
        if (sym.isGlobal()) {
            stmt("$N = $L", cx.globalName(sym), value);
            return;
        }
        String name = cx.scope.declare(sym, rubyName);
        if (sym.needsCell()) {
            stmt("var $N = new $T<$T>($L)", name, CELL, javaType(t).box(), value);
        } else if (init != null && canUseVar(t, initType, init)) {
            stmt("var $N = $L", name, value);
        } else {
            stmt("$T $N = $L", javaType(t), name, value);
        }
    }

    String declareVariableUninitialized(Symbol sym, String rubyName) {
        if (sym == null) {
            String name = cx.scope.allocate(Names.camelCase(rubyName));
            stmt("$T $N", OBJECT, name);
            return name;
        }
        if (sym.isGlobal()) {
            return cx.globalName(sym);
        }
        String name = cx.scope.declare(sym, rubyName);
        if (sym.needsCell()) {
            stmt("var $N = new $T<$T>(null)", name, CELL, javaType(types.of(sym)).box());
        } else {
            stmt("$T $N", javaType(types.of(sym)), name);
        }
        return name;
    }

    boolean canUseVar(Type declared, Type init, Expr initExpr) {
        if (!declared.equals(init)) {
            return false;
        }
        if (initExpr instanceof Expr.NilLit || init instanceof Type.Nil) {
            return false;
        }
        if (declared instanceof Type.FunctionType f && f.typed()) {
            return false; // a lambda needs its interface: `LongBinaryOperator add = (a, b) -> a + b`
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

    void localFunction(Stmt.Fun f) {
        Symbol sym = resolution.declaration(f);
        String name = cx.scope.declare(sym, f.name());
        stmt("$T $N = $L", RuntimeApi.fn(f.params().size()), name,
                cx.lambdas.lambdaCode(f.params(), f.body(), f.span(), false));
    }

    /** An expression evaluated for its effect; control flow becomes Java statements. */
    void effect(Expr e) {
        switch (e) {
            case Expr.If i -> cx.flow.ifStatement(i, Sink.DISCARD);
            case Expr.IfLet i -> cx.flow.ifLet(i, Sink.DISCARD);
            case Expr.Match m -> cx.flow.match(m, Sink.DISCARD);
            case Expr.While w -> cx.flow.whileLoop(w);
            case Expr.WhileLet w -> cx.flow.whileLet(w);
            case Expr.For f -> cx.flow.forLoop(f);
            case Expr.Loop l -> cx.flow.loop(l, null, null);
            // `?` in the body returns its error as the task's value: that needs the Fn0 form
            case Expr.Spawn s when Nodes.any(s.body(), n -> n instanceof Expr.Try) ->
                    stmt("$T.spawn($L)", OPS, cx.lambdas.spawnBody(s));
            case Expr.Spawn s -> stmt("$T.spawn($L)", OPS, cx.lambdas.spawnStatementBody(s));
            case Expr.Block b -> {
                cx.out.beginControlFlow("");
                blockStatements(b);
                cx.out.endControlFlow();
            }
            case Expr.TryCatch t -> cx.flow.tryCatch(t, Sink.DISCARD);
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
            case Expr.Comprehension c -> {
                CodeBlock code = cx.flow.exprOrHoist(c);
                stmt("$T.discard($L)", OPS, code);
            }
            case Expr.Call c -> stmt("$L", cx.calls.asStatement(c, () -> cx.calls.call(c)));
            case Expr.MethodCall m -> stmt("$L", cx.calls.asStatement(m, () -> cx.calls.methodCall(m)));
            case Expr.MacroCall m -> stmt("$L", cx.calls.macro(m));
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
    CodeBlock voidAsNil(Expr call, CodeBlock code) {
        if (!isVoidCall(call)) {
            return code;
        }
        stmt("$L", code);
        return NIL;
    }

    boolean isVoidCall(Expr call) {
        if (types.javaSite(call) instanceof dev.ruchy.transpiler.types.JavaSite js && js.resolved() && js.isCall()) {
            return js.kind() != dev.ruchy.transpiler.types.JavaSite.Kind.CONSTRUCTOR && js.result() instanceof Type.Nil;
        }
        Stmt.Fun target = switch (call) {
            case Expr.Call c when c.callee() instanceof Expr.Ident id && cx.symbolOf(id) != null
                    && cx.symbolOf(id).kind() == Symbol.Kind.FUNCTION && !cx.scope.declares(cx.symbolOf(id))
                    && cx.symbolOf(id).declaration() instanceof Stmt.Fun f -> f;
            case Expr.Call c when c.callee() instanceof Expr.Path p && p.segments().size() == 2 ->
                    cx.calls.findMethod(p.segments().get(0), p.segments().get(1));
            case Expr.MethodCall m when types.of(m.receiver()) instanceof Type.Named n -> cx.calls.findMethod(n.name(), m.name());
            default -> null;
        };
        if (target != null) {
            TypeInference.Signature sig = types.signature(target);
            boolean constructor = resolution.classes().values().stream().anyMatch(c -> c.constructors().contains(target));
            return !constructor && sig != null && (!sig.returnsValue() || sig.result() instanceof Type.Nil);
        }
        if (call instanceof Expr.Call c && c.callee() instanceof Expr.Ident id && cx.symbolOf(id) != null
                && types.of(cx.symbolOf(id)) instanceof Type.FunctionType f && f.typed()) {
            return f.result() instanceof Type.Nil; // a typed closure of no value: `greet.accept(name)`
        }
        if (call instanceof Expr.Call c && c.callee() instanceof Expr.Ident id && cx.symbolOf(id) != null
                && types.of(cx.symbolOf(id)) instanceof Type.RuntimeClass rc) {
            // `next()` in a middleware: the class's `call` member
            RuntimeCatalog.Member member = RuntimeCatalog.standard().member(rc.alias(), "call",
                    TypeInference.closureArities(c.args()));
            return member != null && member.result() instanceof Type.Nil;
        }
        if (call instanceof Expr.Call c && c.callee() instanceof Expr.Ident id && cx.symbolOf(id) == null) {
            return CallPrinter.isVoidBuiltin(id.name());
        }
        if (call instanceof Expr.MacroCall m) {
            return CallPrinter.BUILTIN_MACROS.contains(m.name()) && CallPrinter.isVoidBuiltin(m.name());
        }
        if (call instanceof Expr.MethodCall m && types.of(m.receiver()) instanceof Type.RuntimeClass rc) {
            RuntimeCatalog.Member member = TypeInference.typedMember(rc, m.name(), m.args(), resolution);
            return member != null && member.result() instanceof Type.Nil; // `server.listen()` is void
        }
        if (call instanceof Expr.MethodCall m && cx.calls.fastPath(m) != null) {
            return types.of(m) instanceof Type.Nil; // a Java template of no value: `Lists.push(xs, x)`
        }
        return false;
    }

    static boolean isStatementExpression(Expr e) {
        return e instanceof Expr.Call || e instanceof Expr.MethodCall || e instanceof Expr.MacroCall
                || e instanceof Expr.Spawn || e instanceof Expr.Await;
    }

    static boolean isPure(Expr e) {
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
    void blockStatements(Expr.Block b) {
        Set<String> outer = cx.scope.mark();
        int resources = cx.openResources;
        for (Stmt s : b.statements()) {
            statement(s);
            if (AstScan.endsAbruptly(s)) {
                break; // what follows can never run, and Java rejects unreachable statements
            }
        }
        cx.flushComments(b.span().end()); // comments after its last statement stay in it
        closeResources(resources);
        cx.scope.reset(outer);
    }

    /**
     * Ends the try-with-resources blocks a statement list opened for its resources
     * ({@link ResourceScopes}): every list of statements notes {@link EmitContext#openResources} before
     * its first statement and calls this after its last.
     */
    void closeResources(int mark) {
        while (cx.openResources > mark) {
            cx.out.endControlFlow();
            cx.openResources--;
        }
    }

    void returnStatement(Expr.Return r) {
        if (cx.inLambda && !cx.inCallback) {
            stmt("return $L", r.value() == null ? "null" : expr(r.value()));
            return;
        }
        if (cx.resultVoid || cx.inCallback) {
            if (r.value() != null && !isPure(r.value())) {
                effect(r.value());
            }
            stmt("return");
            return;
        }
        if (r.value() == null) {
            stmt("return $L", cx.coercions.defaultValue(cx.resultType));
            return;
        }
        if (!cx.flow.isExpressible(r.value())) {
            cx.flow.valueInto(r.value(), Sink.RETURN);
            return;
        }
        stmt("return $L", coerce(expr(r.value()), types.of(r.value()), cx.resultType));
    }

    void breakStatement(Expr.Break b) {
        EmitContext.LoopContext target = findLoop(b.label());
        if (target == null) {
            // no loop of this function or closure to leave: Ruchy's run-time error (semantics §6.1)
            stmt("throw $T.runtime($S)", RUCHY_ERROR, "Break outside of loop");
            return;
        }
        if (b.value() != null && target.valueTarget() != null) {
            stmt("$N = $L", target.valueTarget(),
                    coerce(expr(b.value()), types.of(b.value()), target.valueType()));
        } else if (b.value() != null && !isPure(b.value())) {
            effect(b.value()); // the loop's value is not used, but computing it may do something
        }
        if (b.label() != null) {
            stmt("break $L", javaLabel(b.label()));
        } else {
            stmt("break");
        }
    }

    EmitContext.LoopContext findLoop(String label) {
        for (EmitContext.LoopContext c : cx.loops) {
            if (label == null || label.equals(c.rubyLabel())) {
                return c;
            }
        }
        return null;
    }

    static String javaLabel(String rubyLabel) {
        return Names.camelCase(rubyLabel);
    }

    void assign(Expr.Assign a) {
        Expr target = a.target();
        switch (target) {
            case Expr.Ident id -> {
                Symbol sym = cx.symbolOf(id);
                Type t = sym == null ? Type.DYN : types.of(sym);
                if (sym != null && !sym.needsCell() && !cx.scope.declares(sym) && !sym.isGlobal()) {
                    // first assignment creates the variable (Ruchy semantics); its value is evaluated once
                    if (cx.flow.isExpressible(a.value())) {
                        declareVariable(sym, id.name(), a.value(), types.of(a.value()));
                    } else {
                        cx.flow.valueInto(a.value(), Sink.assign(declareVariableUninitialized(sym, id.name()), t, false));
                    }
                    return;
                }
                if (sym != null && cx.sharedGlobals.isUpdate(a) && cx.flow.isExpressible(a.value())) {
                    sharedUpdate(a, sym, t);
                    return;
                }
                CodeBlock value = coerce(cx.flow.exprOrHoist(a.value()), types.of(a.value()), t);
                if (sym != null && sym.needsCell()) {
                    stmt("$N.set($L)", cx.nameOf(sym, id.name()), value);
                } else {
                    stmt("$N = $L", sym == null ? Names.camelCase(id.name()) : cx.nameOf(sym, id.name()), value);
                }
            }
            case Expr.Field f -> {
                Type receiver = types.of(f.receiver());
                CodeBlock value = cx.flow.exprOrHoist(a.value());
                if (types.javaSite(f) instanceof dev.ruchy.transpiler.types.JavaSite js && js.resolved()
                        && !js.field().member().isFinal()) {
                    // a public field of a Java object: `p.x = 5` (an int field narrowed)
                    stmt("$L.$N = $L", cx.expressions.parenthesized(f.receiver()), f.name(), cx.calls.toJava(value,
                            types.of(a.value()), dev.ruchy.transpiler.interop.TypeText.parse(js.field().member().type()),
                            js.field().bindings()));
                } else if (receiver instanceof Type.Named n && cx.structsAsClasses.contains(n.name())) {
                    Type ft = structFieldType(n.name(), f.name());
                    stmt("$L.$N = $L", receiverCode(f.receiver()), Names.camelCase(f.name()),
                            coerce(value, types.of(a.value()), ft));
                } else if (receiver instanceof Type.RuntimeClass rc
                        && RuntimeCatalog.standard().runtimeClass(rc.alias()).open()
                        && RuntimeCatalog.standard().field(rc.alias(), f.name()) == null) {
                    // `req.user = x`: a field of the request's own, in its map view
                    stmt("$L.put($S, $L)", cx.expressions.parenthesized(f.receiver()), f.name(), value);
                } else if (receiver instanceof Type.ObjectType && !types.mayBeNil(f.receiver())) {
                    stmt("$L.set($S, $L)", cx.expressions.parenthesized(f.receiver()), f.name(), value);
                } else {
                    stmt("$T.setField($L, $S, $L)", OPS, expr(f.receiver()), f.name(), value);
                }
            }
            case Expr.Index i -> assignIndex(i, a.value());
            case Expr.TupleLit t -> throw Lowering.notLowered(a);
            default -> stmt("throw $T.unsupported($S)", RUCHY_ERROR, "this assignment target");
        }
    }

    /**
     * {@code xs[i] = v}; an array of floats or integers is written unboxed (Lists.setDouble/setLong),
     * one of another known element type with {@code Lists.set}, anything else with {@code Ops.setIndex}.
     */
    void assignIndex(Expr.Index i, Expr value) {
        if (types.of(i.target()) instanceof Type.ListType l && types.of(i.index()) instanceof Type.Int
                && (l.element() instanceof Type.Float || l.element() instanceof Type.Int)
                && types.of(value).equals(l.element())) {
            CodeBlock row = cx.rows.write(i.target()); // a row a loop around read once, or null
            CodeBlock target = row != null ? row : expr(i.target());
            CodeBlock index = cx.flow.intOperand(i.index());
            stmt("$T.$N($L, $L, $L)", LISTS, l.element() instanceof Type.Float ? "setDouble" : "setLong", target, index,
                    cx.flow.exprOrHoist(value));
            return;
        }
        if (types.of(i.target()) instanceof Type.ListType l && types.of(i.index()) instanceof Type.Int
                && types.of(value).equals(l.element()) && !(l.element() instanceof Type.Dyn)) {
            stmt("$T.set($L,$W$L,$W$L)", LISTS, expr(i.target()), cx.flow.intOperand(i.index()),
                    coerce(cx.flow.exprOrHoist(value), types.of(value), l.element()));
            return;
        }
        stmt("$T.setIndex($L,$W$L,$W$L)", OPS, expr(i.target()), expr(i.index()), cx.flow.exprOrHoist(value));
    }

    /** A lookup table made once ({@link ConstantLocals}): {@code private static final RObject SERVICES = RObject.of(...)}. */
    private void constantField(Symbol sym, String rubyName, Expr init) {
        String name = Names.constantCase(rubyName);
        String base = name;
        for (int n = 2; cx.fieldNameTaken(name); n++) {
            name = base + n;
        }
        cx.constantFields.put(sym, name);
        cx.constantFieldSpecs.add(FieldSpec.builder(javaType(types.of(sym)), name, Modifier.PRIVATE, Modifier.STATIC,
                Modifier.FINAL).initializer(coerce(expr(init), types.of(init), types.of(sym))).build());
    }

    /**
     * {@code x = f(x)} on a top-level variable handlers or tasks update at once: read and written in
     * one step under the class's monitor; the statements after it that read {@code x} read the value
     * written, kept in a local ({@link SharedGlobals}).
     */
    private void sharedUpdate(Expr.Assign a, Symbol sym, Type t) {
        String field = cx.globalName(sym);
        CodeBlock value = coerce(expr(a.value()), types.of(a.value()), t);
        Set<Expr.Ident> reads = cx.sharedGlobals.readsAfter(a);
        if (reads.isEmpty()) {
            cx.out.beginControlFlow("synchronized ($T.class)", cx.self);
            stmt("$N = $L", field, value);
            cx.out.endControlFlow();
            return;
        }
        String local = cx.scope.allocate("updated" + Character.toUpperCase(field.charAt(0)) + field.substring(1));
        stmt("$T $N", javaType(t), local);
        cx.out.beginControlFlow("synchronized ($T.class)", cx.self);
        stmt("$N = $L", field, value);
        stmt("$N = $N", local, field);
        cx.out.endControlFlow();
        for (Expr.Ident read : reads) {
            cx.updatedValues.put(read, local);
        }
    }

    CodeBlock receiverCode(Expr receiver) {
        if (receiver instanceof Expr.Ident id && id.name().equals("self")) {
            return CodeBlock.of("this");
        }
        return expr(receiver);
    }

    Type structFieldType(String struct, String field) {
        Stmt.Struct st = resolution.structs().get(struct);
        if (st != null) {
            for (Stmt.FieldDecl f : st.fields()) {
                if (f.name().equals(field)) {
                    return cx.declarations.fieldType(f);
                }
            }
        }
        Stmt.Class c = resolution.classes().get(struct);
        if (c != null) {
            for (Stmt.FieldDecl f : c.fields()) {
                if (f.name().equals(field)) {
                    return cx.declarations.fieldType(f);
                }
            }
        }
        return Type.DYN;
    }

    void compoundAssign(Expr.CompoundAssign a) {
        Expr target = a.target();
        if (target instanceof Expr.Ident id && cx.sharedGlobals.contains(cx.symbolOf(id))) {
            // a top-level variable handlers or tasks update at once: one step under the class's monitor;
            // an operand that may block (a call) is evaluated before the monitor is taken
            CodeBlock operand = isPure(a.value()) ? null : evaluatedFirst(expr(a.value()), a.value(), "operand");
            cx.out.beginControlFlow("synchronized ($T.class)", cx.self);
            identCompoundAssign(a, id, operand);
            cx.out.endControlFlow();
            return;
        }
        if (target instanceof Expr.Ident id) {
            identCompoundAssign(a, id, null);
            return;
        }
        compoundAssignElement(a);
    }

    /** {@code x op= value} on a variable; {@code operand}, when given, is the value already evaluated. */
    private void identCompoundAssign(Expr.CompoundAssign a, Expr.Ident id, CodeBlock operand) {
        Type targetType = types.of(a.target());
        Type valueType = types.of(a.value());
        Symbol sym = cx.symbolOf(id);
        String name = sym == null ? Names.camelCase(id.name()) : cx.nameOf(sym, id.name());
        boolean cell = sym != null && sym.needsCell();
        CodeBlock current = cell ? CodeBlock.of("$N.get()", name) : CodeBlock.of("$N", name);
        boolean javaOp = (a.op() == BinaryOp.ADD || a.op() == BinaryOp.SUB || a.op() == BinaryOp.MUL)
                && (targetType instanceof Type.Int && valueType instanceof Type.Int
                || targetType instanceof Type.Float && valueType.isNumeric())
                || a.op() == BinaryOp.ADD && targetType instanceof Type.Str && valueType instanceof Type.Str;
        if (javaOp && !cell && !(cx.checkedArithmetic && targetType instanceof Type.Int)) {
            stmt("$N $L= $L", name, a.op().symbol(), operand != null ? operand : cx.flow.intOperand(a.value()));
            return;
        }
        CodeBlock value = cx.operators.print(types.operation(a), current, operand != null ? operand : expr(a.value()));
        Type variableType = sym == null ? Type.DYN : types.of(sym);
        Type opType = types.of(a);
        if (cell) {
            stmt("$N.set($L)", name, coerce(value, opType, variableType));
        } else {
            stmt("$N = $L", name, coerce(value, opType, variableType));
        }
    }

    /** {@code x.f op= value} and {@code xs[i] op= value}. */
    private void compoundAssignElement(Expr.CompoundAssign a) {
        Expr target = a.target();
        Type valueType = types.of(a.value());
        if (target instanceof Expr.Field f) {
            Type receiver = types.of(f.receiver());
            if (receiver instanceof Type.Named n && cx.structsAsClasses.contains(n.name())) {
                Type ft = structFieldType(n.name(), f.name());
                // one step under the struct's monitor: the struct may be shared by threads, as objects are
                CodeBlock struct = evaluatedFirst(receiverCode(f.receiver()), f.receiver(), "target");
                // literals, variables and their fields are read under the monitor; anything else (a call
                // that may block) is evaluated before it is taken
                boolean cheap = isPure(a.value()) || a.value() instanceof Expr.Field vf && isPure(vf.receiver());
                CodeBlock operand = cheap ? expr(a.value()) : evaluatedFirst(expr(a.value()), a.value(), "operand");
                CodeBlock field = CodeBlock.of("$L.$N", struct, Names.camelCase(f.name()));
                cx.out.beginControlFlow("synchronized ($L)", struct);
                if (ft.isNumeric() && valueType.isNumeric() && (a.op() == BinaryOp.ADD || a.op() == BinaryOp.SUB
                        || a.op() == BinaryOp.MUL) && (ft instanceof Type.Float || valueType instanceof Type.Int)) {
                    stmt("$L $L= $L", field, a.op().symbol(), operand);
                } else {
                    CodeBlock value = cx.operators.print(types.operation(a), field, operand);
                    stmt("$L = $L", field, coerce(value, Operators.resultType(a.op(), ft, valueType), ft));
                }
                cx.out.endControlFlow();
                return;
            }
            // atomic on an object many threads change (`counter.n += 1` in a request handler)
            CodeBlock obj = evaluatedFirst(expr(f.receiver()), f.receiver(), "target");
            CodeBlock operand = updateOperand(a.value());
            String old = cx.scope.allocate("old");
            stmt("$T.updateField($L, $S, $N -> $T.$L($N, $L))", OPS, obj, f.name(), old, OPS, Operators.dynamicMethod(a.op(), cx.checkedArithmetic), old, operand);
            return;
        }
        if (target instanceof Expr.Index i && types.of(i.target()) instanceof Type.ListType l
                && (l.element() instanceof Type.Float || l.element() instanceof Type.Int)
                && types.of(i.index()) instanceof Type.Int && valueType.isNumeric()
                && Operators.resultType(a.op(), l.element(), valueType).equals(l.element())) {
            // an element of an array of numbers, typed: one step under the array's monitor, as
            // Ops.updateIndex takes it (xs[i] += k is one update even when threads share the array)
            // the array in a local unless it is a variable nothing reassigns: the monitor taken and the
            // element read and written must be the same array's
            Symbol array = i.target() instanceof Expr.Ident id ? cx.symbolOf(id) : null;
            CodeBlock container = array != null && !array.isReassigned() && !array.needsCell()
                    ? expr(i.target()) : intoLocal(expr(i.target()), "target");
            CodeBlock index = evaluatedFirst(cx.flow.intOperand(i.index()), i.index(), "index");
            boolean cheap = isPure(a.value());
            CodeBlock operand = cheap ? expr(a.value()) : evaluatedFirst(expr(a.value()), a.value(), "operand");
            String kind = l.element() instanceof Type.Float ? "Double" : "Long";
            CodeBlock old = CodeBlock.of("$T.get$L($L, $L)", LISTS, kind, container, index);
            cx.out.beginControlFlow("synchronized ($L)", container);
            stmt("$T.set$L($L, $L, $L)", LISTS, kind, container, index, cx.operators.print(types.operation(a), old, operand));
            cx.out.endControlFlow();
            return;
        }
        if (target instanceof Expr.Index i) {
            CodeBlock container = evaluatedFirst(expr(i.target()), i.target(), "target");
            CodeBlock index = evaluatedFirst(expr(i.index()), i.index(), "index");
            CodeBlock operand = updateOperand(a.value());
            String old = cx.scope.allocate("old");
            stmt("$T.updateIndex($L, $L, $N -> $T.$L($N, $L))", OPS, container, index, old, OPS, Operators.dynamicMethod(a.op(), cx.checkedArithmetic), old, operand);
            return;
        }
        stmt("throw $T.unsupported($S)", RUCHY_ERROR, "this assignment target");
    }

    /** {@code code} of {@code e}, put in a local first unless {@code e} is pure: it keeps its place in the evaluation order. */
    CodeBlock evaluatedFirst(CodeBlock code, Expr e, String name) {
        return isPure(e) ? code : intoLocal(code, name);
    }

    /** {@code var name = code;} with a fresh name; the local's name as code. */
    CodeBlock intoLocal(CodeBlock code, String name) {
        String tmp = cx.scope.allocate(name);
        stmt("var $N = $L", tmp, code);
        return CodeBlock.of("$N", tmp);
    }

    /**
     * The right side of a compound assignment to a field or element, for the update function: a
     * literal or a variable never reassigned as it is, anything else evaluated first into a local (the
     * function runs under a lock and may only capture effectively final locals).
     */
    CodeBlock updateOperand(Expr value) {
        if (value instanceof Expr.IntLit || value instanceof Expr.FloatLit || value instanceof Expr.StringLit) {
            return expr(value);
        }
        Symbol sym = value instanceof Expr.Ident id ? cx.symbolOf(id) : null;
        if (sym != null && !sym.isReassigned() && !sym.isGlobal()) {
            return expr(value); // effectively final in Java
        }
        return intoLocal(expr(value), "operand");
    }

    /** The record that carries the value through {@code ?} for a statically typed operand, or null. */
    static ClassName earlyReturnPattern(Type operand) {
        if (operand instanceof Type.ResultType) {
            return RESULT.nestedClass("Ok");
        }
        if (operand instanceof Type.OptionType) {
            return OPTION.nestedClass("Some");
        }
        return null;
    }
}
