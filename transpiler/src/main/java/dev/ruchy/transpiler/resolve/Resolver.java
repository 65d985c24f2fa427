package dev.ruchy.transpiler.resolve;

import dev.ruchy.transpiler.ast.Expr;
import dev.ruchy.transpiler.ast.Node;
import dev.ruchy.transpiler.ast.Param;
import dev.ruchy.transpiler.ast.Pattern;
import dev.ruchy.transpiler.ast.Program;
import dev.ruchy.transpiler.ast.Stmt;
import dev.ruchy.transpiler.code.RuntimeCatalog;
import dev.ruchy.transpiler.code.Symbol;
import dev.ruchy.transpiler.diag.Diagnostic;
import dev.ruchy.transpiler.diag.DiagnosticCode;
import dev.ruchy.transpiler.diag.Diagnostics;
import dev.ruchy.transpiler.diag.Suggestions;
import dev.ruchy.transpiler.interop.JavaTypes;
import dev.ruchy.transpiler.lower.Lowering;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Binds every name in a {@link Program} ({@linkplain Lowering lowered}) to a {@link Symbol}: lexical scopes with shadowing, which
 * top-level variables are globals (used by a function or closure), which locals closures capture
 * and reassign, and which names are undefined (a diagnostic with a location, per the project's
 * Decisions: calling an undefined function is an error at transpile time).
 *
 * <p>Results go in side tables keyed by node identity ({@link Resolution}).
 */
public final class Resolver {
    private final RuntimeCatalog catalog = RuntimeCatalog.standard();
    private final Diagnostics diagnostics;
    private final Resolution resolution = new Resolution();
    private final Deque<Map<String, Symbol>> scopes = new ArrayDeque<>();
    private final Deque<Integer> contexts = new ArrayDeque<>();
    private final Set<String> importedNames = new HashSet<>();
    /** Names a {@code use} of the runtime's brings in ({@code use std::db;}): paths under them are checked. */
    private final Set<String> runtimeImports = new HashSet<>();
    /** Names a {@code use} of anything else brings in ({@code use java::util::UUID;}): paths under them are left alone. */
    private final Set<String> foreignImports = new HashSet<>();
    private int nextContext = 1;
    private boolean inMethod;
    /** Whether the program declares a trait (whose default methods a type may have without declaring them). */
    private boolean hasTraits;

    private final JavaTypes javaTypes;
    /** With {@linkplain JavaTypes#isComplete() every class} in reach: the modules the program declares. */
    private final Set<String> modules = new HashSet<>();
    /** With every class in reach: the first names of the program's paths and written types ({@code Nope} of {@code Nope::hello()}). */
    private final Set<String> pathRoots = new HashSet<>();
    /** Packages a glob {@code use} imports ({@code use java::util::*;}): their classes are found when named. */
    private final List<String> javaPackages = new ArrayList<>();

    private Resolver(Diagnostics diagnostics, JavaTypes javaTypes) {
        this.diagnostics = diagnostics;
        this.javaTypes = javaTypes;
        this.resolution.javaTypes = javaTypes;
    }

    /** Resolves {@code program} with no Java classes in reach; undefined names and wrong arities go to {@code diagnostics}. */
    public static Resolution resolve(Program program, Diagnostics diagnostics) {
        return resolve(program, diagnostics, JavaTypes.NONE);
    }

    /**
     * Resolves {@code program}; a {@code use} of a Java class ({@code use java::util::UUID;}) is
     * looked up in {@code javaTypes} (R0212 when a {@code java}/{@code javax}/{@code jdk} class, or
     * one of a package {@code javaTypes} knows, is not there).
     */
    public static Resolution resolve(Program program, Diagnostics diagnostics, JavaTypes javaTypes) {
        Resolver resolver = new Resolver(diagnostics, javaTypes);
        resolver.program(program);
        return resolver.resolution;
    }

    private void program(Program program) {
        if (javaTypes.isComplete()) {
            dev.ruchy.transpiler.ast.Nodes.any(program, n -> {
                if (n instanceof Stmt.Mod m) {
                    modules.add(m.name());
                } else if (n instanceof Expr.Path p && !p.segments().isEmpty()) {
                    pathRoots.add(p.segments().get(0));
                } else if (n instanceof dev.ruchy.transpiler.ast.TypeRef.Named t && !t.path().isEmpty()) {
                    pathRoots.add(t.path().get(0));
                }
                return false;
            });
        }
        scopes.push(new LinkedHashMap<>());
        contexts.push(0);
        hoist(program.statements(), true);
        // top-level code first, then function and method bodies, so that a function may use a
        // top-level variable declared after it (names are looked up when the function runs)
        List<Stmt> deferred = new ArrayList<>();
        for (Stmt s : program.statements()) {
            if (s instanceof Stmt.Fun || s instanceof Stmt.Struct || s instanceof Stmt.Impl || s instanceof Stmt.Class
                    || s instanceof Stmt.Actor || s instanceof Stmt.Trait) {
                deferred.add(s);
            } else {
                stmt(s);
            }
        }
        deferred.forEach(this::stmt);
        checkWrittenTypes(program);
    }

