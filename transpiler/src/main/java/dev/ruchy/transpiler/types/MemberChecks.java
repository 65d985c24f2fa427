package dev.ruchy.transpiler.types;

import dev.ruchy.transpiler.ast.Expr;
import dev.ruchy.transpiler.ast.Node;
import dev.ruchy.transpiler.ast.Nodes;
import dev.ruchy.transpiler.ast.Program;
import dev.ruchy.transpiler.ast.Stmt;
import dev.ruchy.transpiler.code.RuntimeCatalog;
import dev.ruchy.transpiler.code.Type;
import dev.ruchy.transpiler.diag.Diagnostic;
import dev.ruchy.transpiler.diag.DiagnosticCode;
import dev.ruchy.transpiler.diag.Diagnostics;
import dev.ruchy.transpiler.diag.Suggestions;
import dev.ruchy.transpiler.interop.JavaMethod;
import dev.ruchy.transpiler.interop.TypeText;
import dev.ruchy.transpiler.resolve.Resolver;
import dev.ruchy.transpiler.source.Span;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The checks that need inferred types, on members: a field read or written on a value known to be a
 * struct must be declared ({@code p.z} on {@code struct Pt { x, y }} is R0206); a method of a known
 * struct or class, or its associated function, must get as many arguments as it takes
 * ({@code p.dist2(5)}, {@code Pt::new(1)}: R0202); and a method called on a value whose runtime type
 * is known (a string, an array, a float, ...) must be one the runtime's catalog lists for it
 * ({@code "a".lenght()}: R0209) with a fitting arity (R0202). Reported by {@code ruchy check} and
 * before any Java is written.
 */
public final class MemberChecks {
    private static final RuntimeCatalog CATALOG = RuntimeCatalog.standard();

    private MemberChecks() {
    }

    /** Reports every undeclared field and every wrong argument count of a known member in {@code program}. */
    public static void check(Program program, Resolver.Resolution resolution, TypeInference.Types types, Diagnostics diagnostics) {
        Nodes.any(program, node -> {
            switch (node) {
                case Expr.Assign a when types.javaSite(a.target()) instanceof JavaSite site && site.field() != null ->
                        checkFieldAssignment(a.target(), site, types.of(a.value()), types.java(), diagnostics);
                case Expr.CompoundAssign a when types.javaSite(a.target()) instanceof JavaSite site && site.field() != null ->
                        checkFieldAssignment(a.target(), site, null, types.java(), diagnostics);
                case Expr e when types.javaSite(e) != null -> checkJava(e, types.javaSite(e), types.java(), diagnostics);
                case Expr.Field f when types.of(f.receiver()) instanceof Type.Named n -> {
                    Stmt.Struct st = resolution.structs().get(n.name());
                    if (st != null && st.tupleFields().isEmpty()
                            && st.fields().stream().noneMatch(d -> d.name().equals(f.name()))) {
                        diagnostics.report(DiagnosticCode.UNKNOWN_FIELD.at(f.span(), st.name(), f.name()));
                    }
                }
                case Expr.MethodCall m when types.of(m.receiver()) instanceof Type.Named n -> {
                    Stmt.Fun method = resolution.method(n.name(), m.name());
                    if (method != null) {
                        checkArity(m.name(), method, m.args().size(), m, diagnostics);
                    }
                }
                case Expr.MethodCall m when types.of(m.receiver()) instanceof Type.RuntimeClass rc ->
                        checkMember(m, rc, diagnostics);
                case Expr.MethodCall m when RuntimeCatalog.kindOf(types.of(m.receiver())) != null ->
                        checkRuntimeMethod(m, types.of(m.receiver()), types.java(), diagnostics);
                case Expr.Call c when c.callee() instanceof Expr.Path p && p.segments().size() == 2 -> {
                    Stmt.Fun function = resolution.method(p.segments().get(0), p.segments().get(1));
                    if (function != null) {
                        checkArity(String.join("::", p.segments()), function, c.args().size(), c, diagnostics);
                    }
                }
                default -> {
                }
            }
            return false; // visit every node
        });
    }

