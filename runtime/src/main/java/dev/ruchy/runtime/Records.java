package dev.ruchy.runtime;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads generated records for printing: their Ruchy names and component values. The only reflection
 * in the runtime; results per class are cached.
 */
final class Records {
    private record Component(String name, Method accessor) {
    }

    private static final ClassValue<List<Component>> COMPONENTS = new ClassValue<>() {
        @Override
        protected List<Component> computeValue(Class<?> type) {
            List<Component> components = new ArrayList<>();
            for (RecordComponent c : type.getRecordComponents()) {
                RuchyName name = c.getAnnotation(RuchyName.class);
                Method accessor = c.getAccessor();
                accessor.trySetAccessible(); // generated records are often package-private
                components.add(new Component(name != null ? name.value() : c.getName(), accessor));
            }
            return List.copyOf(components);
        }
    };

    private Records() {
    }

    /** {@link RuchyName} on the type if present, else its simple name. */
    static String typeName(Class<?> type) {
        RuchyName name = type.getAnnotation(RuchyName.class);
        return name != null ? name.value() : type.getSimpleName();
    }

    /** The default {@link RuchyEnum#variantName()}. */
    static String variantName(RuchyEnum variant) {
        return variant instanceof Enum<?> constant ? constant.name() : typeName(variant.getClass());
    }

    /**
     * The Ruchy enum a variant belongs to, for Debug dumps: the sealed interface (or Java enum) that
     * declares it, by {@link RuchyName} or simple name; empty if none can be found.
     */
    static String enumName(Object variant) {
        if (variant instanceof Enum<?> constant) {
            return typeName(constant.getDeclaringClass());
        }
        for (Class<?> parent : variant.getClass().getInterfaces()) {
            if (parent != RuchyEnum.class && RuchyEnum.class.isAssignableFrom(parent)) {
                return typeName(parent);
            }
        }
        Class<?> enclosing = variant.getClass().getEnclosingClass();
        return enclosing != null ? typeName(enclosing) : "";
    }

    /** The component values of a record, in declaration order. */
    static List<Object> values(Record record) {
        List<Object> values = new ArrayList<>();
        for (Component c : COMPONENTS.get(record.getClass())) {
            values.add(read(record, c));
        }
        return values;
    }

    /** The components of a record by Ruchy name, in declaration order. */
    static Map<String, Object> fields(Record record) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Component c : COMPONENTS.get(record.getClass())) {
            fields.put(c.name(), read(record, c));
        }
        return fields;
    }

    private static Object read(Record record, Component c) {
        try {
            return c.accessor().invoke(record);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + record.getClass().getName() + "." + c.name()
                    + "; open its package to dev.ruchy.runtime", e);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("accessor of " + record.getClass().getName() + "." + c.name() + " failed", e.getCause());
        }
    }
}