    /** Type names Ruchy knows without a declaration ({@code Vec<T>}, {@code Option<T>}, ...). */
    private static final Set<String> BUILTIN_TYPES = Set.of("String", "Vec", "VecDeque", "List", "Array", "Option",
            "HashMap", "BTreeMap", "Map", "Object", "Result", "Self");

    /**
     * A written type ({@code fn show(d: Duraton)}) that names no type the program declares or imports
     * but is a near miss of one (an imported Java class, a struct, an enum, a class): R0204 with the
     * name it probably means, where the type would otherwise quietly be dynamic. A name near none of
     * them (a Rust-style {@code Box<T>}, a type parameter) is left as it was.
     */
    private void checkWrittenTypes(Program program) {
        Set<String> known = new HashSet<>(resolution.javaImports.keySet());
        known.addAll(resolution.structs.keySet());
        known.addAll(resolution.enums.keySet());
        known.addAll(resolution.classes.keySet());
        if (known.isEmpty()) {
            return;
        }
        Set<String> declared = new HashSet<>(); // type parameters and aliases: names no near miss may stand for
        dev.ruchy.transpiler.ast.Nodes.any(program, n -> {
            switch (n) {
                case Stmt.Fun f -> declared.addAll(f.typeParams());
                case Stmt.Struct st -> declared.addAll(st.typeParams());
                case Stmt.Enum en -> declared.addAll(en.typeParams());
                case Stmt.Impl i -> declared.addAll(i.typeParams());
                case Stmt.Trait t -> {
                    declared.addAll(t.typeParams());
                    declared.add(t.name());
                }
                case Stmt.Class c -> declared.addAll(c.typeParams());
                case Stmt.TypeAlias a -> {
                    declared.addAll(a.typeParams());
                    declared.add(a.name());
                }
                default -> {
                }
            }
            return false;
        });
        dev.ruchy.transpiler.ast.Nodes.any(program, n -> {
            if (n instanceof dev.ruchy.transpiler.ast.TypeRef.Named t && t.path().size() == 1 && !declared.contains(t.path().get(0))) {
                String name = t.path().get(0);
                if (!name.isEmpty() && Character.isUpperCase(name.codePointAt(0)) && !known.contains(name)
                        && !BUILTIN_TYPES.contains(name) && !importedNames.contains(name) && lookup(name) == null
                        && !(globImport(name))) {
                    String near = Suggestions.closest(name, known);
                    if (near != null) {
                        diagnostics.report(DiagnosticCode.UNDEFINED_TYPE.at(t.span(), name)
                                .withHint("did you mean `" + near + "`?"));
                    }
                }
            }
            return false;
        });
    }

    /** Declares functions and types of a statement list before any statement runs, so order does not matter. */
    private void hoist(List<Stmt> statements, boolean topLevel) {
        for (Stmt s : statements) {
            switch (s) {
                case Stmt.Fun f -> {
                    Symbol sym = declare(Symbol.Kind.FUNCTION, f.name(), f);
                    if (topLevel) {
                        resolution.functions.add(f);
                    }
                    resolution.declarations.put(f, sym);
                }
                case Stmt.Struct st -> {
                    declare(Symbol.Kind.STRUCT, st.name(), st);
                    resolution.structs.put(st.name(), st);
                }
                case Stmt.Enum en -> {
                    declare(Symbol.Kind.ENUM, en.name(), en);
                    resolution.enums.put(en.name(), en);
                    for (Stmt.Variant v : en.variants()) {
                        resolution.variantOwners.putIfAbsent(v.name(), en);
                    }
                }
                case Stmt.Class c -> {
                    declare(Symbol.Kind.CLASS, c.name(), c);
                    resolution.classes.put(c.name(), c);
                }
                case Stmt.Actor a -> declare(Symbol.Kind.CLASS, a.name(), a);
                case Stmt.Trait t -> {
                    declare(Symbol.Kind.TRAIT, t.name(), t);
                    hasTraits = true;
                }
                case Stmt.Impl i -> {
                    String target = typeName(i.target());
                    if (target != null) {
                        resolution.impls.computeIfAbsent(target, k -> new ArrayList<>()).addAll(i.methods());
                    }
                }
                case Stmt.Mod m -> declare(Symbol.Kind.MODULE, m.name(), m);
                case Stmt.Use u -> {
                    for (Stmt.UseItem item : u.items()) {
                        String root = item.path().get(0);
                        String last = item.alias() != null ? item.alias() : item.path().get(item.path().size() - 1);
                        importedNames.add(last);
                        importedNames.add(root);
                        if (catalog.isNamespace(root)) {
                            runtimeImports.add(last);
                        } else {
                            foreignImports.add(last);
                            foreignImports.add(root);
                            javaImport(item, last);
                        }
                    }
                }
                default -> {
                }
            }
        }
    }

