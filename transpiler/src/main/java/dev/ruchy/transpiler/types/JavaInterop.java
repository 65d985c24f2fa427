package dev.ruchy.transpiler.types;

import dev.ruchy.transpiler.code.Type;
import dev.ruchy.transpiler.interop.JavaClass;
import dev.ruchy.transpiler.interop.JavaField;
import dev.ruchy.transpiler.interop.JavaMethod;
import dev.ruchy.transpiler.interop.JavaTypes;
import dev.ruchy.transpiler.interop.TypeText;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the transpiler knows of Java classes as Ruchy sees them: Java types as Ruchy {@link Type}s,
 * a class's members with those it inherits, overloads chosen as javac chooses them, and the single
 * abstract method of a functional interface. One per transpile (it caches what it looks up).
 *
 * <p>Java to Ruchy: {@code int}, {@code long}, {@code short}, {@code byte} (and their boxes) are
 * integers, {@code double} and {@code float} floats, {@code boolean} a bool, {@code char} and
 * {@code String} strings, {@code void} nil, {@code Object} dynamic, {@code java.util.List<X>} a Ruchy
 * array of X, {@code long[]}/{@code int[]}/{@code double[]} and arrays of classes Ruchy arrays too
 * (converted where they are returned); any other class is a {@link Type.JavaType}. A Ruchy object
 * passed for a {@code java.util.Map} is converted to one ({@code RObject.toMap()}).
 */
public final class JavaInterop {
    private static final String OBJECT = "java.lang.Object";
    private static final List<String> WIDENING = List.of("byte", "short", "int", "long", "float", "double");

    private final JavaTypes source;
    private final Map<String, Set<String>> supertypes = new HashMap<>();

    public JavaInterop(JavaTypes source) {
        this.source = source;
    }

    public Optional<JavaClass> find(String binaryName) {
        return source.find(binaryName);
    }

    // ---- Java types as Ruchy types -------------------------------------------------------------

    /** The Ruchy type of a Java value of type {@code t}; type variables take {@code bindings}' types, unbound ones are dynamic. */
    public Type valueType(TypeText t, Map<String, Type> bindings) {
        return switch (t) {
            case TypeText.Primitive p -> switch (p.name()) {
                case "int", "long", "short", "byte" -> Type.INT;
                case "double", "float" -> Type.FLOAT;
                case "boolean" -> Type.BOOL;
                case "char" -> Type.STR;
                default -> Type.NIL;
            };
            case TypeText.Variable v -> unboxed(bindings.getOrDefault(v.name(), Type.DYN));
            case TypeText.Wildcard w -> w.bound() != null && w.upper() ? valueType(w.bound(), bindings) : Type.DYN;
            case TypeText.Array a -> switch (a.element()) {
                case TypeText.Primitive p -> switch (p.name()) {
                    case "int", "long" -> Type.list(Type.INT);
                    case "double" -> Type.list(Type.FLOAT);
                    default -> Type.DYN;
                };
                default -> Type.list(typeArgument(a.element(), bindings));
            };
            case TypeText.ClassType c -> switch (c.binaryName()) {
                case "java.lang.Long", "java.lang.Integer", "java.lang.Short", "java.lang.Byte" -> Type.INT;
                case "java.lang.Double", "java.lang.Float" -> Type.FLOAT;
                case "java.lang.Boolean" -> Type.BOOL;
                case "java.lang.Character" -> Type.STR;
                default -> typeArgument(c, bindings);
            };
        };
    }

    /** A box of a narrower Java type than Ruchy's ({@code Integer}) read as a value: the Ruchy type it widens to. */
    private static Type unboxed(Type t) {
        if (t instanceof Type.JavaType j) {
            return switch (j.binaryName()) {
                case "java.lang.Integer", "java.lang.Short", "java.lang.Byte" -> Type.INT;
                case "java.lang.Float" -> Type.FLOAT;
                case "java.lang.Character" -> Type.STR;
                default -> t;
            };
        }
        return t;
    }

