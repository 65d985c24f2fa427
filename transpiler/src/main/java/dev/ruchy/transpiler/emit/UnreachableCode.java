package dev.ruchy.transpiler.emit;

import dev.ruchy.transpiler.ast.Expr;
import dev.ruchy.transpiler.ast.Nodes;
import dev.ruchy.transpiler.ast.Program;
import dev.ruchy.transpiler.ast.Stmt;
import dev.ruchy.transpiler.diag.DiagnosticCode;
import dev.ruchy.transpiler.diag.Diagnostics;
import java.util.List;

/**
 * Warns about statements that can never run: those after a {@code return}, {@code break},
 * {@code continue}, {@code throw}, a {@code match} with no arms or a {@code loop} that no
 * {@code break} leaves, in the same block. Java rejects unreachable statements, so the emitter leaves
 * them out of the generated class; this warning ({@link DiagnosticCode#UNREACHABLE_CODE}, once per
 * block, at the first such statement) is how the user learns of it. Declarations ({@code fun},
 * {@code struct}, {@code impl}, ...) after such a statement are not code that runs and are not reported.
 */
public final class UnreachableCode {
    private UnreachableCode() {
    }

    /** Reports each block of {@code program} whose statements go on after one that never completes. */
    public static void check(Program program, Diagnostics diagnostics) {
        checkStatements(program.statements(), diagnostics);
        Nodes.any(program.statements(), node -> {
            if (node instanceof Expr.Block b) {
                checkStatements(b.statements(), diagnostics);
            } else if (node instanceof Stmt.Mod m && m.body() != null) {
                checkStatements(m.body(), diagnostics);
            }
            return false; // visit every node
        });
    }

    private static void checkStatements(List<Stmt> statements, Diagnostics diagnostics) {
        for (int i = 0; i < statements.size() - 1; i++) {
            Stmt end = statements.get(i);
            if (!AstScan.endsAbruptly(end)) {
                continue;
            }
            for (Stmt next : statements.subList(i + 1, statements.size())) {
                if (!isDeclaration(next)) {
                    diagnostics.report(DiagnosticCode.UNREACHABLE_CODE.at(next.span(), describe(end),
                            end.span().startLine()));
                    return;
                }
            }
            return;
        }
    }

    private static boolean isDeclaration(Stmt s) {
        return s instanceof Stmt.Fun || s instanceof Stmt.Struct || s instanceof Stmt.Enum || s instanceof Stmt.Impl
                || s instanceof Stmt.Class || s instanceof Stmt.Trait || s instanceof Stmt.Use
                || s instanceof Stmt.TypeAlias || s instanceof Stmt.Mod;
    }

    private static String describe(Stmt end) {
        return switch (((Stmt.ExprStmt) end).expr()) {
            case Expr.Return r -> "a `return`";
            case Expr.Throw t -> "a `throw`";
            case Expr.Break b -> "a `break`";
            case Expr.Continue c -> "a `continue`";
            case Expr.Loop l -> "a `loop` that never ends (no `break` leaves it)";
            default -> "a `match` with no arms";
        };
    }
}
