package dev.ruchy.transpiler.types;

import dev.ruchy.transpiler.ast.Expr;
import dev.ruchy.transpiler.ast.Nodes;
import dev.ruchy.transpiler.ast.Program;
import dev.ruchy.transpiler.ast.Stmt;
import dev.ruchy.transpiler.diag.DiagnosticCode;
import dev.ruchy.transpiler.diag.Diagnostics;
import dev.ruchy.transpiler.resolve.Resolver;

/**
 * The checks that need inferred types: a field read or written on a value known to be a struct must
 * be one of its declared fields ({@code p.z} on {@code struct Pt { x, y }} is R0206, reported by
 * {@code ruchy check} and before any Java is written).
 */
public final class FieldChecks {
    private FieldChecks() {
    }

    /** Reports every access to an undeclared field of a struct-typed value in {@code program}. */
    public static void check(Program program, Resolver.Resolution resolution, TypeInference.Types types, Diagnostics diagnostics) {
        Nodes.any(program, node -> {
            if (node instanceof Expr.Field f && types.of(f.receiver()) instanceof Type.Named n) {
                Stmt.Struct st = resolution.structs().get(n.name());
                if (st != null && st.tupleFields().isEmpty()
                        && st.fields().stream().noneMatch(d -> d.name().equals(f.name()))) {
                    diagnostics.report(DiagnosticCode.UNKNOWN_FIELD.at(f.span(), st.name(), f.name()));
                }
            }
            return false; // visit every node
        });
    }
}
