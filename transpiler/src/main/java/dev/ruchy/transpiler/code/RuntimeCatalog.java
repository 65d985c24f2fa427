package dev.ruchy.transpiler.code;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The runtime's API as data: builtin functions, paths, constants, methods by receiver kind, the
 * types generated Java names and the Java names the renaming rule avoids. Read from the text
 * resource {@code runtime.catalog} beside this class (its header describes the format); the
 * transpiler never links to the runtime, and a contract test checks this catalog against it.
 */
public final class RuntimeCatalog {
    /** The resource name, relative to this class. */
    public static final String RESOURCE = "runtime.catalog";

    /** The kinds of values methods are listed for. */
    public enum Kind {
        STR("str", "string"), LIST("list", "array"), INT("int", "integer"), FLOAT("float", "float"),
        BOOL("bool", "boolean"), OBJ("obj", "object"), OPTION("option", "Option"), RESULT("result", "Result"),
        RANGE("range", "range"), TUPLE("tuple", "tuple"),
        /** Every value: {@code to_string()}. */
        ANY("any", "any");

        private final String word;
        private final String display;

        Kind(String word, String display) {
            this.word = word;
            this.display = display;
        }

        /** The word the catalog uses: {@code str}, {@code list}, ... */
        public String word() {
            return word;
        }

        /** The name Ruchy's {@code type_of} and error messages use: {@code string}, {@code array}, ... */
        public String display() {
            return display;
        }

        /**
         * Whether the runtime knows every method of this kind, so that a name the catalog does not
         * list is an error: not for objects, whose keys may hold functions called as methods.
         */
        public boolean isClosed() {
            return this != OBJ && this != ANY;
        }

        static Kind ofWord(String word) {
            for (Kind k : values()) {
                if (k.word.equals(word)) {
                    return k;
                }
            }
            return null;
        }
    }

    /** How many arguments something takes: {@code min} to {@code max}; {@code max} is -1 when unbounded. */
    public record Arity(int min, int max) {
        public boolean accepts(int count) {
            return count >= min && (max < 0 || count <= max);
        }

        /** {@code 1}, {@code 1-3}, {@code at least 1}: for "expects N arguments" messages. */
        public String describe() {
            return max < 0 ? "at least " + min : min == max ? String.valueOf(min) : min + "-" + max;
        }
    }

    /**
     * A builtin function.
     *
     * @param owner    the qualified Java type whose public static method implements it
     * @param javaName that method's name
     */
    public record Builtin(String name, String owner, String javaName, Arity arity, Type result) {
        public boolean accepts(int count) {
            return arity.accepts(count);
        }
    }

    /**
     * A function or constant the runtime finds by path, as written after the optional prefixes are
     * dropped ({@code fs::read_to_string}).
     *
     * @param arity null for a constant
     */
    public record PathEntry(String path, Arity arity, Type result, List<String> params, List<TemplatePart> template) {
        public PathEntry(String path, Arity arity, Type result) {
            this(path, arity, result, List.of(), List.of());
        }

        public boolean isConstant() {
            return arity == null;
        }

        /** Whether a call has a Java form of its own ({@code HttpServer.create({0})}) instead of {@code Ops.callPath}. */
        public boolean hasTemplate() {
            return !template.isEmpty();
        }
    }

    /**
     * A class of the runtime's typed API ({@code class HttpServer = dev.ruchy...HttpServer}).
     *
     * @param open     whether values also carry fields of their own beyond the listed ones (a request's
     *                 {@code req.user}), read and written through the value's map view
     * @param resource whether a value is a resource Ruchy closes when the block that made it ends, unless
     *                 it is stored somewhere that outlives the block (a socket; the class is
     *                 {@link AutoCloseable} and closing twice does nothing)
     */
    public record ClassEntry(String alias, String qualified, boolean open, boolean resource) {
        public Type.RuntimeClass type() {
            return new Type.RuntimeClass(alias, qualified);
        }
    }

    /**
     * A functional interface of the runtime a closure becomes where a member takes it
     * ({@code callback Handler(Request, Response) = ...}); its method returns nothing.
     *
     * @param params the closure's parameter types, in order
     */
    public record Callback(String alias, String qualified, List<Type> params) {
    }

    /**
     * A method of a runtime class ({@code member HttpServer.get(str, Handler) : HttpServer = {r}.get({0}, {1})}).
     *
     * @param params   parameter words: {@code str int float bool any}, a callback alias or a quoted literal
     * @param template the Java form; {@code {r}} the receiver, {@code {i}} argument i
     * @param orNil    whether the result may also be nil ({@code : obj?}: a row or nil)
     */
    public record Member(String owner, String name, List<String> params, Type result, List<TemplatePart> template,
            int line, boolean orNil) {
    }

    /**
     * A field of a runtime class read through a method ({@code field Request.method : str = {r}.method()}).
     *
     * @param values for an object field whose own fields all hold one type ({@code field Request.params : {str}}:
     *               {@code req.params.id} is a string), that type; null for any other field
     */
    public record FieldEntry(String owner, String name, Type type, List<TemplatePart> template, int line, Type values) {
    }

    /**
     * A parameter of a method: its type word ({@code str int float num bool list fn any elem}), and
     * whether it is optional (only trailing ones) or takes any number of arguments (only the last).
     */
    public record Param(String type, boolean optional, boolean rest) {
    }

    /** A piece of a method's Java template. */
    public sealed interface TemplatePart {
        /** Java text, as is. */
        record Text(String text) implements TemplatePart {
        }

        /** A type, by qualified name ({@code java.util.Locale}). */
        record TypeName(String qualified) implements TemplatePart {
        }

        /** {@code {r}}: the receiver. */
        record Receiver() implements TemplatePart {
        }

