package dev.ruchy.runtime;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Calls methods and reads fields of Java objects that are not built-in Ruchy values: generated
 * structs and enums with {@code impl} methods, and runtime service objects (servers, sockets, ...).
 * Members are found by their Ruchy name: the {@link RuchyName} on the member (for a method, on it or
 * on a method it overrides, so an interface can name its implementations' methods), else its Java
 * name. So {@code notify} finds {@code @RuchyName("notify") notify_()} and {@code read_line} finds
 * {@code @RuchyName("read_line") readLine()}, while an unannotated {@code readLine()} is reachable
 * only as {@code readLine}. Members per class are cached; overloads are tried in declaration order
 * and the first whose parameters accept the arguments wins (integers convert to {@code int}/{@code long},
 * numbers to {@code double}).
 */
final class Reflect {
    /** Returned when no member fits. */
    static final Object NONE = new Object();
    private static final Object[] NO_ARGS = {};
    /** Java's own object protocol, never a Ruchy method (besides {@code Object}'s methods: {@code wait}, {@code getClass}, ...). */
    private static final Set<String> JAVA_ONLY = Set.of("hashCode", "equals", "toString", "clone", "finalize");

    /** A method as calls see it: its parameter types are read once, not per call. */
    private record Candidate(Method method, Class<?>[] types, boolean varArgs) {
        Candidate(Method method) {
            this(method, method.getParameterTypes(), method.isVarArgs());
        }
    }

    /** The callable methods and the instance fields of one class, by Ruchy name. */
    private record Members(Map<String, List<Candidate>> methods, Map<String, Field> fields) {
    }

    private static final ClassValue<Members> MEMBERS = new ClassValue<>() {
        @Override
        protected Members computeValue(Class<?> type) {
            return new Members(methods(type), fields(type));
        }
    };

    private Reflect() {
    }

    private static Map<String, List<Candidate>> methods(Class<?> type) {
        List<Method> all = new ArrayList<>(List.of(type.getMethods()));
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            all.addAll(List.of(c.getDeclaredMethods())); // package-private generated methods
        }
        List<Method> distinct = new ArrayList<>();
        for (Method m : all) {
            if (Modifier.isStatic(m.getModifiers()) || m.isBridge() || m.isSynthetic()
                    || m.getDeclaringClass() == Object.class || JAVA_ONLY.contains(m.getName())) {
                continue;
            }
            if (distinct.stream().noneMatch(o -> sameSignature(o, m))) {
                Method usable = m.trySetAccessible() ? m : publicDeclaration(type, m);
                if (usable != null) {
                    distinct.add(usable);
                }
            }
        }
        Map<String, List<Candidate>> byName = new HashMap<>();
        for (Method m : distinct) {
            byName.computeIfAbsent(ruchyName(m, type), k -> new ArrayList<>()).add(new Candidate(m));
        }
        byName.replaceAll((name, candidates) -> List.copyOf(candidates));
        return Map.copyOf(byName);
    }

    /**
     * The declaration of {@code m} in a public supertype of {@code type} that may be called: a JDK
     * object of a class not exported ({@code Map.of(...)}'s) is called through its public interface.
     */
    private static Method publicDeclaration(Class<?> type, Method m) {
        for (Class<?> c : supertypes(type)) {
            if (!Modifier.isPublic(c.getModifiers())) {
                continue;
            }
            try {
                Method declared = c.getMethod(m.getName(), m.getParameterTypes());
                if (declared.trySetAccessible()) {
                    return declared;
                }
            } catch (NoSuchMethodException e) {
                // not declared there
            }
        }
        return null;
    }

    /** {@link RuchyName} on {@code m} or on a method of {@code type}'s supertypes that it overrides, else its Java name. */
    private static String ruchyName(Method m, Class<?> type) {
        RuchyName own = m.getAnnotation(RuchyName.class);
        if (own != null) {
            return own.value();
        }
        for (Class<?> c : supertypes(type)) {
            try {
                RuchyName inherited = c.getDeclaredMethod(m.getName(), m.getParameterTypes()).getAnnotation(RuchyName.class);
                if (inherited != null) {
                    return inherited.value();
                }
            } catch (NoSuchMethodException e) {
                // not declared there
            }
        }
        return m.getName();
    }

    /** {@code type}, its superclasses and all their interfaces, nearest first. */
    private static Set<Class<?>> supertypes(Class<?> type) {
        Set<Class<?>> seen = new LinkedHashSet<>();
        List<Class<?>> queue = new ArrayList<>(List.of(type));
        for (int i = 0; i < queue.size(); i++) {
            Class<?> c = queue.get(i);
            if (c != null && c != Object.class && seen.add(c)) {
                queue.add(c.getSuperclass());
                queue.addAll(List.of(c.getInterfaces()));
            }
        }
        return seen;
    }

    /** Instance fields by {@link RuchyName} or Java name; a subclass's field hides its superclass's. */
    private static Map<String, Field> fields(Class<?> type) {
        Map<String, Field> byName = new HashMap<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.isSynthetic()) {
                    continue;
                }
                RuchyName name = f.getAnnotation(RuchyName.class);
                String key = name != null ? name.value() : f.getName();
                if (!byName.containsKey(key) && f.trySetAccessible()) {
                    byName.put(key, f);
                }
            }
        }
        return Map.copyOf(byName);
    }

    /** {@code target.name(args...)}, or {@link #NONE} if the class has no fitting method. */
    static Object invoke(Object target, String name, Object[] args) {
        for (Candidate c : MEMBERS.get(target.getClass()).methods().getOrDefault(name, List.of())) {
            Object[] actual = arguments(c, args);
            if (actual != null) {
                return call(c.method(), target, actual);
            }
        }
        return NONE;
    }

    /**
     * {@code target.name} read through a no-argument method or an instance field of that Ruchy name;
     * {@link #NONE} if there is neither.
     */
    static Object get(Object target, String name) {
        Object viaMethod = invoke(target, name, NO_ARGS);
        if (viaMethod != NONE) {
            return viaMethod;
        }
        Field f = MEMBERS.get(target.getClass()).fields().get(name);
        if (f == null) {
            return NONE;
        }
        try {
            return normalize(f.get(target));
        } catch (IllegalAccessException e) {
            return NONE;
        }
    }

    /** {@code target.name = value} through a non-final instance field of that Ruchy name; {@code false} if there is none or the value does not fit. */
    static boolean set(Object target, String name, Object value) {
        Field f = MEMBERS.get(target.getClass()).fields().get(name);
        if (f == null || Modifier.isFinal(f.getModifiers())) {
            return false;
        }
        Object v = coerce(value, f.getType());
        if (v == NONE) {
            return false;
        }
        try {
            f.set(target, v);
            return true;
        } catch (IllegalAccessException e) {
            return false;
        }
    }

    /** Integers as {@code Long}, floats as {@code Double}, as Ruchy values are. */
    static Object normalize(Object v) {
        return switch (v) {
            case Integer i -> i.longValue();
            case Short s -> s.longValue();
            case Float f -> f.doubleValue();
            case null, default -> v;
        };
    }

    private static boolean sameSignature(Method a, Method b) {
        return a.getName().equals(b.getName()) && java.util.Arrays.equals(a.getParameterTypes(), b.getParameterTypes());
    }

    /** The arguments converted for {@code c}'s method, or {@code null} if they do not fit. */
    private static Object[] arguments(Candidate c, Object[] args) {
        Class<?>[] types = c.types();
        if (c.varArgs()) {
            int fixed = types.length - 1;
            if (args.length < fixed) {
                return null;
            }
            Object[] actual = new Object[types.length];
            for (int i = 0; i < fixed; i++) {
                if ((actual[i] = coerce(args[i], types[i])) == NONE) {
                    return null;
                }
            }
            Class<?> component = types[fixed].getComponentType();
            Object rest = Array.newInstance(component, args.length - fixed);
            for (int i = fixed; i < args.length; i++) {
                Object v = coerce(args[i], component);
                if (v == NONE) {
                    return null;
                }
                Array.set(rest, i - fixed, v);
            }
            actual[fixed] = rest;
            return actual;
        }
        if (types.length != args.length) {
            return null;
        }
        Object[] actual = args; // copied only when an argument converts to another object
        for (int i = 0; i < args.length; i++) {
            Object v = coerce(args[i], types[i]);
            if (v == NONE) {
                return null;
            }
            if (v != args[i]) {
                if (actual == args) {
                    actual = args.clone();
                }
                actual[i] = v;
            }
        }
        return actual;
    }

    /** {@code arg} as a value of {@code type}, or {@link #NONE}. */
    static Object coerce(Object arg, Class<?> type) {
        if (type == Object.class) {
            return arg;
        }
        if (arg == null) {
            return type.isPrimitive() ? NONE : null;
        }
        if (type == long.class || type == Long.class) {
            return Arith.isInt(arg) ? (Object) Arith.longOf(arg) : NONE;
        }
        if (type == int.class || type == Integer.class) {
            if (Arith.isInt(arg)) {
                long l = Arith.longOf(arg);
                return l == (int) l ? (Object) (int) l : NONE;
            }
            return NONE;
        }
        if (type == double.class || type == Double.class) {
            return Arith.isNumber(arg) ? (Object) Arith.doubleOf(arg) : NONE;
        }
        if (type == boolean.class || type == Boolean.class) {
            return arg instanceof Boolean ? arg : NONE;
        }
        if (type == String.class) {
            return arg instanceof String || arg instanceof Character ? arg.toString() : NONE;
        }
        return type.isInstance(arg) ? arg : NONE;
    }

    private static Object call(Method m, Object target, Object[] args) {
        try {
            return normalize(m.invoke(target, args));
        } catch (IllegalAccessException e) {
            throw RuchyError.runtime("Cannot call " + m.getName() + " on " + Values.typeOf(target) + ": " + e.getMessage());
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw RuchyError.runtime(cause.toString());
        }
    }
}
