package dev.ruchy.transpiler.emit;

import dev.ruchy.transpiler.ast.Expr;
import dev.ruchy.transpiler.ast.Nodes;
import dev.ruchy.transpiler.ast.Program;
import dev.ruchy.transpiler.ast.Stmt;
import dev.ruchy.transpiler.code.Symbol;
import dev.ruchy.transpiler.resolve.Resolver.Resolution;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Top-level variables that handlers and tasks may update at the same time: each of their updates is
 * one step under the program class's monitor, and the field is {@code volatile}. An update is
 * {@code x += k} (any compound assignment) or an assignment whose value reads the variable
 * ({@code x = (x + 1) % n}); it counts when it is in a closure, a {@code spawn} or an {@code async}
 * block, or in a function such code calls (directly or through other functions). Closures are taken
 * as possibly running on other threads wherever they go (a request handler, a listener, a thread),
 * even to an array method that calls them at once: an uncontended monitor costs next to nothing.
 */
final class SharedGlobals {
    private final Resolution resolution;
    private final Set<Symbol> shared = Collections.newSetFromMap(new IdentityHashMap<>());

    private SharedGlobals(Resolution resolution) {
        this.resolution = resolution;
    }

    /** The shared top-level variables of {@code program}. */
    static Set<Symbol> of(Program program, Resolution resolution) {
        SharedGlobals globals = new SharedGlobals(resolution);
        Set<Stmt.Fun> reached = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Object> work = new ArrayDeque<>();
        Nodes.any(program.statements(), node -> {
            if (node instanceof Expr.Lambda || node instanceof Expr.Spawn || node instanceof Expr.AsyncBlock) {
                work.add(node);
            }
            return false; // every one, nested ones too
        });
        while (!work.isEmpty()) {
            Object code = work.pop();
            Nodes.any(code, node -> {
                globals.update(node);
                if (node instanceof Expr.Call c && c.callee() instanceof Expr.Ident callee
                        && resolution.reference(callee) instanceof Symbol f && f.kind() == Symbol.Kind.FUNCTION
                        && f.declaration() instanceof Stmt.Fun fun && reached.add(fun)) {
                    work.add(fun.body());
                }
                return false;
            });
        }
        return globals.shared;
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
