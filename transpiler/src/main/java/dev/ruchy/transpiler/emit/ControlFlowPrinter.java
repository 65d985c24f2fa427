package dev.ruchy.transpiler.emit;

import static dev.ruchy.transpiler.emit.RuntimeApi.LISTS;
import static dev.ruchy.transpiler.emit.RuntimeApi.OPS;
import static dev.ruchy.transpiler.emit.RuntimeApi.RUCHY_ERROR;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.ruchy.transpiler.ast.Expr;
import dev.ruchy.transpiler.ast.Pattern;
import dev.ruchy.transpiler.ast.Stmt;
import dev.ruchy.transpiler.code.Symbol;
import dev.ruchy.transpiler.code.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Control flow: {@code if}, {@code match}, loops, {@code try}, comprehensions, and expressions that need statements, delivered to a {@link Sink}. */
final class ControlFlowPrinter extends Printer {
    private final SwitchPrinter switches;

    ControlFlowPrinter(EmitContext cx) {
        super(cx);
        this.switches = new SwitchPrinter(cx);
    }

    /**
     * Whether {@code for x in iterable} over a typed array may loop over the array itself rather than
     * a snapshot (Ruchy loops over the elements as they were when the loop began, and Java's iterator
     * fails on a change): only an array literal, or a local variable that no closure captures, that
     * is not top-level and that the loop body does not mention (so neither the body nor anything it
     * calls can change it). Parameters, fields, elements and call results may be shared with other
     * code and threads.
     */
    boolean iteratesInPlace(Expr iterable, Expr body) {
        if (iterable instanceof Expr.ArrayLit) {
            return true;
        }
        Symbol sym = iterable instanceof Expr.Ident id ? cx.symbolOf(id) : null;
        return sym != null && sym.kind() == Symbol.Kind.VARIABLE && !sym.isCaptured() && !sym.isGlobal()
                && !AstScan.any(body, n -> n instanceof Expr.Ident other && cx.symbolOf(other) == sym);
    }

    /** Emits statements that deliver the value of {@code e} to {@code sink}. */
    void valueInto(Expr e, Sink sink) {
        if (sink.kind() == Sink.Kind.DISCARD) {
            cx.statements.effect(e);
            return;
        }
        switch (e) {
            case Expr.If i -> ifStatement(i, sink);
            case Expr.IfLet i -> ifLet(i, sink);
            case Expr.Match m -> match(m, sink);
            case Expr.Block b -> {
                List<Stmt> stmts = b.statements();
                int resources = cx.openResources;
                for (int k = 0; k < stmts.size(); k++) {
                    Stmt s = stmts.get(k);
                    if (k == stmts.size() - 1 && s instanceof Stmt.ExprStmt es) {
                        cx.mark(s);
                        valueInto(es.expr(), sink);
                    } else {
                        cx.statements.statement(s);
                    }
                }
                cx.flushComments(b.span().end()); // comments after its last statement stay in it
                if (stmts.isEmpty() || !(stmts.get(stmts.size() - 1) instanceof Stmt.ExprStmt)) {
                    deliver(NIL, Type.NIL, sink);
                }
                cx.statements.closeResources(resources);
            }
            case Expr.TryCatch t -> tryCatch(t, sink);
            case Expr.Loop l when !AstScan.breaksOut(l) -> loop(l, null, null);
            case Expr.Loop l -> {
                if (sink.kind() == Sink.Kind.ASSIGN && !sink.cell()) {
                    loop(l, sink.target(), sink.type());
                } else {
                    Type t = types.of(l).isUnknown() || types.of(l) instanceof Type.Nil ? Type.DYN : types.of(l);
                    String tmp = cx.scope.allocate("result");
                    stmt("$T $N = $L", javaType(t), tmp, cx.coercions.defaultValue(t));
                    loop(l, tmp, t);
                    deliver(CodeBlock.of("$N", tmp), t, sink);
                }
            }
            case Expr.Return r -> cx.statements.returnStatement(r);
            case Expr.Break b -> cx.statements.breakStatement(b);
            case Expr.Continue c -> cx.statements.effect(c);
            case Expr.Throw t -> cx.statements.effect(t);
            case Expr.While w -> {
                cx.statements.effect(w);
                deliver(NIL, Type.NIL, sink);
            }
            case Expr.For f -> {
                cx.statements.effect(f);
                deliver(NIL, Type.NIL, sink);
            }
            case Expr.Assign a -> {
                cx.statements.effect(a);
                deliver(expr(a.target()), types.of(a.target()), sink);
            }
            case Expr.CompoundAssign a -> {
                cx.statements.effect(a);
                deliver(expr(a.target()), types.of(a.target()), sink);
            }
            default -> deliver(exprOrHoist(e), types.of(e), sink);
        }
    }