    /**
     * {@code use java::util::UUID;}: the Java class {@code java.util.UUID} (or a nested one,
     * {@code java::util::Map::Entry} being {@code java.util.Map$Entry}) when the Java types have it;
     * otherwise R0212 for a JDK package or a package they know, and nothing for any other path.
     */
    private void javaImport(Stmt.UseItem item, String alias) {
        List<String> path = item.path();
        if (path.size() >= 2 && path.get(path.size() - 1).equals("*")) {
            javaPackages.add(String.join(".", path.subList(0, path.size() - 1))); // use java::util::*;
            return;
        }
        if (path.size() < 2 || resolution.javaImports.containsKey(alias)) {
            return;
        }
        String dotted = String.join(".", path);
        for (int cut = path.size() - 1; cut >= 1; cut--) {
            String binary = String.join(".", path.subList(0, cut)) + "." + String.join("$", path.subList(cut, path.size()));
            java.util.Optional<dev.ruchy.transpiler.interop.JavaClass> found = javaTypes.find(binary);
            if (found.isPresent()) {
                resolution.javaImports.put(alias, found.get());
                return;
            }
        }
        String root = path.get(0);
        String pkg = String.join(".", path.subList(0, path.size() - 1));
        Set<String> known = javaTypes.classesIn(pkg);
        if (root.equals("java") || root.equals("javax") || root.equals("jdk") || !known.isEmpty()) {
            Diagnostic d = DiagnosticCode.UNKNOWN_JAVA_CLASS.at(item.span(), dotted);
            diagnostics.report(Suggestions.withSuggestion(d, path.get(path.size() - 1), known.stream().sorted().toList()));
        } else if (javaTypes.isComplete() && pathRoots.contains(alias) && !modules.contains(root)
                && !Set.of("self", "super", "crate").contains(root)) {
            // every class the program can use is in reach, and the program uses this name as one
            // (Nope::hello(), a type): it would fail where it runs
            diagnostics.report(DiagnosticCode.UNKNOWN_JAVA_CLASS.at(item.span(), dotted)
                    .withHint("neither the JDK nor the class path has it (--class-path gives a project's classes)"));
        }
    }

    /** Whether a glob {@code use} brings in a Java class named {@code name}, which is then imported as if named. */
    private boolean globImport(String name) {
        for (String pkg : javaPackages) {
            java.util.Optional<dev.ruchy.transpiler.interop.JavaClass> found = javaTypes.find(pkg + "." + name);
            if (found.isPresent()) {
                resolution.javaImports.put(name, found.get());
                foreignImports.add(name);
                importedNames.add(name);
                return true;
            }
        }
        return false;
    }

    private static String typeName(dev.ruchy.transpiler.ast.TypeRef t) {
        return t instanceof dev.ruchy.transpiler.ast.TypeRef.Named n ? n.path().get(n.path().size() - 1) : null;
    }

    // ---- statements ---------------------------------------------------------------------------

    private void stmt(Stmt s) {
        switch (s) {
            case Stmt.ExprStmt e -> expr(e.expr());
            case Stmt.Let let -> {
                if (let.init() != null) {
                    expr(let.init());
                }
                if (let.elseBlock() != null) {
                    expr(let.elseBlock());
                }
                bind(let.pattern());
            }
            case Stmt.Fun f -> {
                if (scopes.size() > 1 && !resolution.declarations.containsKey(f)) {
                    resolution.declarations.put(f, declare(Symbol.Kind.FUNCTION, f.name(), f));
                }
                function(f.params(), f.body(), false);
            }
            case Stmt.Struct st -> st.methods().forEach(m -> method(m));
            case Stmt.Impl i -> i.methods().forEach(m -> method(m));
            case Stmt.Class c -> {
                c.fields().forEach(f -> {
                    if (f.defaultValue() != null) {
                        expr(f.defaultValue());
                    }
                });
                c.constructors().forEach(this::method);
                c.methods().forEach(this::method);
            }
            case Stmt.Actor a -> a.methods().forEach(this::method);
            case Stmt.Trait t -> t.methods().stream().filter(m -> m.body() != null).forEach(this::method);
            case Stmt.Mod m -> {
                if (m.body() != null) {
                    scopes.push(new LinkedHashMap<>());
                    hoist(m.body(), false);
                    m.body().forEach(this::stmt);
                    scopes.pop();
                }
            }
            case Stmt.Enum en -> en.variants().forEach(v -> {
                if (v.discriminant() != null) {
                    expr(v.discriminant());
                }
            });
            case Stmt.Use u -> {
            }
            case Stmt.TypeAlias t -> {
            }
            case Stmt.Error e -> {
            }
        }
    }

    private void method(Stmt.Fun m) {
        boolean saved = inMethod;
        inMethod = true;
        function(m.params(), m.body(), false);
        inMethod = saved;
    }

