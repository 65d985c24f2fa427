package dev.ruchy.transpiler.emit;

import dev.ruchy.transpiler.ast.BinaryOp;
import dev.ruchy.transpiler.ast.Expr;
import dev.ruchy.transpiler.ast.Nodes;
import dev.ruchy.transpiler.ast.Pattern;
import dev.ruchy.transpiler.ast.Program;
import dev.ruchy.transpiler.ast.Stmt;
import dev.ruchy.transpiler.code.Symbol;
import dev.ruchy.transpiler.code.Type;
import dev.ruchy.transpiler.resolve.Resolver.Resolution;
import dev.ruchy.transpiler.types.TypeInference;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Loop counters printed as Java {@code int}s rather than {@code long}s: the JIT checks array bounds
 * against an {@code int} counter once per loop instead of once per round, which makes a matrix
 * multiply about a third faster. A Ruchy integer is 64 bits, so a counter is an {@code int} only
 * where it can never pass {@code Integer.MAX_VALUE}:
 * <ul>
 * <li>{@code let mut i = 0; while i < n { ...; i = i + 1 }} (or {@code <=}, {@code i += 1}, any
 * start from 0 to {@code Integer.MAX_VALUE}), the increment the loop's last statement and its only
 * assignment of {@code i}; or {@code for i in 0..n} / {@code 0..=n} with a literal start;</li>
 * <li>every use of the counter is the loop's test, its increment or the index of an array
 * ({@code xs[i]}, read or written): nothing else sees that it is an {@code int};</li>
 * <li>every round that reaches the increment has indexed an array with the counter: the body's
 * statements before the increment (all of them for a {@code for}) include one that does so whenever
 * it completes, directly, or in the first round of a nested loop that must run at least once
 * ({@code let mut k = 0; while k < n} inside {@code while j < n}, {@code n} never assigned). An
 * array holds at most {@code Integer.MAX_VALUE} elements, so a counter that was a valid index is at
 * most {@code Integer.MAX_VALUE - 1} before it is incremented, and an index past the end stops the
 * program with the same error either way. In a {@code for} loop a {@code continue} before that
 * statement would increment without indexing, so it rules the loop out.</li>
 * </ul>
 * Not in checked-arithmetic mode, which prints the increment as a {@code long} operation.
 */
final class IntCounters {
    private final Set<Object> counters = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Resolution resolution;
    private final TypeInference.Types types;

    private IntCounters(Resolution resolution, TypeInference.Types types) {
        this.resolution = resolution;
        this.types = types;
    }

    /** The counters of {@code program}'s loops that are printed as {@code int}s; none when {@code checkedArithmetic}. */
    static IntCounters of(Program program, Resolution resolution, TypeInference.Types types, boolean checkedArithmetic) {
        IntCounters counters = new IntCounters(resolution, types);
        if (checkedArithmetic) {
            return counters;
        }
        AstScan.statementLists(program, true, counters::block);
        Nodes.any(program.statements(), node -> {
            if (node instanceof Expr.For f && counters.intFor(f)) {
                counters.counters.add(f);
            }
            return false; // every loop
        });
        return counters;
    }

    /** Whether {@code let} declares a {@code while} loop's counter printed as an {@code int}. */
    boolean isInt(Stmt.Let let) {
        return counters.contains(let);
    }

    /** Whether {@code loop}, over a range, counts with an {@code int}. */
    boolean isInt(Expr.For loop) {
        return counters.contains(loop);
    }

    /** A counted loop: its counter, first value, bound, whether the bound is included, body, and increment's position. */
    private record Counted(Symbol counter, long start, Expr bound, boolean inclusive, List<Stmt> body, int increment) {
    }

    private void block(List<Stmt> statements) {
        for (int i = 0; i + 1 < statements.size(); i++) {
            if (statements.get(i) instanceof Stmt.Let let) {
                Counted loop = whileCounted(let, statements.get(i + 1));
                if (loop != null && onlyCounterUses(loop, statements.subList(i + 1, statements.size()))
                        && indexesEveryRound(loop, false)) {
                    counters.add(let);
                }
            }
        }
    }

    /** {@code let mut i = 0} followed by {@code while i < n { ...; i = i + 1 }}, as a counted loop; else null. */
    private Counted whileCounted(Stmt.Let let, Stmt next) {
        if (!(let.pattern() instanceof Pattern.Binding b) || !(let.init() instanceof Expr.IntLit start)
                || start.value() < 0 || start.value() > Integer.MAX_VALUE || let.elseBlock() != null || let.type() != null) {
            return null;
        }
        Symbol sym = resolution.declaration(b);
        if (sym == null || sym.isGlobal() || sym.needsCell() || sym.isCaptured()
                || !(next instanceof Stmt.ExprStmt es) || !(es.expr() instanceof Expr.While loop)
                || !(loop.condition() instanceof Expr.Binary test) || test.op() != BinaryOp.LT && test.op() != BinaryOp.LE
                || !isCounter(test.left(), sym) || !(types.of(test.right()) instanceof Type.Int)) {
            return null;
        }
        List<Stmt> body = loop.body().statements();
        if (body.isEmpty() || !isIncrement(body.get(body.size() - 1), sym)) {
            return null;
        }
        return new Counted(sym, start.value(), test.right(), test.op() == BinaryOp.LE, body, body.size() - 1);
    }

