package dev.ruchy.transpiler.emit;

import dev.ruchy.transpiler.ast.Expr;
import dev.ruchy.transpiler.ast.Program;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.function.Predicate;

/** Small whole-tree questions the emitter asks, answered by walking the records of the AST. */
final class AstScan {
    private AstScan() {
    }

    /** Whether a method body assigns a field of {@code self}: the struct then needs mutable fields. */
    static boolean assignsSelfField(Expr body) {
        return any(body, n -> n instanceof Expr.Assign a && isSelfField(a.target())
                || n instanceof Expr.CompoundAssign c && isSelfField(c.target()));
    }

    private static boolean isSelfField(Expr target) {
        return target instanceof Expr.Field f && f.receiver() instanceof Expr.Ident id && id.name().equals("self");
    }

    /** Whether the program assigns a field of a receiver for which {@code receiverTest} holds. */
    static boolean anyFieldAssign(Program program, Predicate<Expr> receiverTest) {
        return any(program, n -> n instanceof Expr.Assign a && a.target() instanceof Expr.Field f && receiverTest.test(f.receiver())
                || n instanceof Expr.CompoundAssign c && c.target() instanceof Expr.Field g && receiverTest.test(g.receiver()));
    }

    /** Whether any node under {@code root} satisfies {@code test}. */
    static boolean any(Object root, Predicate<Object> test) {
        if (root == null) {
            return false;
        }
        if (test.test(root)) {
            return true;
        }
        if (root instanceof List<?> list) {
            for (Object item : list) {
                if (any(item, test)) {
                    return true;
                }
            }
            return false;
        }
        if (root instanceof Record r && r.getClass().getName().startsWith("dev.ruchy.transpiler.ast.")) {
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                if (c.getType().isPrimitive() || c.getType() == String.class) {
                    continue;
                }
                try {
                    if (any(c.getAccessor().invoke(r), test)) {
                        return true;
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return false;
    }
}
