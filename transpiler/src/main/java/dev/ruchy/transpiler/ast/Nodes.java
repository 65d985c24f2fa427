package dev.ruchy.transpiler.ast;

import java.lang.reflect.RecordComponent;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/** Walks a syntax tree generically: every AST record and list under a root, depth first. */
public final class Nodes {
    private Nodes() {
    }

    /**
     * Whether any node under {@code root} (itself included) satisfies {@code test}; the walk stops at
     * the first that does. Strings and primitives are not visited.
     */
    public static boolean any(Object root, Predicate<Object> test) {
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
        if (root instanceof Record r && r.getClass().getPackageName().equals(Nodes.class.getPackageName())) {
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

    /**
     * Visits every node under {@code root} (itself included), depth first, with its ancestors: the
     * AST records between {@code root} and the node, outermost first (lists are not ancestors).
     * Strings and primitives are not visited.
     */
    public static void visit(Object root, BiConsumer<Object, List<Object>> visitor) {
        visit(root, new ArrayDeque<>(), visitor);
    }

    private static void visit(Object node, Deque<Object> ancestors, BiConsumer<Object, List<Object>> visitor) {
        if (node == null) {
            return;
        }
        if (node instanceof List<?> list) {
            list.forEach(item -> visit(item, ancestors, visitor));
            return;
        }
        visitor.accept(node, List.copyOf(ancestors));
        if (node instanceof Record r && r.getClass().getPackageName().equals(Nodes.class.getPackageName())) {
            ancestors.addLast(r);
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                if (c.getType().isPrimitive() || c.getType() == String.class) {
                    continue;
                }
                try {
                    visit(c.getAccessor().invoke(r), ancestors, visitor);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            ancestors.removeLast();
        }
    }

    /**
     * A copy of the tree under {@code root} made of new node records, so that a phase keying facts by
     * node identity (the resolver, inference) sees each copy as its own; spans, strings and other
     * values are shared.
     */
    @SuppressWarnings("unchecked")
    public static <T> T copy(T root) {
        if (root instanceof List<?> list) {
            return (T) list.stream().map(Nodes::copy).toList();
        }
        if (root instanceof Record r && r.getClass().getPackageName().equals(Nodes.class.getPackageName())) {
            RecordComponent[] components = r.getClass().getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            try {
                for (int i = 0; i < components.length; i++) {
                    types[i] = components[i].getType();
                    values[i] = copy(components[i].getAccessor().invoke(r));
                }
                return (T) r.getClass().getDeclaredConstructor(types).newInstance(values);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return root;
    }
}