    /** {@code for i in 0..n} with a literal start and an integer end, as a counted loop; else null. */
    private Counted forCounted(Expr.For loop) {
        if (!(loop.iterable() instanceof Expr.Range r) || !(r.start() instanceof Expr.IntLit start) || r.end() == null
                || start.value() < 0 || start.value() > Integer.MAX_VALUE || !(types.of(r.end()) instanceof Type.Int)
                || !(loop.pattern() instanceof Pattern.Binding b)) {
            return null;
        }
        Symbol sym = resolution.declaration(b);
        if (sym == null || sym.isGlobal() || sym.needsCell() || sym.isCaptured() || sym.isReassigned()) {
            return null;
        }
        List<Stmt> body = loop.body().statements();
        return new Counted(sym, start.value(), r.end(), r.inclusive(), body, body.size());
    }

    private boolean intFor(Expr.For loop) {
        Counted counted = forCounted(loop);
        return counted != null && onlyCounterUses(counted, List.of(loop.body())) && indexesEveryRound(counted, true);
    }

    private boolean isCounter(Expr e, Symbol sym) {
        return e instanceof Expr.Ident id && resolution.reference(id) == sym;
    }

    /** {@code i = i + 1} or {@code i += 1}. */
    private boolean isIncrement(Stmt s, Symbol sym) {
        if (!(s instanceof Stmt.ExprStmt es)) {
            return false;
        }
        return switch (es.expr()) {
            case Expr.Assign a -> isCounter(a.target(), sym) && a.value() instanceof Expr.Binary add
                    && add.op() == BinaryOp.ADD && isCounter(add.left(), sym) && isOne(add.right());
            case Expr.CompoundAssign c -> c.op() == BinaryOp.ADD && isCounter(c.target(), sym) && isOne(c.value());
            default -> false;
        };
    }

    private static boolean isOne(Expr e) {
        return e instanceof Expr.IntLit one && one.value() == 1;
    }

    /** Whether the counter appears in {@code scope} only as the loop's test, its increment or an array index. */
    private boolean onlyCounterUses(Counted loop, List<?> scope) {
        boolean[] other = {false};
        Nodes.visit(scope, (node, ancestors) -> {
            if (other[0] || !(node instanceof Expr.Ident id) || resolution.reference(id) != loop.counter()) {
                return;
            }
            Object parent = ancestors.isEmpty() ? null : ancestors.get(ancestors.size() - 1);
            Object grandparent = ancestors.size() < 2 ? null : ancestors.get(ancestors.size() - 2);
            boolean counting = parent instanceof Expr.Binary b && b.left() == id
                    && (b.op() == BinaryOp.LT || b.op() == BinaryOp.LE) && grandparent instanceof Expr.While
                    || parent instanceof Expr.Binary add && add.op() == BinaryOp.ADD && add.left() == id
                            && grandparent instanceof Expr.Assign a && isCounter(a.target(), loop.counter())
                    || parent instanceof Expr.Assign a && a.target() == id
                    || parent instanceof Expr.CompoundAssign c && c.target() == id;
            if (!counting && !isArrayIndex(parent, id)) {
                other[0] = true;
            }
        });
        // the test and increment forms above are those of this loop: any other assignment or test is
        // ruled out by the symbol (reassigned only by the increment, checked by the caller's shape)
        return !other[0] && assignments(loop.counter(), scope) == (loop.increment() < loop.body().size() ? 1 : 0);
    }

    private boolean isArrayIndex(Object parent, Expr.Ident id) {
        return parent instanceof Expr.Index index && index.index() == id && types.of(index.target()) instanceof Type.ListType;
    }

    private int assignments(Symbol sym, List<?> scope) {
        int[] count = {0};
        Nodes.any(scope, n -> {
            if (n instanceof Expr.Assign a && isCounter(a.target(), sym) || n instanceof Expr.CompoundAssign c && isCounter(c.target(), sym)) {
                count[0]++;
            }
            return false;
        });
        return count[0];
    }