    /** A function or closure body in a new context and scope. */
    private void function(List<Param> params, Expr body, boolean closure) {
        contexts.push(nextContext++);
        scopes.push(new LinkedHashMap<>());
        for (Param p : params) {
            if (p.defaultValue() != null) {
                expr(p.defaultValue());
            }
            bindAs(p.pattern(), Symbol.Kind.PARAMETER);
        }
        if (body != null) {
            if (body instanceof Expr.Block b) {
                blockBody(b.statements());
            } else {
                expr(body);
            }
        }
        scopes.pop();
        contexts.pop();
    }

    private void blockBody(List<Stmt> statements) {
        hoist(statements, false);
        for (Stmt s : statements) {
            stmt(s);
        }
    }

    // ---- expressions --------------------------------------------------------------------------

    private void expr(Expr e) {
        switch (e) {
            case Expr.Ident id -> reference(id, id.name(), false);
            case Expr.Path p -> path(p, -1);
            case Expr.Unary u -> {
                expr(u.operand());
                if (u.op() == dev.ruchy.transpiler.ast.UnaryOp.PRE_INC || u.op() == dev.ruchy.transpiler.ast.UnaryOp.PRE_DEC
                        || u.op() == dev.ruchy.transpiler.ast.UnaryOp.POST_INC
                        || u.op() == dev.ruchy.transpiler.ast.UnaryOp.POST_DEC) {
                    assignTarget(u.operand(), true);
                }
            }
            case Expr.Binary b -> {
                if (b.op() == dev.ruchy.transpiler.ast.BinaryOp.PIPELINE) {
                    throw Lowering.notLowered(b);
                }
                expr(b.left());
                expr(b.right());
            }
            case Expr.Assign a -> {
                expr(a.value());
                assignTarget(a.target(), false);
            }
            case Expr.CompoundAssign a -> {
                expr(a.value());
                assignTarget(a.target(), true);
            }
            case Expr.Ternary t -> {
                expr(t.condition());
                expr(t.then());
                expr(t.otherwise());
            }
            case Expr.Range r -> {
                if (r.start() != null) {
                    expr(r.start());
                }
                if (r.end() != null) {
                    expr(r.end());
                }
            }
            case Expr.Cast c -> expr(c.expr());
            case Expr.Try t -> expr(t.operand());
            case Expr.Call c -> call(c);
            case Expr.MethodCall m -> {
                expr(m.receiver());
                m.args().forEach(a -> expr(a.value()));
            }
            case Expr.Field f -> expr(f.receiver());
            case Expr.Index i -> {
                expr(i.target());
                expr(i.index());
            }
            case Expr.MacroCall m -> m.args().forEach(this::expr);
            case Expr.ArrayLit a -> a.elements().forEach(this::expr);
            case Expr.ArrayRepeat a -> {
                expr(a.value());
                expr(a.count());
            }
            case Expr.TupleLit t -> t.elements().forEach(this::expr);
            case Expr.ObjectLit o -> o.entries().forEach(en -> {
                switch (en) {
                    case Expr.KeyValue kv -> expr(kv.value());
                    case Expr.Spread sp -> expr(sp.value());
                }
            });
            case Expr.StructLit s -> {
                s.fields().forEach(f -> expr(f.value()));
                if (s.base() != null) {
                    expr(s.base());
                }
                checkTypeName(s.path(), s);
                checkStructFields(s);
            }
            case Expr.Comprehension c -> {
                expr(c.iterable());
                scopes.push(new LinkedHashMap<>());
                bind(c.pattern());
                if (c.condition() != null) {
                    expr(c.condition());
                }
                expr(c.element());
                scopes.pop();
            }
            case Expr.Block b -> {
                scopes.push(new LinkedHashMap<>());
                blockBody(b.statements());
                scopes.pop();
            }
            case Expr.If i -> {
                expr(i.condition());
                expr(i.then());
                if (i.otherwise() != null) {
                    expr(i.otherwise());
                }
            }
            case Expr.IfLet i -> {
                expr(i.value());
                scopes.push(new LinkedHashMap<>());
                bind(i.pattern());
                expr(i.then());
                scopes.pop();
                if (i.otherwise() != null) {
                    expr(i.otherwise());
                }
            }
            case Expr.Match m -> {
                expr(m.scrutinee());
                for (Expr.MatchArm arm : m.arms()) {
                    scopes.push(new LinkedHashMap<>());
                    bind(arm.pattern());
                    if (arm.guard() != null) {
                        expr(arm.guard());
                    }
                    expr(arm.body());
                    scopes.pop();
                }
            }
            case Expr.For f -> {
                expr(f.iterable());
                scopes.push(new LinkedHashMap<>());
                bind(f.pattern());
                expr(f.body());
                scopes.pop();
            }
            case Expr.While w -> {
                expr(w.condition());
                expr(w.body());
            }
            case Expr.WhileLet w -> {
                expr(w.value());
                scopes.push(new LinkedHashMap<>());
                bind(w.pattern());
                expr(w.body());
                scopes.pop();
            }
            case Expr.Loop l -> expr(l.body());
            case Expr.Break b -> {
                if (b.value() != null) {
                    expr(b.value());
                }
            }
            case Expr.Continue c -> {
            }
            case Expr.Return r -> {
                if (r.value() != null) {
                    expr(r.value());
                }
            }
            case Expr.TryCatch t -> {
                expr(t.body());
                for (Expr.CatchClause c : t.catches()) {
                    scopes.push(new LinkedHashMap<>());
                    if (c.pattern() != null) {
                        bind(c.pattern());
                    }
                    expr(c.body());
                    scopes.pop();
                }
                if (t.finallyBlock() != null) {
                    expr(t.finallyBlock());
                }
            }
            case Expr.Throw t -> expr(t.value());
            case Expr.LetIn l -> throw Lowering.notLowered(l);
            case Expr.Lambda l -> function(l.params(), l.body(), true);
            case Expr.Await a -> expr(a.operand());
            case Expr.AsyncBlock a -> function(List.of(), a.body(), true);
            case Expr.Spawn s -> function(List.of(), s.body(), true);
            case Expr.Lazy l -> throw Lowering.notLowered(l);
            case Expr.FString f -> f.parts().forEach(part -> {
                if (part instanceof Expr.FStringInterp in) {
                    expr(in.expr());
                }
            });
            case Expr.IntLit l -> {
            }
            case Expr.FloatLit l -> {
            }
            case Expr.StringLit l -> {
            }
            case Expr.CharLit l -> {
            }
            case Expr.ByteLit l -> {
            }
            case Expr.BoolLit l -> {
            }
            case Expr.NilLit l -> {
            }
            case Expr.AtomLit l -> {
            }
            case Expr.Error er -> {
            }
        }
    }

