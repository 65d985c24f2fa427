package dev.ruchy.transpiler.types;

import dev.ruchy.transpiler.ast.BinaryOp;
import dev.ruchy.transpiler.ast.Expr;
import dev.ruchy.transpiler.ast.Nodes;
import dev.ruchy.transpiler.ast.Param;
import dev.ruchy.transpiler.ast.Pattern;
import dev.ruchy.transpiler.ast.Program;
import dev.ruchy.transpiler.ast.Stmt;
import dev.ruchy.transpiler.ast.TypeRef;
import dev.ruchy.transpiler.code.RuntimeCatalog;
import dev.ruchy.transpiler.code.Symbol;
import dev.ruchy.transpiler.code.Type;
import dev.ruchy.transpiler.interop.JavaClass;
import dev.ruchy.transpiler.interop.JavaField;
import dev.ruchy.transpiler.interop.JavaMethod;
import dev.ruchy.transpiler.interop.TypeText;
import dev.ruchy.transpiler.lower.Lowering;
import dev.ruchy.transpiler.resolve.Resolver.Resolution;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives every expression, variable and function a static {@link Type}, so that the emitter can
 * write {@code long fib(long n)} rather than boxed objects (design.md, "Type inference").
 *
 * <p>The analysis is flow-insensitive and iterates to a fixed point: a variable's type is the
 * {@linkplain Type#join join} of everything assigned to it; an unannotated parameter's type is the
 * join of the arguments at every call site; a function's result is the join of its returned
 * values. Types only move up the lattice (unknown, then a precise type, then {@link Type#DYN}), so
 * the iteration ends. Whatever is still unknown at the end becomes {@link Type#DYN}.
 */
public final class TypeInference {
    private static final int MAX_ROUNDS = 12;
    private static final RuntimeCatalog CATALOG = RuntimeCatalog.standard();

    private final Program program;
    private final Resolution resolution;
    private final Map<Expr, Type> types = new IdentityHashMap<>();
    /** Closures passed where a runtime member takes a callback: their parameter types, from the callback. */
    private final Map<Expr.Lambda, List<Type>> callbackParams = new IdentityHashMap<>();
    private final Map<Stmt.Fun, Signature> signatures = new IdentityHashMap<>();
    /** Variable and parameter types: inference's own table, beside the resolver's symbols. */
    private final Map<Symbol, Type> variables = new IdentityHashMap<>();
    private boolean changed;
    /** Whether every type is settled (the last pass): a closure still untyped is dynamic. */
    private boolean finished;
    /**
     * Closures bound by {@code let} and only ever called by that name: their parameter types come
     * from the calls, as a function's do.
     */
    private final Map<Symbol, Expr.Lambda> calledClosures = new IdentityHashMap<>();
    /**
     * Parameters of functions that are only ever called in the body, and given a closure at every
     * call: one signature per parameter, which the closures passed share.
     */
    private final Map<Symbol, Signature> closureParams = new IdentityHashMap<>();
    /**
     * Locals bound to parsed JSON ({@code let msg = parse_json(data)}, {@code let user = req.json()})
     * that the program only uses as an object: the first field each one's uses name (see
     * {@link #findJsonObjects}).
     */
    private final Map<Symbol, String> jsonCandidates = new IdentityHashMap<>();
    /** The names of the program's functions and methods: a call of one of them is not the runtime's. */
    private final java.util.Set<String> functionNames = new java.util.HashSet<>();
    /** The parameter and result types of closures typed by their uses (see {@link #lambda}). */
    private final Map<Expr.Lambda, Signature> lambdaSignatures = new IdentityHashMap<>();
    /** Names of functions written where a runtime member takes a callback ({@code app.post("/", require_auth, ...)}). */
    private final java.util.Set<Expr.Ident> callbackReferences = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    /** Functions only ever passed as callbacks that return nothing: their results are never used (see {@link #discardResults}). */
    private final java.util.Set<Signature> discardedResults = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    /** Runtime members' results that may be nil, and the uses of locals bound to one (see {@link Types#mayBeNil}). */
    private final java.util.Set<Expr> orNil = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private final java.util.Set<Symbol> orNilSymbols = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    /**
     * Names {@code g} of the objects the program writes fields of as {@code x.g.f = v} (or
     * {@code x.g.f += v}): {@code req.params.id = 5} makes {@code req.params}' values whatever the
     * program stores, so they are not typed by the catalog (see {@link #objectFieldValues}).
     */
    private final java.util.Set<String> writtenFieldObjects = new java.util.HashSet<>();
    /** Locals bound to an object literal and only ever read with {@code get(key, default)} (see {@link #findLookupTables}). */
    private final Map<Symbol, Expr.ObjectLit> lookupTables = new IdentityHashMap<>();
    /** The Java classes the program uses, and the members it calls on them (see {@link JavaSite}). */
    private final JavaInterop interop;
    private final Map<Expr, JavaSite> javaSites = new IdentityHashMap<>();
    /** Variables whose Java type arguments are found from the methods called on them ({@link #refineTypeArguments}). */
    private final java.util.Set<Symbol> inferredArguments = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    /** For the call being typed on such a variable: its class's bindings, which the overload was chosen without. */
    private Map<String, Type> javaReceiverBindings;
    /** Closures passed where a Java method takes a functional interface: its single abstract method. */
    private final Map<Expr.Lambda, JavaInterop.Sam> javaLambdas = new IdentityHashMap<>();
    /** The type of each such closure's body, for the method's type variables it gives ({@code R} of {@code map}). */
    private final Map<Expr.Lambda, Type> javaLambdaBodies = new IdentityHashMap<>();
    /**
     * The type a Java call passed to another one is expected to have ({@code Comparator<String>} for
     * {@code names.sort(Comparator::comparing(...))}): the type variables of its method that nothing
     * else gives a type take it from there, as javac's target typing does.
     */
    private final Map<Expr, Type> javaTargets = new IdentityHashMap<>();
    /** Java calls whose result mentions a type variable of their method that nothing has given a type yet. */
    private final java.util.Set<Expr> javaPolyCalls = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    /** Inferring an input of an interactive session: top-level closures stay dynamic. */
    private boolean session;
    /** The function whose body is being analysed, for {@code return}. */
    private Signature current;
    private String currentSelfType;

    /** Parameter and result types of a function or method. */
    public static final class Signature {
        final List<Type> params = new ArrayList<>();
        final List<Boolean> annotated = new ArrayList<>();
        Type result = Type.UNKNOWN;
        boolean resultAnnotated;
        boolean returnsValue;

        public List<Type> params() {
            return params;
        }

        public Type result() {
            return result;
        }

        /** Whether any path returns a value; a function that never does is emitted as {@code void}. */
        public boolean returnsValue() {
            return returnsValue;
        }
    }

    /** The inferred types of one program. */
    public record Types(Map<Expr, Type> expressions, Map<Stmt.Fun, Signature> signatures, Map<Symbol, Type> variables,
            Map<Expr, Operation> operations, Map<Symbol, String> jsonObjects, java.util.Set<Expr> orNil,
            Map<Expr, JavaSite> javaSites, Map<Expr.Lambda, JavaInterop.Sam> javaLambdas, JavaInterop java) {
        /**
         * Whether {@code e}, typed as an object, may also be nil: a runtime member's result the catalog
         * says so of ({@code db.find(...)}: a row or nil), or a local bound to one. A field read on
         * it must fail as Ruchy's does on nil.
         */
        public boolean mayBeNil(Expr e) {
            return orNil.contains(e);
        }

        /** The Java member a call, path or field access uses, or null when it is not a Java one. */
        public JavaSite javaSite(Expr e) {
            return javaSites.get(e);
        }

        /** The single abstract method a closure passed to a Java method implements, or null. */
        public JavaInterop.Sam javaLambda(Expr.Lambda l) {
            return javaLambdas.get(l);
        }

        /**
         * For a local bound to parsed JSON that the program only uses as an object (an
         * {@link Type#OBJECT} whose value is checked where it is bound), the first field its uses
         * name, for the error a value that is not an object gives; null for any other symbol.
         */
        public String jsonObject(Symbol sym) {
            return jsonObjects.get(sym);
        }

        /** The type of a variable or parameter, joined over every value it is given. */
        public Type of(Symbol sym) {
            return variables.getOrDefault(sym, Type.UNKNOWN);
        }

        public Type of(Expr e) {
            Type t = expressions.get(e);
            return t == null ? Type.DYN : t;
        }

        /** What a binary operator or compound assignment becomes in Java (see {@link Operators}). */
        public Operation operation(Expr e) {
            return operations.get(e);
        }

        public Signature signature(Stmt.Fun f) {
            return signatures.get(f);
        }
    }

    private TypeInference(Program program, Resolution resolution) {
        this.program = program;
        this.resolution = resolution;
        this.interop = new JavaInterop(resolution.javaTypes());
    }

    /** Infers the types of {@code program}. */
    public static Types infer(Program program, Resolution resolution) {
        return infer(program, resolution, false);
    }

    /**
     * Infers the types of {@code program} and decides, once, what each binary operator and compound
     * assignment becomes ({@code checkedArithmetic}: integer {@code + - *} fail on overflow).
     */
    public static Types infer(Program program, Resolution resolution, boolean checkedArithmetic) {
        return infer(program, resolution, checkedArithmetic, false);
    }

    /**
     * As {@link #infer(Program, Resolution, boolean)}; for an input of an interactive session
     * ({@code session}), closures bound at top level are not typed by their uses: later inputs may
     * use them otherwise, and their type must stay the one they were stored with.
     */
    public static Types infer(Program program, Resolution resolution, boolean checkedArithmetic, boolean session) {
        TypeInference inference = new TypeInference(program, resolution);
        inference.session = session;
        inference.run();
        Types types = new Types(inference.types, inference.signatures, inference.variables, new IdentityHashMap<>(),
                inference.jsonObjects(), inference.orNil, inference.javaSites, inference.javaLambdas, inference.interop);
        Nodes.any(program, n -> {
            if (n instanceof Expr.Binary b) {
                types.operations().put(b, Operators.operation(b.op(), types.of(b.left()), types.of(b.right()),
                        checkedArithmetic, isNonZeroInt(b.right())));
            } else if (n instanceof Expr.CompoundAssign a) {
                types.operations().put(a, Operators.operation(a.op(), types.of(a.target()), types.of(a.value()),
                        checkedArithmetic, isNonZeroInt(a.value())));
            }
            return false;
        });
        return types;
    }

    private static boolean isNonZeroInt(Expr e) {
        return e instanceof Expr.IntLit i && i.value() != 0;
    }

    private void run() {
        collectSignatures(program.statements(), null);
        findCalledClosures();
        Nodes.any(program, n -> {
            if (n instanceof Stmt.Fun f) {
                functionNames.add(f.name());
            }
            return false;
        });
        findJsonObjects();
        findParamClasses();
        findLookupTables();
        Nodes.any(program, n -> {
            Expr target = n instanceof Expr.Assign a ? a.target() : n instanceof Expr.CompoundAssign c ? c.target() : null;
            if (target instanceof Expr.Field f && f.receiver() instanceof Expr.Field g) {
                writtenFieldObjects.add(g.name());
            }
            return false;
        });
        for (int round = 0; round < MAX_ROUNDS; round++) {
            changed = false;
            pass();
            if (!changed) {
                break;
            }
        }
        finish();
        finished = true;
        pass(); // a last pass records expression types with every symbol settled
    }

    /**
     * Finds the locals bound to parsed JSON ({@code let msg = parse_json(data)}, {@code req.json()}:
     * the catalog's {@code json} results) whose every use reads or writes one of its fields
     * ({@code msg.room}, {@code user.id = 1}) or passes the value on unchanged (an argument of a
     * method no user type declares, {@code res.json(user)}, {@code users.push(user)}; an element of a
     * literal; an f-string part), with at least one field use, and which are never assigned. Such a
     * local is an {@link Type#OBJECT}: the value is checked to be an object where it is bound, failing
     * there as its first field access would on anything else. A local tested for nil, compared,
     * indexed, iterated, given to a builtin ({@code type_of(user)}) or to a user function stays
     * dynamic, so a program that handles JSON of another shape keeps doing so.
     */
    private void findJsonObjects() {
        Map<Symbol, Stmt.Let> candidates = new IdentityHashMap<>();
        Nodes.any(program, n -> {
            if (n instanceof Stmt.Let let && let.pattern() instanceof Pattern.Binding b && let.type() == null
                    && let.elseBlock() == null && let.init() != null) {
                Symbol sym = resolution.declaration(b);
                if (sym != null && !sym.isGlobal() && parsesJson(let.init())) {
                    candidates.put(sym, let);
                }
            }
            return false;
        });
        candidates.values().removeIf(let -> let.init() instanceof Expr.MethodCall m && functionNames.contains(m.name()));
        if (candidates.isEmpty()) {
            return;
        }
        java.util.Set<Expr> allowed = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        Map<Symbol, String> firstField = new IdentityHashMap<>();
        java.util.Set<Symbol> rejected = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        Nodes.any(program, n -> {
            switch (n) {
                case Expr.Field f when f.receiver() instanceof Expr.Ident id && !f.optional() -> {
                    allowed.add(id);
                    if (resolution.reference(id) instanceof Symbol sym) {
                        firstField.putIfAbsent(sym, f.name());
                    }
                }
                case Expr.MethodCall m when !functionNames.contains(m.name()) ->
                        m.args().forEach(a -> allowed.add(a.value()));
                case Expr.ArrayLit a -> allowed.addAll(a.elements());
                case Expr.ObjectLit o -> o.entries().forEach(e -> {
                    if (e instanceof Expr.KeyValue kv) {
                        allowed.add(kv.value());
                    }
                });
                case Expr.FString f -> f.parts().forEach(part -> {
                    if (part instanceof Expr.FStringInterp i) {
                        allowed.add(i.expr());
                    }
                });
                case Expr.CompoundAssign a when a.target() instanceof Expr.Field f
                        && f.receiver() instanceof Expr.Ident id && resolution.reference(id) instanceof Symbol sym ->
                        rejected.add(sym); // obj.n += 1 stays with the runtime's atomic update
                default -> {
                }
            }
            return false;
        });
        Nodes.any(program, n -> {
            if (n instanceof Expr.Ident id && resolution.reference(id) instanceof Symbol sym
                    && candidates.containsKey(sym) && !allowed.contains(id)) {
                rejected.add(sym);
            }
            return false;
        });
        candidates.keySet().forEach(sym -> {
            if (!rejected.contains(sym) && firstField.containsKey(sym)) {
                jsonCandidates.put(sym, firstField.get(sym));
            }
        });
    }

    /**
     * Gives an unannotated parameter the runtime class whose methods the function calls on it, when
     * exactly one class has them all and no other value (a string, an array, an object, a user type)
     * has any of them: {@code fn send_packet(socket, data) { socket.write_u32(n) }} takes a
     * {@code TcpStream}. This is where the parameter's type starts; the arguments of every call still
     * join into it, so a call passing anything else (an object whose keys hold functions, a value of
     * unknown type) makes it dynamic again.
     */
    private void findParamClasses() {
        Map<Symbol, java.util.Set<String>> called = new IdentityHashMap<>();
        Nodes.any(program, n -> {
            if (n instanceof Expr.MethodCall m && m.receiver() instanceof Expr.Ident id
                    && resolution.reference(id) instanceof Symbol sym && sym.kind() == Symbol.Kind.PARAMETER) {
                called.computeIfAbsent(sym, k -> new java.util.TreeSet<>()).add(m.name());
            }
            return false;
        });
        signatures.forEach((f, sig) -> {
            int index = 0;
            for (Param p : f.params()) {
                if ("self".equals(p.name())) {
                    continue;
                }
                int i = index++;
                if (p.type() != null || p.defaultValue() != null || !(p.pattern() instanceof Pattern.Binding b)
                        || !(resolution.declaration(b) instanceof Symbol sym) || !called.containsKey(sym)) {
                    continue;
                }
                java.util.Set<String> names = called.get(sym);
                if (names.stream().anyMatch(name -> functionNames.contains(name) || isValueMethod(name))) {
                    continue;
                }
                List<RuntimeCatalog.ClassEntry> owners = CATALOG.classes().values().stream()
                        .filter(c -> CATALOG.members(c.alias()).keySet().containsAll(names)).toList();
                if (owners.size() == 1) {
                    sig.params.set(i, owners.get(0).type());
                }
            }
        });
    }

    /**
     * Finds the locals bound to an object literal of plain entries ({@code let services = {22: "SSH",
     * 80: "HTTP"}}) whose every use is {@code services.get(key, default)}: nothing changes such an
     * object, so what {@code get} gives is one of its values or the default, and when those all have
     * one type ({@code "Unknown"} and strings: a string) the call has that type (see {@link #lookup}).
     */
    private void findLookupTables() {
        Map<Symbol, Expr.ObjectLit> candidates = new IdentityHashMap<>();
        Nodes.any(program, n -> {
            if (n instanceof Stmt.Let let && let.pattern() instanceof Pattern.Binding b && let.type() == null
                    && let.elseBlock() == null && let.init() instanceof Expr.ObjectLit o && !o.entries().isEmpty()
                    && o.entries().stream().allMatch(e -> e instanceof Expr.KeyValue)
                    && resolution.declaration(b) instanceof Symbol sym && !(session && sym.isGlobal())) {
                candidates.put(sym, o);
            }
            return false;
        });
        if (candidates.isEmpty()) {
            return;
        }
        java.util.Set<Expr> lookups = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        Nodes.any(program, n -> {
            if (n instanceof Expr.MethodCall m && m.name().equals("get") && m.args().size() == 2
                    && m.args().stream().allMatch(a -> a.name() == null)) {
                lookups.add(m.receiver());
            }
            return false;
        });
        java.util.Set<Symbol> rejected = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        Nodes.any(program, n -> {
            if (n instanceof Expr.Ident id && resolution.reference(id) instanceof Symbol sym
                    && candidates.containsKey(sym) && !lookups.contains(id)) {
                rejected.add(sym);
            }
            return false;
        });
        candidates.forEach((sym, o) -> {
            if (!rejected.contains(sym)) {
                lookupTables.put(sym, o);
            }
        });
    }

    /**
     * The type of {@code table.get(key, default)} on one of {@link #lookupTables}: the join of its
     * values and the default when that is a string or a number or boolean; null otherwise.
     */
    private Type lookup(Expr.MethodCall m, List<Type> args) {
        if (!(m.receiver() instanceof Expr.Ident id) || !(resolution.reference(id) instanceof Symbol sym)
                || !lookupTables.containsKey(sym) || args.size() != 2) {
            return null;
        }
        Type joined = args.get(1);
        for (Expr.ObjectEntry entry : lookupTables.get(sym).entries()) {
            joined = Type.join(joined, types.getOrDefault(((Expr.KeyValue) entry).value(), Type.UNKNOWN));
        }
        return joined instanceof Type.Str || joined.isPrimitive() ? joined : null;
    }

    private static boolean isValueMethod(String name) {
        for (RuntimeCatalog.Kind kind : RuntimeCatalog.Kind.values()) {
            if (!CATALOG.methods(kind, name).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code e} gives a value parsed from JSON: a catalog function, path or member whose result is {@code json}. */
    private boolean parsesJson(Expr e) {
        return switch (e) {
            case Expr.Call c when c.callee() instanceof Expr.Ident id -> isBuiltin(id) && CATALOG.givesJson("fn", id.name());
            case Expr.Call c when c.callee() instanceof Expr.Path p && resolution.reference(p) == null ->
                    CATALOG.givesJson("path", String.join("::", p.segments()));
            case Expr.MethodCall m -> m.name().equals("json") && m.args().isEmpty(); // its receiver is checked once typed
            default -> false;
        };
    }

    private boolean isBuiltin(Expr.Ident id) {
        Symbol sym = resolution.reference(id);
        return (sym == null || sym.kind() == Symbol.Kind.BUILTIN) && CATALOG.builtin(id.name()) != null;
    }

    /**
     * The type a JSON candidate's {@code let} binds: an object when its value is parsed JSON
     * (a method call's receiver must be a runtime class whose member gives JSON), not yet known while
     * that receiver is not, and {@code t} otherwise.
     */
    private Type jsonBinding(Symbol sym, Expr init, Type t) {
        if (sym == null || !jsonCandidates.containsKey(sym)) {
            return t;
        }
        if (init instanceof Expr.MethodCall m) {
            Type receiver = types.getOrDefault(m.receiver(), Type.UNKNOWN);
            if (receiver.isUnknown() && !finished) {
                return Type.UNKNOWN;
            }
            return receiver instanceof Type.RuntimeClass rc && CATALOG.givesJson("member", rc.alias() + ".json") ? Type.OBJECT : t;
        }
        return Type.OBJECT;
    }

    /** The JSON candidates bound as objects, with their first field. */
    private Map<Symbol, String> jsonObjects() {
        Map<Symbol, String> out = new IdentityHashMap<>();
        jsonCandidates.forEach((sym, field) -> {
            if (Type.OBJECT.equals(variables.get(sym))) {
                out.put(sym, field);
            }
        });
        return out;
    }

    /**
     * Finds the closures bound by {@code let x = |a, b| ...} whose name is only ever the callee of
     * calls with as many arguments as the closure has parameters: such a closure never escapes, so
     * it can be a typed Java lambda and its calls direct.
     */
    private void findCalledClosures() {
        Map<Symbol, Expr.Lambda> candidates = new IdentityHashMap<>();
        Map<Expr, Integer> callees = new IdentityHashMap<>();
        Nodes.any(program, n -> {
            if (n instanceof Stmt.Let let && let.pattern() instanceof Pattern.Binding b && let.type() == null
                    && let.elseBlock() == null && let.init() instanceof Expr.Lambda l && typeable(l)) {
                Symbol sym = resolution.declaration(b);
                if (sym != null && !(session && sym.isGlobal())) {
                    candidates.put(sym, l);
                }
            } else if (n instanceof Expr.Call c && c.callee() instanceof Expr.Ident id
                    && c.args().stream().allMatch(a -> a.name() == null)) {
                callees.put(id, c.args().size());
            }
            return false;
        });
        java.util.Set<Symbol> escaping = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        Map<Symbol, List<Expr.Ident>> references = new IdentityHashMap<>();
        Map<Stmt.Fun, List<Expr.Call>> callsOf = new IdentityHashMap<>();
        Nodes.any(program, n -> {
            if (n instanceof Expr.Ident id) {
                Symbol sym = resolution.reference(id);
                if (sym != null) {
                    references.computeIfAbsent(sym, k -> new ArrayList<>()).add(id);
                }
                Expr.Lambda l = sym == null ? null : candidates.get(sym);
                if (l != null && !Integer.valueOf(l.params().size()).equals(callees.get(id))) {
                    escaping.add(sym);
                }
            } else if (n instanceof Expr.Call c && c.callee() instanceof Expr.Ident id
                    && resolution.reference(id) instanceof Symbol sym && sym.kind() == Symbol.Kind.FUNCTION
                    && sym.declaration() instanceof Stmt.Fun f) {
                callsOf.computeIfAbsent(f, k -> new ArrayList<>()).add(c);
            }
            return false;
        });
        findClosureParams(callees, references, callsOf);
        candidates.forEach((sym, l) -> {
            if (!escaping.contains(sym)) {
                calledClosures.put(sym, l);
                lambdaSignatures.put(l, lambdaSignature(l));
            }
        });
    }

    /**
     * Finds the parameters of top-level functions that the body only calls (with one number of
     * arguments, at most two) and that every call of the function, which is never used as a value,
     * gives a closure: {@code fn twice(f, x) { f(f(x)) }} called as {@code twice(|n| n + 1, 5)}.
     */
    private void findClosureParams(Map<Expr, Integer> callees, Map<Symbol, List<Expr.Ident>> references,
            Map<Stmt.Fun, List<Expr.Call>> callsOf) {
        for (Stmt s : program.statements()) {
            if (!(s instanceof Stmt.Fun f) || !callsOf.containsKey(f)) {
                continue;
            }
            List<Expr.Call> calls = callsOf.get(f);
            Symbol fnSym = resolution.reference((Expr.Ident) calls.get(0).callee());
            if (references.getOrDefault(fnSym, List.of()).stream().anyMatch(id -> !callees.containsKey(id))
                    || calls.stream().anyMatch(c -> c.args().size() != f.params().size())) {
                continue; // used as a value, or called with named, defaulted or extra arguments
            }
            for (int i = 0; i < f.params().size(); i++) {
                Param p = f.params().get(i);
                if (!(p.pattern() instanceof Pattern.Binding b) || p.defaultValue() != null || p.type() != null) {
                    continue;
                }
                Symbol param = resolution.declaration(b);
                List<Expr.Ident> uses = references.getOrDefault(param, List.of());
                Integer arity = uses.isEmpty() ? null : callees.get(uses.get(0));
                if (param == null || arity == null || arity > 2 || uses.stream().anyMatch(id -> !arity.equals(callees.get(id)))) {
                    continue;
                }
                int index = i;
                if (!calls.stream().allMatch(c -> c.args().get(index).value() instanceof Expr.Lambda l
                        && l.params().size() == arity && typeable(l))) {
                    continue;
                }
                Signature shared = new Signature();
                for (int k = 0; k < arity; k++) {
                    shared.params.add(Type.UNKNOWN);
                    shared.annotated.add(false);
                }
                closureParams.put(param, shared);
                calls.forEach(c -> lambdaSignatures.put((Expr.Lambda) c.args().get(index).value(), shared));
            }
        }
    }

    /** The type of closures of {@code sig}: typed once its parameters and result are known. */
    private static Type closureType(Signature sig) {
        if (!sig.result.isUnknown() && sig.params.stream().noneMatch(t -> t.isUnknown() || t instanceof Type.Dyn)) {
            return new Type.FunctionType(sig.params.size(), List.copyOf(sig.params), sig.returnsValue ? sig.result : Type.NIL);
        }
        return new Type.FunctionType(sig.params.size());
    }

    /** Whether parameter {@code index} of {@code f} is one of {@link #closureParams}. */
    private boolean isClosureParam(Stmt.Fun f, int index) {
        return index < f.params().size() && f.params().get(index).pattern() instanceof Pattern.Binding b
                && closureParams.containsKey(resolution.declaration(b));
    }

    /**
     * Whether a closure can be typed by its uses: at most two plain parameters without defaults or
     * annotations, no written result type, not {@code async}, and no {@code return} inside (its
     * result is the value of its body).
     */
    private static boolean typeable(Expr.Lambda l) {
        if (l.async() || l.result() != null || l.params().size() > 2) {
            return false;
        }
        for (Param p : l.params()) {
            if (!(p.pattern() instanceof Pattern.Binding) || p.defaultValue() != null || p.type() != null) {
                return false;
            }
        }
        return !Nodes.any(l.body(), n -> n instanceof Expr.Return || n instanceof Expr.Lambda
                || n instanceof Expr.AsyncBlock || n instanceof Expr.Spawn);
    }

    private static Signature lambdaSignature(Expr.Lambda l) {
        Signature sig = new Signature();
        for (int i = 0; i < l.params().size(); i++) {
            sig.params.add(Type.UNKNOWN);
            sig.annotated.add(false);
        }
        return sig;
    }

    /**
     * A closure's type: typed (parameter and result types) when it is typed by its uses and they are
     * all known; otherwise a dynamic function taking and giving dynamic values.
     */
    private Type lambda(Expr.Lambda l) {
        JavaInterop.Sam sam = javaLambdas.get(l);
        if (sam != null) {
            return javaLambda(l, sam);
        }
        Signature sig = lambdaSignatures.get(l);
        List<Type> given = sig == null ? callbackParams.get(l) : null; // a runtime member's callback
        Signature saved = current;
        current = sig != null ? sig : new Signature();
        int i = 0;
        for (Param p : l.params()) {
            bindPattern(p.pattern(), sig != null ? sig.params.get(i)
                    : given != null && i < given.size() ? given.get(i) : Type.DYN);
            if (p.defaultValue() != null) {
                expr(p.defaultValue());
            }
            i++;
        }
        Type body = expr(l.body());
        if (sig != null) {
            noteReturn(!(l.body() instanceof Expr.Block b) || endsWithValue(b) ? body : Type.NIL);
        }
        current = saved;
        return sig != null ? closureType(sig) : new Type.FunctionType(l.params().size());
    }

    /**
     * A closure passed where a Java method takes a functional interface: its parameters are the
     * single abstract method's, and its type a typed function of the method's result.
     */
    private Type javaLambda(Expr.Lambda l, JavaInterop.Sam sam) {
        Signature saved = current;
        current = new Signature();
        for (int i = 0; i < l.params().size(); i++) {
            bindPattern(l.params().get(i).pattern(), i < sam.params().size() ? sam.params().get(i) : Type.DYN);
        }
        Type body = expr(l.body());
        if (!(l.body() instanceof Expr.Block b) || endsWithValue(b)) {
            javaLambdaBodies.put(l, body);
        } else {
            javaLambdaBodies.put(l, Type.NIL);
        }
        current = saved;
        return new Type.FunctionType(l.params().size(), sam.params(), sam.result());
    }

    private void collectSignatures(List<Stmt> statements, String selfType) {
        for (Stmt s : statements) {
            switch (s) {
                case Stmt.Fun f -> signature(f, selfType);
                case Stmt.Struct st -> st.methods().forEach(m -> signature(m, st.name()));
                case Stmt.Impl i -> {
                    String target = i.target() instanceof TypeRef.Named n ? n.path().get(n.path().size() - 1) : null;
                    i.methods().forEach(m -> signature(m, target));
                }
                case Stmt.Class c -> {
                    c.constructors().forEach(m -> signature(m, c.name()));
                    c.methods().forEach(m -> signature(m, c.name()));
                }
                default -> {
                }
            }
        }
    }

    private Signature signature(Stmt.Fun f, String selfType) {
        return signatures.computeIfAbsent(f, k -> {
            Signature sig = new Signature();
            for (Param p : f.params()) {
                if ("self".equals(p.name())) {
                    continue;
                }
                Type declared = p.type() == null ? null : annotation(p.type());
                sig.params.add(declared == null ? Type.UNKNOWN : declared);
                sig.annotated.add(declared != null);
            }
            if (f.result() != null) {
                sig.result = annotation(f.result());
                sig.resultAnnotated = true;
                sig.returnsValue = !(sig.result instanceof Type.Nil);
            }
            return sig;
        });
    }

    /**
     * A written type as {@link #fromAnnotation} maps it, where a name a {@code use} imports from Java
     * ({@code d: Duration}) is that Java class, its type arguments written or dynamic.
     */
    private Type annotation(TypeRef t) {
        if (t instanceof TypeRef.Named n && n.path().size() == 1 && resolution.javaImport(n.path().get(0)) instanceof JavaClass jc) {
            List<Type> args = new ArrayList<>();
            for (int i = 0; i < jc.typeParameters().size(); i++) {
                args.add(i < n.args().size() ? boxedArgument(annotation(n.args().get(i))) : Type.DYN);
            }
            return interop.valueType(new TypeText.ClassType(jc.name(), List.of()), Map.of()) instanceof Type.JavaType
                    ? new Type.JavaType(jc.name(), args) : interop.valueType(new TypeText.ClassType(jc.name(), List.of()), Map.of());
        }
        if (t instanceof TypeRef.Ref r) {
            return annotation(r.inner());
        }
        return fromAnnotation(t);
    }

    /** A Ruchy type as a Java type argument: an array's element kept, anything unknown dynamic. */
    private static Type boxedArgument(Type t) {
        return t.isUnknown() || t instanceof Type.Nil ? Type.DYN : t;
    }

    /** Maps a written type to an inferred one: {@code i32} → integer, {@code Vec<T>} → list, and so on. */
    public static Type fromAnnotation(TypeRef t) {
        return switch (t) {
            case TypeRef.Named n -> {
                String name = n.path().get(n.path().size() - 1);
                yield switch (name) {
                    case "i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16", "u32", "u64", "u128", "usize", "int" -> Type.INT;
                    case "f32", "f64", "float" -> Type.FLOAT;
                    case "bool" -> Type.BOOL;
                    case "String", "str", "char", "string" -> Type.STR;
                    case "Vec", "VecDeque", "List", "Array" -> Type.list(n.args().isEmpty() ? Type.DYN : fromAnnotation(n.args().get(0)));
                    case "Option" -> new Type.OptionType(n.args().isEmpty() ? Type.DYN : fromAnnotation(n.args().get(0)));
                    case "HashMap", "BTreeMap", "Map", "Object" -> Type.OBJECT;
                    case "Result" -> new Type.ResultType(n.args().isEmpty() ? Type.DYN : fromAnnotation(n.args().get(0)),
                            n.args().size() < 2 ? Type.DYN : fromAnnotation(n.args().get(1)));
                    default -> Character.isUpperCase(name.codePointAt(0)) && !name.equals("Self") && n.path().size() == 1
                            ? new Type.Named(name) : Type.DYN;
                };
            }
            case TypeRef.Ref r -> fromAnnotation(r.inner());
            case TypeRef.Array a -> Type.list(fromAnnotation(a.element()));
            case TypeRef.Tuple tu -> tu.elements().isEmpty() ? Type.NIL
                    : new Type.TupleType(tu.elements().stream().map(TypeInference::fromAnnotation).toList());
            case TypeRef.Function fn -> new Type.FunctionType(fn.params().size());
            default -> Type.DYN;
        };
    }

    private Type typeOf(Symbol sym) {
        return variables.getOrDefault(sym, Type.UNKNOWN);
    }

    private void finish() {
        discardResults();
        for (Signature sig : signatures.values()) {
            for (int i = 0; i < sig.params.size(); i++) {
                sig.params.set(i, sig.params.get(i).resolved());
            }
            sig.result = sig.result.resolved();
        }
        for (Symbol sym : allSymbols()) {
            variables.put(sym, typeOf(sym).resolved());
        }
    }

    private final java.util.Set<Symbol> seenSymbols = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

    private Iterable<Symbol> allSymbols() {
        return seenSymbols;
    }

    // ---- the pass ------------------------------------------------------------------------------

    private void pass() {
        current = null;
        currentSelfType = null;
        for (Stmt s : program.statements()) {
            stmt(s);
        }
    }

    private void function(Stmt.Fun f, String selfType) {
        Signature saved = current;
        String savedSelf = currentSelfType;
        current = signature(f, selfType);
        currentSelfType = selfType;
        int i = 0;
        for (Param p : f.params()) {
            if ("self".equals(p.name())) {
                continue;
            }
            Type t = current.params.get(i++);
            Symbol param = p.pattern() instanceof Pattern.Binding b ? resolution.declaration(b) : null;
            Signature closure = param == null ? null : closureParams.get(param);
            if (closure != null) {
                // not joined: the closures' type only becomes more precise
                t = closureType(closure);
                if (!t.equals(current.params.set(i - 1, t))) {
                    changed = true;
                }
                seenSymbols.add(param);
                if (!t.equals(variables.put(param, t))) {
                    changed = true;
                }
                continue;
            }
            bindPattern(p.pattern(), t);
            if (p.defaultValue() != null) {
                Type dt = expr(p.defaultValue());
                if (!current.annotated.get(i - 1)) {
                    updateParam(current, i - 1, dt);
                }
            }
        }
        if (f.body() != null) {
            Type bodyType = blockValue(f.body());
            if (endsWithValue(f.body())) {
                noteReturn(bodyType);
            }
        }
        current = saved;
        currentSelfType = savedSelf;
    }

    /** Whether a body's last statement yields a value (not a loop without {@code break v}, a let or an empty object body). */
    private static boolean endsWithValue(Expr.Block body) {
        if (body.statements().isEmpty()) {
            return false;
        }
        Stmt last = body.statements().get(body.statements().size() - 1);
        if (!(last instanceof Stmt.ExprStmt es)) {
            return false;
        }
        return switch (es.expr()) {
            case Expr.While w -> false;
            case Expr.For f -> false;
            case Expr.Loop l -> Nodes.any(l.body(), n -> n instanceof Expr.Break b && b.value() != null); // `break v`
            case Expr.Assign a -> false;
            case Expr.CompoundAssign a -> false;
            case Expr.Return r -> false;
            case Expr.Throw t -> false;
            default -> true;
        };
    }

    /**
     * Makes the functions that are only ever named where a runtime member takes a callback (which
     * returns nothing) give nothing themselves: {@code fn require_auth(req, res, next)} passed as a
     * middleware may {@code return res.status(401).json(...)}, a value nobody reads, so it is a
     * {@code void} method whose {@code return x} evaluates x and returns.
     */
    private void discardResults() {
        if (session) {
            return; // a later input may call the function and use its result
        }
        Map<Stmt.Fun, List<Expr.Ident>> references = new IdentityHashMap<>();
        Nodes.any(program, n -> {
            if (n instanceof Expr.Ident id && resolution.reference(id) instanceof Symbol sym
                    && sym.kind() == Symbol.Kind.FUNCTION && sym.declaration() instanceof Stmt.Fun f) {
                references.computeIfAbsent(f, k -> new ArrayList<>()).add(id);
            }
            return false;
        });
        references.forEach((f, ids) -> {
            Signature sig = signatures.get(f);
            if (sig != null && !sig.resultAnnotated && ids.stream().allMatch(callbackReferences::contains)) {
                discardedResults.add(sig);
                sig.result = Type.NIL;
                sig.returnsValue = false;
            }
        });
    }

    private void noteReturn(Type t) {
        if (current == null || discardedResults.contains(current)) {
            return;
        }
        if (!(t instanceof Type.Nil) || current.returnsValue) {
            if (!(t instanceof Type.Nil)) {
                current.returnsValue = true;
            }
        }
        if (!current.resultAnnotated) {
            Type joined = Type.join(current.result, t);
            if (!joined.equals(current.result)) {
                current.result = joined;
                changed = true;
            }
        }
    }

    private void updateParam(Signature sig, int index, Type t) {
        // the last pass types the bodies with the settled signatures: an argument whose parts settled
        // to dynamic (an array never filled) is converted at the call, not joined into the parameter
        if (finished || index >= sig.params.size() || sig.annotated.get(index) || t.isUnknown()) {
            return;
        }
        Type joined = Type.join(sig.params.get(index), t);
        if (!joined.equals(sig.params.get(index))) {
            sig.params.set(index, joined);
            changed = true;
        }
    }

    private void stmt(Stmt s) {
        switch (s) {
            case Stmt.ExprStmt e -> expr(e.expr());
            case Stmt.Let let -> {
                Type t = let.init() == null ? Type.UNKNOWN : expr(let.init());
                if (let.type() != null) {
                    t = annotation(let.type());
                }
                if (let.elseBlock() != null) {
                    expr(let.elseBlock());
                }
                if (let.init() == null && let.type() == null) {
                    t = Type.UNKNOWN;
                }
                Symbol closure = let.pattern() instanceof Pattern.Binding b ? resolution.declaration(b) : null;
                if (closure != null && calledClosures.containsKey(closure)) {
                    // not joined: the closure's type only becomes more precise as its calls are seen
                    seenSymbols.add(closure);
                    if (!t.equals(variables.put(closure, t))) {
                        changed = true;
                    }
                } else {
                    bindPattern(let.pattern(), jsonBinding(closure, let.init(), t));
                    noteOrNil(closure, let.init());
                }
                if (closure != null && let.init() != null && javaSites.get(let.init()) instanceof JavaSite site
                        && site.kind() == JavaSite.Kind.CONSTRUCTOR && site.result() instanceof Type.JavaType unwritten
                        && unwritten.typeArguments().stream().anyMatch(Type::isUnknown)) {
                    inferredArguments.add(closure);
                }
                if (closure != null && let.init() != null && javaSites.get(let.init()) instanceof JavaSite site
                        && site.kind() == JavaSite.Kind.CONSTRUCTOR && typeOf(closure) instanceof Type.JavaType made
                        && site.result() instanceof Type.JavaType j && j.binaryName().equals(made.binaryName())) {
                    // the constructor makes what the variable became: `new ArrayList<String>()`
                    javaSites.put(let.init(), new JavaSite(site.kind(), site.owner(), site.name(), site.receiver(),
                            site.choice(), site.field(), site.args(), made));
                    record(let.init(), made);
                }
            }
            case Stmt.Fun f -> function(f, currentSelfType != null && isMethodOfCurrent(f) ? currentSelfType : null);
            case Stmt.Struct st -> st.methods().forEach(m -> function(m, st.name()));
            case Stmt.Impl i -> {
                String target = i.target() instanceof TypeRef.Named n ? n.path().get(n.path().size() - 1) : null;
                i.methods().forEach(m -> function(m, target));
            }
            case Stmt.Class c -> {
                c.fields().forEach(f -> {
                    if (f.defaultValue() != null) {
                        expr(f.defaultValue());
                    }
                });
                c.constructors().forEach(m -> function(m, c.name()));
                c.methods().forEach(m -> function(m, c.name()));
            }
            default -> {
            }
        }
    }

    /** The values {@code break} gives an enclosing {@code loop}. */
    private static final class LoopValue {
        final String label;
        Type type = Type.UNKNOWN;
        boolean breaksWithValue;

        LoopValue(String label) {
            this.label = label;
        }
    }

    private final java.util.Deque<LoopValue> loopValues = new java.util.ArrayDeque<>();

    private boolean isMethodOfCurrent(Stmt.Fun f) {
        return false;
    }

    private void bindPattern(Pattern p, Type t) {
        switch (p) {
            case Pattern.Binding b -> updateSymbol(resolution.declaration(b), t);
            case Pattern.At a -> {
                updateSymbol(resolution.declaration(a), t);
                bindPattern(a.pattern(), t);
            }
            case Pattern.TupleStruct ts -> {
                Type inner = Type.DYN;
                String name = ts.path().get(ts.path().size() - 1);
                if (name.equals("Some") && t instanceof Type.OptionType o) {
                    inner = o.element();
                } else if (name.equals("Ok") && t instanceof Type.ResultType r) {
                    inner = r.ok();
                } else if (name.equals("Err") && t instanceof Type.ResultType r) {
                    inner = r.err();
                } else if (t.isUnknown()) {
                    inner = Type.UNKNOWN;
                }
                Stmt.Enum owner = resolution.variantOwner(ts.path());
                Stmt.Variant variant = owner == null ? null
                        : owner.variants().stream().filter(v -> v.name().equals(name)).findFirst().orElse(null);
                for (int k = 0; k < ts.elements().size(); k++) {
                    Type element = variant != null && k < variant.tupleFields().size()
                            ? fromAnnotation(variant.tupleFields().get(k)) : inner;
                    bindPattern(ts.elements().get(k), element);
                }
            }
            case Pattern.Array a -> {
                Type element = t instanceof Type.ListType l ? l.element() : t.isUnknown() ? Type.UNKNOWN : Type.DYN;
                for (Pattern el : a.elements()) {
                    bindPattern(el, el instanceof Pattern.Rest ? t : element);
                }
            }
            case Pattern.Rest r -> updateSymbol(resolution.declaration(r), t);
            case Pattern.Tuple tu -> {
                for (int k = 0; k < tu.elements().size(); k++) {
                    Type element = t.isUnknown() ? Type.UNKNOWN
                            : t instanceof Type.TupleType tt && tt.elements().size() == tu.elements().size()
                            ? tt.element(k) : Type.DYN;
                    bindPattern(tu.elements().get(k), element);
                }
            }
            case Pattern.Struct st -> st.fields().forEach(f -> {
                Type ft = fieldType(t, f.name());
                if (f.pattern() != null) {
                    bindPattern(f.pattern(), ft);
                } else {
                    updateSymbol(resolution.declaration(f), ft);
                }
            });
            case Pattern.Or o -> o.alternatives().forEach(alt -> bindPattern(alt, t));
            default -> {
            }
        }
    }

    private void updateSymbol(Symbol sym, Type t) {
        if (sym == null) {
            return;
        }
        seenSymbols.add(sym);
        if (t.isUnknown()) {
            return;
        }
        Type joined = Type.join(typeOf(sym), t);
        if (!joined.equals(typeOf(sym))) {
            variables.put(sym, joined);
            changed = true;
        }
    }

    private Type record(Expr e, Type t) {
        types.put(e, t);
        return t;
    }

    /** The value of a block: that of its last expression statement, or nil. */
    private Type blockValue(Expr.Block b) {
        Type last = Type.NIL;
        for (Stmt s : b.statements()) {
            stmt(s);
            if (s instanceof Stmt.ExprStmt es) {
                last = types.getOrDefault(es.expr(), Type.DYN);
            } else if (s instanceof Stmt.Let let && let.init() != null) {
                last = types.getOrDefault(let.init(), Type.DYN);
            } else {
                last = Type.NIL;
            }
        }
        return last;
    }

    private Type expr(Expr e) {
        return record(e, compute(e));
    }

    private Type compute(Expr e) {
        return switch (e) {
            case Expr.IntLit l -> Type.INT;
            case Expr.FloatLit l -> Type.FLOAT;
            case Expr.StringLit l -> Type.STR;
            case Expr.CharLit l -> Type.STR;
            case Expr.ByteLit l -> Type.INT;
            case Expr.BoolLit l -> Type.BOOL;
            case Expr.NilLit l -> Type.NIL;
            case Expr.AtomLit l -> Type.DYN;
            case Expr.FString f -> {
                f.parts().forEach(part -> {
                    if (part instanceof Expr.FStringInterp in) {
                        expr(in.expr());
                    }
                });
                yield Type.STR;
            }
            case Expr.Ident id -> identType(id);
            case Expr.Path p -> pathType(p);
            case Expr.Unary u -> {
                Type t = expr(u.operand());
                yield switch (u.op()) {
                    case NEG -> t.isNumeric() || t.isUnknown() ? t : Type.DYN;
                    case NOT -> Type.BOOL;
                    case BIT_NOT -> t.isUnknown() ? t : Type.INT;
                    case REF, REF_MUT, DEREF -> t;
                    default -> t;
                };
            }
            case Expr.Binary b -> binary(b);
            case Expr.Assign a -> {
                Type t = expr(a.value());
                assign(a.target(), t, a.value());
                yield t;
            }
            case Expr.CompoundAssign a -> {
                Type target = expr(a.target());
                Type value = expr(a.value());
                Type result = Operators.resultType(a.op(), target, value);
                assign(a.target(), result);
                yield result;
            }
            case Expr.Ternary t -> {
                expr(t.condition());
                yield Type.join(expr(t.then()), expr(t.otherwise()));
            }
            case Expr.Range r -> {
                if (r.start() != null) {
                    expr(r.start());
                }
                if (r.end() != null) {
                    expr(r.end());
                }
                yield Type.RANGE;
            }
            case Expr.Cast c -> {
                expr(c.expr());
                Type target = fromAnnotation(c.type());
                yield target.isNumeric() ? target : Type.DYN;
            }
            case Expr.Try t -> {
                Type inner = expr(t.operand());
                yield inner instanceof Type.ResultType r ? r.ok() : inner instanceof Type.OptionType o ? o.element()
                        : inner.isUnknown() ? Type.UNKNOWN : Type.DYN;
            }
            case Expr.Call c -> call(c);
            case Expr.MethodCall m -> methodCall(m);
            case Expr.Field f -> {
                Type receiver = expr(f.receiver());
                if (receiver instanceof Type.JavaType && interop.classOf(receiver) instanceof JavaClass jc) {
                    yield javaField(f, JavaSite.Kind.FIELD, jc, receiver, f.name());
                }
                Type values = objectFieldValues(f.receiver());
                yield values != null && receiver instanceof Type.ObjectType ? values : fieldType(receiver, f.name());
            }
            case Expr.Index i -> {
                Type target = expr(i.target());
                Type index = expr(i.index());
                if (index instanceof Type.RangeType) {
                    yield target instanceof Type.Str || target instanceof Type.ListType ? target : Type.DYN;
                }
                yield switch (target) {
                    case Type.ListType l -> l.element();
                    case Type.Str s -> Type.STR;
                    case Type.Unknown u -> Type.UNKNOWN;
                    default -> Type.DYN;
                };
            }
            case Expr.MacroCall m -> {
                m.args().forEach(this::expr);
                yield switch (m.name()) {
                    case "format" -> Type.STR;
                    case "println", "print", "eprintln", "assert", "assert_eq", "panic" -> Type.NIL;
                    default -> Type.DYN;
                };
            }
            case Expr.ArrayLit a -> {
                Type element = Type.UNKNOWN;
                for (Expr el : a.elements()) {
                    element = Type.join(element, expr(el));
                }
                yield Type.list(element);
            }
            case Expr.ArrayRepeat a -> {
                Type element = expr(a.value());
                expr(a.count());
                yield Type.list(element);
            }
            case Expr.TupleLit t -> {
                List<Type> elements = new ArrayList<>();
                for (Expr el : t.elements()) {
                    elements.add(expr(el));
                }
                yield new Type.TupleType(List.copyOf(elements));
            }
            case Expr.ObjectLit o -> {
                o.entries().forEach(en -> {
                    switch (en) {
                        case Expr.KeyValue kv -> expr(kv.value());
                        case Expr.Spread sp -> expr(sp.value());
                    }
                });
                yield Type.OBJECT;
            }
            case Expr.StructLit s -> {
                s.fields().forEach(f -> expr(f.value()));
                if (s.base() != null) {
                    expr(s.base());
                }
                String name = s.path().get(s.path().size() - 1);
                if (name.equals("Self") && currentSelfType != null) {
                    name = currentSelfType;
                }
                yield resolution.structs().containsKey(name) ? new Type.Named(name) : Type.DYN;
            }
            case Expr.Comprehension c -> {
                Type iterable = expr(c.iterable());
                bindPattern(c.pattern(), elementOf(iterable));
                if (c.condition() != null) {
                    expr(c.condition());
                }
                yield Type.list(expr(c.element()));
            }
            case Expr.Block b -> blockValue(b);
            case Expr.If i -> {
                expr(i.condition());
                Type then = expr(i.then());
                yield i.otherwise() == null ? Type.NIL : Type.join(then, expr(i.otherwise()));
            }
            case Expr.IfLet i -> {
                Type value = expr(i.value());
                bindPattern(i.pattern(), value);
                Type then = expr(i.then());
                yield i.otherwise() == null ? Type.NIL : Type.join(then, expr(i.otherwise()));
            }
            case Expr.Match m -> {
                Type scrutinee = expr(m.scrutinee());
                Type result = Type.UNKNOWN;
                for (Expr.MatchArm arm : m.arms()) {
                    bindPattern(arm.pattern(), scrutinee);
                    if (arm.guard() != null) {
                        expr(arm.guard());
                    }
                    Type body = expr(arm.body());
                    if (!isDiverging(arm.body())) {
                        result = Type.join(result, body);
                    }
                }
                yield result;
            }
            case Expr.For f -> {
                Type iterable = expr(f.iterable());
                Type javaElement = interop.iterableElement(iterable); // a Java Iterable's elements
                bindPattern(f.pattern(), javaElement != null ? javaElement : elementOf(iterable));
                expr(f.body());
                yield Type.NIL;
            }
            case Expr.While w -> {
                expr(w.condition());
                expr(w.body());
                yield Type.NIL;
            }
            case Expr.WhileLet w -> {
                Type value = expr(w.value());
                bindPattern(w.pattern(), value);
                expr(w.body());
                yield Type.NIL;
            }
            case Expr.Loop l -> {
                loopValues.push(new LoopValue(l.label()));
                expr(l.body());
                LoopValue value = loopValues.pop();
                // a `break v` whose value is not known yet (a function inferred later): not nil either
                yield !value.type.isUnknown() ? value.type : value.breaksWithValue && !finished ? Type.UNKNOWN : Type.NIL;
            }
            case Expr.Break b -> {
                Type t = b.value() == null ? Type.NIL : expr(b.value()); // a bare `break` gives the loop nil
                for (LoopValue target : loopValues) {
                    if (b.label() == null || b.label().equals(target.label)) {
                        target.breaksWithValue |= b.value() != null;
                        target.type = Type.join(target.type, t);
                        break;
                    }
                }
                yield Type.UNKNOWN;
            }
            case Expr.Continue c -> Type.UNKNOWN;
            case Expr.Return r -> {
                Type t = r.value() == null ? Type.NIL : expr(r.value());
                noteReturn(t);
                yield Type.UNKNOWN;
            }
            case Expr.TryCatch t -> {
                Type body = expr(t.body());
                for (Expr.CatchClause c : t.catches()) {
                    if (c.pattern() != null) {
                        bindPattern(c.pattern(), Type.DYN);
                    }
                    body = Type.join(body, expr(c.body()));
                }
                if (t.finallyBlock() != null) {
                    expr(t.finallyBlock());
                }
                yield body;
            }
            case Expr.Throw t -> {
                expr(t.value());
                yield Type.UNKNOWN;
            }
            case Expr.LetIn l -> throw Lowering.notLowered(l);
            case Expr.Lambda l -> lambda(l);
            case Expr.Await a -> {
                Type operand = expr(a.operand());
                yield operand instanceof Type.RuntimeClass ? Type.DYN : operand; // a Future's value
            }
            case Expr.AsyncBlock a -> {
                Signature saved = current;
                current = new Signature();
                expr(a.body());
                current = saved;
                yield taskType();
            }
            case Expr.Spawn s -> {
                Signature saved = current;
                current = new Signature();
                expr(s.body());
                current = saved;
                yield taskType();
            }
            case Expr.Lazy l -> throw Lowering.notLowered(l);
            case Expr.Error er -> Type.DYN;
        };
    }

    /** What an {@code async { }} block or a {@code spawn { }} gives: the catalog's {@code Task} class. */
    private static Type taskType() {
        RuntimeCatalog.ClassEntry task = CATALOG.runtimeClass("Task");
        return task == null ? Type.DYN : task.type();
    }

    private static boolean isDiverging(Expr e) {
        return e instanceof Expr.Return || e instanceof Expr.Throw || e instanceof Expr.Break || e instanceof Expr.Continue;
    }

    private Type identType(Expr.Ident id) {
        Symbol sym = resolution.reference(id);
        if (sym == null) {
            if (id.name().equals("self") && currentSelfType != null) {
                return new Type.Named(currentSelfType);
            }
            if (id.name().equals("None")) {
                return new Type.OptionType(Type.UNKNOWN);
            }
            RuntimeCatalog.PathEntry constant = CATALOG.path(id.name());
            return constant != null && constant.isConstant() && constant.hasTemplate() ? constant.result() : Type.DYN;
        }
        seenSymbols.add(sym);
        if (orNilSymbols.contains(sym)) {
            orNil.add(id);
        }
        return switch (sym.kind()) {
            case VARIABLE, PARAMETER -> typeOf(sym);
            case FUNCTION -> sym.declaration() instanceof Stmt.Fun f ? new Type.FunctionType(f.params().size()) : Type.DYN;
            default -> Type.DYN;
        };
    }

    /** An enum variant, or a runtime constant of the catalog's type ({@code i64::MAX}: int). */
    private Type pathType(Expr.Path p) {
        List<String> segs = p.segments();
        if (resolution.reference(p) == null && javaOwner(segs) instanceof JavaClass jc) {
            return javaField(p, JavaSite.Kind.STATIC_FIELD, jc, null, segs.get(segs.size() - 1));
        }
        if (segs.size() == 2 && resolution.enums().containsKey(segs.get(0))) {
            return new Type.Named(segs.get(0));
        }
        if (resolution.reference(p) == null) {
            RuntimeCatalog.PathEntry entry = CATALOG.path(String.join("::", segs));
            if (entry != null && entry.isConstant()) {
                return entry.result();
            }
        }
        return Type.DYN;
    }

    private void assign(Expr target, Type t) {
        assign(target, t, null);
    }

    private void assign(Expr target, Type t, Expr value) {
        switch (target) {
            case Expr.Ident id -> {
                Symbol sym = resolution.reference(id);
                if (sym == null) {
                    sym = resolution.declaration(id);
                }
                updateSymbol(sym, t);
                noteOrNil(sym, value);
                record(target, sym == null ? Type.DYN : typeOf(sym));
            }
            case Expr.Index i -> {
                Type container = expr(i.target());
                expr(i.index());
                if (container instanceof Type.ListType l && i.target() instanceof Expr.Ident id) {
                    updateSymbol(resolution.reference(id), Type.list(Type.join(l.element(), t)));
                }
            }
            case Expr.Field f -> {
                Type receiver = expr(f.receiver());
                if (receiver instanceof Type.JavaType && interop.classOf(receiver) instanceof JavaClass jc) {
                    record(f, javaField(f, JavaSite.Kind.FIELD, jc, receiver, f.name())); // p.x = 5: a Java field written
                }
            }
            default -> expr(target);
        }
    }

    /** A local bound or assigned a value that {@link Types#mayBeNil may be nil}: so may its uses. */
    private void noteOrNil(Symbol sym, Expr value) {
        if (sym != null && value != null && orNil.contains(value)) {
            orNilSymbols.add(sym);
        }
    }

    private Type binary(Expr.Binary b) {
        if (b.op() == BinaryOp.PIPELINE) {
            throw Lowering.notLowered(b);
        }
        Type left = expr(b.left());
        return Operators.resultType(b.op(), left, expr(b.right()));
    }

    private Type call(Expr.Call c) {
        if (c.callee() instanceof Expr.Path p && resolution.reference(p) == null && javaOwner(p.segments()) instanceof JavaClass jc) {
            String name = p.segments().get(p.segments().size() - 1);
            boolean constructor = name.equals("new");
            List<JavaInterop.Found<JavaMethod>> candidates = new ArrayList<>();
            // ArrayList::<String>::new(): the class's type arguments as written, else dynamic
            List<Type> typeArgs = new ArrayList<>();
            for (int i = 0; i < jc.typeParameters().size(); i++) {
                // not written: found from the methods later called on it (names.add("x") makes an ArrayList<String>)
                typeArgs.add(constructor && i < p.typeArgs().size() ? boxedArgument(annotation(p.typeArgs().get(i)))
                        : Type.UNKNOWN);
            }
            Type made = constructor ? new Type.JavaType(jc.name(), typeArgs) : null;
            Map<String, Type> raw = interop.bindingsOf(jc, constructor ? made : Type.DYN);
            if (constructor) {
                jc.constructors().forEach(m -> candidates.add(new JavaInterop.Found<>(jc, m, raw)));
            } else {
                String javaName = jc.methods().stream().anyMatch(m -> m.isStatic() && m.name().equals(name)) ? name
                        : JavaInterop.camelCase(name); // `Stats::is_prime` of another Ruchy file is `isPrime`
                jc.methods().stream().filter(m -> m.isStatic() && m.name().equals(javaName))
                        .forEach(m -> candidates.add(new JavaInterop.Found<>(jc, m, raw)));
            }
            JavaSite.Kind kind = constructor ? JavaSite.Kind.CONSTRUCTOR : JavaSite.Kind.STATIC_CALL;
            return javaCall(c, kind, jc, name, null, candidates, c.args(), made);
        }
        List<Type> args = new ArrayList<>();
        for (Expr.Arg a : c.args()) {
            args.add(expr(a.value()));
        }
        if (c.callee() instanceof Expr.Ident id) {
            Symbol sym = resolution.reference(id);
            if (sym != null && sym.declaration() instanceof Stmt.Fun f && sym.kind() == Symbol.Kind.FUNCTION) {
                Signature sig = signature(f, null);
                for (int i = 0; i < args.size() && i < sig.params.size(); i++) {
                    if (!isClosureParam(f, i)) {
                        updateParam(sig, i, args.get(i));
                    }
                }
                return sig.result;
            }
            if (sym != null) {
                seenSymbols.add(sym);
                if (typeOf(sym) instanceof Type.RuntimeClass rc) {
                    // `next()` in a middleware: the class's `call` member
                    RuntimeCatalog.Member member = CATALOG.member(rc.alias(), "call", closureArities(c.args()));
                    return member == null ? Type.DYN : member.result();
                }
                Signature closure = calledClosures.containsKey(sym) ? lambdaSignatures.get(calledClosures.get(sym))
                        : closureParams.get(sym);
                if (closure != null) {
                    for (int i = 0; i < args.size() && i < closure.params.size(); i++) {
                        updateParam(closure, i, args.get(i));
                    }
                    return closureType(closure) instanceof Type.FunctionType ft && ft.typed() ? ft.result()
                            : finished ? Type.DYN : Type.UNKNOWN;
                }
                return Type.DYN;
            }
            switch (id.name()) {
                case "Some":
                    return new Type.OptionType(args.isEmpty() ? Type.DYN : args.get(0));
                case "Ok":
                    return new Type.ResultType(args.isEmpty() ? Type.DYN : args.get(0), Type.UNKNOWN);
                case "Err":
                    return new Type.ResultType(Type.UNKNOWN, args.isEmpty() ? Type.DYN : args.get(0));
                case "abs":
                    return args.size() == 1 && args.get(0).isNumeric() ? args.get(0) : Type.DYN;
                case "min", "max":
                    return args.size() == 2 && args.get(0).equals(args.get(1)) && args.get(0).isNumeric()
                            ? args.get(0) : args.size() == 2 && args.get(0).isNumeric() && args.get(1).isNumeric()
                            ? Type.FLOAT : Type.DYN;
                case "reverse", "sort":
                    return args.size() == 1 && (args.get(0) instanceof Type.ListType || args.get(0) instanceof Type.Str)
                            ? args.get(0) : Type.DYN;
                default:
                    break;
            }
            RuntimeCatalog.Builtin builtin = CATALOG.builtin(id.name());
            if (builtin != null) {
                return builtin.result();
            }
            if (resolution.variantOwner(id.name()) != null) {
                return new Type.Named(resolution.variantOwner(id.name()).name());
            }
            return Type.DYN;
        }
        if (c.callee() instanceof Expr.Path p) {
            return pathCall(p, args);
        }
        expr(c.callee());
        return Type.DYN;
    }

    /** {@code Type::f(args)}, {@code Enum::Variant(args)}, a runtime path ({@code String::from(s)}: the catalog's type). */
    private Type pathCall(Expr.Path p, List<Type> args) {
        List<String> segs = p.segments();
        String owner = segs.get(segs.size() - 2 < 0 ? 0 : segs.size() - 2);
        String last = segs.get(segs.size() - 1);
        if (segs.size() == 2 && resolution.enums().containsKey(owner)) {
            return new Type.Named(owner);
        }
        if (segs.size() == 2) {
            Stmt.Fun method = findMethod(owner, last);
            if (method != null) {
                Signature sig = signature(method, owner);
                for (int i = 0; i < args.size() && i < sig.params.size(); i++) {
                    updateParam(sig, i, args.get(i));
                }
                return sig.result;
            }
        }
        if (resolution.reference(p) == null) {
            RuntimeCatalog.PathEntry entry = CATALOG.path(String.join("::", segs));
            if (entry != null && !entry.isConstant()) {
                return entry.result();
            }
        }
        return Type.DYN;
    }

    private Stmt.Fun findMethod(String type, String name) {
        return resolution.method(type, name);
    }

    private Type methodCall(Expr.MethodCall m) {
        Type receiver = expr(m.receiver());
        if (javaReceiver(receiver, m.name()) instanceof JavaClass jc) {
            Map<String, Type> bindings = interop.bindingsOf(jc, receiver);
            // type arguments found from uses do not restrict the calls that find them (names.add(1) then names.add("x"))
            boolean inferred = m.receiver() instanceof Expr.Ident id && resolution.reference(id) instanceof Symbol s
                    && inferredArguments.contains(s);
            Map<String, Type> choosing = inferred ? interop.bindingsOf(jc, Type.UNKNOWN) : bindings;
            List<JavaInterop.Found<JavaMethod>> candidates = interop.methods(jc, choosing, m.name())
                    .stream().filter(f -> !f.member().isStatic()).toList();
            javaReceiverBindings = inferred ? bindings : null;
            Type result = javaCall(m, JavaSite.Kind.METHOD, jc, m.name(), receiver, candidates, m.args(), null);
            javaReceiverBindings = null;
            refineTypeArguments(m, jc, receiver);
            return result;
        }
        if (receiver instanceof Type.RuntimeClass rc) {
            Type result = memberCall(rc, m.name(), m.args());
            RuntimeCatalog.Member member = typedMember(rc, m.name(), m.args(), resolution);
            if (member != null && member.orNil()) {
                orNil.add(m);
            }
            return result;
        }
        RuntimeCatalog.Method known = receiver instanceof Type.Named ? null
                : CATALOG.method(receiver, m.name(), m.args().size());
        List<Type> args = new ArrayList<>();
        for (int i = 0; i < m.args().size(); i++) {
            Expr value = m.args().get(i).value();
            List<Type> given = known == null ? null : known.functionParams(i, receiver);
            args.add(given == null ? expr(value) : functionArgument(value, given));
        }
        if (receiver instanceof Type.Named named) {
            Stmt.Fun method = findMethod(named.name(), m.name());
            if (method != null) {
                Signature sig = signature(method, named.name());
                for (int i = 0; i < args.size() && i < sig.params.size(); i++) {
                    updateParam(sig, i, args.get(i));
                }
                return sig.result;
            }
        }
        if (receiver instanceof Type.ListType list && m.name().equals("push") && args.size() == 1
                && m.receiver() instanceof Expr.Ident id) {
            updateSymbol(resolution.reference(id), Type.list(Type.join(list.element(), args.get(0))));
        }
        Type looked = receiver instanceof Type.ObjectType && m.name().equals("get") ? lookup(m, args) : null;
        if (looked != null) {
            return looked;
        }
        return CATALOG.methodResult(receiver, m.name(), args);
    }

    /**
     * The Java class whose method {@code name} a call on a value of type {@code receiver} is: the
     * value's class when it is a Java one; {@code String} for a string and {@code java.util.List} for
     * an array when Ruchy has no method of that name for them ({@code "s".toUpperCase()},
     * {@code xs.stream()}); null for any other.
     */
    private JavaClass javaReceiver(Type receiver, String name) {
        if (receiver instanceof Type.JavaType) {
            return interop.classOf(receiver);
        }
        if ((receiver instanceof Type.Str || receiver instanceof Type.ListType) && CATALOG.overloads(receiver, name).isEmpty()
                && CATALOG.unsupportedHint(RuntimeCatalog.kindOf(receiver), name) == null) {
            JavaClass java = interop.classOf(receiver);
            return java != null && !interop.methods(java, Map.of(), name).isEmpty() ? java : null;
        }
        return null;
    }

    /**
     * A call of a Java method or constructor: the non-closure arguments are typed first, then an
     * overload is chosen (see {@link JavaInterop#choose}); a closure passed where the chosen method
     * takes a functional interface is typed by its single abstract method, and a named function
     * passed there gets its parameter types. The call is recorded as a {@link JavaSite}.
     *
     * @param made the type a constructor makes, null for methods
     */
    private Type javaCall(Expr site, JavaSite.Kind kind, JavaClass owner, String name,
            Type receiver, List<JavaInterop.Found<JavaMethod>> candidates, List<Expr.Arg> args,
            Type made) {
        List<JavaInterop.Arg> infos = new ArrayList<>();
        List<Type> argTypes = new ArrayList<>();
        for (Expr.Arg a : args) {
            Expr value = a.value();
            Stmt.Fun named = callbackFunction(value, resolution);
            if (value instanceof Expr.Lambda l) {
                infos.add(new JavaInterop.Arg(Type.UNKNOWN, l.params().size()));
                argTypes.add(new Type.FunctionType(l.params().size()));
            } else if (named != null) {
                infos.add(new JavaInterop.Arg(Type.UNKNOWN, named.params().size()));
                argTypes.add(new Type.FunctionType(named.params().size()));
                expr(value);
            } else {
                Type t = expr(value);
                // a generic call whose type arguments its target gives (Comparator::comparing(|s| s.len())):
                // they say nothing of this call's type variables until it has them
                infos.add(JavaInterop.Arg.value(!finished && javaPolyCalls.contains(value) && t instanceof Type.JavaType j
                        ? new Type.JavaType(j.binaryName(), j.typeArguments().stream()
                                .map(ta -> ta instanceof Type.Dyn ? Type.UNKNOWN : ta).toList())
                        : t));
                argTypes.add(t);
            }
        }
        JavaInterop.Choice choice = interop.choose(candidates, infos);
        Type result = Type.DYN;
        if (choice.ok()) {
            JavaInterop.Chosen chosen = choice.chosen();
            Map<String, Type> bindings = new java.util.LinkedHashMap<>(chosen.bindings());
            if (javaReceiverBindings != null) {
                // chosen as if its class's type arguments were unknown: its types are the receiver's after all
                Map<String, Type> real = javaReceiverBindings;
                javaReceiverBindings = null;
                interop.methods(owner, real, name).stream().filter(f -> f.member() == chosen.method().member()).findFirst()
                        .ifPresent(f -> f.bindings().forEach((k, v) -> {
                            if (!chosen.method().member().typeParameters().contains(k)) {
                                bindings.put(k, v);
                            }
                        }));
            }
            Map<String, Type> fromClosures = new java.util.HashMap<>();
            java.util.Set<String> vars = new java.util.HashSet<>(chosen.method().member().typeParameters());
            // the method's type variables no argument gives a type: from the call's target, else from the
            // closures' written parameter types (Comparator::comparing(|s: String| s.len()))
            java.util.Set<String> unbound = new java.util.HashSet<>(vars);
            Map<String, Type> fromArgs = new java.util.HashMap<>();
            for (int i = 0; i < args.size(); i++) {
                if (infos.get(i).functionArity() < 0) {
                    interop.unify(chosen.params().get(i), infos.get(i).type(), vars, fromArgs);
                }
            }
            unbound.removeAll(fromArgs.keySet());
            java.util.Set<String> named = new java.util.HashSet<>(chosen.widened());
            if (!unbound.isEmpty()) {
                Map<String, Type> given = new java.util.HashMap<>();
                if (javaTargets.get(site) instanceof Type target && !chosen.method().member().isConstructor()) {
                    interop.unify(TypeText.parse(chosen.method().member().returnType()), unknownForDyn(target), unbound, given);
                }
                Map<String, Type> written = new java.util.HashMap<>();
                for (int i = 0; i < args.size(); i++) {
                    if (args.get(i).value() instanceof Expr.Lambda l) {
                        bindClosureParams(chosen.params().get(i), bindings, l, unbound, written);
                    }
                }
                written.forEach((v, t) -> {
                    if (!given.containsKey(v) || given.get(v) instanceof Type.Dyn) {
                        given.put(v, t);
                        named.add(v); // no target says it: javac must be told
                    }
                });
                given.forEach((v, t) -> {
                    if (!(t instanceof Type.Dyn)) {
                        bindings.put(v, t);
                        unbound.remove(v);
                    }
                });
            }
            for (int i = 0; i < args.size(); i++) {
                Expr value = args.get(i).value();
                if (infos.get(i).functionArity() < 0) {
                    continue;
                }
                Map<String, Type> typing = bindings;
                if (!finished && !unbound.isEmpty()) {
                    // not known yet (a later round may find the call's target): typed as nothing rather than dynamic
                    typing = new java.util.HashMap<>(bindings);
                    for (String v : unbound) {
                        typing.put(v, Type.UNKNOWN);
                    }
                }
                JavaInterop.Sam sam = interop.sam(chosen.params().get(i), typing);
                if (sam == null) {
                    expr(value);
                    continue;
                }
                if (value instanceof Expr.Lambda l) {
                    if (!sam.equals(javaLambdas.put(l, sam))) {
                        changed = true;
                    }
                    expr(value);
                    Type body = javaLambdaBodies.get(l);
                    if (body != null && !(sam.returnType() instanceof TypeText.Primitive)) {
                        bindClosureResult(chosen.params().get(i), sam, body, vars, fromClosures);
                    }
                } else if (callbackFunction(value, resolution) instanceof Stmt.Fun f) {
                    Signature sig = signature(f, null);
                    for (int p = 0; p < sam.params().size() && p < sig.params.size(); p++) {
                        updateParam(sig, p, sam.params().get(p));
                    }
                }
            }
            fromClosures.forEach((v, t) -> {
                if (bindings.get(v) instanceof Type.Dyn) {
                    bindings.put(v, t);
                    unbound.remove(v);
                }
            });
            boolean allKnown = vars.stream().allMatch(v -> bindings.get(v) instanceof Type t && !(t instanceof Type.Dyn)
                    && !t.isUnknown());
            if (!allKnown) {
                named.retainAll(chosen.widened()); // a witness naming Object could break the variables' bounds
            }
            TypeText returned = chosen.method().member().isConstructor() ? null
                    : TypeText.parse(chosen.method().member().returnType());
            if (returned != null && unbound.stream().anyMatch(v -> JavaInterop.mentions(returned, v))) {
                javaPolyCalls.add(site);
            } else {
                javaPolyCalls.remove(site);
            }
            Map<String, Type> resulting = bindings;
            if (!finished && javaPolyCalls.contains(site)) {
                // its target may give them in a later round: not dynamic yet, so a variable of its value is not
                resulting = new java.util.HashMap<>(bindings);
                for (String v : unbound) {
                    resulting.put(v, Type.UNKNOWN);
                }
            }
            result = made != null ? made : interop.valueType(returned, resulting);
            choice = new JavaInterop.Choice(new JavaInterop.Chosen(chosen.method(), chosen.params(), bindings, result,
                    named, unbound), null, choice.candidates());
            // the type each Java call passed here is expected to have, for the type variables of its own method
            for (int i = 0; i < args.size(); i++) {
                Expr value = args.get(i).value();
                if (infos.get(i).functionArity() < 0 && javaSites.get(value) instanceof JavaSite) {
                    Type target = interop.typeArgument(chosen.params().get(i), bindings);
                    if (!target.equals(javaTargets.put(value, target))) {
                        changed = true;
                    }
                }
            }
        } else {
            for (Expr.Arg a : args) {
                if (a.value() instanceof Expr.Lambda) {
                    expr(a.value());
                }
            }
        }
        javaSites.put(site, new JavaSite(kind, owner, name, receiver, choice, null, argTypes, result));
        return result;
    }

    /**
     * The Java class whose member a path names: {@code UUID} for {@code UUID::randomUUID}, the nested
     * {@code Map.Entry} for {@code Map::Entry::comparingByKey}; null when the path does not start with
     * a class a {@code use} imports.
     */
    private JavaClass javaOwner(List<String> segs) {
        if (segs.size() < 2 || !(resolution.javaImport(segs.get(0)) instanceof JavaClass owner)) {
            return null;
        }
        for (int i = 1; i < segs.size() - 1 && owner != null; i++) {
            owner = interop.find(owner.name() + "$" + segs.get(i)).orElse(null);
        }
        return owner;
    }

    /**
     * A variable made by a generic class's constructor without type arguments ({@code let names =
     * ArrayList::new()}) takes them from the methods its class declares that are called on it:
     * {@code names.add("pear")} makes it an {@code ArrayList<String>}.
     */
    private void refineTypeArguments(Expr.MethodCall m, JavaClass jc, Type receiver) {
        if (!(receiver instanceof Type.JavaType j) || !(m.receiver() instanceof Expr.Ident id)
                || !(resolution.reference(id) instanceof Symbol sym) || !inferredArguments.contains(sym)
                || !(javaSites.get(m) instanceof JavaSite site) || !site.resolved()
                || !site.choice().chosen().method().owner().name().equals(jc.name())) {
            return;
        }
        JavaInterop.Chosen chosen = site.choice().chosen();
        Map<String, Type> found = new java.util.HashMap<>();
        java.util.Set<String> vars = new java.util.HashSet<>(jc.typeParameters());
        chosen.method().member().typeParameters().forEach(vars::remove);
        for (int i = 0; i < m.args().size(); i++) {
            Type arg = types.getOrDefault(m.args().get(i).value(), Type.UNKNOWN);
            if (!(m.args().get(i).value() instanceof Expr.Lambda)) {
                interop.unify(chosen.params().get(i), arg, vars, found);
            }
        }
        if (found.isEmpty()) {
            return;
        }
        List<Type> refined = new ArrayList<>();
        for (int i = 0; i < jc.typeParameters().size(); i++) {
            Type before = j.typeArguments().get(i);
            Type given = found.get(jc.typeParameters().get(i));
            refined.add(given != null ? Type.join(before, boxedArgument(given)) : before);
        }
        updateSymbol(sym, new Type.JavaType(j.binaryName(), refined));
    }

    /** A Java field read ({@code Integer::MAX_VALUE}, {@code p.x}): its Ruchy type, recorded as a {@link JavaSite}. */
    private Type javaField(Expr site, JavaSite.Kind kind, JavaClass owner, Type receiver, String name) {
        Map<String, Type> bindings = interop.bindingsOf(owner, receiver == null ? Type.DYN : receiver);
        JavaInterop.Found<JavaField> found = interop.field(owner, bindings, name);
        boolean isStatic = kind == JavaSite.Kind.STATIC_FIELD;
        if (found != null && found.member().isStatic() != isStatic) {
            found = null;
        }
        Type result = found == null ? Type.DYN : interop.valueType(TypeText.parse(found.member().type()), found.bindings());
        javaSites.put(site, new JavaSite(kind, owner, name, receiver, null, found, List.of(), result));
        return result;
    }

    /** {@code t} with each dynamic part unknown: a target type's parts that say nothing of a type variable. */
    private static Type unknownForDyn(Type t) {
        return switch (t) {
            case Type.Dyn d -> Type.UNKNOWN;
            case Type.ListType l -> Type.list(unknownForDyn(l.element()));
            case Type.JavaType j -> new Type.JavaType(j.binaryName(), j.typeArguments().stream().map(TypeInference::unknownForDyn).toList());
            default -> t;
        };
    }

    /** Binds the variables of {@code vars} that a closure's written parameter types give ({@code |s: String|}). */
    private void bindClosureParams(TypeText param, Map<String, Type> bindings, Expr.Lambda l,
            java.util.Set<String> vars, Map<String, Type> found) {
        List<TypeText> params = interop.samParameters(param, bindings);
        if (params == null || params.size() != l.params().size()) {
            return;
        }
        for (int k = 0; k < params.size(); k++) {
            if (l.params().get(k).type() != null) {
                Type written = annotation(l.params().get(k).type());
                if (!written.isUnknown() && !(written instanceof Type.Dyn)) {
                    interop.unify(params.get(k), written, vars, found);
                }
            }
        }
    }

    /**
     * Binds the method's type variables that a closure's result stands for: {@code map(Function<? super T,
     * ? extends R>)} given {@code |x| x.len()} binds {@code R} to the integer the closure gives.
     */
    private void bindClosureResult(TypeText param, JavaInterop.Sam sam, Type body,
            java.util.Set<String> vars, Map<String, Type> found) {
        if (!(param instanceof TypeText.ClassType ct)) {
            return;
        }
        JavaClass fi = interop.find(ct.binaryName()).orElse(null);
        if (fi == null) {
            return;
        }
        // the interface's own variables, as the parameter's arguments name them (R for Function's R)
        Map<String, TypeText> own = new java.util.HashMap<>();
        for (int k = 0; k < fi.typeParameters().size() && k < ct.arguments().size(); k++) {
            own.put(fi.typeParameters().get(k), ct.arguments().get(k));
        }
        TypeText ret = TypeText.parse(sam.method().returnType())
                .substitute(own);
        interop.unify(ret, body, vars, found);
    }

    /**
     * An argument of a runtime method that calls it with values of {@code given} types
     * ({@code xs.map(f)} calls {@code f} with the elements): a closure written there, or a named
     * function, is typed by them.
     */
    private Type functionArgument(Expr value, List<Type> given) {
        boolean known = given.stream().noneMatch(t -> t.isUnknown() || t instanceof Type.Dyn);
        if (known && value instanceof Expr.Lambda l && l.params().size() == given.size() && typeable(l)) {
            Signature sig = lambdaSignatures.computeIfAbsent(l, TypeInference::lambdaSignature);
            for (int i = 0; i < given.size(); i++) {
                updateParam(sig, i, given.get(i));
            }
            return expr(value);
        }
        Type plain = expr(value);
        if (known && value instanceof Expr.Ident id && resolution.reference(id) instanceof Symbol sym
                && sym.kind() == Symbol.Kind.FUNCTION && sym.declaration() instanceof Stmt.Fun f
                && program.statements().stream().anyMatch(st -> st == f) && f.params().size() == given.size()
                && f.params().stream().allMatch(p -> p.defaultValue() == null && !"self".equals(p.name()))) {
            Signature sig = signature(f, null);
            for (int i = 0; i < given.size(); i++) {
                updateParam(sig, i, given.get(i));
            }
            if (sig.params.stream().noneMatch(t -> t.isUnknown() || t instanceof Type.Dyn) && !sig.result.isUnknown()
                    && (sig.returnsValue || sig.resultAnnotated || finished)) {
                return record(value, new Type.FunctionType(given.size(), List.copyOf(sig.params),
                        sig.returnsValue ? sig.result : Type.NIL));
            }
        }
        return plain;
    }

    /**
     * A call of a runtime class's member ({@code server.get("/", |req, res| ...)}): a closure passed
     * where the member takes a callback gets the callback's parameter types; the member's result
     * type, or dyn when the catalog lists no such member (which {@link MemberChecks} reports).
     */
    private Type memberCall(Type.RuntimeClass rc, String name, List<Expr.Arg> args) {
        RuntimeCatalog.Member member = typedMember(rc, name, args, resolution);
        for (int i = 0; i < args.size(); i++) {
            Expr value = args.get(i).value();
            RuntimeCatalog.Callback cb = member == null ? null : CATALOG.callback(member.params().get(i));
            if (cb != null && value instanceof Expr.Lambda l) {
                callbackParams.put(l, cb.params());
            }
            Stmt.Fun named = cb == null ? null : callbackFunction(value, resolution);
            expr(value);
            if (named != null) {
                callbackReferences.add((Expr.Ident) value);
                // a named function passed as a callback: its parameters get the callback's types
                Signature sig = signature(named, null);
                for (int p = 0; p < cb.params().size(); p++) {
                    updateParam(sig, p, cb.params().get(p));
                }
            }
        }
        return member == null ? Type.DYN : member.result();
    }

    /**
     * A top-level function named where a runtime member may take it as a callback
     * ({@code app.post("/posts", require_auth, |req, res| ...)}): printed as a method reference; null
     * for anything else (closures, functions with defaults, local functions).
     */
    public static Stmt.Fun callbackFunction(Expr value, Resolution resolution) {
        if (value instanceof Expr.Ident id && resolution.reference(id) instanceof Symbol sym
                && sym.kind() == Symbol.Kind.FUNCTION && sym.declaration() instanceof Stmt.Fun f
                && resolution.functions().stream().anyMatch(g -> g == f)
                && f.params().stream().allMatch(p -> p.defaultValue() == null && !"self".equals(p.name()))) {
            return f;
        }
        return null;
    }

    /**
     * The member of {@code rc} a call {@code name(args)} is printed as (a closure passed as a callback
     * becomes a lambda returning nothing: its {@code return x} evaluates x and returns; a top-level
     * function named there, a method reference: {@link #callbackFunction}); null when the catalog
     * lists none for these arguments.
     */
    public static RuntimeCatalog.Member typedMember(Type.RuntimeClass rc, String name, List<Expr.Arg> args,
            Resolution resolution) {
        List<Integer> functions = args.stream().map(a -> callbackFunction(a.value(), resolution) instanceof Stmt.Fun f
                ? f.params().size() : -1).toList();
        return CATALOG.member(rc.alias(), name, closureArities(args), stringLiterals(args), functions, literalKinds(args));
    }

    /** Per argument, the kind of a literal written there ({@code str int float bool}; a number with its sign), or null. */
    private static List<String> literalKinds(List<Expr.Arg> args) {
        List<String> out = new ArrayList<>();
        for (Expr.Arg a : args) {
            Expr value = a.value() instanceof Expr.Unary u && u.op() == dev.ruchy.transpiler.ast.UnaryOp.NEG
                    && (u.operand() instanceof Expr.IntLit || u.operand() instanceof Expr.FloatLit) ? u.operand() : a.value();
            out.add(switch (value) {
                case Expr.IntLit i -> "int";
                case Expr.FloatLit f -> "float";
                case Expr.BoolLit b -> "bool";
                case Expr.StringLit s -> "str";
                default -> null;
            });
        }
        return out;
    }

    /** Per argument, the value of a string literal written there, or null. */
    private static List<String> stringLiterals(List<Expr.Arg> args) {
        List<String> out = new ArrayList<>();
        for (Expr.Arg a : args) {
            out.add(a.value() instanceof Expr.StringLit s ? s.value() : null);
        }
        return out;
    }

    /** Per argument, the parameter count of a closure written there, or -1. */
    public static List<Integer> closureArities(List<Expr.Arg> args) {
        return args.stream().map(a -> a.value() instanceof Expr.Lambda l ? l.params().size() : -1).toList();
    }

    /**
     * The type every field of {@code e}'s value holds, when {@code e} reads a runtime class's object
     * field the catalog declares so ({@code req.params}: strings); null otherwise.
     */
    private Type objectFieldValues(Expr e) {
        if (e instanceof Expr.Field f && types.get(f.receiver()) instanceof Type.RuntimeClass rc
                && !writtenFieldObjects.contains(f.name())) {
            RuntimeCatalog.FieldEntry entry = CATALOG.field(rc.alias(), f.name());
            return entry == null ? null : entry.values();
        }
        return null;
    }

    private Type fieldType(Type receiver, String field) {
        if (receiver instanceof Type.RuntimeClass rc) {
            RuntimeCatalog.FieldEntry f = CATALOG.field(rc.alias(), field);
            return f == null ? Type.DYN : f.type();
        }
        if (receiver instanceof Type.Named named) {
            Stmt.Struct st = resolution.structs().get(named.name());
            if (st != null) {
                for (Stmt.FieldDecl f : st.fields()) {
                    if (f.name().equals(field) && f.type() != null) {
                        return fromAnnotation(f.type());
                    }
                }
            }
            Stmt.Class cl = resolution.classes().get(named.name());
            if (cl != null) {
                for (Stmt.FieldDecl f : cl.fields()) {
                    if (f.name().equals(field) && f.type() != null) {
                        return fromAnnotation(f.type());
                    }
                }
            }
        }
        if (receiver instanceof Type.TupleType tt && field.chars().allMatch(Character::isDigit) && !field.isEmpty()) {
            return tt.element(Integer.parseInt(field));
        }
        if (receiver.isUnknown()) {
            return Type.UNKNOWN;
        }
        return Type.DYN;
    }

    private static Type elementOf(Type iterable) {
        return switch (iterable) {
            case Type.ListType l -> l.element();
            case Type.RangeType r -> Type.INT;
            case Type.Unknown u -> Type.UNKNOWN;
            default -> Type.DYN;
        };
    }
}
