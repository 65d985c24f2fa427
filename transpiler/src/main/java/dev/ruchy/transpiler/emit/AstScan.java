package dev.ruchy.transpiler.emit;

import dev.ruchy.transpiler.ast.Expr;
import dev.ruchy.transpiler.ast.Nodes;
import dev.ruchy.transpiler.ast.Program;
import dev.ruchy.transpiler.ast.Stmt;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** Small whole-tree questions the emitter asks, answered by walking the records of the AST. */
final class AstScan {
    private AstScan() {
    }

    /**
     * Gives {@code visit} every list of statements of {@code program}: its top level when
     * {@code topLevel} (a file's; an interactive session's bindings outlive each input), then every
     * block, nested ones too, in source order.
     */
    static void statementLists(Program program, boolean topLevel, Consumer<List<Stmt>> visit) {
        if (topLevel) {
            visit.accept(program.statements());
        }
        Nodes.any(program.statements(), node -> {
            if (node instanceof Expr.Block b) {
                visit.accept(b.statements());
            }
            return false; // every block
        });
    }

    /** Whether {@code node} runs its body any number of times: a loop or a comprehension. */
    static boolean isLoop(Object node) {
        return node instanceof Expr.While || node instanceof Expr.For || node instanceof Expr.WhileLet
                || node instanceof Expr.Loop || node instanceof Expr.Comprehension;
    }

    /**
     * Whether {@code node} makes code that runs later or on another thread, or waits for such code:
     * a closure, {@code spawn}, {@code async}, {@code await}.
     */
    static boolean startsOrAwaits(Object node) {
        return node instanceof Expr.Lambda || node instanceof Expr.Spawn || node instanceof Expr.AsyncBlock
                || node instanceof Expr.Await;
    }

    /** Whether a method body assigns a field of {@code self}: the struct then needs mutable fields. */
    static boolean assignsSelfField(Expr body) {
        return any(body, n -> n instanceof Expr.Assign a && isSelfField(a.target())
                || n instanceof Expr.CompoundAssign c && isSelfField(c.target()));
    }

    private static boolean isSelfField(Expr target) {
        return target instanceof Expr.Field f && f.receiver() instanceof Expr.Ident id && id.name().equals("self");
    }

    /** Whether the program assigns a field for whose receiver and name {@code test} holds. */
    static boolean anyFieldAssign(Program program, java.util.function.BiPredicate<Expr, String> test) {
        return any(program, n -> n instanceof Expr.Assign a && a.target() instanceof Expr.Field f && test.test(f.receiver(), f.name())
                || n instanceof Expr.CompoundAssign c && c.target() instanceof Expr.Field g && test.test(g.receiver(), g.name()));
    }

    /**
     * Whether a {@code loop} can end normally: some {@code break} in its body targets it (unlabelled
     * and not inside an inner loop or closure, or with its label). A loop that cannot is Java's
     * {@code while (true)} with nothing reachable after it.
     */
    static boolean breaksOut(Expr.Loop loop) {
        return breaks(loop.body(), loop.label(), 0);
    }

    private static boolean breaks(Object node, String label, int innerLoops) {
        if (node instanceof Expr.Break b) {
            return b.label() == null ? innerLoops == 0 : b.label().equals(label);
        }
        if (node instanceof Expr.Lambda || node instanceof Expr.Spawn || node instanceof Expr.AsyncBlock) {
            return false;
        }
        int depth = node instanceof Expr.Loop || node instanceof Expr.While || node instanceof Expr.For
                || node instanceof Expr.WhileLet ? innerLoops + 1 : innerLoops;
        if (node instanceof List<?> list) {
            for (Object item : list) {
                if (breaks(item, label, depth)) {
                    return true;
                }
            }
            return false;
        }
        for (Object child : Nodes.children(node)) {
            if (breaks(child, label, depth)) {
                return true;
            }
        }
        return false;
    }

    /** Whether control never continues after statement {@code s}: return, throw, break, continue, an endless loop, or a match without arms. */
    static boolean endsAbruptly(dev.ruchy.transpiler.ast.Stmt s) {
        if (!(s instanceof dev.ruchy.transpiler.ast.Stmt.ExprStmt es)) {
            return false;
        }
        return switch (es.expr()) {
            case Expr.Return r -> true;
            case Expr.Throw t -> true;
            case Expr.Break b -> true;
            case Expr.Continue c -> true;
            case Expr.Loop l -> !breaksOut(l);
            case Expr.Match m -> m.arms().isEmpty(); // nothing can match: it always fails
            default -> false;
        };
    }

    /**
     * The expression a block of one expression statement stands for ({@code { 1 + 3 }} is {@code 1 + 3}
     * when printed), looking through nested such blocks; any other expression itself.
     */
    static Expr unwrapBlock(Expr e) {
        while (e instanceof Expr.Block b && b.statements().size() == 1
                && b.statements().get(0) instanceof dev.ruchy.transpiler.ast.Stmt.ExprStmt es) {
            e = es.expr();
        }
        return e;
    }

    /** Whether any node under {@code root} satisfies {@code test}. */
    static boolean any(Object root, Predicate<Object> test) {
        return Nodes.any(root, test);
    }
}