    private void call(Expr.Call c) {
        c.args().forEach(a -> expr(a.value()));
        if (c.callee() instanceof Expr.Ident id) {
            Symbol sym = lookup(id.name());
            if (sym != null) {
                reference(id, id.name(), true);
                if (sym.kind() == Symbol.Kind.FUNCTION && sym.declaration() instanceof Stmt.Fun f) {
                    checkArity(c, f);
                }
                return;
            }
            RuntimeCatalog.Builtin builtin = catalog.builtin(id.name());
            if (builtin != null) {
                if (!builtin.accepts(c.args().size())) {
                    diagnostics.report(DiagnosticCode.WRONG_ARITY.at(c.span(), id.name(),
                            arguments(builtin.arity().describe()), c.args().size()));
                }
                return;
            }
            if (isVariantConstructor(id.name()) || resolution.variantOwners.containsKey(id.name())
                    || importedNames.contains(id.name())) {
                return;
            }
            diagnostics.report(withSuggestion(DiagnosticCode.UNDEFINED_FUNCTION.at(id.span(), id.name()), id.name(),
                    catalog.builtinNames()));
            return;
        }
        if (c.callee() instanceof Expr.Path p) {
            path(p, c.args().size(), c);
            return;
        }
        expr(c.callee());
    }

    /** Constructors of Option and Result values: {@code Some}, {@code None}, {@code Ok}, {@code Err}. */
    private static boolean isVariantConstructor(String name) {
        return name.equals("Some") || name.equals("None") || name.equals("Ok") || name.equals("Err");
    }

    /** {@code 1 argument}, {@code 2 arguments}, {@code 1-3 arguments}. */
    public static String arguments(String count) {
        return count + (count.equals("1") ? " argument" : " arguments");
    }

    /** Adds "did you mean `x`?" when a visible name is one or two edits away. */
    private Diagnostic withSuggestion(Diagnostic d, String name) {
        return withSuggestion(d, name, Set.of());
    }

    /** As {@link #withSuggestion(Diagnostic, String)}, also among {@code more} (builtin names). */
    private Diagnostic withSuggestion(Diagnostic d, String name,
            Set<String> more) {
        List<String> candidates = new ArrayList<>();
        for (Map<String, Symbol> scope : scopes) {
            candidates.addAll(scope.keySet());
        }
        candidates.addAll(more.stream().sorted().toList()); // visible names first, then builtins in a fixed order
        return Suggestions.withSuggestion(d, name, candidates);
    }

    private void checkArity(Expr.Call c, Stmt.Fun f) {
        Diagnostic d = arityError(f.name(), f, c.args().size(), c);
        if (d != null) {
            diagnostics.report(d);
        }
    }

    /**
     * R0202 at {@code at} when {@code given} arguments do not fit {@code f}'s parameters ({@code self}
     * aside, parameters with defaults optional); null when they do.
     */
    public static Diagnostic arityError(String name, Stmt.Fun f, int given, Node at) {
        int required = 0;
        int total = 0;
        for (Param p : f.params()) {
            if ("self".equals(p.name())) {
                continue;
            }
            total++;
            if (p.defaultValue() == null) {
                required++;
            }
        }
        if (given >= required && given <= total) {
            return null;
        }
        String arity = required == total ? String.valueOf(total) : required + "-" + total;
        return DiagnosticCode.WRONG_ARITY.at(at.span(), name, arguments(arity), given);
    }

