package dev.ruchy.runtime;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Calls methods and reads fields of Java objects that are not built-in Ruchy values: generated
 * structs and enums with {@code impl} methods, and runtime service objects (servers, sockets, ...).
 * A Ruchy name {@code get_endpoint} finds a Java member {@code get_endpoint} or {@code getEndpoint}.
 * Methods per class are cached; overloads are tried in declaration order and the first whose
 * parameters accept the arguments wins (integers convert to {@code int}/{@code long}, numbers to
 * {@code double}).
 */
final class Reflect {
    /** Returned when no member fits. */
    static final Object NONE = new Object();
    private static final Object[] NO_ARGS = {};
    /** Java's own object protocol, never a Ruchy method (besides {@code Object}'s methods: {@code wait}, {@code getClass}, ...). */
    private static final Set<String> JAVA_ONLY = Set.of("hashCode", "equals", "toString", "clone", "finalize");
    /** Ruchy method names a Java method cannot have; a Java member for one carries a trailing underscore. */
    private static final Set<String> JAVA_KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
            "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
            "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
            "void", "volatile", "while", "true", "false", "null", "_");

    /** A method as calls see it: its parameter types are read once, not per call. */
    private record Candidate(Method method, Class<?>[] types, boolean varArgs) {
        Candidate(Method method) {
            this(method, method.getParameterTypes(), method.isVarArgs());
        }
    }

    /**
     * The callable methods of one class: by Java name, and by the Ruchy names calls used so far (each
     * worked out once by {@link #names}, since the same call site asks again on every call).
     */
    private static final class Members {
        final Map<String, List<Candidate>> byJavaName;
        final Map<String, List<Candidate>> byRuchyName = new ConcurrentHashMap<>();

        Members(Map<String, List<Candidate>> byJavaName) {
            this.byJavaName = byJavaName;
        }

        List<Candidate> named(String ruchyName) {
            return byRuchyName.computeIfAbsent(ruchyName, n -> {
                List<Candidate> found = new ArrayList<>();
                for (String candidate : names(n)) {
                    found.addAll(byJavaName.getOrDefault(candidate, List.of()));
                }
                return List.copyOf(found);
            });
        }
    }

    private static final ClassValue<Members> METHODS = new ClassValue<>() {
        @Override
        protected Members computeValue(Class<?> type) {
            Map<String, List<Method>> byName = new HashMap<>();
            List<Method> all = new ArrayList<>(List.of(type.getMethods()));
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                all.addAll(List.of(c.getDeclaredMethods())); // package-private generated methods
            }
            for (Method m : all) {
                if (Modifier.isStatic(m.getModifiers()) || m.isBridge() || m.isSynthetic()
                        || m.getDeclaringClass() == Object.class || JAVA_ONLY.contains(m.getName())) {
                    continue;
                }
                List<Method> same = byName.computeIfAbsent(m.getName(), k -> new ArrayList<>());
                if (same.stream().noneMatch(o -> sameSignature(o, m)) && m.trySetAccessible()) {
                    same.add(m);
                }
            }
            Map<String, List<Candidate>> byJavaName = new HashMap<>();
            byName.forEach((name, methods) -> byJavaName.put(name, methods.stream().map(Candidate::new).toList()));
            return new Members(byJavaName);
        }
    };

    private Reflect() {
    }

    /** {@code target.name(args...)}, or {@link #NONE} if the class has no fitting method. */
    static Object invoke(Object target, String name, Object[] args) {
        for (Candidate c : METHODS.get(target.getClass()).named(name)) {
            Object[] actual = arguments(c, args);
            if (actual != null) {
                return call(c.method(), target, actual);
            }
        }
        return NONE;
    }

    /**
     * {@code target.name} read through a no-argument method ({@code name}, {@code camelName},
     * {@code getName}) or an instance field; {@link #NONE} if there is neither.
     */
    static Object get(Object target, String name) {
        Object viaMethod = invoke(target, name, NO_ARGS);
        if (viaMethod != NONE) {
            return viaMethod;
        }
        Object viaGetter = invoke(target, "get" + pascal(name), NO_ARGS);
        if (viaGetter != NONE) {
            return viaGetter;
        }
        Field f = field(target.getClass(), name);
        if (f == null) {
            return NONE;
        }
        try {
            return normalize(f.get(target));
        } catch (IllegalAccessException e) {
            return NONE;
        }
    }

    /** {@code target.name = value} through a non-final field or a {@code setName} method; {@code false} if neither exists. */
    static boolean set(Object target, String name, Object value) {
        Field f = field(target.getClass(), name);
        if (f != null && !Modifier.isFinal(f.getModifiers())) {
            Object v = coerce(value, f.getType());
            if (v != NONE) {
                try {
                    f.set(target, v);
                    return true;
                } catch (IllegalAccessException e) {
                    return false;
                }
            }
        }
        return invoke(target, "set" + pascal(name), new Object[] {value}) != NONE;
    }

    /** {@code user_name} → {@code userName}; names without underscores are unchanged. */
    static String camel(String name) {
        if (name.indexOf('_') <= 0) {
            return name;
        }
        StringBuilder sb = new StringBuilder(name.length());
        boolean upper = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '_' && i > 0) {
                upper = true;
            } else {
                sb.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return sb.toString();
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

    private static List<String> names(String name) {
        if (JAVA_KEYWORDS.contains(name)) {
            return List.of(name + "_"); // the renaming rule of docs/java-mapping.md: `static` → `static_`
        }
        String camel = camel(name);
        return camel.equals(name) ? List.of(name) : List.of(name, camel);
    }

    private static String pascal(String name) {
        String camel = camel(name);
        return camel.isEmpty() ? camel : Character.toUpperCase(camel.charAt(0)) + camel.substring(1);
    }

    private static Field field(Class<?> type, String name) {
        for (String candidate : names(name)) {
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                try {
                    Field f = c.getDeclaredField(candidate);
                    if (!Modifier.isStatic(f.getModifiers()) && f.trySetAccessible()) {
                        return f;
                    }
                } catch (NoSuchFieldException e) {
                    // try the superclass
                }
            }
        }
        return null;
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
