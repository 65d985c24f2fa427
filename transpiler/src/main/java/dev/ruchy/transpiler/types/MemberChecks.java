package dev.ruchy.transpiler.types;

import dev.ruchy.transpiler.ast.Expr;
import dev.ruchy.transpiler.ast.Node;
import dev.ruchy.transpiler.ast.Nodes;
import dev.ruchy.transpiler.ast.Program;
import dev.ruchy.transpiler.ast.Stmt;
import dev.ruchy.transpiler.code.Type;
import dev.ruchy.transpiler.diag.Diagnostic;
import dev.ruchy.transpiler.diag.DiagnosticCode;
import dev.ruchy.transpiler.diag.Diagnostics;
import dev.ruchy.transpiler.resolve.Resolver;

/**
 * The checks that need inferred types, on members of structs and classes: a field read or written on
 * a value known to be a struct must be declared ({@code p.z} on {@code struct Pt { x, y }} is R0206),
 * and a method of a known struct or class, or its associated function, must get as many arguments as
 * it takes ({@code p.dist2(5)}, {@code Pt::new(1)}: R0202). Reported by {@code ruchy check} and before
 * any Java is written.
 */
public final class MemberChecks {
    private MemberChecks() {
    }

    /** Reports every undeclared field and every wrong argument count of a known member in {@code program}. */
    public static void check(Program program, Resolver.Resolution resolution, TypeInference.Types types, Diagnostics diagnostics) {
        Nodes.any(program, node -> {
            switch (node) {
                case Expr.Field f when types.of(f.receiver()) instanceof Type.Named n -> {
                    Stmt.Struct st = resolution.structs().get(n.name());
                    if (st != null && st.tupleFields().isEmpty()
                            && st.fields().stream().noneMatch(d -> d.name().equals(f.name()))) {
                        diagnostics.report(DiagnosticCode.UNKNOWN_FIELD.at(f.span(), st.name(), f.name()));
                    }
                }
                case Expr.MethodCall m when types.of(m.receiver()) instanceof Type.Named n -> {
                    Stmt.Fun method = resolution.method(n.name(), m.name());
                    if (method != null) {
                        checkArity(m.name(), method, m.args().size(), m, diagnostics);
                    }
                }
                case Expr.Call c when c.callee() instanceof Expr.Path p && p.segments().size() == 2 -> {
                    Stmt.Fun function = resolution.method(p.segments().get(0), p.segments().get(1));
                    if (function != null) {
                        checkArity(String.join("::", p.segments()), function, c.args().size(), c, diagnostics);
                    }
                }
                default -> {
                }
            }
            return false; // visit every node
        });
    }

    private static void checkArity(String name, Stmt.Fun f, int given, Node at, Diagnostics diagnostics) {
        Diagnostic d = Resolver.arityError(name, f, given, at);
        if (d != null) {
            diagnostics.report(d);
        }
    }
}