    private void path(Expr.Path p, int argc) {
        path(p, argc, p);
    }

    /**
     * A path read ({@code argc} -1) or called with {@code argc} arguments at {@code call}. A path
     * under a declared name is that name's; one under a runtime namespace, or under a name a
     * {@code use} of the runtime imports, must be in the runtime's catalog with a fitting arity
     * (R0208, R0202); one under a name imported from elsewhere ({@code use java::util::UUID;}) is
     * left alone; any other is an undefined name.
     */
    private void path(Expr.Path p, int argc, Node call) {
        String first = p.segments().get(0);
        Symbol sym = lookup(first);
        if (sym != null) {
            resolution.references.put(p, sym);
            if (sym.kind() == Symbol.Kind.ENUM && p.segments().size() == 2 && sym.declaration() instanceof Stmt.Enum en) {
                checkVariant(en, p);
            } else if (sym.kind() == Symbol.Kind.STRUCT && p.segments().size() == 2 && sym.declaration() instanceof Stmt.Struct st
                    && !hasTraits) {
                checkAssociatedFunction(st, p);
            }
            return;
        }
        if (first.equals("self") || first.equals("super") || first.equals("crate") || first.equals("Self")) {
            return;
        }
        if (foreignImports.contains(first)) {
            return;
        }
        if (!catalog.isNamespace(first) && !runtimeImports.contains(first) && globImport(first)) {
            return;
        }
        if (!catalog.isNamespace(first) && !runtimeImports.contains(first)) {
            diagnostics.report(DiagnosticCode.UNDEFINED_NAME.at(p.span(), first));
            return;
        }
        String written = String.join("::", p.segments());
        RuntimeCatalog.PathEntry entry = catalog.path(written);
        if (entry == null || argc >= 0 && entry.isConstant()) {
            Diagnostic d = DiagnosticCode.UNKNOWN_RUNTIME_PATH.at(p.span(), written);
            String near = Suggestions.closestPath(catalog.normalize(written), catalog.pathNames());
            diagnostics.report(near == null ? d : d.withHint("did you mean `" + near + "`?"));
            return;
        }
        if (argc >= 0 && !entry.arity().accepts(argc)) {
            diagnostics.report(DiagnosticCode.WRONG_ARITY.at(call.span(), written, arguments(entry.arity().describe()), argc));
        }
    }

    /** {@code Color::Red}: a variant of the enum, or a function of one of its {@code impl}s (R0210). */
    private void checkVariant(Stmt.Enum en, Expr.Path p) {
        String name = p.segments().get(1);
        List<String> members = new ArrayList<>();
        en.variants().forEach(v -> members.add(v.name()));
        resolution.impls.getOrDefault(en.name(), List.of()).forEach(f -> members.add(f.name()));
        if (!members.contains(name)) {
            diagnostics.report(Suggestions.withSuggestion(DiagnosticCode.UNKNOWN_VARIANT.at(p.span(), en.name(), name),
                    name, members));
        }
    }

    /**
     * {@code Point::new}: a function of the struct or of one of its {@code impl}s (R0211). Not checked
     * in a program with traits, whose default methods a struct may have without declaring them.
     */
    private void checkAssociatedFunction(Stmt.Struct st, Expr.Path p) {
        String name = p.segments().get(1);
        List<String> members = new ArrayList<>();
        st.methods().forEach(f -> members.add(f.name()));
        resolution.impls.getOrDefault(st.name(), List.of()).forEach(f -> members.add(f.name()));
        if (!members.contains(name)) {
            diagnostics.report(Suggestions.withSuggestion(
                    DiagnosticCode.UNKNOWN_ASSOCIATED_FUNCTION.at(p.span(), st.name(), name), name, members));
        }
    }

    /** A struct literal names only declared fields and gives every field without a default (§4.10). */
    private void checkStructFields(Expr.StructLit s) {
        Stmt.Struct st = resolution.structs.get(s.path().get(s.path().size() - 1));
        if (st == null || !st.tupleFields().isEmpty()) {
            return;
        }
        Set<String> declared = new HashSet<>();
        for (Stmt.FieldDecl f : st.fields()) {
            declared.add(f.name());
        }
        Set<String> given = new HashSet<>();
        for (Expr.FieldInit f : s.fields()) {
            given.add(f.name());
            if (!declared.contains(f.name())) {
                diagnostics.report(DiagnosticCode.UNKNOWN_FIELD.at(f.span(), st.name(), f.name()));
            }
        }
        if (s.base() == null) {
            for (Stmt.FieldDecl f : st.fields()) {
                if (f.defaultValue() == null && !given.contains(f.name())) {
                    diagnostics.report(DiagnosticCode.MISSING_FIELD.at(s.span(), st.name(), f.name()));
                }
            }
        }
    }

