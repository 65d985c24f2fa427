package dev.ruchy.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruchy.transpiler.code.RuntimeCatalog;
import dev.ruchy.transpiler.code.RuntimeCatalog.Kind;
import dev.ruchy.transpiler.code.Type;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The transpiler's runtime catalog against the runtime itself, in both directions: the builtins,
 * paths and constants it lists are exactly those of the runtime's tables, with the arities and
 * result types the runtime has; its types exist; each method it lists is one the runtime's dynamic
 * dispatch finds on a value of that kind, and other arities of the same name are refused. A line
 * deleted from either side fails here, naming it.
 */
class RuntimeCatalogContractTest {
    private static final RuntimeCatalog CATALOG = RuntimeCatalog.standard();
    /** The runtime's messages for a method it does not have. */
    private static final Pattern UNKNOWN = Pattern.compile("Unknown .*method|not found for|Undefined");
    /** The runtime's messages for a wrong number of arguments. */
    private static final Pattern ARITY = Pattern.compile(
            "expects (exactly )?\\d+( or \\d+| to \\d+)? arguments?|expects \\d+ argument|Unknown .*-argument");
    /** Any refusal of a call because of its arguments' count. */
    private static final Pattern REFUSED = Pattern.compile("expects|Unknown|not found for");

    @Test
    void theBuiltinsAreTheRuntimeTable() {
        sameNames("fn", "BuiltinTable", BuiltinTable.names(), CATALOG.builtinNames());
    }