    private static void checkRuntimeMethod(Expr.MethodCall m, Type receiver, JavaInterop java, Diagnostics diagnostics) {
        RuntimeCatalog.Kind kind = RuntimeCatalog.kindOf(receiver);
        if (!kind.isClosed()) {
            return;
        }
        List<RuntimeCatalog.Method> overloads = CATALOG.overloads(receiver, m.name());
        int given = m.args().size();
        if (overloads.isEmpty()) {
            Diagnostic d = DiagnosticCode.UNKNOWN_METHOD.at(nameSpan(m), kind.display(), m.name());
            String hint = CATALOG.unsupportedHint(kind, m.name());
            // a string also has Java's String methods ("s".toUpperCase())
            java.util.Set<String> names = new java.util.LinkedHashSet<>(CATALOG.methodNames(kind));
            if (java.classOf(receiver) instanceof dev.ruchy.transpiler.interop.JavaClass jc) {
                names.addAll(java.memberNames(jc, false));
            }
            diagnostics.report(hint != null ? d.withHint(hint) : Suggestions.withSuggestion(d, m.name(), names));
        } else if (overloads.stream().noneMatch(o -> o.arity().accepts(given))) {
            int min = overloads.stream().mapToInt(o -> o.arity().min()).min().orElse(0);
            boolean unbounded = overloads.stream().anyMatch(o -> o.arity().max() < 0);
            int max = overloads.stream().mapToInt(o -> o.arity().max()).max().orElse(0);
            String arity = new RuntimeCatalog.Arity(min, unbounded ? -1 : max).describe();
            diagnostics.report(DiagnosticCode.WRONG_ARITY.at(m.span(), m.name(), Resolver.arguments(arity), given));
        }
    }

    /**
     * A method called on a value of a runtime class ({@code server.lisen()}): the catalog lists its
     * members, so an unknown one is R0209 and a wrong argument count R0202, before the program runs.
     */
    private static void checkMember(Expr.MethodCall m, Type.RuntimeClass rc, Diagnostics diagnostics) {
        List<RuntimeCatalog.Member> overloads = CATALOG.members(rc.alias()).getOrDefault(m.name(), List.of());
        int given = m.args().size();
        if (overloads.isEmpty()) {
            Diagnostic d = DiagnosticCode.UNKNOWN_METHOD.at(nameSpan(m), rc.alias(), m.name());
            diagnostics.report(Suggestions.withSuggestion(d, m.name(), CATALOG.members(rc.alias()).keySet()));
        } else if (overloads.stream().noneMatch(o -> o.params().size() == given)) {
            int min = overloads.stream().mapToInt(o -> o.params().size()).min().orElse(0);
            int max = overloads.stream().mapToInt(o -> o.params().size()).max().orElse(0);
            String arity = new RuntimeCatalog.Arity(min, max).describe();
            diagnostics.report(DiagnosticCode.WRONG_ARITY.at(m.span(), m.name(), Resolver.arguments(arity), given));
        }
    }

    /**
     * A use of a Java member ({@link JavaSite}) that did not resolve: an unknown member (R0213, with a
     * did-you-mean among the class's members), a wrong number of arguments (R0202) or arguments of
     * types no overload takes (R0214), both naming the Java signatures, or two overloads that fit
     * equally well (R0215).
     */
    /** How many Java signatures a hint lists before it says how many more there are. */
    private static final int MAX_SIGNATURES = 4;

