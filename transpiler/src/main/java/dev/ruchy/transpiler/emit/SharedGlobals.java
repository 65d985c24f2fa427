package dev.ruchy.transpiler.emit;

import dev.ruchy.transpiler.ast.Expr;
import dev.ruchy.transpiler.ast.Nodes;
import dev.ruchy.transpiler.ast.Program;
import dev.ruchy.transpiler.ast.Stmt;
import dev.ruchy.transpiler.code.Symbol;
import dev.ruchy.transpiler.resolve.Resolver.Resolution;
import dev.ruchy.transpiler.code.Type;
import dev.ruchy.transpiler.types.TypeInference;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Top-level variables that handlers and tasks may update at the same time: each of their updates is
 * one step under the program class's monitor, and the field is {@code volatile}. An update is
 * {@code x += k} (any compound assignment) or an assignment whose value reads the variable
 * ({@code x = (x + 1) % n}); it counts when it is in a closure, a {@code spawn} or an {@code async}
 * block, or in a function such code calls (directly or through other functions). Closures are taken
 * as possibly running on other threads wherever they go (a request handler, a listener, a thread),
 * even to an array method that calls them at once: an uncontended monitor costs next to nothing.
 *
 * <p>An update {@code x = f(x)} is under the monitor when {@code f(x)} calls nothing that could
 * block or wait for another thread (else it stays an assignment of the volatile field). After it,
 * the statements that follow it in its block read the value it wrote (a local the update sets under
 * the monitor) rather than the field again, as long as they only compute with values (no call,
 * loop, closure or {@code await}) and do not assign it: {@code current = (current + 1) % n; return
 * backends[current]} uses the index it computed even when another handler has moved the field on
 * meanwhile, as though the two statements had run without another thread between them, which they
 * may.
 */
final class SharedGlobals {
    private static final SharedGlobals NONE = new SharedGlobals(null, null);

    private final Resolution resolution;
    private final TypeInference.Types types;
    private final Set<Symbol> shared = Collections.newSetFromMap(new IdentityHashMap<>());
    /** For each update whose value later statements read: those reads of the variable. */
    private final Map<Expr.Assign, Set<Expr.Ident>> readsAfter = new IdentityHashMap<>();

    private SharedGlobals(Resolution resolution, TypeInference.Types types) {
        this.resolution = resolution;
        this.types = types;
    }

    /** None at all: an interactive session's bindings outlive each input's class. */
    static SharedGlobals none() {
        return NONE;
    }

    /** The shared top-level variables of {@code program}, and the reads after their updates. */
    static SharedGlobals of(Program program, Resolution resolution, TypeInference.Types types) {
        SharedGlobals globals = new SharedGlobals(resolution, types);
        Set<Stmt.Fun> reached = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Object> work = new ArrayDeque<>();
        Nodes.visit(program.statements(), (node, ancestors) -> {
            if (node instanceof Expr.Lambda || node instanceof Expr.Spawn || node instanceof Expr.AsyncBlock) {
                work.add(node);
            } else if (node instanceof Expr.Ident id && globals.function(id) instanceof Stmt.Fun fun
                    && !(!ancestors.isEmpty() && ancestors.getLast() instanceof Expr.Call c && c.callee() == id)
                    && reached.add(fun)) {
                work.add(fun.body()); // a function passed as a value (a handler): it may run on any thread
            }
        });
        while (!work.isEmpty()) {
            Object code = work.pop();
            Nodes.any(code, node -> {
                globals.update(node);
                if (node instanceof Expr.Call c && c.callee() instanceof Expr.Ident callee
                        && globals.function(callee) instanceof Stmt.Fun fun && reached.add(fun)) {
                    work.add(fun.body());
                }
                return false;
            });
        }
        if (!globals.shared.isEmpty()) {
            AstScan.statementLists(program, true, globals::block);
        }
        return globals;
    }

    /** Whether {@code sym} is a top-level variable handlers and tasks may update at once. */
    boolean contains(Symbol sym) {
        return shared.contains(sym);
    }