    private void checkTypeName(List<String> path, Node at) {
        String name = path.get(path.size() - 1);
        if (path.size() == 1 && lookup(name) == null && !name.equals("Self") && !importedNames.contains(name)) {
            diagnostics.report(DiagnosticCode.UNDEFINED_TYPE.at(at.span(), name));
        }
    }

    /** A read of {@code name} at {@code node}. */
    private void reference(Node node, String name, boolean call) {
        if (name.equals("self")) {
            if (!inMethod) {
                diagnostics.report(DiagnosticCode.SELF_OUTSIDE_METHOD.at(node.span()));
            }
            return;
        }
        Symbol sym = lookup(name);
        if (sym == null) {
            if (catalog.builtin(name) != null || isVariantConstructor(name) || name.equals("Self")
                    || importedNames.contains(name) || catalog.isNamespace(name)
                    || resolution.variantOwners.containsKey(name) || isRuntimeConstant(name)) {
                return;
            }
            diagnostics.report(withSuggestion(DiagnosticCode.UNDEFINED_NAME.at(node.span(), name), name));
            return;
        }
        resolution.references.put(node, sym);
        noteUse(sym);
    }

    /** A name that is a runtime constant of its own ({@code console}), not a path under a namespace. */
    private boolean isRuntimeConstant(String name) {
        RuntimeCatalog.PathEntry entry = catalog.path(name);
        return entry != null && entry.isConstant();
    }

    private void noteUse(Symbol sym) {
        if (!sym.isVariable()) {
            return;
        }
        int here = contexts.peek();
        if (sym.owner() != here) {
            if (sym.owner() == 0 && resolution.topLevelVariables.contains(sym)) {
                sym.markGlobal();
            } else {
                sym.markCaptured();
            }
        }
    }

    /** The target of an assignment: a name is reassigned (or declared, as Ruchy does); fields and indexes are read. */
    private void assignTarget(Expr target, boolean readsToo) {
        switch (target) {
            case Expr.Ident id -> {
                Symbol sym = lookup(id.name());
                if (sym == null && readsToo) {
                    expr(id); // `totl += 1` reads the name first: an unknown one is reported as any unknown read
                    return;
                }
                if (sym == null) {
                    // Ruchy: assigning an unbound name creates a binding in the current scope
                    Symbol created = declare(Symbol.Kind.VARIABLE, id.name(), id);
                    resolution.declarations.put(id, created);
                    resolution.references.put(id, created);
                    if (contexts.peek() == 0 && scopes.size() == 1) {
                        resolution.topLevelVariables.add(created);
                    }
                    return;
                }
                resolution.references.put(id, sym);
                sym.markReassigned();
                noteUse(sym);
            }
            case Expr.Field f -> expr(f.receiver());
            case Expr.Index i -> {
                expr(i.target());
                expr(i.index());
            }
            case Expr.TupleLit t -> t.elements().forEach(el -> assignTarget(el, readsToo));
            case Expr.ArrayLit a -> a.elements().forEach(el -> assignTarget(el, readsToo));
            default -> expr(target);
        }
    }

    // ---- bindings -----------------------------------------------------------------------------

    private void bind(Pattern p) {
        bindAs(p, Symbol.Kind.VARIABLE);
    }

    private void bindAs(Pattern p, Symbol.Kind kind) {
        switch (p) {
            case Pattern.Binding b -> {
                if (b.name().equals("self")) {
                    return;
                }
                // a capitalised name that is a unit enum variant matches the variant, not a binding
                if (resolution.variantOwners.containsKey(b.name()) && kind == Symbol.Kind.VARIABLE) {
                    return;
                }
                Symbol sym = declare(kind, b.name(), b);
                resolution.declarations.put(b, sym);
                if (contexts.peek() == 0 && scopes.size() == 1) {
                    resolution.topLevelVariables.add(sym);
                }
            }
            case Pattern.At a -> {
                Symbol sym = declare(kind, a.name(), a);
                resolution.declarations.put(a, sym);
                bindAs(a.pattern(), kind);
            }
            case Pattern.Tuple t -> t.elements().forEach(el -> bindAs(el, kind));
            case Pattern.Array a -> a.elements().forEach(el -> bindAs(el, kind));
            case Pattern.Rest r -> {
                if (r.name() != null) {
                    Symbol sym = declare(kind, r.name(), r);
                    resolution.declarations.put(r, sym);
                }
            }
            case Pattern.Struct s -> s.fields().forEach(f -> {
                if (f.pattern() != null) {
                    bindAs(f.pattern(), kind);
                } else {
                    Symbol sym = declare(kind, f.name(), f);
                    resolution.declarations.put(f, sym);
                }
            });
            case Pattern.TupleStruct t -> t.elements().forEach(el -> bindAs(el, kind));
            case Pattern.Or o -> {
                // every alternative binds the same names; declare those of the first
                bindAs(o.alternatives().get(0), kind);
                for (int i = 1; i < o.alternatives().size(); i++) {
                    aliasBindings(o.alternatives().get(i));
                }
            }
            case Pattern.Literal l -> {
            }
            case Pattern.Range r -> {
            }
            case Pattern.Path path -> {
            }
            case Pattern.Wildcard w -> {
            }
            case Pattern.Error er -> {
            }
        }
    }