        /** {@code {0}}, {@code {1}}, ...: an argument, converted to its parameter's type. */
        record Argument(int index) implements TemplatePart {
        }
    }

    /**
     * A method of values of one kind.
     *
     * @param template the Java form of a call whose arguments have the parameter types; empty when
     *                 the call always goes through the runtime's dynamic dispatch
     * @param line     the catalog line, for messages
     */
    public record Method(Kind kind, String name, List<Param> params, ResultType result, List<TemplatePart> template,
            int line) {
        public Arity arity() {
            int min = 0;
            for (Param p : params) {
                if (!p.optional() && !p.rest()) {
                    min++;
                }
            }
            boolean rest = !params.isEmpty() && params.get(params.size() - 1).rest();
            return new Arity(min, rest ? -1 : params.size());
        }

        /** The type of a call on {@code receiver} with arguments of {@code args}. */
        public Type resultFor(Type receiver, List<Type> args) {
            return result.of(receiver, args);
        }

        public boolean hasTemplate() {
            return !template.isEmpty();
        }

        /**
         * Whether the template applies to arguments of these types: each has its parameter's type; a
         * {@code fn(elem)} argument is a typed function (one {@code ->bool} gives a boolean).
         */
        public boolean templateApplies(List<Type> args) {
            if (!hasTemplate() || !arity().accepts(args.size())) {
                return false;
            }
            for (int i = 0; i < args.size(); i++) {
                String word = param(i).type();
                if (word.startsWith("fn(")) {
                    if (!(args.get(i) instanceof Type.FunctionType f && f.typed() && f.arity() == 1
                            && (!word.endsWith("->bool") || f.result() instanceof Type.Bool))) {
                        return false;
                    }
                    continue;
                }
                Type wanted = fixedParamType(word);
                if (wanted != null && !wanted.equals(args.get(i))) {
                    return false;
                }
            }
            return true;
        }

        /** The type argument {@code index} is converted to on {@code receiver}: {@code elem} is its element type. */
        public Type paramType(int index, Type receiver) {
            String word = param(index).type();
            if (word.equals("elem")) {
                return element(receiver);
            }
            Type fixed = fixedParamType(word);
            return fixed == null ? Type.DYN : fixed;
        }

        /**
         * The types argument {@code index} is called with when it is a function the method calls
         * ({@code fn(elem)}: the receiver's elements), or null.
         */
        public List<Type> functionParams(int index, Type receiver) {
            if (params.isEmpty() || !param(index).type().startsWith("fn(")) {
                return null;
            }
            return List.of(element(receiver));
        }

        private Param param(int index) {
            return params.get(Math.min(index, params.size() - 1));
        }
    }

    /** A method's result type, which may depend on the receiver's and the arguments' types. */
    public sealed interface ResultType {
        /** The type for a call on {@code receiver} with arguments of types {@code args}. */
        Type of(Type receiver, List<Type> args);

        /** A type that does not depend on the call. */
        record Fixed(Type type) implements ResultType {
            @Override
            public Type of(Type receiver, List<Type> args) {
                return type;
            }
        }

        /** {@code self}: the receiver's type. */
        record Self() implements ResultType {
            @Override
            public Type of(Type receiver, List<Type> args) {
                return receiver;
            }
        }

        /** {@code elem}: the receiver's element type. */
        record Elem() implements ResultType {
            @Override
            public Type of(Type receiver, List<Type> args) {
                return element(receiver);
            }
        }

        /** {@code numeric-elem}: the element type when it is int or float, else dyn. */
        record NumericElem() implements ResultType {
            @Override
            public Type of(Type receiver, List<Type> args) {
                Type e = element(receiver);
                return e instanceof Type.Int || e instanceof Type.Float ? e : Type.DYN;
            }
        }

        /** {@code {0}}: the type of an argument. */
        record ArgType(int index) implements ResultType {
            @Override
            public Type of(Type receiver, List<Type> args) {
                return index < args.size() ? args.get(index) : Type.DYN;
            }
        }

        /** {@code [result{0}]}: an array of what the function argument {@code index} gives. */
        record FunctionResults(int index) implements ResultType {
            @Override
            public Type of(Type receiver, List<Type> args) {
                return Type.list(index < args.size() && args.get(index) instanceof Type.FunctionType f && f.typed()
                        && !(f.result() instanceof Type.Nil) ? f.result() : Type.DYN);
            }
        }

        /** {@code a|b}: either; with {@code nil}, the other when it can hold nil (not a primitive), else dyn. */
        record Either(ResultType left, ResultType right) implements ResultType {
            @Override
            public Type of(Type receiver, List<Type> args) {
                Type a = left.of(receiver, args);
                Type b = right.of(receiver, args);
                if (a instanceof Type.Nil) {
                    return b.isPrimitive() ? Type.DYN : b;
                }
                if (b instanceof Type.Nil) {
                    return a.isPrimitive() ? Type.DYN : a;
                }
                return Type.join(a, b);
            }
        }
    }

    private final Set<String> namespaces = new LinkedHashSet<>();
    private final List<String> optionalPrefixes = new ArrayList<>();
    private final Set<String> fnspaces = new LinkedHashSet<>();
    private final Set<String> reserved = new LinkedHashSet<>();
    private final Map<String, String> types = new LinkedHashMap<>();
    private final Map<String, Builtin> builtins = new LinkedHashMap<>();
    /** Entries whose result is parsed JSON ({@link #givesJson}). */
    private final Set<String> jsonResults = new LinkedHashSet<>();
    private final Map<String, PathEntry> paths = new LinkedHashMap<>();
    private final Map<Kind, Map<String, List<Method>>> methods = new EnumMap<>(Kind.class);
    private final Map<Kind, Map<String, String>> unsupported = new EnumMap<>(Kind.class);
    private final Map<String, ClassEntry> classes = new LinkedHashMap<>();
    private final Map<String, Callback> callbacks = new LinkedHashMap<>();
    private final Map<String, Map<String, List<Member>>> members = new LinkedHashMap<>();
    private final Map<String, Map<String, FieldEntry>> fields = new LinkedHashMap<>();