    private static void checkJava(Expr e, JavaSite site, JavaInterop java, Diagnostics diagnostics) {
        String owner = site.owner().simpleName();
        boolean statics = site.kind() == JavaSite.Kind.STATIC_CALL || site.kind() == JavaSite.Kind.STATIC_FIELD;
        String display = site.kind() == JavaSite.Kind.CONSTRUCTOR ? owner + "::new"
                : statics ? owner + "::" + site.name() : owner + "." + site.name();
        if (site.resolved()) {
            if (site.isCall()) {
                checkClosureTypes(e, display, site.choice().chosen(), java, diagnostics);
            }
            return;
        }
        Span where = switch (e) {
            case Expr.MethodCall m -> nameSpan(m);
            case Expr.Call c -> c.callee().span();
            default -> e.span();
        };
        if (!site.isCall() || site.choice().error() == JavaInterop.Error.NONE_NAMED) {
            String what = switch (site.kind()) {
                case CONSTRUCTOR -> "public constructor";
                case STATIC_CALL -> "static method";
                case METHOD -> "method";
                case STATIC_FIELD -> "static field";
                case FIELD -> "field";
            };
            Diagnostic d = DiagnosticCode.UNKNOWN_JAVA_MEMBER.at(where, owner, what, site.name());
            diagnostics.report(site.kind() == JavaSite.Kind.CONSTRUCTOR ? d
                    : Suggestions.withSuggestion(d, site.name(), java.memberNames(site.owner(), statics)));
            return;
        }
        List<String> signatures = site.choice().candidates().stream().map(JavaInterop::describe).toList();
        String expected = (signatures.size() == 1 ? "the Java signature is " : "the Java signatures are ")
                + (signatures.size() <= MAX_SIGNATURES ? String.join(", ", signatures)
                : String.join(", ", signatures.subList(0, MAX_SIGNATURES)) + " and " + (signatures.size() - MAX_SIGNATURES)
                + " more") + boundVariables(site.choice().candidates());
        switch (site.choice().error()) {
            case WRONG_ARITY -> {
                int min = site.choice().candidates().stream().mapToInt(f -> f.member().parameterTypes().size()
                        - (f.member().varargs() ? 1 : 0)).min().orElse(0);
                boolean unbounded = site.choice().candidates().stream().anyMatch(f -> f.member().varargs());
                int max = site.choice().candidates().stream().mapToInt(f -> f.member().parameterTypes().size()).max().orElse(0);
                String arity = new RuntimeCatalog.Arity(min, unbounded ? -1 : max).describe();
                diagnostics.report(DiagnosticCode.WRONG_ARITY.at(e.span(), display, Resolver.arguments(arity),
                        site.args().size()).withHint(expected));
            }
            case WRONG_TYPES -> {
                String given = String.join(", ", site.args().stream().map(JavaInterop::describe).toList());
                diagnostics.report(DiagnosticCode.JAVA_ARGUMENT_TYPES.at(e.span(), display, given).withHint(expected));
            }
            case AMBIGUOUS -> diagnostics.report(DiagnosticCode.AMBIGUOUS_JAVA_CALL.at(e.span(), display,
                    String.join(" and ", signatures)).withHint("give the arguments types that only one of them takes"));
            default -> {
            }
        }
    }

    /**
     * {@code ", where E is str"}: what the receiver's type arguments make of the class's type variables
     * that the signatures name ({@code ArrayList.add(E)} on an {@code ArrayList<String>}); empty when
     * none is bound to a known type.
     */
    private static String boundVariables(List<JavaInterop.Found<JavaMethod>> candidates) {
        Map<String, String> bound = new LinkedHashMap<>();
        for (var f : candidates.subList(0, Math.min(candidates.size(), MAX_SIGNATURES))) {
            for (String p : f.member().parameterTypes()) {
                collectVariables(TypeText.parse(p), f.bindings(), bound);
            }
        }
        return bound.isEmpty() ? "" : ", where " + String.join(" and ",
                bound.entrySet().stream().map(e -> e.getKey() + " is " + e.getValue()).toList());
    }

    private static void collectVariables(TypeText t, Map<String, Type> bindings,
            Map<String, String> bound) {
        switch (t) {
            case TypeText.Variable v -> {
                Type b = bindings.get(v.name());
                if (b != null && !b.isUnknown() && !(b instanceof Type.Dyn)) {
                    bound.putIfAbsent(v.name(), JavaInterop.describe(b));
                }
            }
            case TypeText.Array a -> collectVariables(a.element(), bindings, bound);
            case TypeText.Wildcard w when w.bound() != null -> collectVariables(w.bound(), bindings, bound);
            case TypeText.ClassType c -> c.arguments().forEach(a -> collectVariables(a, bindings, bound));
            default -> {
            }
        }
    }

