package dev.ruchy.transpiler.emit;

import dev.ruchy.transpiler.ast.Expr;
import dev.ruchy.transpiler.ast.Nodes;
import dev.ruchy.transpiler.ast.Pattern;
import dev.ruchy.transpiler.ast.Program;
import dev.ruchy.transpiler.ast.Stmt;
import dev.ruchy.transpiler.code.Symbol;
import dev.ruchy.transpiler.code.Type;
import dev.ruchy.transpiler.resolve.Resolver.Resolution;
import dev.ruchy.transpiler.types.TypeInference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Pushes printed as a plain {@code xs.add(v)} instead of {@code Lists.push(xs, v)}: those onto an
 * array no other code can see yet, so that the monitor {@code Lists.push} takes for threads that
 * share the array (the runtime's rule for every array method) buys nothing. Building a matrix row by
 * row is then as fast as in hand-written Java. A push statement {@code xs.push(v)} qualifies when
 * <ul>
 * <li>{@code xs} is a local declared by {@code let xs = [...]} or {@code let xs = [v; n]} (a new
 * array), never reassigned, captured by a closure or {@code spawn}, or a global;</li>
 * <li>every other use of {@code xs} comes after the push: later in the source, outside the push's
 * value, and not in a loop that holds the push but not the declaration (whose next round would run
 * the push after that use). Until then the array has only been pushed onto, so no other variable,
 * array, object or thread holds it.</li>
 * </ul>
 */
final class UnsharedArrays {
    private final Set<Expr.MethodCall> pushes = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Resolution resolution;
    private final TypeInference.Types types;

    private UnsharedArrays(Resolution resolution, TypeInference.Types types) {
        this.resolution = resolution;
        this.types = types;
    }

    /** The pushes of {@code program} onto arrays no other code can see yet. */
    static UnsharedArrays of(Program program, Resolution resolution, TypeInference.Types types) {
        UnsharedArrays arrays = new UnsharedArrays(resolution, types);
        AstScan.statementLists(program, true, arrays::block);
        return arrays;
    }

    /** Whether {@code push}, a statement {@code xs.push(v)}, pushes onto an array no other code can see yet. */
    boolean isUnshared(Expr.MethodCall push) {
        return pushes.contains(push);
    }

    /** A use of the array: the node, the loops around it inside the array's scope, and whether it is a push statement. */
    private record Use(Expr.Ident ident, Expr.MethodCall push, List<Object> loops, List<Object> ancestors) {
    }

    private void block(List<Stmt> statements) {
        for (int i = 0; i < statements.size(); i++) {
            Symbol array = newArray(statements.get(i));
            if (array != null) {
                scope(array, statements.subList(i + 1, statements.size()));
            }
        }
    }

    /** The local a {@code let xs = [...]} declares, when it qualifies; else null. */
    private Symbol newArray(Stmt s) {
        if (!(s instanceof Stmt.Let let) || !(let.pattern() instanceof Pattern.Binding b) || let.elseBlock() != null
                || !(let.init() instanceof Expr.ArrayLit || let.init() instanceof Expr.ArrayRepeat)) {
            return null;
        }
        Symbol sym = resolution.declaration(b);
        if (sym == null || sym.isGlobal() || sym.needsCell() || sym.isCaptured() || sym.isReassigned()
                || !(types.of(sym) instanceof Type.ListType)) {
            return null;
        }
        return sym;
    }

    private void scope(Symbol array, List<Stmt> scope) {
        List<Use> uses = new ArrayList<>();
        Nodes.visit(scope, (node, ancestors) -> {
            if (node instanceof Expr.Ident id && resolution.reference(id) == array) {
                Object parent = ancestors.isEmpty() ? null : ancestors.get(ancestors.size() - 1);
                Object grandparent = ancestors.size() < 2 ? null : ancestors.get(ancestors.size() - 2);
                Expr.MethodCall push = parent instanceof Expr.MethodCall m && m.receiver() == id
                        && m.name().equals("push") && m.args().size() == 1 && !m.optional()
                        && grandparent instanceof Stmt.ExprStmt es && es.expr() == m ? m : null;
                List<Object> loops = ancestors.stream().filter(AstScan::isLoop).toList();
                uses.add(new Use(id, push, loops, List.copyOf(ancestors)));
            }
        });
        // in source order: a push qualifies when no other use comes before it or could in an earlier round
        for (int p = 0; p < uses.size(); p++) {
            Use push = uses.get(p);
            if (push.push() == null) {
                continue;
            }
            boolean alone = true;
            for (int u = 0; u < uses.size() && alone; u++) {
                Use other = uses.get(u);
                if (other.push() != null) {
                    continue;
                }
                alone = u > p && other.ancestors().stream().noneMatch(a -> a == push.push())
                        && other.loops().stream().noneMatch(loop -> push.loops().stream().anyMatch(l -> l == loop));
            }
            if (alone) {
                pushes.add(push.push());
            }
        }
    }
}