    @Test
    void eachBuiltinIsAPublicStaticMethodTakingItsArityAndGivingItsType() throws Exception {
        List<String> problems = new ArrayList<>();
        for (String name : CATALOG.builtinNames()) {
            RuntimeCatalog.Builtin b = CATALOG.builtin(name);
            Class<?> owner = Class.forName(b.owner());
            RuntimeCatalog.Arity arity = b.arity();
            int upTo = arity.max() < 0 ? arity.min() + 3 : arity.max();
            for (int n = arity.min(); n <= upTo; n++) {
                Method m = staticMethod(owner, b.javaName(), n);
                if (m == null) {
                    problems.add(name + ": no public static " + owner.getSimpleName() + "." + b.javaName() + " taking " + n
                            + " arguments");
                } else if (!returns(m.getReturnType(), b.result())) {
                    problems.add(name + ": " + b.javaName() + " returns " + m.getReturnType().getSimpleName()
                            + ", the catalog says " + b.result());
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void theRuntimeTableRefusesWhatTheCatalogRefuses() {
        List<String> problems = new ArrayList<>();
        for (String name : CATALOG.builtinNames()) {
            RuntimeCatalog.Arity arity = CATALOG.builtin(name).arity();
            FnN f = BuiltinTable.get(name);
            if (f == null) {
                continue; // theBuiltinsAreTheRuntimeTable names it
            }
            // never a count the catalog accepts: exit(0) would end the test run
            if (arity.max() >= 0) {
                refused(problems, "builtin " + name, () -> f.call(nils(arity.max() + 1)));
            }
            if (arity.min() > 0) {
                refused(problems, "builtin " + name, () -> f.call(nils(arity.min() - 1)));
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void thePathsAreTheRuntimePathTable() {
        sameNames("path", "the path table (Namespaces, NetPaths)", Namespaces.functionNames(),
                CATALOG.functionPaths().keySet());
        sameNames("const", "the constants of Namespaces", Namespaces.constantNames(), CATALOG.constants().keySet());
    }

    @Test
    void eachPathRefusesOtherArities() {
        List<String> problems = new ArrayList<>();
        CATALOG.functionPaths().forEach((path, entry) -> {
            RuntimeCatalog.Arity arity = entry.arity();
            if (arity.max() >= 0) {
                refused(problems, "path " + path, () -> Namespaces.call(path, nils(arity.max() + 1)));
            }
            if (arity.min() > 0) {
                refused(problems, "path " + path, () -> Namespaces.call(path, nils(arity.min() - 1)));
            }
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void constantsHaveTheirTypes() {
        List<String> problems = new ArrayList<>();
        CATALOG.constants().forEach((path, entry) -> {
            Object value = Namespaces.value(path);
            if (!holds(value, entry.result())) {
                problems.add("const " + path + " is " + Values.typeOf(value) + ", the catalog says " + entry.result());
            }
            if (entry.hasTemplate()) {
                // `ConsoleObject.INSTANCE`: a public static field holding the very value the path gives
                String text = templateText(entry.template());
                java.util.regex.Matcher m = Pattern.compile("^#\\.([A-Za-z_][A-Za-z0-9_]*)$").matcher(text);
                try {
                    Class<?> owner = load(((RuntimeCatalog.TemplatePart.TypeName) entry.template().get(0)).qualified());
                    if (!m.matches() || owner.getField(m.group(1)).get(null) != value) {
                        problems.add("const " + path + ": the template `" + text + "` is not the static field holding its value");
                    }
                } catch (ReflectiveOperationException | ClassCastException e) {
                    problems.add("const " + path + ": the template `" + text + "` is not a static field: " + e);
                }
            }
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void prefixesAndFunctionSpacesReachTheRuntime() {
        String somePath = CATALOG.functionPaths().keySet().stream().filter(p -> p.contains("::")).findFirst().orElseThrow();
        for (String prefix : CATALOG.optionalPrefixes()) {
            assertTrue(Namespaces.value(prefix + somePath) instanceof FnN, prefix + somePath);
        }
        for (String space : CATALOG.functionSpaces()) {
            for (String name : CATALOG.builtinNames()) {
                String path = space + "::" + name;
                assertTrue(Namespaces.value(path) instanceof FnN, path);
                assertEquals(CATALOG.builtin(name).arity(), CATALOG.path(path).arity(), path);
            }
        }
    }

    // ---- the typed API: classes, callbacks, members, fields and path templates

    /**
     * Each callback is a functional interface whose one abstract method takes the listed parameter
     * types and returns nothing; each runtime class's member and field is a public method of that
     * class with the parameter types the catalog gives (str: String, int: long, any: Object, a
     * callback: its interface) and the listed result type; a path with a template names a public
     * static method of the same shape.
     */
    @Test
    void theTypedApiIsTheRuntimeClassesMethods() throws Exception {
        List<String> problems = new ArrayList<>();
        CATALOG.callbacks().forEach((alias, cb) -> {
            Class<?> type = load(cb.qualified());
            List<Method> abstracts = Arrays.stream(type.getMethods()).filter(m -> Modifier.isAbstract(m.getModifiers())).toList();
            if (!type.isInterface() || abstracts.size() != 1) {
                problems.add("callback " + alias + ": not an interface with one abstract method");
                return;
            }
            Method m = abstracts.get(0);
            List<Class<?>> want = cb.params().stream().map(RuntimeCatalogContractTest::javaClass).toList();
            if (!List.of(m.getParameterTypes()).equals(want) || m.getReturnType() != void.class) {
                problems.add("callback " + alias + ": " + m + " is not void(" + want + ")");
            }
        });
        CATALOG.classes().forEach((alias, c) -> {
            Class<?> owner = load(c.qualified());
            if (c.resource() && !AutoCloseable.class.isAssignableFrom(owner)) {
                problems.add("class " + alias + ": a resource that is not AutoCloseable");
            }
            CATALOG.members(alias).values().forEach(overloads -> overloads.forEach(m -> {
                // a literal parameter selects the member and is not passed on
                List<Class<?>> params = m.params().stream().filter(w -> !RuntimeCatalog.isLiteralParam(w))
                        .map(RuntimeCatalogContractTest::paramClass).toList();
                check(problems, "member " + alias + "." + m.name() + m.params() + " (line " + m.line() + ")", owner,
                        m.template(), params, m.result(), false);
            }));
            CATALOG.fields(alias).values().forEach(f -> check(problems, "field " + alias + "." + f.name(), owner,
                    f.template(), List.of(), f.type(), false));
        });
        CATALOG.functionPaths().values().stream().filter(RuntimeCatalog.PathEntry::hasTemplate).forEach(p -> {
            RuntimeCatalog.TemplatePart first = p.template().get(0);
            Class<?> owner = first instanceof RuntimeCatalog.TemplatePart.TypeName t ? load(t.qualified()) : null;
            if (owner == null) {
                problems.add("path " + p.path() + ": the template does not start with a type");
                return;
            }
            List<Class<?>> params = p.params().stream().map(RuntimeCatalogContractTest::paramClass).toList();
            check(problems, "path " + p.path(), owner, p.template(), params, p.result(), true);
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** The method a template calls ({@code {r}.name(}, {@code Type.name(}) exists with these parameters and result. */
    private static void check(List<String> problems, String what, Class<?> owner, List<RuntimeCatalog.TemplatePart> template,
            List<Class<?>> params, Type result, boolean isStatic) {
        String text = templateText(template);
        java.util.regex.Matcher m = Pattern.compile("^#\\.([A-Za-z_][A-Za-z0-9_]*)\\(").matcher(text);
        if (!m.find()) {
            problems.add(what + ": the template `" + text + "` is not a call of one method");
            return;
        }
        try {
            Method method = owner.getMethod(m.group(1), params.toArray(Class<?>[]::new));
            if (Modifier.isStatic(method.getModifiers()) != isStatic) {
                problems.add(what + ": " + method + (isStatic ? " is not static" : " is static"));
            }
            Class<?> want = javaClass(result);
            if (result instanceof Type.Nil ? method.getReturnType() != void.class : method.getReturnType() != want) {
                problems.add(what + ": " + method + " does not return " + (result instanceof Type.Nil ? "void" : want.getName()));
            }
        } catch (NoSuchMethodException e) {
            if (!hasVarArgs(owner, m.group(1), params, result)) {
                problems.add(what + ": " + owner.getName() + " has no public " + m.group(1) + params);
            }
        }
    }

    /** A template's text with {@code #} for each receiver, argument and type name: {@code #.log(#)}. */
    private static String templateText(List<RuntimeCatalog.TemplatePart> template) {
        StringBuilder text = new StringBuilder();
        template.forEach(part -> text.append(part instanceof RuntimeCatalog.TemplatePart.Text t ? t.text() : "#"));
        return text.toString();
    }

    /** A public varargs method {@code name(A, B, T...)} that these parameters call, with the result. */
    private static boolean hasVarArgs(Class<?> owner, String name, List<Class<?>> params, Type result) {
        for (Method method : owner.getMethods()) {
            Class<?>[] types = method.getParameterTypes();
            if (!method.getName().equals(name) || !method.isVarArgs() || params.size() < types.length - 1
                    || (result instanceof Type.Nil ? method.getReturnType() != void.class
                    : method.getReturnType() != javaClass(result))) {
                continue;
            }
            boolean fits = true;
            for (int i = 0; i < params.size(); i++) {
                Class<?> want = i < types.length - 1 ? types[i] : types[types.length - 1].getComponentType();
                fits &= want.isAssignableFrom(params.get(i));
            }
            if (fits) {
                return true;
            }
        }
        return false;
    }

    private static Class<?> paramClass(String word) {
        RuntimeCatalog.Callback cb = CATALOG.callback(word);
        if (cb != null) {
            return load(cb.qualified());
        }
        return javaClass(RuntimeCatalog.memberParamType(word));
    }

    /**
     * The Java class of a catalog type: int long, float double, bool boolean, str String, an array
     * List, a runtime class itself, else Object.
     */
    private static Class<?> javaClass(Type t) {
        return switch (t) {
            case Type.Int i -> long.class;
            case Type.Float f -> double.class;
            case Type.Bool b -> boolean.class;
            case Type.Str s -> String.class;
            case Type.RuntimeClass rc -> load(rc.qualified());
            case Type.ListType l -> List.class;
            case Type.ObjectType o -> RObject.class;
            default -> Object.class;
        };
    }

    private static Class<?> load(String qualified) {
        try {
            return Class.forName(qualified);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("no class " + qualified, e);
        }
    }

    @Test
    void theTypesExist() {
        List<String> problems = new ArrayList<>();
        CATALOG.types().forEach((alias, qualified) -> {
            try {
                Class.forName(qualified);
            } catch (ClassNotFoundException e) {
                problems.add("type " + alias + " = " + qualified + ": no such class");
            }
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void eachMethodIsFoundByTheRuntimeAndOtherAritiesAreNot() {
        List<String> problems = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            List<Kind> receivers = kind == Kind.ANY ? Arrays.stream(Kind.values()).filter(k -> k != Kind.ANY).toList()
                    : List.of(kind);
            for (Map.Entry<String, List<RuntimeCatalog.Method>> e : CATALOG.methods(kind).entrySet()) {
                String name = e.getKey();
                for (Kind receiverKind : receivers) {
                    for (RuntimeCatalog.Method m : e.getValue()) {
                        List<Object[]> calls = new ArrayList<>();
                        int upTo = m.arity().max() < 0 ? m.arity().min() + 2 : m.arity().max();
                        for (int n = m.arity().min(); n <= upTo; n++) {
                            calls.add(arguments(m, n));
                        }
                        for (Object[] args : calls) {
                            found(problems, receiverKind, m, args);
                        }
                    }
                    boolean unbounded = e.getValue().stream().anyMatch(m -> m.arity().max() < 0);
                    for (int n = 0; n <= 3 && !unbounded; n++) {
                        int count = n;
                        if (e.getValue().stream().noneMatch(m -> m.arity().accepts(count))
                                && CATALOG.method(sampleType(receiverKind), name, count) == null) {
                            refused(problems, receiverKind.word() + "." + name + " with " + count + " arguments",
                                    () -> Ops.invoke(sample(receiverKind), name, nils(count)));
                        }
                    }
                }
            }
            CATALOG.unsupported(kind).forEach((name, hint) -> {
                try {
                    Ops.invoke(sample(kind), name, 1.5);
                    problems.add("unsupported " + kind.word() + "." + name + ": the runtime has it");
                } catch (RuchyError expected) {
                    // refused, as the catalog says
                }
            });
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static void sameNames(String entry, String table, Set<String> runtime, Set<String> catalog) {
        Set<String> missing = new TreeSet<>(runtime);
        missing.removeAll(catalog);
        Set<String> extra = new TreeSet<>(catalog);
        extra.removeAll(runtime);
        assertTrue(missing.isEmpty() && extra.isEmpty(), () -> "in " + table + " but without a `" + entry
                + "` line in the catalog: " + missing + "; in the catalog but not in " + table + ": " + extra);
    }

    private static void found(List<String> problems, Kind kind, RuntimeCatalog.Method m, Object[] args) {
        String what = kind.word() + "." + m.name() + " with " + args.length + " arguments (catalog line " + m.line() + ")";
        Object result;
        try {
            result = Ops.invoke(sample(kind), m.name(), args);
        } catch (RuchyError e) {
            if (UNKNOWN.matcher(e.getMessage()).find() || ARITY.matcher(e.getMessage()).find()) {
                problems.add(what + ": the runtime says " + e.getMessage());
            }
            return; // refused for its arguments' values, not for its name or count
        }
        Type expected = m.resultFor(sampleType(kind), argumentTypes(m, args.length));
        if (!holds(result, expected)) {
            problems.add(what + " gave " + Values.typeOf(result) + ", the catalog says " + expected);
        }
    }

    private static void refused(List<String> problems, String what, Supplier<Object> call) {
        try {
            call.get();
            problems.add(what + ": the runtime accepts an argument count the catalog does not");
        } catch (RuchyError e) {
            if (!REFUSED.matcher(e.getMessage()).find()) {
                problems.add(what + ": refused with `" + e.getMessage() + "`, not for its argument count");
            }
        }
    }

    private static Object[] nils(int count) {
        return new Object[count];
    }

    /** A value of each kind, new for each call (methods may change it). */
    private static Object sample(Kind kind) {
        return switch (kind) {
            case STR -> "12";
            case LIST -> new ArrayList<>(List.of(3L, 1L, 2L));
            case INT -> 3L;
            case FLOAT -> 2.5;
            case BOOL -> true;
            case OBJ -> {
                RObject o = new RObject();
                o.set("a", 1L);
                yield o;
            }
            case OPTION -> Option.some(1L);
            case RESULT -> Result.ok(1L);
            case RANGE -> new Range(0, 3, false);
            case TUPLE -> Tuple.of(1L, 2L);
            case ANY -> throw new IllegalArgumentException("no sample of every value");
        };
    }

    /** The static type inference gives the samples. */
    private static Type sampleType(Kind kind) {
        return switch (kind) {
            case STR -> Type.STR;
            case LIST -> Type.list(Type.INT);
            case INT -> Type.INT;
            case FLOAT -> Type.FLOAT;
            case BOOL -> Type.BOOL;
            case OBJ -> Type.OBJECT;
            case OPTION -> new Type.OptionType(Type.INT);
            case RESULT -> new Type.ResultType(Type.INT, Type.STR);
            case RANGE -> Type.RANGE;
            case TUPLE -> Type.TUPLE;
            case ANY -> Type.DYN;
        };
    }

    private static Object[] arguments(RuntimeCatalog.Method m, int count) {
        Object[] args = new Object[count];
        for (int i = 0; i < count; i++) {
            String type = m.params().get(Math.min(i, m.params().size() - 1)).type();
            args[i] = switch (type) {
                case "str" -> "a";
                case "int", "elem", "any" -> 1L;
                case "float", "num" -> 1.5;
                case "bool" -> true;
                case "list" -> new ArrayList<>(List.of(1L));
                case "fn", "fn(elem)", "fn(elem)->bool" -> (Fn1) x -> x;
                default -> throw new IllegalArgumentException(type);
            };
        }
        return args;
    }

    private static List<Type> argumentTypes(RuntimeCatalog.Method m, int count) {
        List<Type> types = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String type = m.params().get(Math.min(i, m.params().size() - 1)).type();
            types.add(switch (type) {
                case "str" -> Type.STR;
                case "int", "elem", "any" -> Type.INT;
                case "float", "num" -> Type.FLOAT;
                case "bool" -> Type.BOOL;
                case "list" -> Type.list(Type.INT);
                default -> Type.DYN;
            });
        }
        return types;
    }

    /** A public static method {@code name} of {@code owner} callable with {@code n} arguments. */
    private static Method staticMethod(Class<?> owner, String name, int n) {
        for (Method m : owner.getMethods()) {
            if (m.getName().equals(name) && Modifier.isStatic(m.getModifiers())
                    && (m.getParameterCount() == n || m.isVarArgs() && n >= m.getParameterCount() - 1)) {
                return m;
            }
        }
        return null;
    }

    /** Whether a Java method returning {@code c} fits the catalog's {@code type}. */
    private static boolean returns(Class<?> c, Type type) {
        return switch (type) {
            case Type.Int i -> c == long.class || c == Long.class;
            case Type.Float f -> c == double.class || c == Double.class;
            case Type.Bool b -> c == boolean.class || c == Boolean.class;
            case Type.Str s -> c == String.class;
            case Type.Nil n -> c == void.class;
            case Type.ListType l -> List.class.isAssignableFrom(c);
            case Type.ObjectType o -> RObject.class.isAssignableFrom(c);
            default -> true;
        };
    }

    /** Whether a value fits the catalog's {@code type} (dyn and unknown hold anything). */
    private static boolean holds(Object value, Type type) {
        return switch (type) {
            case Type.Int i -> value instanceof Long;
            case Type.Float f -> value instanceof Double;
            case Type.Bool b -> value instanceof Boolean;
            case Type.Str s -> value instanceof String;
            case Type.Nil n -> value == null;
            case Type.ListType l -> value instanceof List<?> list && list.stream().allMatch(x -> holds(x, l.element()));
            case Type.ObjectType o -> value instanceof RObject;
            case Type.TupleType t -> value instanceof Tuple;
            default -> true;
        };
    }

    @Test
    void theSamplesAreOfTheirKinds() {
        for (Kind kind : Kind.values()) {
            if (kind != Kind.ANY) {
                assertEquals(kind, RuntimeCatalog.kindOf(sampleType(kind)), kind.word());
                assertEquals(kind.display(), kind == Kind.OPTION || kind == Kind.RESULT ? kind.display()
                        : Values.typeOf(sample(kind)), kind.word());
            }
        }
    }
}
