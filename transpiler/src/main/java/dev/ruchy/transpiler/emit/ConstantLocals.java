package dev.ruchy.transpiler.emit;

import dev.ruchy.transpiler.ast.Expr;
import dev.ruchy.transpiler.ast.Nodes;
import dev.ruchy.transpiler.ast.Pattern;
import dev.ruchy.transpiler.ast.Program;
import dev.ruchy.transpiler.ast.Stmt;
import dev.ruchy.transpiler.code.Symbol;
import dev.ruchy.transpiler.resolve.Resolver.Resolution;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Lookup tables written in a function's body that are made once, as a {@code static final} field of
 * the class, instead of at every call: {@code let services = {21: "FTP", 22: "SSH", ...}} followed
 * only by {@code services.get(port, "Unknown")} is {@code SERVICES.getOrDefault(port, "Unknown")}.
 * A {@code let} qualifies when
 * <ul>
 * <li>it is in a function (not at the top level, whose variables are fields already), binds one
 * name, never reassigned, captured by a closure or {@code spawn}, and its value is an object or
 * array literal of literals only (strings, numbers, booleans, nil; keys too);</li>
 * <li>every use of the name reads it: the receiver of {@code get}, {@code has_key},
 * {@code contains}, {@code contains_key}, {@code len}, {@code length} or {@code is_empty}, or an
 * indexed read ({@code services[port]}, not assigned).</li>
 * </ul>
 * Nothing can then change the table or see that it is one object for every call.
 */
final class ConstantLocals {
    private static final Set<String> READS = Set.of("get", "has_key", "contains", "contains_key", "len", "length",
            "is_empty");

    private final Resolution resolution;
    private final Set<Stmt.Let> constants = Collections.newSetFromMap(new IdentityHashMap<>());

    private ConstantLocals(Resolution resolution) {
        this.resolution = resolution;
    }

    /** The tables of {@code program}'s functions made once; none in an interactive session. */
    static ConstantLocals of(Program program, Resolution resolution, boolean session) {
        ConstantLocals locals = new ConstantLocals(resolution);
        if (session) {
            return locals;
        }
        Nodes.any(program.statements(), node -> {
            if (node instanceof Stmt.Fun f) {
                Nodes.any(f.body(), n -> {
                    if (n instanceof Stmt.Let let && locals.qualifies(let, f)) {
                        locals.constants.add(let);
                    }
                    return false;
                });
            }
            return false;
        });
        return locals;
    }

    /** Whether {@code let} declares a table made once, as a field. */
    boolean isConstant(Stmt.Let let) {
        return constants.contains(let);
    }

    private boolean qualifies(Stmt.Let let, Stmt.Fun function) {
        if (!(let.pattern() instanceof Pattern.Binding b) || let.elseBlock() != null || let.type() != null
                || !isLiteralTable(let.init())) {
            return false;
        }
        Symbol sym = resolution.declaration(b);
        if (sym == null || sym.isGlobal() || sym.needsCell() || sym.isCaptured() || sym.isReassigned()) {
            return false;
        }
        boolean[] other = {false};
        Nodes.visit(function.body(), (node, ancestors) -> {
            if (node instanceof Expr.Ident id && resolution.reference(id) == sym && !other[0]) {
                Object parent = ancestors.isEmpty() ? null : ancestors.getLast();
                Object grandparent = ancestors.size() < 2 ? null : ancestors.get(ancestors.size() - 2);
                boolean read = parent instanceof Expr.MethodCall m && m.receiver() == id && READS.contains(m.name())
                        && !m.optional()
                        || parent instanceof Expr.Index i && i.target() == id
                                && !(grandparent instanceof Expr.Assign a && a.target() == i)
                                && !(grandparent instanceof Expr.CompoundAssign c && c.target() == i);
                other[0] = !read;
            }
        });
        return !other[0];
    }

    private static boolean isLiteralTable(Expr e) {
        return switch (e) {
            case Expr.ObjectLit o -> !o.entries().isEmpty()
                    && o.entries().stream().allMatch(entry -> entry instanceof Expr.KeyValue kv && isLiteral(kv.value()));
            case Expr.ArrayLit a -> !a.elements().isEmpty() && a.elements().stream().allMatch(ConstantLocals::isLiteral);
            case null, default -> false;
        };
    }

    private static boolean isLiteral(Expr e) {
        return e instanceof Expr.StringLit || e instanceof Expr.IntLit || e instanceof Expr.FloatLit
                || e instanceof Expr.BoolLit || e instanceof Expr.NilLit
                || e instanceof Expr.Unary u && isLiteral(u.operand()) && (u.operand() instanceof Expr.IntLit
                        || u.operand() instanceof Expr.FloatLit);
    }
}