    private RuntimeCatalog() {
        for (Kind k : Kind.values()) {
            methods.put(k, new LinkedHashMap<>());
            unsupported.put(k, new LinkedHashMap<>());
        }
    }

    private static final class Standard {
        static final RuntimeCatalog CATALOG = load();

        private static RuntimeCatalog load() {
            try (InputStream in = RuntimeCatalog.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the resource " + RESOURCE + " is missing beside "
                            + RuntimeCatalog.class.getName());
                }
                return parse(RESOURCE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
        }
    }

    /**
     * The catalog of this transpiler's runtime, read once.
     *
     * @throws IllegalArgumentException when the resource is malformed ({@code runtime.catalog:12: ...})
     */
    public static RuntimeCatalog standard() {
        return Standard.CATALOG;
    }

    // ---- lookups ---------------------------------------------------------------------------------

    /** The builtin function called {@code name}, or null. */
    public Builtin builtin(String name) {
        return builtins.get(name);
    }

    /** Every builtin function's name, in catalog order. */
    public Set<String> builtinNames() {
        return Collections.unmodifiableSet(builtins.keySet());
    }

    /** Whether a path starting with {@code head} is the runtime's to resolve ({@code http}, {@code std}, ...). */
    public boolean isNamespace(String head) {
        return namespaces.contains(head);
    }

    public Set<String> namespaces() {
        return Collections.unmodifiableSet(namespaces);
    }

    /** {@code std::fs::read_to_string} → {@code fs::read_to_string}: the optional prefixes dropped, in order. */
    public String normalize(String path) {
        String key = path;
        for (String prefix : optionalPrefixes) {
            if (key.startsWith(prefix)) {
                key = key.substring(prefix.length());
            }
        }
        return key;
    }

    /**
     * The function or constant at {@code path} (as written, optional prefixes allowed), or null. A
     * builtin under a function space ({@code math::sqrt}) is a path entry with the builtin's arity
     * and result.
     */
    public PathEntry path(String path) {
        String key = normalize(path);
        PathEntry entry = paths.get(key);
        if (entry != null) {
            return entry;
        }
        int sep = key.indexOf("::");
        if (sep > 0 && fnspaces.contains(key.substring(0, sep))) {
            Builtin b = builtins.get(key.substring(sep + 2));
            if (b != null) {
                return new PathEntry(key, b.arity(), b.result());
            }
        }
        return null;
    }

    /** Every listed path and constant, without the function-space forms of builtins. */
    public Set<String> pathNames() {
        return Collections.unmodifiableSet(paths.keySet());
    }