    /**
     * A closure passed to a generic Java method whose parameter's type is one of the method's type
     * variables that nothing gives a type ({@code Comparator::comparing(|s| s.len())} with no target
     * type): javac could not type the lambda either, so it is R0216 at the parameter, unless the
     * parameter's type is written ({@code |s: String|}).
     */
    private static void checkClosureTypes(Expr e, String display, JavaInterop.Chosen chosen, JavaInterop java,
            Diagnostics diagnostics) {
        if (chosen.unbound().isEmpty()) {
            return;
        }
        List<Expr.Arg> args = switch (e) {
            case Expr.MethodCall m -> m.args();
            case Expr.Call c -> c.args();
            default -> List.of();
        };
        for (int i = 0; i < args.size() && i < chosen.params().size(); i++) {
            if (!(args.get(i).value() instanceof Expr.Lambda l)) {
                continue;
            }
            List<TypeText> params = java.samParameters(chosen.params().get(i), chosen.bindings());
            for (int k = 0; params != null && k < params.size() && k < l.params().size(); k++) {
                TypeText p = params.get(k);
                if (l.params().get(k).type() == null && chosen.unbound().stream().anyMatch(v -> JavaInterop.mentions(p, v))) {
                    String name = l.params().get(k).name() == null ? "_" : l.params().get(k).name();
                    diagnostics.report(DiagnosticCode.UNTYPED_JAVA_CLOSURE.at(l.params().get(k).span(), name, display)
                            .withHint("write its type (`|" + name + ": String| ...`), or pass the call where a typed value"
                                    + " is expected (`names.sort(Comparator::comparing(...))`)"));
                    return;
                }
            }
        }
    }

    /**
     * A Java field assigned ({@code p.x = v}): R0217 when it is final, or when {@code value} (the
     * value's type; null for a compound assignment) is of a type the field cannot hold
     * ({@code inv.total = "x"} for a {@code double}); a dynamic value is converted where it runs.
     */
    private static void checkFieldAssignment(Expr target, JavaSite site, Type value, JavaInterop java,
            Diagnostics diagnostics) {
        JavaInterop.Found<dev.ruchy.transpiler.interop.JavaField> f = site.field();
        String shown = target instanceof Expr.Field field ? field.receiver().span().text() + "." + field.name()
                : target.span().text();
        TypeText type = TypeText.parse(f.member().type());
        if (f.member().isFinal()) {
            diagnostics.report(DiagnosticCode.JAVA_FIELD_ASSIGNMENT.at(target.span(), shown, "it is final"));
        } else if (value != null && !java.fits(JavaInterop.Arg.value(value), type, f.bindings(), JavaInterop.Phase.CONVERT)) {
            diagnostics.report(DiagnosticCode.JAVA_FIELD_ASSIGNMENT.at(target.span(), shown,
                    "it is a " + type.display() + ", the value a " + JavaInterop.describe(value)));
        }
    }

    /** The method name of {@code m}, where the error points; the whole call when it cannot be found. */
    private static Span nameSpan(Expr.MethodCall m) {
        String text = m.span().text();
        int from = Math.max(0, m.receiver().span().end() - m.span().start());
        int at = from <= text.length() ? text.indexOf(m.name(), from) : -1;
        if (at < 0) {
            return m.span();
        }
        int start = m.span().start() + at;
        return new Span(m.span().file(), start, start + m.name().length());
    }

    private static void checkArity(String name, Stmt.Fun f, int given, Node at, Diagnostics diagnostics) {
        Diagnostic d = Resolver.arityError(name, f, given, at);
        if (d != null) {
            diagnostics.report(d);
        }
    }
}