    /**
     * The Ruchy type whose boxed Java type is exactly {@code t}, for a type argument
     * ({@code Long} is {@link Type#INT}, {@code Integer} stays a {@link Type.JavaType}).
     */
    public Type typeArgument(TypeText t, Map<String, Type> bindings) {
        return switch (t) {
            case TypeText.Primitive p -> valueType(p, bindings);
            case TypeText.Variable v -> bindings.getOrDefault(v.name(), Type.DYN);
            case TypeText.Wildcard w -> w.bound() == null ? Type.DYN : typeArgument(w.bound(), bindings);
            case TypeText.Array a -> Type.DYN;
            case TypeText.ClassType c -> switch (c.binaryName()) {
                case "java.lang.String" -> Type.STR;
                case "java.lang.Long" -> Type.INT;
                case "java.lang.Double" -> Type.FLOAT;
                case "java.lang.Boolean" -> Type.BOOL;
                case OBJECT -> Type.DYN;
                case "java.util.List" -> Type.list(c.arguments().isEmpty() ? Type.DYN : typeArgument(c.arguments().get(0), bindings));
                default -> {
                    List<Type> args = new ArrayList<>();
                    if (c.arguments().isEmpty()) {
                        find(c.binaryName()).ifPresent(jc -> jc.typeParameters().forEach(p -> args.add(Type.DYN)));
                    } else {
                        c.arguments().forEach(a -> args.add(typeArgument(a, bindings)));
                    }
                    yield new Type.JavaType(c.binaryName(), args);
                }
            };
        };
    }

    /** The Java class a Ruchy type is as a reference (boxed), or null when it is only an {@code Object}. */
    private static String referenceClass(Type t) {
        return switch (t) {
            case Type.Str s -> "java.lang.String";
            case Type.Int i -> "java.lang.Long";
            case Type.Float f -> "java.lang.Double";
            case Type.Bool b -> "java.lang.Boolean";
            case Type.ListType l -> "java.util.List";
            case Type.JavaType j -> j.binaryName();
            case Type.ObjectType o -> "dev.ruchy.runtime.RObject"; // how the Java names a Ruchy object
            default -> OBJECT;
        };
    }

    /** The bindings of {@code c}'s type parameters for a value of {@code type} (dynamic when raw or unknown). */
    public Map<String, Type> bindingsOf(JavaClass c, Type type) {
        Map<String, Type> out = new LinkedHashMap<>();
        List<Type> args = switch (type) {
            case Type.JavaType j -> j.typeArguments();
            case Type.ListType l -> List.of(l.element());
            default -> List.of();
        };
        for (int i = 0; i < c.typeParameters().size(); i++) {
            out.put(c.typeParameters().get(i), i < args.size() ? args.get(i) : Type.DYN);
        }
        return out;
    }

    /** The Java class of values of Ruchy type {@code t} whose members a call may use, or null. */
    public JavaClass classOf(Type t) {
        return switch (t) {
            case Type.JavaType j -> find(j.binaryName()).orElse(null);
            case Type.Str s -> find("java.lang.String").orElse(null);
            case Type.ListType l -> find("java.util.List").orElse(null);
            default -> null;
        };
    }

    // ---- members -------------------------------------------------------------------------------

    /** A member of a class (or of a supertype), with the bindings of its declaring class's type parameters. */
    public record Found<M>(JavaClass owner, M member, Map<String, Type> bindings) {
    }

    /**
     * Every class {@code c} is, from itself up (superclasses, interfaces, then {@code Object}), each
     * with the bindings of its type parameters seen from {@code bindings} of {@code c}'s.
     */
    private List<Found<JavaClass>> hierarchy(JavaClass c, Map<String, Type> bindings) {
        List<Found<JavaClass>> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Deque<Found<JavaClass>> queue = new ArrayDeque<>();
        queue.add(new Found<>(c, c, bindings));
        while (!queue.isEmpty()) {
            Found<JavaClass> f = queue.poll();
            if (!seen.add(f.owner().name())) {
                continue;
            }
            out.add(f);
            List<String> supers = new ArrayList<>();
            if (f.owner().superclass() != null) {
                supers.add(f.owner().superclass());
            }
            supers.addAll(f.owner().interfaces());
            for (String text : supers) {
                if (!(TypeText.parse(text) instanceof TypeText.ClassType st)) {
                    continue;
                }
                find(st.binaryName()).ifPresent(sc -> {
                    Map<String, Type> b = new LinkedHashMap<>();
                    for (int i = 0; i < sc.typeParameters().size(); i++) {
                        b.put(sc.typeParameters().get(i), i < st.arguments().size()
                                ? typeArgument(st.arguments().get(i), f.bindings()) : Type.DYN);
                    }
                    queue.add(new Found<>(sc, sc, b));
                });
            }
        }
        if (!seen.contains(OBJECT)) {
            find(OBJECT).ifPresent(o -> out.add(new Found<>(o, o, Map.of())));
        }
        return out;
    }