    /** Whether each round that reaches the increment has indexed an array with the counter (see the class comment). */
    private boolean indexesEveryRound(Counted loop, boolean isFor) {
        List<Stmt> before = loop.body().subList(0, loop.increment());
        for (Stmt s : before) {
            if (isFor && Nodes.any(s, n -> n instanceof Expr.Continue)) {
                return false;
            }
            if (indexes(s, loop, loop.body())) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code node}, when it completes, has indexed an array with {@code loop}'s counter. */
    private boolean indexes(Object node, Counted loop, List<Stmt> enclosing) {
        return switch (node) {
            case null -> false;
            case Stmt.ExprStmt es -> indexes(es.expr(), loop, enclosing);
            case Stmt.Let let -> indexes(let.init(), loop, enclosing);
            case Expr.Index i -> isCounter(i.index(), loop.counter()) && types.of(i.target()) instanceof Type.ListType
                    || indexes(i.target(), loop, enclosing) || indexes(i.index(), loop, enclosing);
            case Expr.Assign a -> indexes(a.target(), loop, enclosing) || indexes(a.value(), loop, enclosing);
            case Expr.CompoundAssign c -> indexes(c.target(), loop, enclosing) || indexes(c.value(), loop, enclosing);
            case Expr.Binary b -> indexes(b.left(), loop, enclosing)
                    || b.op() != BinaryOp.AND && b.op() != BinaryOp.OR && b.op() != BinaryOp.NULL_COALESCE
                            && indexes(b.right(), loop, enclosing);
            case Expr.Unary u -> indexes(u.operand(), loop, enclosing);
            case Expr.Call c -> c.args().stream().anyMatch(a -> indexes(a.value(), loop, enclosing));
            case Expr.MethodCall m -> indexes(m.receiver(), loop, enclosing)
                    || !m.optional() && m.args().stream().anyMatch(a -> indexes(a.value(), loop, enclosing));
            case Expr.If i -> indexes(i.condition(), loop, enclosing);
            case Expr.Block b -> b.statements().stream().anyMatch(s -> indexes(s, loop, b.statements()));
            case Expr.While w -> indexes(w.condition(), loop, enclosing) || firstRoundIndexes(w, loop, enclosing);
            case Expr.For f -> f.iterable() instanceof Expr.Range r && indexes(r.start(), loop, enclosing)
                    || firstRoundIndexes(f, loop, enclosing);
            default -> false;
        };
    }

    /**
     * Whether nested loop {@code inner}, a {@code while k < n} right after {@code let mut k = K} in
     * {@code enclosing} or a {@code for k in K..n}, must run a first round (the outer test on the same
     * never-assigned {@code n} held, and the outer counter only grows from its start) that indexes with
     * the outer counter before anything could end the round.
     */
    private boolean firstRoundIndexes(Expr inner, Counted outer, List<Stmt> enclosing) {
        Long innerStart;
        boolean inclusive;
        List<Stmt> body;
        if (inner instanceof Expr.While w && w.condition() instanceof Expr.Binary test
                && (test.op() == BinaryOp.LT || test.op() == BinaryOp.LE) && test.left() instanceof Expr.Ident counter
                && sameFixedLocal(test.right(), outer.bound())) {
            innerStart = startBefore(w, counter, enclosing);
            inclusive = test.op() == BinaryOp.LE;
            body = w.body().statements();
        } else if (inner instanceof Expr.For f && f.iterable() instanceof Expr.Range r && r.start() instanceof Expr.IntLit start
                && sameFixedLocal(r.end(), outer.bound())) {
            innerStart = start.value();
            inclusive = r.inclusive();
            body = f.body().statements();
        } else {
            return false;
        }
        // outer `c < n` with c >= s gives n >= s + 1; outer `c <= n` gives n >= s
        long least = outer.inclusive() ? outer.start() : outer.start() + 1;
        if (innerStart == null || (inclusive ? innerStart > least : innerStart >= least)) {
            return false;
        }
        for (Stmt s : body) {
            if (Nodes.any(s, n -> n instanceof Expr.Break || n instanceof Expr.Continue)) {
                return false;
            }
            if (indexes(s, outer, body)) {
                return true;
            }
        }
        return false;
    }

    /** The start of {@code inner}'s counter when the statement before {@code inner} in {@code body} is {@code let mut k = K}. */
    private Long startBefore(Expr.While inner, Expr.Ident counter, List<Stmt> body) {
        for (int i = 1; i < body.size(); i++) {
            if (body.get(i) instanceof Stmt.ExprStmt es && es.expr() == inner) {
                return body.get(i - 1) instanceof Stmt.Let let && let.pattern() instanceof Pattern.Binding b
                        && resolution.declaration(b) == resolution.reference(counter)
                        && let.init() instanceof Expr.IntLit start ? start.value() : null;
            }
        }
        return null;
    }

    private boolean sameFixedLocal(Expr a, Expr b) {
        if (!(a instanceof Expr.Ident x) || !(b instanceof Expr.Ident y)) {
            return false;
        }
        Symbol sym = resolution.reference(x);
        return sym != null && sym == resolution.reference(y) && !sym.isReassigned() && !sym.needsCell();
    }
}
