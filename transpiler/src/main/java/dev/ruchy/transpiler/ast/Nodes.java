package dev.ruchy.transpiler.ast;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayDeque;
import java.util.ArrayList;
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
        for (MethodHandle accessor : CHILD_ACCESSORS.get(root.getClass())) {
            if (any(read(accessor, root), test)) {
                return true;
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
        MethodHandle[] accessors = CHILD_ACCESSORS.get(node.getClass());
        if (accessors.length > 0) {
            ancestors.addLast(node);
            for (MethodHandle accessor : accessors) {
                visit(read(accessor, node), ancestors, visitor);
            }
            ancestors.removeLast();
        }
    }

    /**
     * The children of {@code node} in the order {@link #any} visits them: a list's items, or an AST
     * record's components other than strings and primitives (null ones included); empty for anything else.
     */
    public static List<Object> children(Object node) {
        if (node instanceof List<?> list) {
            return java.util.Collections.unmodifiableList(list);
        }
        if (node == null) {
            return List.of();
        }
        MethodHandle[] accessors = CHILD_ACCESSORS.get(node.getClass());
        List<Object> values = new ArrayList<>(accessors.length);
        for (MethodHandle accessor : accessors) {
            values.add(read(accessor, node));
        }
        return values;
    }

    private static Object read(MethodHandle accessor, Object node) {
        try {
            return (Object) accessor.invokeExact(node);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * For each AST record class, the accessors of its components that may hold nodes (not strings or
     * primitives), typed {@code (Object)Object}; looked up once per class, since the walks above run
     * over whole programs many times per transpile. Empty for classes that are not AST records.
     */
    private static final ClassValue<MethodHandle[]> CHILD_ACCESSORS = new ClassValue<>() {
        @Override
        protected MethodHandle[] computeValue(Class<?> type) {
            if (!type.isRecord() || !type.getPackageName().equals(Nodes.class.getPackageName())) {
                return new MethodHandle[0];
            }
            List<MethodHandle> accessors = new ArrayList<>();
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            for (RecordComponent c : type.getRecordComponents()) {
                if (c.getType().isPrimitive() || c.getType() == String.class) {
                    continue;
                }
                try {
                    accessors.add(lookup.unreflect(c.getAccessor()).asType(MethodType.methodType(Object.class, Object.class)));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
            return accessors.toArray(new MethodHandle[0]);
        }
    };

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