    /**
     * The methods named {@code name} of {@code c} and its supertypes, an overridden one once (the most
     * derived). A snake_case name that no method has finds the camelCase one, as a Ruchy function of
     * another file is named in its Java ({@code Stats::is_prime} is {@code isPrime}) and as Ruchy
     * code writes names ({@code id.to_string()}).
     */
    public List<Found<JavaMethod>> methods(JavaClass c, Map<String, Type> bindings, String name) {
        List<Found<JavaMethod>> exact = methodsNamed(c, bindings, name);
        String camel = camelCase(name);
        return exact.isEmpty() && !camel.equals(name) ? methodsNamed(c, bindings, camel) : exact;
    }

    /**
     * {@code is_prime} → {@code isPrime}: the Java name a snake_case Ruchy name stands for (the
     * transpiler names functions so); a name without an inner underscore as it is.
     */
    public static String camelCase(String name) {
        String[] parts = name.split("_");
        if (parts.length < 2 || parts[0].isEmpty()) {
            return name;
        }
        StringBuilder out = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            if (!parts[i].isEmpty()) {
                out.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
            }
        }
        return out.toString();
    }

    private List<Found<JavaMethod>> methodsNamed(JavaClass c, Map<String, Type> bindings, String name) {
        List<Found<JavaMethod>> out = new ArrayList<>();
        Set<String> signatures = new HashSet<>();
        for (Found<JavaClass> k : hierarchy(c, bindings)) {
            for (JavaMethod m : k.owner().methods()) {
                if (m.name().equals(name) && signatures.add(erasure(m))) {
                    out.add(new Found<>(k.owner(), m, k.bindings()));
                }
            }
        }
        return out;
    }

    /** The public field {@code name} of {@code c} or a supertype, or null. */
    public Found<JavaField> field(JavaClass c, Map<String, Type> bindings, String name) {
        for (Found<JavaClass> k : hierarchy(c, bindings)) {
            for (JavaField f : k.owner().fields()) {
                if (f.name().equals(name)) {
                    return new Found<>(k.owner(), f, k.bindings());
                }
            }
        }
        return null;
    }

    /**
     * The Ruchy type of the elements of a Java value that is an {@code Iterable} ({@code for s in set}
     * over a {@code TreeSet<String>} gives strings), or null when {@code t} is no Java iterable.
     */
    public Type iterableElement(Type t) {
        if (!(t instanceof Type.JavaType j) || classOf(j) == null) {
            return null;
        }
        for (Found<JavaClass> k : hierarchy(classOf(j), bindingsOf(classOf(j), j))) {
            if (k.owner().name().equals("java.lang.Iterable")) {
                return unboxed(k.bindings().getOrDefault("T", Type.DYN));
            }
        }
        return null;
    }

    /** The names of the static (or instance) methods and fields of {@code c}, for did-you-mean. */
    public Set<String> memberNames(JavaClass c, boolean statics) {
        Set<String> names = new TreeSet<>();
        for (Found<JavaClass> k : hierarchy(c, Map.of())) {
            k.owner().methods().stream().filter(m -> m.isStatic() == statics).forEach(m -> names.add(m.name()));
            k.owner().fields().stream().filter(f -> f.isStatic() == statics).forEach(f -> names.add(f.name()));
            if (statics) {
                break; // static members are called on the class that declares them
            }
        }
        return names;
    }

    private static String erasure(JavaMethod m) {
        List<String> params = m.parameterTypes().stream().map(p -> erasure(TypeText.parse(p))).toList();
        return m.name() + params;
    }

    private static String erasure(TypeText t) {
        return switch (t) {
            case TypeText.ClassType c -> c.binaryName();
            case TypeText.Array a -> erasure(a.element()) + "[]";
            case TypeText.Primitive p -> p.name();
            default -> OBJECT;
        };
    }

    /** Whether class {@code sub} is {@code sup} or extends or implements it (every class is an {@code Object}). */
    public boolean isSubclass(String sub, String sup) {
        if (sub.equals(sup) || sup.equals(OBJECT)) {
            return true;
        }
        return supertypes.computeIfAbsent(sub, s -> {
            Set<String> all = new HashSet<>();
            find(s).ifPresent(c -> hierarchy(c, Map.of()).forEach(f -> all.add(f.owner().name())));
            return all;
        }).contains(sup);
    }

    /** Whether {@code m} declares a checked exception (one that is no {@code RuntimeException} or {@code Error}). */
    public boolean throwsChecked(JavaMethod m) {
        return m.exceptions().stream().anyMatch(e -> !isSubclass(e, "java.lang.RuntimeException")
                && !isSubclass(e, "java.lang.Error"));
    }

    // ---- functional interfaces -----------------------------------------------------------------

    /**
     * The single abstract method of a functional interface, with its parameter and result types
     * as Ruchy types.
     *
     * @param method the Java method a lambda implements
     * @param params its parameters' Ruchy types
     * @param result its result's Ruchy type ({@link Type#NIL} for {@code void})
     * @param returnType its Java result type, for the conversion of the lambda's value
     */
    public record Sam(JavaMethod method, List<Type> params, Type result, TypeText returnType, Map<String, Type> bindings) {
    }

    /** The single abstract method of {@code t} when it is a functional interface, or null. */
    public Sam sam(TypeText t, Map<String, Type> bindings) {
        if (!(t instanceof TypeText.ClassType ct)) {
            return null;
        }
        JavaClass c = find(ct.binaryName()).orElse(null);
        if (c == null || c.kind() != JavaClass.Kind.INTERFACE) {
            return null;
        }
        Map<String, Type> own = new LinkedHashMap<>();
        for (int i = 0; i < c.typeParameters().size(); i++) {
            own.put(c.typeParameters().get(i), i < ct.arguments().size() ? typeArgument(ct.arguments().get(i), bindings) : Type.DYN);
        }
        Found<JavaMethod> only = null;
        Set<String> signatures = new HashSet<>();
        for (Found<JavaClass> k : hierarchy(c, own)) {
            if (k.owner().name().equals(OBJECT)) {
                continue;
            }
            for (JavaMethod m : k.owner().methods()) {
                if (m.isStatic() || !signatures.add(erasure(m)) || !m.isAbstract() || isObjectMethod(m)) {
                    continue;
                }
                if (only != null) {
                    return null;
                }
                only = new Found<>(k.owner(), m, k.bindings());
            }
        }
        if (only == null || !only.member().typeParameters().isEmpty()) {
            return null;
        }
        Map<String, Type> b = only.bindings();
        List<Type> params = only.member().parameterTypes().stream().map(p -> valueType(TypeText.parse(p), b)).toList();
        TypeText ret = TypeText.parse(only.member().returnType());
        return new Sam(only.member(), params, valueType(ret, b), ret, b);
    }

    /** Whether type variable {@code v} occurs in {@code t}. */
    public static boolean mentions(TypeText t, String v) {
        return switch (t) {
            case TypeText.Variable var -> var.name().equals(v);
            case TypeText.Wildcard w -> w.bound() != null && mentions(w.bound(), v);
            case TypeText.Array a -> mentions(a.element(), v);
            case TypeText.ClassType c -> c.arguments().stream().anyMatch(a -> mentions(a, v));
            case TypeText.Primitive p -> false;
        };
    }

    /**
     * The parameter types of the single abstract method of {@code param} (a functional interface)
     * in terms of the called method's type variables: {@code Function<? super T, ? extends U>}'s
     * {@code apply} takes a {@code ? super T}. Null when {@code param} is no functional interface.
     */
    public List<TypeText> samParameters(TypeText param, Map<String, Type> bindings) {
        TypeText p = param instanceof TypeText.Wildcard w && w.bound() != null ? w.bound() : param;
        JavaInterop.Sam sam = sam(p, bindings);
        if (sam == null || !(p instanceof TypeText.ClassType ct) || !(find(ct.binaryName()).orElse(null) instanceof JavaClass fi)) {
            return null;
        }
        Map<String, TypeText> own = new HashMap<>();
        for (int k = 0; k < fi.typeParameters().size() && k < ct.arguments().size(); k++) {
            own.put(fi.typeParameters().get(k), ct.arguments().get(k));
        }
        return sam.method().parameterTypes().stream().map(t -> TypeText.parse(t).substitute(own)).toList();
    }

    private static boolean isObjectMethod(JavaMethod m) {
        return m.name().equals("equals") && m.parameterTypes().equals(List.of(OBJECT))
                || m.name().equals("hashCode") && m.parameterTypes().isEmpty()
                || m.name().equals("toString") && m.parameterTypes().isEmpty();
    }

    // ---- overloads ---------------------------------------------------------------------------

    /**
     * An argument as overload resolution sees it: its Ruchy type, or for a closure (or a named
     * function passed as one) the number of parameters it takes ({@code -1} for other values).
     */
    public record Arg(Type type, int functionArity) {
        public static Arg value(Type t) {
            return new Arg(t, -1);
        }
    }

    /** The phases of overload resolution (JLS 15.12.2), and a last one of Ruchy's own. */
    public enum Phase {
        /** No boxing, no varargs. */
        STRICT,
        /** With boxing and unboxing. */
        LOOSE,
        /** With variable arity. */
        VARARGS,
        /** Ruchy's: an integer narrowed to an {@code int}, a dynamic value cast, an array converted. */
        CONVERT
    }

    /**
     * The overload a call chose: its method, the Java type each argument is passed as (a varargs
     * call's extra arguments as the component type), the type variables' bindings (the class's and
     * the method's) and the Ruchy type of its result.
     *
     * @param widened the method's type variables the call must name ({@code List.<Object>of(1, "a")}, or
     *                {@code Comparator.<String, Long>comparing(...)} when only a closure's written
     *                parameter types give them): a type witness names them all
     * @param unbound the method's type variables that nothing gives a type: no argument, no target
     *                type, no closure
     */
    public record Chosen(Found<JavaMethod> method, List<TypeText> params, Map<String, Type> bindings, Type result,
                         Set<String> widened, Set<String> unbound) {
        public Chosen {
            widened = Set.copyOf(widened);
            unbound = Set.copyOf(unbound);
        }

        public Chosen(Found<JavaMethod> method, List<TypeText> params, Map<String, Type> bindings, Type result,
                      Set<String> widened) {
            this(method, params, bindings, result, widened, Set.of());
        }
    }

    /** The outcome of choosing an overload: {@code chosen}, or why none was ({@code error} and the candidates). */
    public record Choice(Chosen chosen, Error error, List<Found<JavaMethod>> candidates) {
        public boolean ok() {
            return chosen != null;
        }
    }

    /** Why no overload was chosen. */
    public enum Error { NONE_NAMED, WRONG_ARITY, WRONG_TYPES, AMBIGUOUS }

    /**
     * Chooses among {@code candidates} for {@code args} as javac does: the first phase in which any
     * applies, then the most specific; with dynamic values, integers for {@code int} parameters and
     * arrays for Java arrays only in a last phase that converts them.
     */
    public Choice choose(List<Found<JavaMethod>> candidates, List<Arg> args) {
        if (candidates.isEmpty()) {
            return new Choice(null, Error.NONE_NAMED, candidates);
        }
        boolean arityFits = false;
        for (Phase phase : Phase.values()) {
            List<Found<JavaMethod>> applicable = new ArrayList<>();
            List<List<TypeText>> expanded = new ArrayList<>();
            for (Found<JavaMethod> c : candidates) {
                for (boolean varargs : phase == Phase.VARARGS || phase == Phase.CONVERT ? List.of(false, true) : List.of(false)) {
                    List<TypeText> params = parameters(c.member(), args.size(), varargs);
                    if (params == null) {
                        continue;
                    }
                    arityFits = true;
                    if (fitsAll(args, params, c, phase)) {
                        applicable.add(c);
                        expanded.add(params);
                        break;
                    }
                }
            }
            if (applicable.isEmpty()) {
                continue;
            }
            List<Integer> best = mostSpecific(expanded, args);
            if (best.size() != 1) {
                return new Choice(null, Error.AMBIGUOUS, best.stream().map(applicable::get).toList());
            }
            Found<JavaMethod> m = applicable.get(best.get(0));
            List<TypeText> params = expanded.get(best.get(0));
            Map<String, Type> bindings = new LinkedHashMap<>(m.bindings());
            Set<String> widened = infer(m.member(), params, args, bindings);
            Type result = m.member().isConstructor() ? null : valueType(TypeText.parse(m.member().returnType()), bindings);
            return new Choice(new Chosen(m, params, bindings, result, widened), null, candidates);
        }
        return new Choice(null, arityFits ? Error.WRONG_TYPES : Error.WRONG_ARITY, candidates);
    }

    /**
     * The method type variables of {@code m} bound from the arguments' types ({@code <T> List<T> of(T...)}
     * called with integers: {@code T} is {@code Long}); a variable given two types is {@code Object}.
     *
     * @return the variables given two types, which the call must name ({@code List.<Object>of(1, "a")})
     */
    public Set<String> infer(JavaMethod m, List<TypeText> params, List<Arg> args, Map<String, Type> bindings) {
        Set<String> vars = new HashSet<>(m.typeParameters());
        if (vars.isEmpty()) {
            return Set.of();
        }
        Map<String, Type> found = new HashMap<>();
        Set<String> widened = new HashSet<>();
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).functionArity() < 0 && !(args.get(i).type() instanceof Type.Nil)) {
                Map<String, Type> before = new HashMap<>(found);
                unify(params.get(i), args.get(i).type(), vars, found);
                before.forEach((v, t) -> {
                    if (!t.equals(found.get(v))) {
                        widened.add(v);
                    }
                });
            }
        }
        vars.forEach(v -> bindings.put(v, found.getOrDefault(v, Type.DYN)));
        return widened;
    }

    /** Binds the variables of {@code vars} in {@code param} to the parts of {@code arg} they stand for. */
    public void unify(TypeText param, Type arg, Set<String> vars, Map<String, Type> found) {
        switch (param) {
            case TypeText.Variable v when vars.contains(v.name()) -> {
                Type t = arg instanceof Type.Nil || arg.isUnknown() ? null : arg;
                if (t != null) {
                    Type before = found.get(v.name());
                    found.put(v.name(), before == null ? t : before.equals(t) ? t : Type.DYN);
                }
            }
            case TypeText.Wildcard w when w.bound() != null -> unify(w.bound(), arg, vars, found);
            case TypeText.ClassType c when !c.arguments().isEmpty() -> {
                if (arg instanceof Type.ListType l && c.arguments().size() == 1 && isSubclass("java.util.List", c.binaryName())) {
                    unify(c.arguments().get(0), l.element(), vars, found);
                } else if (arg instanceof Type.JavaType j && classOf(j) instanceof JavaClass jc) {
                    // the argument's class or the supertype the parameter names (an ArrayList<String> as a List<T>)
                    for (Found<JavaClass> k : hierarchy(jc, bindingsOf(jc, j))) {
                        if (k.owner().name().equals(c.binaryName()) && k.owner().typeParameters().size() == c.arguments().size()) {
                            for (int i = 0; i < c.arguments().size(); i++) {
                                unify(c.arguments().get(i), k.bindings().getOrDefault(k.owner().typeParameters().get(i),
                                        Type.DYN), vars, found);
                            }
                            break;
                        }
                    }
                }
            }
            case TypeText.Array a when arg instanceof Type.ListType l -> unify(a.element(), l.element(), vars, found);
            default -> {
            }
        }
    }

    /** The parameter types for {@code count} arguments, the varargs array spread when {@code varargs}; null when the count does not fit. */
    private static List<TypeText> parameters(JavaMethod m, int count, boolean varargs) {
        List<TypeText> declared = m.parameterTypes().stream().map(TypeText::parse).toList();
        if (!varargs) {
            return declared.size() == count ? declared : null;
        }
        if (!m.varargs() || count < declared.size() - 1) {
            return null;
        }
        List<TypeText> out = new ArrayList<>(declared.subList(0, declared.size() - 1));
        TypeText component = ((TypeText.Array) declared.get(declared.size() - 1)).element();
        while (out.size() < count) {
            out.add(component);
        }
        return out;
    }

    private boolean fitsAll(List<Arg> args, List<TypeText> params, Found<JavaMethod> c, Phase phase) {
        Map<String, Type> bindings = new HashMap<>(c.bindings());
        c.member().typeParameters().forEach(bindings::remove); // the method's own variables hide the class's
        for (int i = 0; i < args.size(); i++) {
            if (!fits(args.get(i), params.get(i), bindings, phase)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code a} may be passed where {@code p} is declared in {@code phase}. */
    public boolean fits(Arg a, TypeText p, Map<String, Type> bindings, Phase phase) {
        Type t = a.type();
        if (a.functionArity() >= 0) {
            Sam sam = sam(p instanceof TypeText.Wildcard w && w.bound() != null ? w.bound() : p, bindings);
            return sam != null && sam.method().parameterTypes().size() == a.functionArity();
        }
        boolean convert = phase == Phase.CONVERT;
        boolean boxing = phase != Phase.STRICT;
        switch (p) {
            case TypeText.Variable v -> {
                Type bound = bindings.get(v.name());
                if (bound == null || bound instanceof Type.Dyn || bound.isUnknown()) {
                    return t instanceof Type.Nil || !t.isPrimitive() || boxing; // an Object
                }
                return fitsClass(t, referenceClass(bound), boxing, convert);
            }
            case TypeText.Wildcard w -> {
                return w.bound() == null || fits(a, w.bound(), bindings, phase);
            }
            case TypeText.Primitive prim -> {
                String name = prim.name();
                if (t instanceof Type.Dyn) {
                    return convert && !name.equals("void") && !name.equals("char");
                }
                return switch (t) {
                    // an integer is Java's int as much as its long: an `int` overload applies at once
                    // (narrowed checked), so `list.remove(0)` is remove(int), not remove(Object)
                    case Type.Int i -> name.equals("long") || name.equals("int") || name.equals("float")
                            || name.equals("double") || convert && (name.equals("short") || name.equals("byte"));
                    case Type.Float f -> name.equals("double") || convert && name.equals("float");
                    case Type.Bool b -> name.equals("boolean");
                    case Type.JavaType j when boxing -> unboxesTo(j.binaryName(), name);
                    default -> false;
                };
            }
            case TypeText.Array arr -> {
                // an array converted: of a class, or of the primitives a Ruchy array's numbers stream to
                return t instanceof Type.Nil || convert && (t instanceof Type.ListType l && elementsFit(l.element(), arr.element())
                        || t instanceof Type.Dyn);
            }
            case TypeText.ClassType c -> {
                if (t instanceof Type.ObjectType && c.binaryName().equals("java.util.Map")) {
                    // a Ruchy object is converted to a Map<Object, Object>: where the parameter takes any keys and values
                    return convert && c.arguments().stream().allMatch(arg -> arg instanceof TypeText.Wildcard
                            || arg instanceof TypeText.Variable v && (bindings.get(v.name()) == null
                            || bindings.get(v.name()) instanceof Type.Dyn)
                            || arg.equals(TypeText.OBJECT));
                }
                return fitsClass(t, c.binaryName(), boxing, convert);
            }
        }
    }

    /** Whether a Ruchy array of {@code element} converts to a Java array of {@code component}. */
    private boolean elementsFit(Type element, TypeText component) {
        return switch (component) {
            case TypeText.Primitive p -> element instanceof Type.Int && (p.name().equals("long") || p.name().equals("int"))
                    || element instanceof Type.Float && p.name().equals("double");
            case TypeText.ClassType c -> fitsClass(element, c.binaryName(), true, false);
            case TypeText.Variable v -> true;
            default -> false;
        };
    }

    private boolean fitsClass(Type t, String wanted, boolean boxing, boolean convert) {
        if (t instanceof Type.Nil || wanted.equals(OBJECT) && (boxing || !t.isPrimitive())) {
            return true;
        }
        if (t instanceof Type.Dyn || t.isUnknown()) {
            return convert;
        }
        if (t.isPrimitive() && !boxing) {
            return false;
        }
        if (convert && t instanceof Type.Int && List.of("java.lang.Integer", "java.lang.Short", "java.lang.Byte").contains(wanted)
                || convert && t instanceof Type.Float && wanted.equals("java.lang.Float")) {
            return true;
        }
        return isSubclass(referenceClass(t), wanted);
    }

    private static boolean unboxesTo(String box, String primitive) {
        String unboxed = switch (box) {
            case "java.lang.Integer" -> "int";
            case "java.lang.Long" -> "long";
            case "java.lang.Short" -> "short";
            case "java.lang.Byte" -> "byte";
            case "java.lang.Double" -> "double";
            case "java.lang.Float" -> "float";
            case "java.lang.Boolean" -> "boolean";
            default -> null;
        };
        return unboxed != null && (unboxed.equals(primitive) || WIDENING.indexOf(unboxed) >= 0
                && WIDENING.indexOf(primitive) > WIDENING.indexOf(unboxed));
    }

    /** The indexes of the maximally specific of {@code candidates} (each its parameter types per argument). */
    private List<Integer> mostSpecific(List<List<TypeText>> candidates, List<Arg> args) {
        List<Integer> best = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            boolean dominated = false;
            for (int j = 0; j < candidates.size() && !dominated; j++) {
                if (i != j && moreSpecific(candidates.get(j), candidates.get(i), args)
                        && !moreSpecific(candidates.get(i), candidates.get(j), args)) {
                    dominated = true;
                }
            }
            if (!dominated) {
                best.add(i);
            }
        }
        // the same parameters inherited twice (an interface's and a class's): one method
        Set<String> distinct = new LinkedHashSet<>();
        List<Integer> out = new ArrayList<>();
        for (int i : best) {
            if (distinct.add(candidates.get(i).stream().map(JavaInterop::erasure).toList().toString())) {
                out.add(i);
            }
        }
        return out;
    }

    private boolean moreSpecific(List<TypeText> a, List<TypeText> b, List<Arg> args) {
        for (int i = 0; i < a.size(); i++) {
            if (i < args.size() && args.get(i).type() instanceof Type.Int
                    && a.get(i) instanceof TypeText.Primitive pa && b.get(i) instanceof TypeText.Primitive pb) {
                // for an integer: its own long first (no narrowing), then int, then the floats
                if (INTEGER_PREFERENCE.indexOf(pa.name()) > INTEGER_PREFERENCE.indexOf(pb.name())) {
                    return false;
                }
                continue;
            }
            if (!subtype(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** The primitive parameters an integer argument fits, the best first. */
    private static final List<String> INTEGER_PREFERENCE = List.of("long", "int", "short", "byte", "float", "double");

    private boolean subtype(TypeText a, TypeText b) {
        if (a instanceof TypeText.Array aa && b instanceof TypeText.Array ba) {
            // for a Ruchy array: a long[] or double[] (its own numbers) before an int[], any primitive array before Object[]
            if (aa.element() instanceof TypeText.Primitive pa && ba.element() instanceof TypeText.Primitive pb) {
                return pa.equals(pb) || List.of("long", "double").contains(pa.name());
            }
            if (aa.element() instanceof TypeText.Primitive || ba.element() instanceof TypeText.Primitive) {
                return aa.element() instanceof TypeText.Primitive;
            }
            return subtype(aa.element(), ba.element());
        }
        if (a instanceof TypeText.Primitive pa && b instanceof TypeText.Primitive pb) {
            return pa.name().equals(pb.name()) || WIDENING.indexOf(pa.name()) >= 0
                    && WIDENING.indexOf(pb.name()) > WIDENING.indexOf(pa.name());
        }
        if (a instanceof TypeText.Primitive) {
            return true; // a primitive parameter is preferred to a box or Object
        }
        if (b instanceof TypeText.Primitive) {
            return false;
        }
        return isSubclass(erasure(a), erasure(b));
    }

    /** {@code UUID.randomUUID()}, {@code String.format(String, Object...)}: how a signature is shown in messages. */
    public static String describe(Found<JavaMethod> f) {
        JavaMethod m = f.member();
        String owner = f.owner().name().substring(f.owner().name().lastIndexOf('.') + 1).replace('$', '.');
        List<String> params = new ArrayList<>();
        for (int i = 0; i < m.parameterTypes().size(); i++) {
            String text = TypeText.parse(m.parameterTypes().get(i)).display();
            if (m.varargs() && i == m.parameterTypes().size() - 1 && text.endsWith("[]")) {
                text = text.substring(0, text.length() - 2) + "...";
            }
            params.add(text);
        }
        return (m.isConstructor() ? owner : owner + "." + m.name()) + "(" + String.join(", ", params) + ")";
    }

    /** How a Ruchy type is named in messages about Java calls. */
    public static String describe(Type t) {
        return switch (t) {
            case Type.Int i -> "int";
            case Type.Float f -> "float";
            case Type.Bool b -> "bool";
            case Type.Str s -> "str";
            case Type.Nil n -> "nil";
            case Type.ListType l -> "[" + describe(l.element()) + "]";
            case Type.ObjectType o -> "object";
            case Type.JavaType j -> j.simpleName();
            case Type.FunctionType f -> "closure";
            case Type.Named n -> n.name();
            default -> "dynamic";
        };
    }
}