    /** Whether {@code a} is an update of a shared variable, printed under the class's monitor. */
    boolean isUpdate(Expr.Assign a) {
        return !shared.isEmpty() && a.target() instanceof Expr.Ident id && shared.contains(resolution.reference(id))
                && readsItself(a, resolution) && quick(a.value());
    }

    /** The reads of the variable {@code update} assigns, in the statements after it, that use the value it wrote. */
    Set<Expr.Ident> readsAfter(Expr.Assign update) {
        return readsAfter.getOrDefault(update, Set.of());
    }

    private void block(List<Stmt> statements) {
        for (int i = 0; i < statements.size(); i++) {
            if (statements.get(i) instanceof Stmt.ExprStmt es && es.expr() instanceof Expr.Assign a && isUpdate(a)) {
                Symbol sym = resolution.reference(a.target());
                Set<Expr.Ident> reads = Collections.newSetFromMap(new IdentityHashMap<>());
                for (Stmt next : statements.subList(i + 1, statements.size())) {
                    if (!straightLine(next, sym)) {
                        break;
                    }
                    Nodes.any(next, n -> {
                        if (n instanceof Expr.Ident read && resolution.reference(read) == sym) {
                            reads.add(read);
                        }
                        return false;
                    });
                }
                if (!reads.isEmpty()) {
                    readsAfter.put(a, reads);
                }
            }
        }
    }

    /**
     * Whether the reads in {@code s} may use the value an update just before it wrote: {@code s} only
     * computes with values (no call, method, macro, loop, closure or {@code await}, which could wait
     * for or run other code, possibly updating the variable) and does not assign {@code sym}.
     */
    private boolean straightLine(Stmt s, Symbol sym) {
        return !Nodes.any(s, n -> n instanceof Expr.Call || n instanceof Expr.MethodCall || n instanceof Expr.MacroCall
                || n instanceof Stmt.Fun || AstScan.isLoop(n) || AstScan.startsOrAwaits(n)
                || n instanceof Expr.Assign a && isVariable(a.target(), sym)
                || n instanceof Expr.CompoundAssign c && isVariable(c.target(), sym));
    }

    private boolean isVariable(Expr e, Symbol sym) {
        return e instanceof Expr.Ident id && resolution.reference(id) == sym;
    }

    /**
     * Whether {@code value} can be computed while holding the class's monitor: it calls nothing that
     * could block or wait for another thread (no function, closure, builtin, {@code await}), only
     * methods of arrays, strings, objects and numbers ({@code healthy.len()}).
     */
    private boolean quick(Expr value) {
        return !Nodes.any(value, n -> n instanceof Expr.Call || n instanceof Expr.MacroCall || AstScan.startsOrAwaits(n)
                || n instanceof Expr.MethodCall m && !(types.of(m.receiver()) instanceof Type.ListType
                        || types.of(m.receiver()) instanceof Type.Str || types.of(m.receiver()) instanceof Type.ObjectType
                        || types.of(m.receiver()).isNumeric()));
    }

    /** The function {@code id} names, or null. */
    private Stmt.Fun function(Expr.Ident id) {
        return resolution.reference(id) instanceof Symbol f && f.kind() == Symbol.Kind.FUNCTION
                && f.declaration() instanceof Stmt.Fun fun ? fun : null;
    }

    /** Records the variable {@code node} updates, when it is a top-level one. */
    private void update(Object node) {
        Expr.Ident target = switch (node) {
            case Expr.CompoundAssign a when a.target() instanceof Expr.Ident id -> id;
            case Expr.Assign a when a.target() instanceof Expr.Ident id && readsItself(a, resolution) -> id;
            default -> null;
        };
        Symbol sym = target == null ? null : resolution.reference(target);
        if (sym != null && sym.isGlobal() && !sym.needsCell()) {
            shared.add(sym);
        }
    }

    /** Whether {@code a}'s value reads the variable it assigns: {@code x = (x + 1) % n}. */
    static boolean readsItself(Expr.Assign a, Resolution resolution) {
        Symbol sym = a.target() instanceof Expr.Ident id ? resolution.reference(id) : null;
        return sym != null && Nodes.any(a.value(), n -> n instanceof Expr.Ident read && resolution.reference(read) == sym);
    }
}