    void deliver(CodeBlock code, Type from, Sink sink) {
        switch (sink.kind()) {
            case DISCARD -> {
            }
            case RETURN -> {
                if (cx.inLambda && !cx.inCallback) {
                    stmt("return $L", cx.lambdaReturn == null ? code : cx.lambdaReturn.apply(code, from));
                } else if (cx.resultVoid || cx.inCallback) {
                    if (code != NIL) {
                        stmt("$T.discard($L)", OPS, code);
                    }
                    stmt("return");
                } else {
                    stmt("return $L", coerce(code, from, cx.resultType));
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
            case YIELD -> stmt("yield $L", sink.type() == null ? code : coerce(code, from, sink.type()));
        }
    }

    /** The body of a branch that already has its braces: a block's statements are not wrapped again. */
    void branch(Expr body, Sink sink) {
        if (sink.kind() == Sink.Kind.DISCARD && body instanceof Expr.Block b) {
            cx.statements.blockStatements(b);
        } else {
            valueInto(body, sink);
        }
    }

    void ifStatement(Expr.If i, Sink sink) {
        if (sink.kind() != Sink.Kind.DISCARD && isExpressible(i) && !(i.otherwise() instanceof Expr.If)) {
            deliver(expr(i), types.of(i), sink);
            return;
        }
        cx.out.beginControlFlow("if ($L)", cx.expressions.condition(i.condition()));
        branch(i.then(), sink);
        Expr otherwise = i.otherwise();
        while (otherwise instanceof Expr.If next) {
            cx.out.nextControlFlow("else if ($L)", cx.expressions.condition(next.condition()));
            branch(next.then(), sink);
            otherwise = next.otherwise();
        }
        if (otherwise != null) {
            cx.out.nextControlFlow("else");
            branch(otherwise, sink);
        } else if (sink.kind() != Sink.Kind.DISCARD) {
            cx.out.nextControlFlow("else");
            deliver(NIL, Type.NIL, sink);
        }
        cx.out.endControlFlow();
    }

    void ifLet(Expr.IfLet i, Sink sink) {
        Type t = types.of(i.value());
        String subject = subjectVariable(i.value());
        cx.out.beginControlFlow("if ($L)", cx.patterns.patternTest(i.pattern(), CodeBlock.of("$N", subject), t));
        cx.patterns.bindPattern(i.pattern(), subject, t);
        branch(i.then(), sink);
        if (i.otherwise() != null) {
            cx.out.nextControlFlow("else");
            branch(i.otherwise(), sink);
        } else if (sink.kind() != Sink.Kind.DISCARD) {
            cx.out.nextControlFlow("else");
            deliver(NIL, Type.NIL, sink);
        }
        cx.out.endControlFlow();
    }

    /** The scrutinee in a local, unless it already is a plain variable. */
    String subjectVariable(Expr value) {
        if (value instanceof Expr.Ident id) {
            Symbol sym = cx.symbolOf(id);
            if (sym != null && !sym.needsCell() && !sym.isGlobal() && cx.scope.declares(sym)) {
                return cx.scope.nameOf(sym);
            }
        }
        String tmp = cx.scope.allocate("subject");
        CodeBlock code = exprOrHoist(value);
        if (types.of(value) instanceof Type.Named n && resolution.enums().containsKey(n.name())) {
            // the enum's type, not the variant's `var` would give, so that every variant can be tested
            stmt("$T $N = $L", javaType(types.of(value)), tmp, code);
        } else {
            stmt("var $N = $L", tmp, code);
        }
        return tmp;
    }

    void match(Expr.Match m, Sink sink) {
        if (switches.matchSwitch(m, sink)) {
            return;
        }
        Type t = types.of(m.scrutinee());
        String subject = subjectVariable(m.scrutinee());
        CodeBlock subjectCode = CodeBlock.of("$N", subject);
        boolean anyGuard = m.arms().stream().anyMatch(a -> a.guard() != null);
        if (!anyGuard) {
            boolean first = true;
            boolean exhaustive = false;
            for (Expr.MatchArm arm : m.arms()) {
                boolean always = cx.patterns.irrefutable(arm.pattern());
                CodeBlock test = always ? null : cx.patterns.patternTest(arm.pattern(), subjectCode, t);
                if (first && always) {
                    cx.out.add("{\n$>");
                } else if (first) {
                    cx.out.beginControlFlow("if ($L)", test);
                } else if (always) {
                    cx.out.nextControlFlow("else");
                } else {
                    cx.out.nextControlFlow("else if ($L)", test);
                }
                cx.patterns.bindPattern(arm.pattern(), subject, t);
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
                cx.out.nextControlFlow("else");
                stmt("throw $T.noMatch($L)", RUCHY_ERROR, subjectCode);
            }
            cx.out.endControlFlow();
            return;
        }
        String label = cx.scope.allocate("match");
        boolean needsLabel = sink.kind() != Sink.Kind.RETURN;
        if (needsLabel) {
            cx.out.beginControlFlow("$N:", label);
        }
        boolean exhaustive = false;
        for (Expr.MatchArm arm : m.arms()) {
            boolean always = cx.patterns.irrefutable(arm.pattern());
            CodeBlock test = always ? null : cx.patterns.patternTest(arm.pattern(), subjectCode, t);
            CodeBlock.Builder saved = cx.out;
            cx.out = CodeBlock.builder();
            cx.patterns.bindPattern(arm.pattern(), subject, t);
            CodeBlock declarations = cx.out.build();
            cx.out = saved;
            boolean wrapped = !always || !declarations.isEmpty();
            if (!always) {
                cx.out.beginControlFlow("if ($L)", test);
            } else if (wrapped) {
                cx.out.add("{\n$>");
            }
            cx.out.add(declarations);
            if (arm.guard() != null) {
                cx.out.beginControlFlow("if ($L)", cx.expressions.condition(arm.guard()));
            }
            branch(arm.body(), sink);
            if (needsLabel && !endsAbruptly(arm.body())) {
                stmt("break $N", label);
            }
            if (arm.guard() != null) {
                cx.out.endControlFlow();
            }
            if (!always) {
                cx.out.endControlFlow();
            } else if (wrapped) {
                cx.out.add("$<}\n");
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
            cx.out.endControlFlow();
        }
    }

    static boolean endsAbruptly(Expr e) {
        return e instanceof Expr.Return || e instanceof Expr.Throw || e instanceof Expr.Break || e instanceof Expr.Continue;
    }

    void whileLoop(Expr.While w) {
        String label = w.label() == null ? null : StatementPrinter.javaLabel(w.label());
        var rows = cx.rows.hoist(List.of(w.condition(), w.body()));
        cx.loops.push(new EmitContext.LoopContext(label, w.label(), null, null));
        if (label != null) {
            cx.out.add("$L:\n", label);
        }
        cx.out.beginControlFlow("while ($L)", cx.expressions.condition(w.condition()));
        cx.interruptCheck();
        cx.statements.blockStatements(w.body());
        cx.out.endControlFlow();
        cx.loops.pop();
        cx.rows.end(rows);
    }

    void whileLet(Expr.WhileLet w) {
        String label = w.label() == null ? null : StatementPrinter.javaLabel(w.label());
        cx.loops.push(new EmitContext.LoopContext(label, w.label(), null, null));
        if (label != null) {
            cx.out.add("$L:\n", label);
        }
        cx.out.beginControlFlow("while (true)");
        cx.interruptCheck();
        Type t = types.of(w.value());
        String subject = cx.scope.allocate("next");
        stmt("var $N = $L", subject, expr(w.value()));
        cx.out.beginControlFlow("if (!($L))", cx.patterns.patternTest(w.pattern(), CodeBlock.of("$N", subject), t));
        stmt("break");
        cx.out.endControlFlow();
        cx.patterns.bindPattern(w.pattern(), subject, t);
        cx.statements.blockStatements(w.body());
        cx.out.endControlFlow();
        cx.loops.pop();
    }

    void loop(Expr.Loop l, String valueTarget, Type valueType) {
        String label = l.label() == null ? null : StatementPrinter.javaLabel(l.label());
        cx.loops.push(new EmitContext.LoopContext(label, l.label(), valueTarget, valueType));
        if (label != null) {
            cx.out.add("$L:\n", label);
        }
        cx.out.beginControlFlow("while (true)");
        cx.interruptCheck();
        cx.statements.blockStatements(l.body());
        cx.out.endControlFlow();
        cx.loops.pop();
    }

    void forLoop(Expr.For f) {
        var rows = cx.rows.hoist(List.of(f.body()));
        Set<String> outer = cx.scope.mark();
        forLoopScoped(f);
        cx.scope.reset(outer);
        cx.rows.end(rows);
    }

    /** The locals that are the counters of Java {@code for} loops ({@code i++}): not effectively final. */
    final Set<Symbol> counters = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    /** Whether Java takes local {@code sym} as effectively final: it is never reassigned nor a loop's counter. */
    boolean effectivelyFinal(Symbol sym) {
        return !sym.isReassigned() && !counters.contains(sym);
    }

    void forLoopScoped(Expr.For f) {
        String label = f.label() == null ? null : StatementPrinter.javaLabel(f.label());
        cx.loops.push(new EmitContext.LoopContext(label, f.label(), null, null));
        if (label != null) {
            cx.out.add("$L:\n", label);
        }
        Type iterableType = types.of(f.iterable());
        if (f.iterable() instanceof Expr.Range r && r.start() != null && r.end() != null
                && types.of(r.start()) instanceof Type.Int && types.of(r.end()) instanceof Type.Int
                && f.pattern() instanceof Pattern.Binding b && !symbolNeedsSpecial(b)
                && !(resolution.declaration(b) != null && resolution.declaration(b).isReassigned())
                && !(resolution.declaration(b) != null && resolution.declaration(b).isCaptured())) {
            Symbol sym = resolution.declaration(b);
            String name = cx.scope.declare(sym, b.name());
            counters.add(sym);
            CodeBlock end = intOperand(r.end());
            if (!fixedDuringLoop(r.end())) {
                // Ruchy makes the range once: a bound the body could change is read before the loop
                String endName = cx.scope.allocate(name + "End");
                stmt("var $N = $L", endName, end);
                end = CodeBlock.of("$N", endName);
            }
            cx.out.beginControlFlow("for ($L $N = $L; $N $L $L; $N++)", cx.intCounters.isInt(f) ? "int" : "long",
                    name, intOperand(r.start()), name,
                    r.inclusive() ? "<=" : "<", end, name);
        } else if (f.pattern() instanceof Pattern.Binding b && !symbolNeedsSpecial(b)) {
            Symbol sym = resolution.declaration(b);
            String name = cx.scope.declare(sym, b.name());
            TypeName elementType = sym == null ? OBJECT : javaType(types.of(sym));
            if (iterableType instanceof Type.ListType && !iteratesInPlace(f.iterable(), f.body())) {
                // the body, a closure or another thread may change it meanwhile: loop over the elements as they are now
                cx.out.beginControlFlow("for ($T $N : $T.snapshot($L))", elementType, name, LISTS, expr(f.iterable()));
            } else if (iterableType instanceof Type.ListType) {
                cx.out.beginControlFlow("for ($T $N : $L)", elementType, name, expr(f.iterable()));
            } else if (types.java().iterableElement(iterableType) != null) {
                // a Java Iterable (a Set, a Path, ...): Java's own loop over it
                cx.out.beginControlFlow("for ($T $N : $L)", elementType, name, expr(f.iterable()));
            } else if (iterableType instanceof Type.RangeType && elementType.equals(TypeName.LONG)) {
                cx.out.beginControlFlow("for (long $N : $T.longs($L))", name, OPS, expr(f.iterable()));
            } else {
                String item = cx.scope.allocate("item");
                cx.out.beginControlFlow("for (var $N : $T.iterate($L))", item, OPS, expr(f.iterable()));
                stmt("$T $N = $L", elementType, name, coerce(CodeBlock.of("$N", item), Type.DYN,
                        sym == null ? Type.DYN : types.of(sym)));
            }
        } else {
            String item = cx.scope.allocate("item");
            cx.out.beginControlFlow("for (var $N : $T.iterate($L))", item, OPS, expr(f.iterable()));
            cx.patterns.bindPattern(f.pattern(), item, Type.DYN);
        }
        cx.interruptCheck();
        cx.statements.blockStatements(f.body());
        cx.out.endControlFlow();
        cx.loops.pop();
    }

    /** Whether {@code e} reads the same value every round: a literal, or a local never reassigned. */
    private boolean fixedDuringLoop(Expr e) {
        if (e instanceof Expr.Ident id) {
            Symbol sym = resolution.reference(id);
            return sym != null && !sym.isReassigned() && !sym.needsCell();
        }
        return e instanceof Expr.IntLit;
    }

    /** An integer operand next to a {@code long}: small literals without the {@code L}. */
    CodeBlock intOperand(Expr e) {
        return e instanceof Expr.IntLit i && i.value() == (int) i.value() ? CodeBlock.of("$L", i.value()) : expr(e);
    }

    boolean symbolNeedsSpecial(Pattern.Binding b) {
        Symbol sym = resolution.declaration(b);
        return sym != null && (sym.needsCell() || sym.isGlobal());
    }

    void tryCatch(Expr.TryCatch t, Sink sink) {
        cx.out.beginControlFlow("try");
        branch(t.body(), sink);
        for (Expr.CatchClause c : t.catches()) {
            String error = cx.scope.allocate("error");
            cx.out.nextControlFlow("catch ($T $N)", RUCHY_ERROR, error);
            if (c.pattern() != null) {
                cx.patterns.bindPattern(c.pattern(), CodeBlock.of("$N.caught()", error), Type.DYN);
            }
            branch(c.body(), sink);
        }
        if (t.finallyBlock() != null) {
            cx.out.nextControlFlow("finally");
            cx.statements.blockStatements(t.finallyBlock());
        }
        cx.out.endControlFlow();
    }

    /** Whether {@code e} can be written as one Java expression (no statements inside). */
    boolean isExpressible(Expr e) {
        return switch (e) {
            case Expr.Block b -> b.statements().size() == 1 && b.statements().get(0) instanceof Stmt.ExprStmt es
                    && isExpressible(es.expr());
            // a branch ending in a void call runs that call as a statement: only inside its branch
            case Expr.If i -> i.otherwise() != null && isExpressible(i.condition()) && isExpressible(i.then())
                    && isExpressible(i.otherwise()) && !cx.statements.isVoidCall(AstScan.unwrapBlock(i.then()))
                    && !cx.statements.isVoidCall(AstScan.unwrapBlock(i.otherwise()));
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
    CodeBlock exprOrHoist(Expr e) {
        if (isExpressible(e)) {
            return expr(e);
        }
        Type t = types.of(e);
        if (e instanceof Expr.Comprehension c) {
            return comprehension(c);
        }
        if (e instanceof Expr.Assign || e instanceof Expr.CompoundAssign) {
            cx.statements.effect(e);
            Expr target = e instanceof Expr.Assign a ? a.target() : ((Expr.CompoundAssign) e).target();
            return expr(target);
        }
        String tmp = cx.scope.allocate("value");
        stmt("$T $N", javaType(t), tmp);
        valueInto(e, Sink.assign(tmp, t, false));
        return CodeBlock.of("$N", tmp);
    }

    CodeBlock comprehension(Expr.Comprehension c) {
        String result = cx.scope.allocate("values");
        comprehensionInto(c, result, true);
        return CodeBlock.of("$N", result);
    }

    /** {@code [e for x in xs if c]} as a loop that fills the list {@code result}. */
    void comprehensionInto(Expr.Comprehension c, String result, boolean declare) {
        Type t = types.of(c);
        if (declare) {
            stmt("$T $N = new $T<>()", javaType(t), result, ClassName.get("java.util", "ArrayList"));
        } else {
            stmt("$N = new $T<>()", result, ClassName.get("java.util", "ArrayList"));
        }
        Set<String> outer = cx.scope.mark();
        forLoopWith(c.pattern(), c.iterable(), () -> {
            if (c.condition() != null) {
                cx.out.beginControlFlow("if ($L)", cx.expressions.condition(c.condition()));
            }
            Type elementType = t instanceof Type.ListType l ? l.element() : Type.DYN;
            stmt("$N.add($L)", result, coerce(expr(c.element()), types.of(c.element()), elementType));
            if (c.condition() != null) {
                cx.out.endControlFlow();
            }
        });
        cx.scope.reset(outer);
    }

    void forLoopWith(Pattern pattern, Expr iterable, Runnable body) {
        if (iterable instanceof Expr.Range r && r.start() != null && r.end() != null
                && types.of(r.start()) instanceof Type.Int && types.of(r.end()) instanceof Type.Int
                && pattern instanceof Pattern.Binding b && !symbolNeedsSpecial(b) && ExpressionPrinter.isSimple(r.end())) {
            String name = cx.scope.declare(resolution.declaration(b), b.name());
            counters.add(resolution.declaration(b));
            cx.out.beginControlFlow("for (long $N = $L; $N $L $L; $N++)", name, intOperand(r.start()), name,
                    r.inclusive() ? "<=" : "<", intOperand(r.end()), name);
            body.run();
            cx.out.endControlFlow();
            return;
        }
        String item = cx.scope.allocate("item");
        cx.out.beginControlFlow("for (var $N : $T.iterate($L))", item, OPS, expr(iterable));
        cx.patterns.bindPattern(pattern, item, Type.DYN);
        body.run();
        cx.out.endControlFlow();
    }
}