    /** The listed functions (not constants) by path. */
    public Map<String, PathEntry> functionPaths() {
        Map<String, PathEntry> out = new LinkedHashMap<>();
        paths.forEach((k, v) -> {
            if (!v.isConstant()) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** The listed constants by path. */
    public Map<String, PathEntry> constants() {
        Map<String, PathEntry> out = new LinkedHashMap<>();
        paths.forEach((k, v) -> {
            if (v.isConstant()) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** The prefixes the runtime drops from paths, in order: {@code std::}, ... */
    public List<String> optionalPrefixes() {
        return Collections.unmodifiableList(optionalPrefixes);
    }

    /** Names {@code N} such that {@code N::f} is the builtin {@code f}. */
    public Set<String> functionSpaces() {
        return Collections.unmodifiableSet(fnspaces);
    }

    /** The Java names a Ruchy name must not become. */
    public Set<String> reserved() {
        return Collections.unmodifiableSet(reserved);
    }

    /**
     * The qualified name of type {@code alias} ({@code Ops} → {@code dev.ruchy.runtime.Ops}).
     *
     * @throws IllegalArgumentException when the catalog declares no such type
     */
    public String type(String alias) {
        String qualified = types.get(alias);
        if (qualified == null) {
            throw new IllegalArgumentException("the runtime catalog declares no type " + alias);
        }
        return qualified;
    }

    /** Every declared type: alias → qualified name. */
    public Map<String, String> types() {
        return Collections.unmodifiableMap(types);
    }

    /** The kind whose methods a value of type {@code t} has, or null when the type says nothing (dyn, a struct, ...). */
    public static Kind kindOf(Type t) {
        return switch (t) {
            case Type.Str s -> Kind.STR;
            case Type.ListType l -> Kind.LIST;
            case Type.Int i -> Kind.INT;
            case Type.Float f -> Kind.FLOAT;
            case Type.Bool b -> Kind.BOOL;
            case Type.ObjectType o -> Kind.OBJ;
            case Type.OptionType o -> Kind.OPTION;
            case Type.ResultType r -> Kind.RESULT;
            case Type.RangeType r -> Kind.RANGE;
            case Type.TupleType t2 -> Kind.TUPLE;
            default -> null;
        };
    }

    /** The methods named {@code name} of {@code kind} itself (not those of every value), in catalog order. */
    public List<Method> methods(Kind kind, String name) {
        return methods.get(kind).getOrDefault(name, List.of());
    }

    /** Every method of {@code kind} by name (those of every value not included). */
    public Map<String, List<Method>> methods(Kind kind) {
        return Collections.unmodifiableMap(methods.get(kind));
    }

    /** The names callable on a value of {@code kind}: its own methods and those of every value. */
    public Set<String> methodNames(Kind kind) {
        Set<String> names = new TreeSet<>(methods.get(kind).keySet());
        names.addAll(methods.get(Kind.ANY).keySet());
        return names;
    }

    /**
     * The method {@code name} of a value of type {@code receiver} that takes {@code argc} arguments:
     * the kind's own first, then those of every value; null when there is none.
     */
    public Method method(Type receiver, String name, int argc) {
        Kind kind = kindOf(receiver);
        if (kind != null) {
            for (Method m : methods(kind, name)) {
                if (m.arity().accepts(argc)) {
                    return m;
                }
            }
        }
        for (Method m : methods(Kind.ANY, name)) {
            if (m.arity().accepts(argc)) {
                return m;
            }
        }
        return null;
    }

    /**
     * Every method {@code name} a value of {@code receiver}'s kind has, whatever its arity: the kind's
     * own and those of every value.
     */
    public List<Method> overloads(Type receiver, String name) {
        List<Method> out = new ArrayList<>();
        Kind kind = kindOf(receiver);
        if (kind != null) {
            out.addAll(methods(kind, name));
        }
        out.addAll(methods(Kind.ANY, name));
        return out;
    }

    /** The type of {@code receiver.name(args)}: {@link Type#UNKNOWN} while the receiver's is, dyn when not listed. */
    public Type methodResult(Type receiver, String name, List<Type> args) {
        if (receiver.isUnknown()) {
            return Type.UNKNOWN;
        }
        Method m = method(receiver, name, args.size());
        return m == null ? Type.DYN : m.resultFor(receiver, args);
    }

    /** The runtime class called {@code alias}, or null. */
    public ClassEntry runtimeClass(String alias) {
        return classes.get(alias);
    }

    /** Every runtime class by alias, in catalog order. */
    public Map<String, ClassEntry> classes() {
        return Collections.unmodifiableMap(classes);
    }

    /** The callback interface called {@code alias}, or null. */
    public Callback callback(String alias) {
        return callbacks.get(alias);
    }

    /** Every callback interface by alias. */
    public Map<String, Callback> callbacks() {
        return Collections.unmodifiableMap(callbacks);
    }

    /** The members of runtime class {@code owner} by name (empty when it has none). */
    public Map<String, List<Member>> members(String owner) {
        return Collections.unmodifiableMap(members.getOrDefault(owner, Map.of()));
    }

    /** The fields of runtime class {@code owner} by name. */
    public Map<String, FieldEntry> fields(String owner) {
        return Collections.unmodifiableMap(fields.getOrDefault(owner, Map.of()));
    }

    /** Field {@code name} of runtime class {@code owner}, or null. */
    public FieldEntry field(String owner, String name) {
        return fields.getOrDefault(owner, Map.of()).get(name);
    }

    /**
     * The member {@code name} of runtime class {@code owner} a call fits: as many parameters as
     * arguments, a closure argument where a callback of its parameter count is taken and only there.
     *
     * @param closureArity per argument: the parameter count of a closure written there, -1 for any other argument
     * @return the first fitting member in catalog order, or null
     */
    public Member member(String owner, String name, List<Integer> closureArity) {
        return member(owner, name, closureArity, Collections.nCopies(closureArity.size(), null));
    }

    /**
     * As {@link #member(String, String, List)}, where a member's literal parameter ({@code "message"}
     * in {@code on("message", TextListener)}) fits only the same string literal written there.
     *
     * @param literals per argument: the value of a string literal written there, or null
     */
    public Member member(String owner, String name, List<Integer> closureArity, List<String> literals) {
        return member(owner, name, closureArity, literals, Collections.nCopies(closureArity.size(), -1));
    }

    /**
     * As {@link #member(String, String, List, List)}, where a named function passed as an argument
     * fits a callback of its parameter count as a closure would, and any other parameter as a value.
     *
     * @param functionArity per argument: the parameter count of a named function written there, or -1
     */
    public Member member(String owner, String name, List<Integer> closureArity, List<String> literals,
            List<Integer> functionArity) {
        return member(owner, name, closureArity, literals, functionArity, Collections.nCopies(closureArity.size(), null));
    }

    /**
     * As {@link #member(String, String, List, List, List)}, where a member's literal-kind parameter
     * ({@code #int} in {@code query(any, #int)}) fits only a literal of that kind written there.
     *
     * @param literalKinds per argument: {@code str int float bool} for a literal of that kind written
     *                     there (an integer or float with its sign), or null
     */
    public Member member(String owner, String name, List<Integer> closureArity, List<String> literals,
            List<Integer> functionArity, List<String> literalKinds) {
        for (Member m : members.getOrDefault(owner, Map.of()).getOrDefault(name, List.of())) {
            if (m.params().size() != closureArity.size()) {
                continue;
            }
            boolean fits = true;
            for (int i = 0; i < closureArity.size() && fits; i++) {
                String word = m.params().get(i);
                Callback cb = callbacks.get(word);
                int n = closureArity.get(i);
                int f = functionArity.get(i);
                fits = isLiteralParam(word) ? word.substring(1, word.length() - 1).equals(literals.get(i))
                        : isLiteralKindParam(word) ? word.substring(1).equals(literalKinds.get(i))
                        : cb == null ? n < 0 : n == cb.params().size() || f == cb.params().size();
            }
            if (fits) {
                return m;
            }
        }
        return null;
    }

    /** What to use instead of {@code kind}'s method {@code name}, which the runtime refuses; null when it is not one. */
    public String unsupportedHint(Kind kind, String name) {
        return unsupported.get(kind).get(name);
    }

    /** The methods the runtime deliberately refuses, by kind: name → hint. */
    public Map<String, String> unsupported(Kind kind) {
        return Collections.unmodifiableMap(unsupported.get(kind));
    }

    /** An array's element, an Option's value, a Result's Ok value; dyn for anything else. */
    static Type element(Type receiver) {
        return switch (receiver) {
            case Type.ListType l -> l.element();
            case Type.OptionType o -> o.element();
            case Type.ResultType r -> r.ok();
            default -> Type.DYN;
        };
    }

    private static Type fixedParamType(String word) {
        return switch (word) {
            case "str" -> Type.STR;
            case "int" -> Type.INT;
            case "float" -> Type.FLOAT;
            case "bool" -> Type.BOOL;
            default -> null; // num, list, fn, any, elem: any argument
        };
    }

    // ---- parsing ---------------------------------------------------------------------------------

    private static final Pattern FUNCTION_PARAM = Pattern.compile("fn\\(elem\\)(->bool)?");
    private static final Set<String> PARAM_TYPES = Set.of("str", "int", "float", "num", "bool", "list", "fn", "any", "elem");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** A literal member parameter: a quoted word ({@code "message"}). */
    private static final Pattern LITERAL = Pattern.compile("\"[A-Za-z_][A-Za-z0-9_-]*\"");
    private static final Pattern PATH = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(::[A-Za-z_][A-Za-z0-9_]*)*");
    private static final Pattern QUALIFIED = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)+");
    private static final Pattern ARITY = Pattern.compile("(\\d+)(\\.\\.(\\d*))?");
    private static final Pattern FN = Pattern.compile(
            "(" + NAME + ")\\(([^)]*)\\)\\s*:\\s*(\\S+)\\s*=\\s*([A-Za-z_][A-Za-z0-9_]*)\\.([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern PATH_FN = Pattern.compile("(" + PATH + ")\\(([^)]*)\\)\\s*:\\s*(\\S+)");
    private static final Pattern CONST = Pattern.compile("(" + PATH + ")\\s*:\\s*(\\S+)(?:\\s*=\\s*(.+))?");
    private static final Pattern TYPE = Pattern.compile("(" + NAME + ")\\s*=\\s*(" + QUALIFIED + ")");
    private static final Pattern METHOD = Pattern.compile(
            "([a-z]+)\\.(" + NAME + ")\\(((?:[^()]|\\([^()]*\\))*)\\)\\s*:\\s*(\\S+)(\\s*=\\s*(.+))?");
    private static final Pattern PATH_TEMPLATE = Pattern.compile(
            "(" + PATH + ")\\(((?:[A-Za-z_][A-Za-z0-9_]*(?:\\s*,\\s*[A-Za-z_][A-Za-z0-9_]*)*)?)\\)\\s*:\\s*(\\S+)\\s*=\\s*(.+)");
    private static final Pattern CLASS = Pattern.compile("(" + NAME + ")\\s*=\\s*(" + QUALIFIED + ")(\\s+open)?(\\s+resource)?");
    private static final Pattern CALLBACK = Pattern.compile(
            "(" + NAME + ")\\(([^)]*)\\)\\s*=\\s*(" + QUALIFIED + ")");
    private static final Pattern MEMBER = Pattern.compile(
            "(" + NAME + ")\\.(" + NAME + ")\\(([^)]*)\\)\\s*:\\s*(\\S+)(\\s*=\\s*(.+))?");
    private static final Pattern FIELD = Pattern.compile(
            "(" + NAME + ")\\.(" + NAME + ")\\s*:\\s*(\\S+)(\\s*=\\s*(.+))?");
    private static final Pattern UNSUPPORTED = Pattern.compile("([a-z]+)\\.(" + NAME + ")\\s*:\\s*(.+)");
    private static final Pattern TEMPLATE_TOKEN = Pattern.compile("\\{(r|\\d+)\\}|[A-Za-z_][A-Za-z0-9_]*|\\{[^}]*\\}");

    /**
     * Reads a catalog.
     *
     * @param source the name messages give ({@code runtime.catalog})
     * @throws IllegalArgumentException at the first malformed or inconsistent line:
     *                                  {@code runtime.catalog:12: unknown type `flaot`}
     */
    public static RuntimeCatalog parse(String source, String text) {
        RuntimeCatalog c = new RuntimeCatalog();
        String[] lines = text.split("\n", -1);
        List<Runnable> deferred = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            int line = i + 1;
            String l = lines[i].strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            int space = l.indexOf(' ');
            String directive = space < 0 ? l : l.substring(0, space);
            String rest = space < 0 ? "" : l.substring(space + 1).strip();
            try {
                switch (directive) {
                    case "namespace" -> words(rest, NAME, "a namespace").forEach(w -> add(c.namespaces, w, "namespace"));
                    case "optional" -> words(rest, Pattern.compile(NAME + "::"), "a prefix such as std::")
                            .forEach(w -> c.optionalPrefixes.add(w));
                    case "fnspace" -> words(rest, NAME, "a name").forEach(w -> add(c.fnspaces, w, "function space"));
                    case "reserved" -> words(rest, Pattern.compile("\\S+"), "a word").forEach(w -> add(c.reserved, w, "reserved word"));
                    case "type" -> c.typeEntry(rest);
                    case "fn" -> c.fn(rest);
                    case "path" -> c.pathFn(rest, line, deferred);
                    case "const" -> c.constant(rest, line, deferred);
                    case "method" -> c.method(rest, line);
                    case "unsupported" -> c.unsupported(rest);
                    case "class" -> c.classEntry(rest);
                    case "callback" -> c.callbackEntry(rest);
                    case "member" -> c.member(rest, line);
                    case "field" -> c.field(rest, line);
                    default -> throw new IllegalArgumentException("unknown entry `" + directive
                            + "` (expected namespace, optional, fnspace, reserved, type, fn, path, const, method,"
                            + " unsupported, class, callback, member or field)");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ":" + line + ": " + e.getMessage(), e);
            }
        }
        for (Runnable check : deferred) {
            try {
                check.run();
            } catch (IllegalArgumentException e) {
                // the message already names the line
                throw new IllegalArgumentException(source + ":" + e.getMessage(), e);
            }
        }
        return c;
    }

    private static List<String> words(String rest, Pattern word, String what) {
        if (rest.isEmpty()) {
            throw new IllegalArgumentException("expected " + what);
        }
        List<String> out = new ArrayList<>();
        for (String w : rest.split("\\s+")) {
            if (!word.matcher(w).matches()) {
                throw new IllegalArgumentException("`" + w + "` is not " + what);
            }
            out.add(w);
        }
        return out;
    }

    private static void add(Set<String> set, String word, String what) {
        if (!set.add(word)) {
            throw new IllegalArgumentException("duplicate " + what + " `" + word + "`");
        }
    }

    private static Matcher match(Pattern p, String rest, String shape) {
        Matcher m = p.matcher(rest);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected `" + shape + "`, found `" + rest + "`");
        }
        return m;
    }

    private void typeEntry(String rest) {
        Matcher m = match(TYPE, rest, "type ALIAS = qualified.Name");
        if (types.putIfAbsent(m.group(1), m.group(2)) != null) {
            throw new IllegalArgumentException("duplicate type `" + m.group(1) + "`");
        }
    }

    private void fn(String rest) {
        Matcher m = match(FN, rest, "fn NAME(ARITY) : TYPE = Type.method");
        String name = m.group(1);
        String owner = types.get(m.group(4));
        if (owner == null) {
            throw new IllegalArgumentException("`" + m.group(4) + "` is not a type declared above");
        }
        Builtin b = new Builtin(name, owner, m.group(5), arity(m.group(2)), valueType(m.group(3)));
        noteJson(m.group(3), "fn " + name);
        if (builtins.putIfAbsent(name, b) != null) {
            throw new IllegalArgumentException("duplicate function `" + name + "`");
        }
    }

    private void pathFn(String rest, int line, List<Runnable> deferred) {
        Matcher t = PATH_TEMPLATE.matcher(rest);
        if (t.matches()) {
            List<String> params = memberParams(t.group(3));
            addPath(new PathEntry(t.group(1), new Arity(params.size(), params.size()), typeWord(t.group(4)), params,
                    template(t.group(5).strip(), params.size())), line, deferred);
            return;
        }
        Matcher m = match(PATH_FN, rest, "path A::B(ARITY) : TYPE");
        noteJson(m.group(4), "path " + m.group(1));
        addPath(new PathEntry(m.group(1), arity(m.group(3)), valueType(m.group(4))), line, deferred);
    }

    private void classEntry(String rest) {
        Matcher m = match(CLASS, rest, "class ALIAS = qualified.Name [open] [resource]");
        typeEntry(m.group(1) + " = " + m.group(2));
        classes.put(m.group(1), new ClassEntry(m.group(1), m.group(2), m.group(3) != null, m.group(4) != null));
    }

    private void callbackEntry(String rest) {
        Matcher m = match(CALLBACK, rest, "callback ALIAS(TYPE, ...) = qualified.Name");
        List<Type> params = new ArrayList<>();
        for (String w : m.group(2).isBlank() ? new String[0] : m.group(2).split(",")) {
            params.add(typeWord(w.strip()));
        }
        typeEntry(m.group(1) + " = " + m.group(3));
        callbacks.put(m.group(1), new Callback(m.group(1), m.group(3), List.copyOf(params)));
    }

    private void member(String rest, int line) {
        Matcher m = match(MEMBER, rest, "member CLASS.NAME(PARAMS) : TYPE [= TEMPLATE]");
        String owner = m.group(1);
        if (!classes.containsKey(owner)) {
            throw new IllegalArgumentException("`" + owner + "` is not a class declared above");
        }
        List<String> params = memberParams(m.group(3));
        String text = m.group(6) != null ? m.group(6).strip() : defaultCall(m.group(2), params.size());
        String result = m.group(4);
        boolean orNil = result.endsWith("?");
        Member member = new Member(owner, m.group(2), params, typeWord(orNil ? result.substring(0, result.length() - 1) : result),
                template(text, params.size()), line, orNil);
        noteJson(m.group(4), "member " + owner + "." + m.group(2));
        members.computeIfAbsent(owner, k -> new LinkedHashMap<>()).computeIfAbsent(m.group(2), k -> new ArrayList<>())
                .add(member);
    }

    private void field(String rest, int line) {
        Matcher m = match(FIELD, rest, "field CLASS.NAME : TYPE [= TEMPLATE]");
        String owner = m.group(1);
        if (!classes.containsKey(owner)) {
            throw new IllegalArgumentException("`" + owner + "` is not a class declared above");
        }
        String text = m.group(5) != null ? m.group(5).strip() : "{r}." + m.group(2) + "()";
        String type = m.group(3);
        boolean objectOf = type.startsWith("{") && type.endsWith("}");
        FieldEntry f = new FieldEntry(owner, m.group(2), objectOf ? Type.OBJECT : typeWord(type), template(text, 0), line,
                objectOf ? valueType(type.substring(1, type.length() - 1)) : null);
        if (fields.computeIfAbsent(owner, k -> new LinkedHashMap<>()).putIfAbsent(m.group(2), f) != null) {
            throw new IllegalArgumentException("duplicate field `" + owner + "." + m.group(2) + "`");
        }
    }

    /** {@code {r}.name({0}, {1})}. */
    private static String defaultCall(String name, int count) {
        StringBuilder b = new StringBuilder("{r}.").append(name).append('(');
        for (int i = 0; i < count; i++) {
            b.append(i == 0 ? "" : ", ").append('{').append(i).append('}');
        }
        return b.append(')').toString();
    }

    /**
     * Whether a member's parameter word is a string literal ({@code "message"}): the member fits only
     * a call with that literal there, and its template does not pass it on.
     */
    public static boolean isLiteralParam(String word) {
        return word.length() >= 2 && word.startsWith("\"") && word.endsWith("\"");
    }

    /**
     * Whether a member's parameter word is a literal kind ({@code #int}, {@code #float}, {@code #bool},
     * {@code #str}): the member fits only a call with a literal of that kind there, which it passes on
     * as that type.
     */
    public static boolean isLiteralKindParam(String word) {
        return word.startsWith("#") && fixedParamType(word.substring(1)) != null;
    }

    /**
     * Member parameters: {@code str int float bool any}, a callback alias declared above, a string
     * literal or a literal kind.
     */
    private List<String> memberParams(String text) {
        List<String> out = new ArrayList<>();
        if (text.isBlank()) {
            return out;
        }
        for (String w : text.split(",")) {
            String word = w.strip();
            if (!Set.of("str", "int", "float", "bool", "any").contains(word) && !callbacks.containsKey(word)
                    && !(isLiteralParam(word) && LITERAL.matcher(word).matches()) && !isLiteralKindParam(word)) {
                throw new IllegalArgumentException("unknown parameter type `" + word + "` (expected str, int, float,"
                        + " bool, any, a callback declared above, a \"literal\" or a literal kind #int #float #bool #str)");
            }
            out.add(word);
        }
        return List.copyOf(out);
    }

    /** A TYPE, or a runtime class declared above. */
    private Type typeWord(String text) {
        ClassEntry c = classes.get(text);
        return c != null ? c.type() : valueType(text);
    }

    /** The type a member's parameter word converts its argument to; dyn for {@code any} and callbacks. */
    public static Type memberParamType(String word) {
        if (isLiteralParam(word)) {
            return Type.STR;
        }
        Type fixed = fixedParamType(isLiteralKindParam(word) ? word.substring(1) : word);
        return fixed == null ? Type.DYN : fixed;
    }

    private void constant(String rest, int line, List<Runnable> deferred) {
        Matcher m = match(CONST, rest, "const A::B : TYPE [= TEMPLATE]");
        List<TemplatePart> template = m.group(4) == null ? List.of() : template(m.group(4).strip(), 0);
        addPath(new PathEntry(m.group(1), null, typeWord(m.group(3)), List.of(), template), line, deferred);
    }

    private void addPath(PathEntry entry, int line, List<Runnable> deferred) {
        if (paths.putIfAbsent(entry.path(), entry) != null) {
            throw new IllegalArgumentException("duplicate path `" + entry.path() + "`");
        }
        String head = entry.path().split("::")[0];
        if (entry.path().contains("::")) {
            // namespaces may be declared anywhere in the file
            deferred.add(() -> {
                if (!namespaces.contains(head)) {
                    throw new IllegalArgumentException(line + ": the path `" + entry.path() + "` starts with `" + head
                            + "`, which is not a namespace");
                }
            });
        }
    }

    private void method(String rest, int line) {
        Matcher m = match(METHOD, rest, "method KIND.NAME(PARAMS) : RESULT [= TEMPLATE]");
        Kind kind = kind(m.group(1));
        String name = m.group(2);
        List<Param> params = params(m.group(3));
        if (kind == Kind.ANY && m.group(6) != null) {
            throw new IllegalArgumentException("a method of every value cannot have a template");
        }
        ResultType result = resultType(m.group(4), kind, params.size());
        List<TemplatePart> template = m.group(6) == null ? List.of() : template(m.group(6).strip(), params.size());
        Method method = new Method(kind, name, params, result, template, line);
        List<Method> same = methods.get(kind).computeIfAbsent(name, k -> new ArrayList<>());
        for (Method other : same) {
            // two templates for the same arity may differ in their parameters (fn(elem)->bool, then fn(elem)):
            // a call takes the first its arguments fit
            boolean refines = !other.template().isEmpty() && !template.isEmpty() && !other.params().equals(params);
            if (overlap(other.arity(), method.arity()) && !refines) {
                throw new IllegalArgumentException("`" + kind.word() + "." + name + "` is already listed for "
                        + other.arity().describe() + " arguments (line " + other.line() + ")");
            }
        }
        same.add(method);
        if (unsupported.get(kind).containsKey(name)) {
            throw new IllegalArgumentException("`" + kind.word() + "." + name + "` is also listed as unsupported");
        }
    }

    private void unsupported(String rest) {
        Matcher m = match(UNSUPPORTED, rest, "unsupported KIND.NAME : hint");
        Kind kind = kind(m.group(1));
        if (methods.get(kind).containsKey(m.group(2))) {
            throw new IllegalArgumentException("`" + kind.word() + "." + m.group(2) + "` is also listed as a method");
        }
        if (unsupported.get(kind).putIfAbsent(m.group(2), m.group(3).strip()) != null) {
            throw new IllegalArgumentException("duplicate unsupported method `" + m.group(2) + "`");
        }
    }

    private static boolean overlap(Arity a, Arity b) {
        int aMax = a.max() < 0 ? Integer.MAX_VALUE : a.max();
        int bMax = b.max() < 0 ? Integer.MAX_VALUE : b.max();
        return a.min() <= bMax && b.min() <= aMax;
    }

    private static Kind kind(String word) {
        Kind kind = Kind.ofWord(word);
        if (kind == null) {
            throw new IllegalArgumentException("unknown kind `" + word + "` (expected str, list, int, float, bool, obj,"
                    + " option, result, range, tuple or any)");
        }
        return kind;
    }

    private static Arity arity(String text) {
        Matcher m = ARITY.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("`" + text + "` is not an arity (N, N..M or N..)");
        }
        int min = Integer.parseInt(m.group(1));
        if (m.group(2) == null) {
            return new Arity(min, min);
        }
        if (m.group(3).isEmpty()) {
            return new Arity(min, -1);
        }
        int max = Integer.parseInt(m.group(3));
        if (max < min) {
            throw new IllegalArgumentException("the arity `" + text + "` ends before it starts");
        }
        return new Arity(min, max);
    }

    private static List<Param> params(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return List.of();
        }
        List<Param> out = new ArrayList<>();
        String[] parts = t.split(",");
        boolean optionalSeen = false;
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].strip();
            boolean rest = p.endsWith("...");
            boolean optional = p.endsWith("?");
            String word = rest ? p.substring(0, p.length() - 3) : optional ? p.substring(0, p.length() - 1) : p;
            if (!PARAM_TYPES.contains(word) && !FUNCTION_PARAM.matcher(word).matches()) {
                throw new IllegalArgumentException("unknown parameter type `" + word + "` (expected str, int, float, num,"
                        + " bool, list, fn, fn(elem), fn(elem)->bool, any or elem)");
            }
            if (rest && i != parts.length - 1) {
                throw new IllegalArgumentException("only the last parameter may take any number of arguments");
            }
            if (optionalSeen && !optional && !rest) {
                throw new IllegalArgumentException("a required parameter cannot follow an optional one");
            }
            optionalSeen |= optional;
            out.add(new Param(word, optional, rest));
        }
        return List.copyOf(out);
    }

    private void noteJson(String typeWord, String entry) {
        if (typeWord.strip().equals("json")) {
            jsonResults.add(entry);
        }
    }

    /**
     * Whether an entry's result is a value parsed from JSON at run time (its TYPE is {@code json}):
     * {@code kind} is {@code fn}, {@code path} or {@code member}, {@code name} the function
     * ({@code parse_json}), path ({@code json::parse}) or {@code Class.method} ({@code Request.json}).
     */
    public boolean givesJson(String kind, String name) {
        return jsonResults.contains(kind + " " + name);
    }

    /** A TYPE: a value type, for functions, paths and constants. */
    private static Type valueType(String text) {
        if (text.startsWith("[") && text.endsWith("]")) {
            return Type.list(valueType(text.substring(1, text.length() - 1)));
        }
        return switch (text) {
            case "int" -> Type.INT;
            case "float" -> Type.FLOAT;
            case "bool" -> Type.BOOL;
            case "str" -> Type.STR;
            case "nil" -> Type.NIL;
            case "dyn", "json" -> Type.DYN;
            case "obj" -> Type.OBJECT;
            case "tuple" -> Type.TUPLE;
            case "range" -> Type.RANGE;
            case "unknown" -> Type.UNKNOWN;
            default -> throw new IllegalArgumentException("unknown type `" + text + "` (expected int, float, bool, str, nil,"
                    + " dyn, json, obj, tuple, range, unknown or [TYPE])");
        };
    }

    /** A RESULT: a value type or one relative to the receiver. */
    private static ResultType resultType(String text, Kind kind, int paramCount) {
        int bar = text.indexOf('|');
        if (bar >= 0) {
            return new ResultType.Either(resultType(text.substring(0, bar), kind, paramCount),
                    resultType(text.substring(bar + 1), kind, paramCount));
        }
        boolean hasElement = kind == Kind.LIST || kind == Kind.OPTION || kind == Kind.RESULT;
        switch (text) {
            case "self":
                return new ResultType.Self();
            case "elem", "numeric-elem":
                if (!hasElement) {
                    throw new IllegalArgumentException("`" + text + "` needs a receiver with elements (list, option or result)");
                }
                return text.equals("elem") ? new ResultType.Elem() : new ResultType.NumericElem();
            default:
                break;
        }
        if (text.matches("\\[result\\{\\d+\\}\\]")) {
            int index = Integer.parseInt(text.substring(8, text.length() - 2));
            if (index >= paramCount) {
                throw new IllegalArgumentException("`" + text + "`: the method has " + paramCount + " parameters");
            }
            return new ResultType.FunctionResults(index);
        }
        if (text.matches("\\{\\d+\\}")) {
            int index = Integer.parseInt(text.substring(1, text.length() - 1));
            if (index >= paramCount) {
                throw new IllegalArgumentException("`" + text + "`: the method has " + paramCount + " parameters");
            }
            return new ResultType.ArgType(index);
        }
        return new ResultType.Fixed(valueType(text));
    }

    private List<TemplatePart> template(String text, int paramCount) {
        List<TemplatePart> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        Matcher m = TEMPLATE_TOKEN.matcher(text);
        int at = 0;
        while (m.find()) {
            literal.append(text, at, m.start());
            at = m.end();
            String token = m.group();
            if (token.startsWith("{")) {
                if (m.group(1) == null) {
                    throw new IllegalArgumentException("unknown placeholder `" + token + "` (expected {r}, {0}, {1}, ...)");
                }
                flush(parts, literal);
                if (m.group(1).equals("r")) {
                    parts.add(new TemplatePart.Receiver());
                } else {
                    int index = Integer.parseInt(m.group(1));
                    if (index >= paramCount) {
                        throw new IllegalArgumentException("`" + token + "`: the method has " + paramCount + " parameters");
                    }
                    parts.add(new TemplatePart.Argument(index));
                }
            } else if (types.containsKey(token) && (m.start() == 0 || text.charAt(m.start() - 1) != '.')) {
                flush(parts, literal);
                parts.add(new TemplatePart.TypeName(types.get(token)));
            } else {
                literal.append(token);
            }
        }
        literal.append(text.substring(at));
        flush(parts, literal);
        return List.copyOf(parts);
    }

    private static void flush(List<TemplatePart> parts, StringBuilder literal) {
        if (!literal.isEmpty()) {
            parts.add(new TemplatePart.Text(literal.toString()));
            literal.setLength(0);
        }
    }
}