    /** Bindings of a later or-pattern alternative refer to the symbols the first one declared. */
    private void aliasBindings(Pattern p) {
        if (p instanceof Pattern.Binding b) {
            Symbol sym = lookup(b.name());
            if (sym != null) {
                resolution.declarations.put(b, sym);
            }
        } else if (p instanceof Pattern.Tuple t) {
            t.elements().forEach(this::aliasBindings);
        } else if (p instanceof Pattern.TupleStruct t) {
            t.elements().forEach(this::aliasBindings);
        }
    }

    private Symbol declare(Symbol.Kind kind, String name, Node declaration) {
        Symbol sym = new Symbol(kind, name, declaration, contexts.peek());
        scopes.peek().put(name, sym);
        return sym;
    }

    private Symbol lookup(String name) {
        for (Map<String, Symbol> scope : scopes) {
            Symbol sym = scope.get(name);
            if (sym != null) {
                return sym;
            }
        }
        return null;
    }

    /** What the resolver found, in side tables keyed by node identity. */
    public static final class Resolution {
        final Map<Node, Symbol> references = new IdentityHashMap<>();
        final Map<Node, Symbol> declarations = new IdentityHashMap<>();
        final List<Stmt.Fun> functions = new ArrayList<>();
        final Map<String, Stmt.Struct> structs = new LinkedHashMap<>();
        final Map<String, Stmt.Enum> enums = new LinkedHashMap<>();
        final Map<String, Stmt.Class> classes = new LinkedHashMap<>();
        final Map<String, List<Stmt.Fun>> impls = new HashMap<>();
        final Map<String, Stmt.Enum> variantOwners = new HashMap<>();
        final Set<Symbol> topLevelVariables = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        final Map<String, dev.ruchy.transpiler.interop.JavaClass> javaImports = new LinkedHashMap<>();
        JavaTypes javaTypes = JavaTypes.NONE;

        /** Where the file's Java classes are found. */
        public JavaTypes javaTypes() {
            return javaTypes;
        }

        /** The Java class a {@code use} imports as {@code name} ({@code UUID}), or null. */
        public dev.ruchy.transpiler.interop.JavaClass javaImport(String name) {
            return javaImports.get(name);
        }

        /** The symbol a name expression refers to, or null (builtins, runtime namespaces). */
        public Symbol reference(Node node) {
            return references.get(node);
        }

        /** The symbol a binding, function or assignment-created variable declares, or null. */
        public Symbol declaration(Node node) {
            return declarations.get(node);
        }

        public List<Stmt.Fun> functions() {
            return functions;
        }

        public Map<String, Stmt.Struct> structs() {
            return structs;
        }

        public Map<String, Stmt.Enum> enums() {
            return enums;
        }

        public Map<String, Stmt.Class> classes() {
            return classes;
        }

        /** Methods from every {@code impl} block of a type, by type name. */
        public List<Stmt.Fun> implMethods(String type) {
            return impls.getOrDefault(type, List.of());
        }

        /**
         * The method or associated function {@code name} of the struct or class {@code type}: written
         * in its body, in an {@code impl} block, or a class constructor; null when there is none.
         */
        public Stmt.Fun method(String type, String name) {
            Stmt.Struct st = structs.get(type);
            if (st != null) {
                for (Stmt.Fun m : st.methods()) {
                    if (m.name().equals(name)) {
                        return m;
                    }
                }
            }
            Stmt.Class cl = classes.get(type);
            if (cl != null) {
                for (Stmt.Fun m : cl.methods()) {
                    if (m.name().equals(name)) {
                        return m;
                    }
                }
                for (Stmt.Fun m : cl.constructors()) {
                    if (m.name().equals(name)) {
                        return m;
                    }
                }
            }
            for (Stmt.Fun m : implMethods(type)) {
                if (m.name().equals(name)) {
                    return m;
                }
            }
            return null;
        }

        /** The enum declaring a variant named {@code variant}, or null (the first declared, when several do). */
        public Stmt.Enum variantOwner(String variant) {
            return variantOwners.get(variant);
        }

        /**
         * The enum whose variant a path names: {@code B::X} is {@code B}'s {@code X} even when an
         * earlier enum has an {@code X} too; a bare {@code X} is {@link #variantOwner(String)}'s.
         */
        public Stmt.Enum variantOwner(List<String> path) {
            String variant = path.get(path.size() - 1);
            if (path.size() >= 2) {
                Stmt.Enum named = enums.get(path.get(path.size() - 2));
                if (named != null && named.variants().stream().anyMatch(v -> v.name().equals(variant))) {
                    return named;
                }
            }
            return variantOwner(variant);
        }

        public boolean isTopLevel(Symbol sym) {
            return topLevelVariables.contains(sym);
        }
    }
}
