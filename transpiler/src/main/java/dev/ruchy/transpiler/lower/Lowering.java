package dev.ruchy.transpiler.lower;

import dev.ruchy.transpiler.ast.BinaryOp;
import dev.ruchy.transpiler.ast.Expr;
import dev.ruchy.transpiler.ast.Node;
import dev.ruchy.transpiler.ast.Nodes;
import dev.ruchy.transpiler.ast.Param;
import dev.ruchy.transpiler.ast.Pattern;
import dev.ruchy.transpiler.ast.Program;
import dev.ruchy.transpiler.ast.Stmt;
import dev.ruchy.transpiler.ast.UnaryOp;
import dev.ruchy.transpiler.source.Span;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Rewrites a parsed {@link Program} into one without Ruchy's syntactic sugar, so that name
 * resolution, type inference and the emitter see only core constructs (javac's {@code Lower}, at
 * this project's size). Runs after parsing, before name resolution, on a program without syntax
 * errors. The forms and what they become:
 *
 * <ul>
 * <li>{@code x |> f} → {@code f(x)} when {@code f} names something in scope (a function, a
 *     variable holding a closure), otherwise the method call {@code x.f()} (ruchy-semantics §4.7.5);
 *     {@code x |> f(a)} → {@code f(x, a)} or {@code x.f(a)}; {@code x |> e} for any other {@code e}
 *     → {@code e(x)}.
 * <li>{@code x++}, {@code ++x}, {@code x--}, {@code --x} written as a statement or as a match arm
 *     → {@code x += 1} / {@code x -= 1}. Elsewhere (inside a larger expression) they stay, and fail
 *     at run time as they do in Ruchy.
 * <li>{@code let p = v in body} → the block {@code { let p = v; body }}.
 * <li>{@code vec![a, b]} → the array literal {@code [a, b]}; {@code vec![x; n]} → {@code [x; n]}.
 * <li>{@code (a, b) = (e1, e2)} → {@code let new_a = e1; let new_b = e2; a = new_a; b = new_b}, and
 *     {@code (a, b) = e} → {@code let values = e; a = values.0; b = values.1}: spliced into the
 *     statement list when the assignment is a statement (so that an assignment creating {@code a}
 *     creates it where it stands), a block otherwise. The temporaries get names used nowhere in the
 *     file.
 * <li>{@code lazy e} → {@code e} (evaluated at once, as the emitter always did).
 * </ul>
 *
 * <p>Local {@code fun}s stay: they are hoisted (callable before their definition), may call
 * themselves, and have their arity checked, none of which a closure bound by {@code let} gives.
 * Every new node takes its span from the node it replaces, so diagnostics and line marks do not
 * move. Subtrees with nothing to lower are rebuilt all the same; node identity is not preserved.
 *
 * <p>To tell a function from a method name in a pipeline, the pass keeps the lexical scopes the
 * resolver keeps (see {@code Resolver}): names declared by {@code let}, parameters, patterns and
 * first assignments, and functions and types hoisted to the top of their block; function and method
 * bodies see every top-level name, as top-level code runs before any of them is called.
 */
public final class Lowering {
    private final Deque<Set<String>> scopes = new ArrayDeque<>();
    /** Names of enum variants anywhere in the file: a binding pattern of one matches the variant. */
    private final Set<String> variantNames = new HashSet<>();
    /** The file's text and the temporaries made so far, to keep new names clear of every name in it. */
    private final String text;
    private final Set<String> temporaries = new HashSet<>();

    private Lowering(Program program) {
        this.text = program.file().text();
    }

    /** The program with its sugar rewritten; {@code program} itself is not changed. */
    public static Program lower(Program program) {
        Lowering lowering = new Lowering(program);
        lowering.collectVariants(program.statements());
        return new Program(program.file(), lowering.topLevel(program.statements()), program.comments());
    }

    /**
     * The error a later phase throws on meeting a node of a form that lowering removes: a caller
     * skipped {@link #lower}.
     */
    public static IllegalStateException notLowered(Node node) {
        return new IllegalStateException(node.getClass().getSimpleName() + " at " + node.span()
                + " should have been lowered before this phase");
    }

    // ---- scopes -------------------------------------------------------------------------------

    private void collectVariants(List<Stmt> statements) {
        for (Stmt s : statements) {
            if (s instanceof Stmt.Enum en) {
                en.variants().forEach(v -> variantNames.add(v.name()));
            } else if (s instanceof Stmt.Mod m && m.body() != null) {
                collectVariants(m.body());
            }
        }
    }

    private void declare(String name) {
        scopes.peek().add(name);
    }

    private boolean isBound(String name) {
        for (Set<String> scope : scopes) {
            if (scope.contains(name)) {
                return true;
            }
        }
        return false;
    }

    /** Declares the functions and types of a statement list before any of its statements, as the resolver does. */
    private void hoist(List<Stmt> statements) {
        for (Stmt s : statements) {
            switch (s) {
                case Stmt.Fun f -> declare(f.name());
                case Stmt.Struct st -> declare(st.name());
                case Stmt.Enum en -> {
                    declare(en.name());
                    en.variants().forEach(v -> variantNames.add(v.name()));
                }
                case Stmt.Class c -> declare(c.name());
                case Stmt.Actor a -> declare(a.name());
                case Stmt.Trait t -> declare(t.name());
                case Stmt.Mod m -> declare(m.name());
                default -> {
                }
            }
        }
    }

    /**
     * {@code A(x) | B(x) => body}: an arm whose alternatives bind names becomes one arm per
     * alternative, each with its own copy of the guard and body, so each binds from the alternative
     * that matched (ruchy-semantics §4.5).
     */
    private List<Expr.MatchArm> splitAlternatives(List<Expr.MatchArm> arms) {
        List<Expr.MatchArm> out = new ArrayList<>();
        for (Expr.MatchArm arm : arms) {
            if (arm.pattern() instanceof Pattern.Or or && bindsNames(or)) {
                for (Pattern alternative : or.alternatives()) {
                    out.add(new Expr.MatchArm(alternative, Nodes.copy(arm.guard()), Nodes.copy(arm.body()), arm.span()));
                }
            } else {
                out.add(arm);
            }
        }
        return out;
    }

    /** Whether a pattern declares a variable (a binding that is not a unit variant's name, {@code x @ p}, {@code ..rest}). */
    private boolean bindsNames(Pattern p) {
        return Nodes.any(p, n -> n instanceof Pattern.Binding b && !b.name().equals("self") && !variantNames.contains(b.name())
                || n instanceof Pattern.At || n instanceof Pattern.Rest r && r.name() != null
                || n instanceof Pattern.FieldPattern f && f.pattern() == null);
    }

    private void bind(Pattern p, boolean parameter) {
        switch (p) {
            case Pattern.Binding b -> {
                if (!b.name().equals("self") && (parameter || !variantNames.contains(b.name()))) {
                    declare(b.name());
                }
            }
            case Pattern.At a -> {
                declare(a.name());
                bind(a.pattern(), parameter);
            }
            case Pattern.Tuple t -> t.elements().forEach(el -> bind(el, parameter));
            case Pattern.Array a -> a.elements().forEach(el -> bind(el, parameter));
            case Pattern.Rest r -> {
                if (r.name() != null) {
                    declare(r.name());
                }
            }
            case Pattern.Struct s -> s.fields().forEach(f -> {
                if (f.pattern() != null) {
                    bind(f.pattern(), parameter);
                } else {
                    declare(f.name());
                }
            });
            case Pattern.TupleStruct t -> t.elements().forEach(el -> bind(el, parameter));
            case Pattern.Or o -> bind(o.alternatives().get(0), parameter); // every alternative binds the same names
            case Pattern.Literal l -> {
            }
            case Pattern.Range r -> {
            }
            case Pattern.Path path -> {
            }
            case Pattern.Wildcard w -> {
            }
            case Pattern.Error er -> {
            }
        }
    }

    /** An assignment to a name not in scope creates it in the current scope (ruchy-semantics §4.2). */
    private void assigned(Expr target) {
        if (target instanceof Expr.Ident id && !isBound(id.name())) {
            declare(id.name());
        } else if (target instanceof Expr.TupleLit t) {
            t.elements().forEach(this::assigned);
        } else if (target instanceof Expr.ArrayLit a) {
            a.elements().forEach(this::assigned);
        }
    }

    // ---- statements ---------------------------------------------------------------------------

    /**
     * The file's statements: top-level code first, then function and method bodies (which may use a
     * top-level variable declared after them), each put back in its place.
     */
    private List<Stmt> topLevel(List<Stmt> statements) {
        scopes.push(new HashSet<>());
        hoist(statements);
        List<List<Stmt>> lowered = new ArrayList<>();
        for (Stmt s : statements) {
            lowered.add(isDeferred(s) ? null : statement(s));
        }
        for (int i = 0; i < statements.size(); i++) {
            if (lowered.get(i) == null) {
                lowered.set(i, statement(statements.get(i)));
            }
        }
        scopes.pop();
        List<Stmt> out = new ArrayList<>();
        lowered.forEach(out::addAll);
        return out;
    }

    private static boolean isDeferred(Stmt s) {
        return s instanceof Stmt.Fun || s instanceof Stmt.Struct || s instanceof Stmt.Impl || s instanceof Stmt.Class
                || s instanceof Stmt.Actor || s instanceof Stmt.Trait;
    }

    /** The statements of a block, in the scope already pushed for it. */
    private List<Stmt> statements(List<Stmt> statements) {
        hoist(statements);
        List<Stmt> out = new ArrayList<>();
        for (Stmt s : statements) {
            out.addAll(statement(s));
        }
        return out;
    }

    /** One statement, as one or more: a tuple assignment becomes several. */
    private List<Stmt> statement(Stmt s) {
        return switch (s) {
            case Stmt.ExprStmt es when es.expr() instanceof Expr.Assign a && a.target() instanceof Expr.TupleLit t ->
                    tupleAssignment(t, a);
            case Stmt.ExprStmt es -> List.of(new Stmt.ExprStmt(statementExpr(es.expr()), es.semicolon(), es.span()));
            case Stmt.Let let -> {
                Expr init = let.init() == null ? null : expr(let.init());
                Expr.Block elseBlock = let.elseBlock() == null ? null : block(let.elseBlock());
                bind(let.pattern(), false);
                yield List.of(new Stmt.Let(let.kind(), let.pattern(), let.type(), init, elseBlock, let.span()));
            }
            case Stmt.Fun f -> List.of(function(f));
            case Stmt.Struct st -> List.of(new Stmt.Struct(st.attributes(), st.name(), st.typeParams(), fields(st.fields()),
                    st.tupleFields(), functions(st.methods()), st.span()));
            case Stmt.Enum en -> List.of(new Stmt.Enum(en.attributes(), en.name(), en.typeParams(),
                    en.variants().stream().map(v -> new Stmt.Variant(v.name(), v.tupleFields(), fields(v.structFields()),
                            v.discriminant() == null ? null : expr(v.discriminant()), v.span())).toList(),
                    en.span()));
            case Stmt.Impl i -> List.of(new Stmt.Impl(i.typeParams(), i.trait(), i.target(), functions(i.methods()), i.span()));
            case Stmt.Trait t -> List.of(new Stmt.Trait(t.name(), t.typeParams(), functions(t.methods()), t.span()));
            case Stmt.Class c -> {
                List<Stmt.FieldDecl> fields = fields(c.fields());
                yield List.of(new Stmt.Class(c.name(), c.typeParams(), c.parent(), fields, functions(c.constructors()),
                        functions(c.methods()), c.span()));
            }
            case Stmt.Actor a -> {
                List<Stmt.FieldDecl> fields = fields(a.fields());
                List<Stmt.ReceiveArm> handlers = new ArrayList<>();
                for (Stmt.ReceiveArm h : a.handlers()) {
                    scopes.push(new HashSet<>());
                    bind(h.pattern(), false);
                    Expr guard = h.guard() == null ? null : expr(h.guard());
                    handlers.add(new Stmt.ReceiveArm(h.pattern(), guard, statementExpr(h.body()), h.span()));
                    scopes.pop();
                }
                yield List.of(new Stmt.Actor(a.name(), fields, handlers, functions(a.methods()), a.span()));
            }
            case Stmt.Mod m -> {
                if (m.body() == null) {
                    yield List.of(m);
                }
                scopes.push(new HashSet<>());
                List<Stmt> body = statements(m.body());
                scopes.pop();
                yield List.of(new Stmt.Mod(m.name(), body, m.span()));
            }
            case Stmt.Use u -> List.of(u);
            case Stmt.TypeAlias t -> List.of(t);
            case Stmt.Error e -> List.of(e);
        };
    }

    private List<Stmt.FieldDecl> fields(List<Stmt.FieldDecl> fields) {
        return fields.stream().map(f -> f.defaultValue() == null ? f
                : new Stmt.FieldDecl(f.name(), f.type(), expr(f.defaultValue()), f.mutable(), f.span())).toList();
    }

    private List<Stmt.Fun> functions(List<Stmt.Fun> functions) {
        return functions.stream().map(this::function).toList();
    }

    /** A function or method: its parameters and body in a scope of their own. A trait's may have no body. */
    private Stmt.Fun function(Stmt.Fun f) {
        scopes.push(new HashSet<>());
        List<Param> params = params(f.params());
        Expr.Block body = f.body() == null ? null : new Expr.Block(statements(f.body().statements()), f.body().span());
        scopes.pop();
        return new Stmt.Fun(f.attributes(), f.isPublic(), f.async(), f.name(), f.typeParams(), params, f.result(), body,
                f.span());
    }

    /** Parameters bound in the current scope; a default value sees the parameters before it. */
    private List<Param> params(List<Param> params) {
        List<Param> out = new ArrayList<>();
        for (Param p : params) {
            Expr defaultValue = p.defaultValue() == null ? null : expr(p.defaultValue());
            bind(p.pattern(), true);
            out.add(new Param(p.pattern(), p.type(), defaultValue, p.span()));
        }
        return out;
    }

    /**
     * An expression whose value may be thrown away (a statement, a match arm): where an increment
     * means an assignment.
     */
    private Expr statementExpr(Expr e) {
        if (e instanceof Expr.Unary u && isIncrement(u.op())) {
            BinaryOp op = u.op() == UnaryOp.PRE_INC || u.op() == UnaryOp.POST_INC ? BinaryOp.ADD : BinaryOp.SUB;
            return new Expr.CompoundAssign(op, expr(u.operand()), new Expr.IntLit(1, u.span()), u.span());
        }
        return expr(e);
    }

    private static boolean isIncrement(UnaryOp op) {
        return op == UnaryOp.PRE_INC || op == UnaryOp.POST_INC || op == UnaryOp.PRE_DEC || op == UnaryOp.POST_DEC;
    }

    /**
     * {@code (a, b) = value} as statements: every right-hand value is evaluated into a temporary
     * before any target is assigned, then each target gets its part, left to right.
     */
    private List<Stmt> tupleAssignment(Expr.TupleLit targets, Expr.Assign a) {
        List<Stmt> out = new ArrayList<>();
        Span span = a.span();
        List<Expr> parts = new ArrayList<>();
        if (a.value() instanceof Expr.TupleLit values && values.elements().size() == targets.elements().size()) {
            for (int k = 0; k < values.elements().size(); k++) {
                Expr value = values.elements().get(k);
                String temp = temporary("new_" + baseName(targets.elements().get(k)));
                out.add(new Stmt.Let(Stmt.LetKind.LET, new Pattern.Binding(temp, false, value.span()), null, expr(value), null,
                        value.span()));
                declare(temp);
                parts.add(new Expr.Ident(temp, value.span()));
            }
        } else {
            String temp = temporary("values");
            Span value = a.value().span();
            out.add(new Stmt.Let(Stmt.LetKind.LET, new Pattern.Binding(temp, false, value), null, expr(a.value()), null,
                    value));
            declare(temp);
            for (int k = 0; k < targets.elements().size(); k++) {
                parts.add(new Expr.Field(new Expr.Ident(temp, value), String.valueOf(k), false, value));
            }
        }
        for (int k = 0; k < targets.elements().size(); k++) {
            Expr.Assign part = new Expr.Assign(targets.elements().get(k), parts.get(k), span);
            // a nested tuple target, `((a, b), c) = ...`, is a tuple assignment of its own
            out.addAll(statement(new Stmt.ExprStmt(part, false, span)));
        }
        return out;
    }

    private static String baseName(Expr target) {
        return switch (target) {
            case Expr.Ident id -> id.name();
            case Expr.Field f -> f.name().chars().allMatch(Character::isDigit) ? "value" : f.name();
            default -> "value";
        };
    }

    /** A name that appears nowhere in the file's text and was not made before: it cannot shadow or be shadowed. */
    private String temporary(String base) {
        String name = base;
        for (int n = 2; text.contains(name) || temporaries.contains(name); n++) {
            name = base + n;
        }
        temporaries.add(name);
        return name;
    }

    // ---- expressions --------------------------------------------------------------------------

    private Expr.Block block(Expr.Block b) {
        scopes.push(new HashSet<>());
        List<Stmt> statements = statements(b.statements());
        scopes.pop();
        return new Expr.Block(statements, b.span());
    }

    /** A block when {@code e} is one ({@code if}, loops), as the parser guarantees. */
    private Expr.Block blockOrNull(Expr.Block b) {
        return b == null ? null : block(b);
    }

    private Expr exprOrNull(Expr e) {
        return e == null ? null : expr(e);
    }

    private List<Expr> exprs(List<Expr> es) {
        List<Expr> out = new ArrayList<>();
        for (Expr e : es) {
            out.add(expr(e));
        }
        return out;
    }

    private List<Expr.Arg> args(List<Expr.Arg> args) {
        List<Expr.Arg> out = new ArrayList<>();
        for (Expr.Arg a : args) {
            out.add(new Expr.Arg(a.name(), expr(a.value()), a.span()));
        }
        return out;
    }

    private Expr expr(Expr e) {
        return switch (e) {
            case Expr.IntLit l -> l;
            case Expr.FloatLit l -> l;
            case Expr.StringLit l -> l;
            case Expr.CharLit l -> l;
            case Expr.ByteLit l -> l;
            case Expr.BoolLit l -> l;
            case Expr.NilLit l -> l;
            case Expr.AtomLit l -> l;
            case Expr.FString f -> new Expr.FString(f.parts().stream().map(part -> part instanceof Expr.FStringInterp in
                    ? (Expr.FStringPart) new Expr.FStringInterp(expr(in.expr()), in.spec()) : part).toList(), f.span());
            case Expr.Ident id -> id;
            case Expr.Path p -> p;
            case Expr.Unary u -> new Expr.Unary(u.op(), expr(u.operand()), u.span());
            case Expr.Binary b when b.op() == BinaryOp.PIPELINE -> pipeline(b);
            case Expr.Binary b -> {
                Expr left = expr(b.left());
                yield new Expr.Binary(b.op(), left, expr(b.right()), b.span());
            }
            case Expr.Assign a when a.target() instanceof Expr.TupleLit t -> {
                scopes.push(new HashSet<>());
                List<Stmt> statements = tupleAssignment(t, a);
                scopes.pop();
                yield new Expr.Block(statements, a.span());
            }
            case Expr.Assign a -> {
                Expr value = expr(a.value());
                Expr target = expr(a.target());
                assigned(a.target());
                yield new Expr.Assign(target, value, a.span());
            }
            case Expr.CompoundAssign a -> {
                Expr value = expr(a.value());
                yield new Expr.CompoundAssign(a.op(), expr(a.target()), value, a.span());
            }
            case Expr.Ternary t -> {
                Expr condition = expr(t.condition());
                Expr then = expr(t.then());
                yield new Expr.Ternary(condition, then, expr(t.otherwise()), t.span());
            }
            case Expr.Range r -> {
                Expr start = exprOrNull(r.start());
                yield new Expr.Range(start, exprOrNull(r.end()), r.inclusive(), r.span());
            }
            case Expr.Cast c -> new Expr.Cast(expr(c.expr()), c.type(), c.span());
            case Expr.Try t -> new Expr.Try(expr(t.operand()), t.span());
            case Expr.Call c -> {
                List<Expr.Arg> args = args(c.args());
                yield new Expr.Call(expr(c.callee()), args, c.span());
            }
            case Expr.MethodCall m -> {
                Expr receiver = expr(m.receiver());
                yield new Expr.MethodCall(receiver, m.name(), m.typeArgs(), args(m.args()), m.optional(), m.span());
            }
            case Expr.Field f -> new Expr.Field(expr(f.receiver()), f.name(), f.optional(), f.span());
            case Expr.Index i -> {
                Expr target = expr(i.target());
                yield new Expr.Index(target, expr(i.index()), i.span());
            }
            case Expr.MacroCall m when m.name().equals("vec") -> vec(m);
            case Expr.MacroCall m -> new Expr.MacroCall(m.name(), exprs(m.args()), m.span());
            case Expr.ArrayLit a -> new Expr.ArrayLit(exprs(a.elements()), a.span());
            case Expr.ArrayRepeat a -> {
                Expr value = expr(a.value());
                yield new Expr.ArrayRepeat(value, expr(a.count()), a.span());
            }
            case Expr.TupleLit t -> new Expr.TupleLit(exprs(t.elements()), t.span());
            case Expr.ObjectLit o -> new Expr.ObjectLit(o.entries().stream().map(en -> switch (en) {
                case Expr.KeyValue kv -> (Expr.ObjectEntry) new Expr.KeyValue(kv.key(), expr(kv.value()), kv.span());
                case Expr.Spread sp -> new Expr.Spread(expr(sp.value()), sp.span());
            }).toList(), o.span());
            case Expr.StructLit s -> {
                List<Expr.FieldInit> fields = s.fields().stream()
                        .map(f -> new Expr.FieldInit(f.name(), expr(f.value()), f.span())).toList();
                yield new Expr.StructLit(s.path(), fields, exprOrNull(s.base()), s.span());
            }
            case Expr.Comprehension c -> {
                Expr iterable = expr(c.iterable());
                scopes.push(new HashSet<>());
                bind(c.pattern(), false);
                Expr condition = exprOrNull(c.condition());
                Expr element = expr(c.element());
                scopes.pop();
                yield new Expr.Comprehension(element, c.pattern(), iterable, condition, c.span());
            }
            case Expr.Block b -> block(b);
            case Expr.If i -> {
                Expr condition = expr(i.condition());
                Expr.Block then = block(i.then());
                yield new Expr.If(condition, then, exprOrNull(i.otherwise()), i.span());
            }
            case Expr.IfLet i -> {
                Expr value = expr(i.value());
                scopes.push(new HashSet<>());
                bind(i.pattern(), false);
                Expr.Block then = block(i.then());
                scopes.pop();
                yield new Expr.IfLet(i.pattern(), value, then, exprOrNull(i.otherwise()), i.span());
            }
            case Expr.Match m -> {
                Expr scrutinee = expr(m.scrutinee());
                List<Expr.MatchArm> arms = new ArrayList<>();
                for (Expr.MatchArm arm : splitAlternatives(m.arms())) {
                    scopes.push(new HashSet<>());
                    bind(arm.pattern(), false);
                    Expr guard = exprOrNull(arm.guard());
                    arms.add(new Expr.MatchArm(arm.pattern(), guard, statementExpr(arm.body()), arm.span()));
                    scopes.pop();
                }
                yield new Expr.Match(scrutinee, arms, m.span());
            }
            case Expr.For f -> {
                Expr iterable = expr(f.iterable());
                scopes.push(new HashSet<>());
                bind(f.pattern(), false);
                Expr.Block body = block(f.body());
                scopes.pop();
                yield new Expr.For(f.label(), f.pattern(), iterable, body, f.span());
            }
            case Expr.While w -> {
                Expr condition = expr(w.condition());
                yield new Expr.While(w.label(), condition, block(w.body()), w.span());
            }
            case Expr.WhileLet w -> {
                Expr value = expr(w.value());
                scopes.push(new HashSet<>());
                bind(w.pattern(), false);
                Expr.Block body = block(w.body());
                scopes.pop();
                yield new Expr.WhileLet(w.label(), w.pattern(), value, body, w.span());
            }
            case Expr.Loop l -> new Expr.Loop(l.label(), block(l.body()), l.span());
            case Expr.Break b -> new Expr.Break(b.label(), exprOrNull(b.value()), b.span());
            case Expr.Continue c -> c;
            case Expr.Return r -> new Expr.Return(exprOrNull(r.value()), r.span());
            case Expr.TryCatch t -> {
                Expr.Block body = block(t.body());
                List<Expr.CatchClause> catches = new ArrayList<>();
                for (Expr.CatchClause c : t.catches()) {
                    scopes.push(new HashSet<>());
                    if (c.pattern() != null) {
                        bind(c.pattern(), false);
                    }
                    catches.add(new Expr.CatchClause(c.pattern(), c.type(), block(c.body()), c.span()));
                    scopes.pop();
                }
                yield new Expr.TryCatch(body, catches, blockOrNull(t.finallyBlock()), t.span());
            }
            case Expr.Throw t -> new Expr.Throw(expr(t.value()), t.span());
            case Expr.LetIn l -> letIn(l);
            case Expr.Lambda l -> {
                scopes.push(new HashSet<>());
                List<Param> params = params(l.params());
                Expr body = expr(l.body());
                scopes.pop();
                yield new Expr.Lambda(params, l.result(), body, l.async(), l.span());
            }
            case Expr.Await a -> new Expr.Await(expr(a.operand()), a.span());
            case Expr.AsyncBlock a -> {
                scopes.push(new HashSet<>());
                Expr.Block body = block(a.body());
                scopes.pop();
                yield new Expr.AsyncBlock(body, a.span());
            }
            case Expr.Spawn s -> {
                scopes.push(new HashSet<>());
                Expr body = expr(s.body());
                scopes.pop();
                yield new Expr.Spawn(body, s.span());
            }
            case Expr.Lazy l -> expr(l.value());
            case Expr.Error er -> er;
        };
    }

    /** {@code x |> f}, {@code x |> f(a)}, {@code x |> e}: see the class comment. */
    private Expr pipeline(Expr.Binary b) {
        Expr left = expr(b.left());
        Expr.Arg first = new Expr.Arg(null, left, left.span());
        Expr target = b.right();
        if (target instanceof Expr.Ident id) {
            return isBound(id.name()) ? new Expr.Call(id, List.of(first), b.span())
                    : new Expr.MethodCall(left, id.name(), List.of(), List.of(), false, b.span());
        }
        if (target instanceof Expr.Call c && c.callee() instanceof Expr.Ident id) {
            List<Expr.Arg> rest = args(c.args());
            if (!isBound(id.name())) {
                return new Expr.MethodCall(left, id.name(), List.of(), rest, false, b.span());
            }
            List<Expr.Arg> args = new ArrayList<>();
            args.add(first);
            args.addAll(rest);
            return new Expr.Call(id, args, b.span());
        }
        return new Expr.Call(expr(target), List.of(first), b.span());
    }

    /** {@code let p = v in body}: a block whose {@code let} covers the text up to the end of {@code v}. */
    private Expr letIn(Expr.LetIn l) {
        scopes.push(new HashSet<>());
        Expr value = expr(l.value());
        bind(l.pattern(), false);
        Expr body = expr(l.body());
        scopes.pop();
        Span let = new Span(l.span().file(), l.span().start(), l.value().span().end());
        return new Expr.Block(List.of(new Stmt.Let(Stmt.LetKind.LET, l.pattern(), null, value, null, let),
                new Stmt.ExprStmt(body, false, l.body().span())), l.span());
    }

    /** {@code vec![a, b]} is {@code [a, b]}; {@code vec![x; n]} is {@code [x; n]}. */
    private Expr vec(Expr.MacroCall m) {
        if (m.args().size() == 1 && m.args().get(0) instanceof Expr.ArrayRepeat r) {
            Expr value = expr(r.value());
            return new Expr.ArrayRepeat(value, expr(r.count()), m.span());
        }
        return new Expr.ArrayLit(exprs(m.args()), m.span());
    }
}
