package dev.ruchy.transpiler.emit;

import static dev.ruchy.transpiler.emit.RuntimeApi.OPS;
import static dev.ruchy.transpiler.emit.RuntimeApi.OPTION;
import static dev.ruchy.transpiler.emit.RuntimeApi.RESULT;
import static dev.ruchy.transpiler.emit.RuntimeApi.RUCHY_ERROR;
import static dev.ruchy.transpiler.emit.RuntimeApi.TEST_ASSERTIONS;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.ruchy.transpiler.ast.Expr;
import dev.ruchy.transpiler.ast.Node;
import dev.ruchy.transpiler.ast.Param;
import dev.ruchy.transpiler.ast.Stmt;
import dev.ruchy.transpiler.code.RuntimeCatalog;
import dev.ruchy.transpiler.code.Symbol;
import dev.ruchy.transpiler.code.Type;
import dev.ruchy.transpiler.interop.JavaMethod;
import dev.ruchy.transpiler.interop.TypeText;
import dev.ruchy.transpiler.types.JavaInterop;
import dev.ruchy.transpiler.types.JavaSite;
import dev.ruchy.transpiler.types.TypeInference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Calls: user functions and methods (arguments coerced to the parameter types), builtins, runtime paths, macros and dynamic method calls. */
final class CallPrinter extends Printer {
    private static final RuntimeCatalog CATALOG = RuntimeCatalog.standard();

    CallPrinter(EmitContext cx) {
        super(cx);
    }

    CodeBlock call(Expr.Call c) {
        if (types.javaSite(c) instanceof JavaSite js && js.resolved()) {
            return javaCall(js, null, c.args(), statement == c);
        }
        if (c.callee() instanceof Expr.Ident id) {
            Symbol sym = cx.symbolOf(id);
            if (sym != null && sym.kind() == Symbol.Kind.FUNCTION && sym.declaration() instanceof Stmt.Fun f) {
                if (cx.scope.declares(sym)) {
                    return coerce(CodeBlock.of("$T.call($N$L)", OPS, cx.scope.nameOf(sym), leadingComma(boxedArgs(c.args()))),
                            Type.DYN, types.of(c));
                }
                return userCall(CodeBlock.of("$N", javaFunctionName(f)), f, c.args());
            }
            if (sym != null && types.of(sym) instanceof Type.FunctionType f && f.typed()
                    && FunctionShapes.of(f, this::javaType) instanceof FunctionShapes.Shape shape) {
                // a closure typed by its calls: `add.applyAsLong(1, 2)`
                List<CodeBlock> codes = new ArrayList<>();
                for (int i = 0; i < c.args().size(); i++) {
                    Expr value = c.args().get(i).value();
                    codes.add(coerce(expr(value), types.of(value), f.params().get(i)));
                }
                return CodeBlock.of("$L.$N($L)", expr(id), shape.method(), arguments(codes));
            }
            if (sym != null && types.of(sym) instanceof Type.RuntimeClass rc) {
                // `next()` in a middleware: the class's `call` member
                CodeBlock typed = memberCall(rc, "call", CodeBlock.of("$L", expr(id)), c.args());
                if (typed != null) {
                    return typed;
                }
            }
            if (sym != null) {
                return CodeBlock.of("$T.call($L$L)", OPS, expr(id), leadingComma(boxedArgs(c.args())));
            }
            switch (id.name()) {
                case "Some":
                    return CodeBlock.of("$T.some($L)", OPTION, boxedArgs(c.args()));
                case "Ok":
                    return CodeBlock.of("$T.ok($L)", RESULT, boxedArgs(c.args()));
                case "Err":
                    return CodeBlock.of("$T.err($L)", RESULT, boxedArgs(c.args()));
                case "min", "max", "abs":
                    // on numbers the builtins are Java's own: min(max(page, 1), 1000) is Math.min(Math.max(page, 1), 1000)
                    if (c.args().size() == (id.name().equals("abs") ? 1 : 2)
                            && c.args().stream().allMatch(a -> types.of(a.value()).isNumeric())) {
                        List<Expr> values = c.args().stream().map(Expr.Arg::value).toList();
                        return CodeBlock.of("$T.$L($L)", Math.class, id.name(), CodeBlock.join(values.stream()
                                .map(v -> mathArgument(v, values.size() == 2 ? values.get(values.get(0) == v ? 1 : 0) : null))
                                .toList(), ", "));
                    }
                    break;
                default:
                    break;
            }
            Stmt.Enum owner = resolution.variantOwner(id.name());
            if (owner != null) {
                return cx.expressions.variantValue(owner, id.name(), c.args().stream().map(Expr.Arg::value).toList());
            }
            RuntimeCatalog.Builtin builtin = CATALOG.builtin(id.name());
            if (builtin != null && cx.testMode && id.name().startsWith("assert")) {
                return testAssertion(builtin.javaName(), c.args().stream().map(Expr.Arg::value).toList(), c);
            }
            if (builtin != null) {
                return coerce(builtinCall(builtin, c.args().stream().map(Expr.Arg::value).toList()), builtin.result(),
                        types.of(c));
            }
            return CodeBlock.of("$T.fail($T.undefined($S))", OPS, RUCHY_ERROR, id.name());
        }
        if (c.callee() instanceof Expr.Path p) {
            return pathCall(p, c.args(), types.of(c));
        }
        return CodeBlock.of("$T.call($L$L)", OPS, expr(c.callee()), leadingComma(boxedArgs(c.args())));
    }

    /** An argument of {@code Math.min}/{@code max}: an {@code int} literal beside a {@code long} or {@code double}, which widens it. */
    private CodeBlock mathArgument(Expr value, Expr sibling) {
        return value instanceof Expr.IntLit i && i.value() == (int) i.value() && sibling != null && cx.operators.widens(sibling)
                ? CodeBlock.of("$L", i.value()) : expr(value);
    }

    String javaFunctionName(Stmt.Fun f) {
        return Names.camelCase(f.name());
    }

    static CodeBlock leadingComma(CodeBlock args) {
        return args.isEmpty() ? args : CodeBlock.of(",$W$L", args);
    }

    /** A call of a user function: arguments coerced to the parameter types, defaults and named arguments filled in. */
    CodeBlock userCall(CodeBlock callee, Stmt.Fun f, List<Expr.Arg> args) {
        TypeInference.Signature sig = types.signature(f);
        List<Param> params = f.params().stream().filter(p -> !"self".equals(p.name())).toList();
        Expr[] ordered = new Expr[params.size()];
        int positional = 0;
        List<Expr> extra = new ArrayList<>();
        for (Expr.Arg a : args) {
            if (a.name() != null) {
                for (int i = 0; i < params.size(); i++) {
                    if (a.name().equals(params.get(i).name())) {
                        ordered[i] = a.value();
                    }
                }
            } else if (positional < ordered.length) {
                ordered[positional++] = a.value();
            } else {
                extra.add(a.value());
            }
        }
        List<CodeBlock> codes = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            Expr value = ordered[i] != null ? ordered[i] : params.get(i).defaultValue();
            Type pt = sig == null ? Type.DYN : sig.params().get(i);
            if (value == null) {
                codes.add(cx.coercions.defaultValue(pt));
            } else if (value instanceof Expr.IntLit lit && pt instanceof Type.Int && lit.value() == (int) lit.value()) {
                codes.add(CodeBlock.of("$L", lit.value()));
            } else {
                codes.add(coerce(expr(value), types.of(value), pt));
            }
        }
        return CodeBlock.of("$L($L)", callee, arguments(codes));
    }

    /** A builtin function called with {@code values}: the static method the catalog names, arguments boxed. */
    CodeBlock builtinCall(RuntimeCatalog.Builtin builtin, List<Expr> values) {
        return CodeBlock.of("$T.$L($L)", ClassName.bestGuess(builtin.owner()), builtin.javaName(), boxedArgsOf(values));
    }

    CodeBlock pathCall(Expr.Path p, List<Expr.Arg> args, Type result) {
        List<String> segs = p.segments();
        if (segs.size() == 2) {
            String owner = segs.get(0);
            String name = segs.get(1);
            Stmt.Enum en = resolution.enums().get(owner);
            if (en != null && en.variants().stream().anyMatch(v -> v.name().equals(name))) {
                return cx.expressions.variantValue(en, name, args.stream().map(Expr.Arg::value).toList());
            }
            if (owner.equals("String") && (name.equals("from") || name.equals("new")) && args.size() <= 1) {
                return args.isEmpty() ? CodeBlock.of("$S", "")
                        : coerce(expr(args.get(0).value()), types.of(args.get(0).value()), Type.STR);
            }
            Stmt.Fun method = findMethod(owner, name);
            if (method != null) {
                if (resolution.classes().containsKey(owner) && resolution.classes().get(owner).constructors().contains(method)) {
                    return userCall(CodeBlock.of("new $T", cx.typeName(owner)), method, args);
                }
                return userCall(CodeBlock.of("$T.$N", cx.typeName(owner), Names.camelCase(name)), method, args);
            }
            if (resolution.classes().containsKey(owner) && name.equals("new")) {
                return CodeBlock.of("new $T($L)", cx.typeName(owner), boxedArgs(args));
            }
        }
        RuntimeCatalog.PathEntry entry = resolution.reference(p) == null ? CATALOG.path(String.join("::", segs)) : null;
        if (entry != null && entry.hasTemplate() && entry.params().size() == args.size() && templateArgsFit(entry, args)) {
            List<CodeBlock> codes = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                Expr value = args.get(i).value();
                codes.add(coerce(expr(value), types.of(value), RuntimeCatalog.memberParamType(entry.params().get(i))));
            }
            return fill(entry.template(), null, codes);
        }
        // the runtime's path table gives an Object, a typed path's value too (its arguments did not fit)
        return coerce(CodeBlock.of("$T.callPath($S$L)", OPS, String.join("::", segs), leadingComma(boxedArgs(args))),
                Type.DYN, result);
    }

    /**
     * Whether each argument has its parameter's type ({@code any}: always), so the path's Java form
     * applies; otherwise the runtime's path table checks the values and reports Ruchy's errors.
     */
    private boolean templateArgsFit(RuntimeCatalog.PathEntry entry, List<Expr.Arg> args) {
        for (int i = 0; i < args.size(); i++) {
            Type wanted = RuntimeCatalog.memberParamType(entry.params().get(i));
            if (!(wanted instanceof Type.Dyn) && !wanted.equals(types.of(args.get(i).value()))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A call of runtime class {@code rc}'s member {@code name} on {@code receiver}: the member's Java
     * template, closures passed as callbacks printed as typed lambdas; null when the catalog lists no
     * member for these arguments or a closure cannot be a callback (it returns a value).
     */
    CodeBlock memberCall(Type.RuntimeClass rc, String name, CodeBlock receiver, List<Expr.Arg> args) {
        RuntimeCatalog.Member member = TypeInference.typedMember(rc, name, args, resolution);
        if (member == null) {
            return null;
        }
        List<CodeBlock> codes = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            Expr value = args.get(i).value();
            String word = member.params().get(i);
            Stmt.Fun named = TypeInference.callbackFunction(value, resolution);
            if (CATALOG.callback(word) != null && value instanceof Expr.Lambda l) {
                codes.add(cx.lambdas.callbackCode(l));
            } else if (CATALOG.callback(word) != null && named != null) {
                // a method reference fits the callback whatever the function returns
                codes.add(CodeBlock.of("$T::$N", cx.self, Names.camelCase(named.name())));
            } else {
                CodeBlock code = expr(value);
                codes.add(code == NIL ? CodeBlock.of("($T) null", OBJECT)
                        : coerce(code, types.of(value), RuntimeCatalog.memberParamType(word)));
            }
        }
        return fill(member.template(), receiver, codes);
    }

    /**
     * A catalog template with the receiver's and the arguments' code in place; type names imported.
     * A call on a receiver that is itself a call ({@code a.b(x).c(y)}) may start a new line when the
     * line would pass 100 characters ({@code $Z}), so a builder chain breaks before its calls; so may
     * the line after an argument's comma.
     */
    CodeBlock fill(List<RuntimeCatalog.TemplatePart> template, CodeBlock receiver, List<CodeBlock> args) {
        CodeBlock.Builder code = CodeBlock.builder();
        boolean chained = receiver != null && receiver.toString().endsWith(")");
        boolean afterReceiver = false;
        for (RuntimeCatalog.TemplatePart part : template) {
            boolean callOnReceiver = chained && afterReceiver && part instanceof RuntimeCatalog.TemplatePart.Text t
                    && t.text().startsWith(".");
            afterReceiver = part instanceof RuntimeCatalog.TemplatePart.Receiver;
            switch (part) {
                // between arguments, a place to break the line as in other calls
                case RuntimeCatalog.TemplatePart.Text t -> code.add(callOnReceiver ? "$Z$L" : "$L",
                        t.text().equals(", ") ? CodeBlock.of(",$W") : t.text());
                case RuntimeCatalog.TemplatePart.TypeName t -> code.add("$T", ClassName.bestGuess(t.qualified()));
                case RuntimeCatalog.TemplatePart.Receiver r -> code.add("$L", receiver);
                case RuntimeCatalog.TemplatePart.Argument a -> code.add("$L", args.get(a.index()));
            }
        }
        return code.build();
    }

    Stmt.Fun findMethod(String type, String name) {
        return resolution.method(type, name);
    }

    CodeBlock methodCall(Expr.MethodCall m) {
        if (types.javaSite(m) instanceof JavaSite js && js.resolved()) {
            boolean discarded = statement == m;
            return javaCall(js, m.receiver(), m.args(), discarded);
        }
        Type receiver = types.of(m.receiver());
        if (receiver instanceof Type.RuntimeClass rc) {
            CodeBlock typed = memberCall(rc, m.name(), cx.expressions.parenthesized(m.receiver()), m.args());
            if (typed != null) {
                return coerce(typed, memberResult(rc, m), types.of(m));
            }
        }
        if (receiver instanceof Type.Named n) {
            Stmt.Fun method = findMethod(n.name(), m.name());
            if (method != null) {
                return userCall(CodeBlock.of("$L.$N", cx.statements.receiverCode(m.receiver()), Names.camelCase(m.name())), method, m.args());
            }
        }
        if (statement == m && receiver instanceof Type.ListType list && cx.unsharedArrays.isUnshared(m)) {
            // an array no other code can see yet: no monitor to take
            Expr value = m.args().get(0).value();
            return CodeBlock.of("$L.add($L)", expr(m.receiver()), coerce(expr(value), types.of(value), list.element()));
        }
        RuntimeCatalog.Method fast = fastPath(m);
        if (fast != null) {
            // a dynamic result inference knows more of (a lookup table's `get`): cast to that
            Type given = CATALOG.methodResult(receiver, m.name(), m.args().stream().map(a -> types.of(a.value())).toList());
            return given instanceof Type.Dyn ? coerce(template(fast, m), Type.DYN, types.of(m)) : template(fast, m);
        }
        Type result = types.of(m);
        CodeBlock call = CodeBlock.of("$T.invoke($L,$W$S$L)", OPS, expr(m.receiver()), m.name(),
                leadingComma(boxedArgs(m.args())));
        return coerce(call, Type.DYN, result);
    }

    // ---- Java members ----------------------------------------------------------------------------

    /**
     * A call of the Java method or constructor inference chose ({@link JavaSite}): {@code UUID.randomUUID()},
     * {@code new Invoice(a, b)}, {@code sb.append(x)}, each argument converted to its parameter's Java
     * type and the result to its Ruchy type ({@code (long) s.length()}).
     *
     * @param receiver  the receiver for an instance method, else null
     * @param discarded the call is a statement of its own: its value is not converted
     */
    /** The call being printed as a statement of its own, whose value is not used. */
    private Expr statement;

    /** {@code call} printed by {@code print} as a statement: a Java call's value is then not converted ({@code sb.length();}). */
    CodeBlock asStatement(Expr call, java.util.function.Supplier<CodeBlock> print) {
        Expr saved = statement;
        statement = call;
        try {
            return print.get();
        } finally {
            statement = saved;
        }
    }

    CodeBlock javaCall(JavaSite js, Expr receiverExpr, List<Expr.Arg> args, boolean discarded) {
        statement = null; // the arguments' calls are values
        JavaInterop.Chosen chosen = js.choice().chosen();
        JavaMethod m = chosen.method().member();
        boolean checked = types.java().throwsChecked(m);
        // a checked call runs in a lambda: the locals it reads that are not effectively final are its parameters
        List<Symbol> passed = checked ? changingLocals(receiverExpr, args) : List.of();
        List<String> originals = new ArrayList<>();
        List<String> inside = new ArrayList<>();
        // a part printed as statements before the call (a `match`) reads them there, outside the lambda:
        // then each is copied into a local first (`var nameNow = name;`), which the lambda may capture
        boolean copied = !passed.isEmpty() && (receiverExpr != null && hoists(receiverExpr)
                || args.stream().anyMatch(a -> hoists(a.value())));
        for (Symbol sym : passed) {
            String name = cx.scope.nameOf(sym);
            originals.add(name);
            inside.add(cx.scope.allocate(name + "Now"));
            if (copied) {
                stmt("var $N = $N", inside.get(inside.size() - 1), name);
            }
            cx.scope.alias(sym, inside.get(inside.size() - 1));
        }
        CodeBlock receiver;
        List<CodeBlock> codes = new ArrayList<>();
        try {
            receiver = receiverExpr == null ? null : cx.expressions.parenthesized(receiverExpr);
            for (int i = 0; i < args.size(); i++) {
                codes.add(javaArgument(args.get(i).value(), chosen.params().get(i), chosen.bindings(),
                        m.varargs() && i >= m.parameterTypes().size() - 1));
            }
        } finally {
            for (int i = 0; i < passed.size(); i++) {
                cx.scope.alias(passed.get(i), originals.get(i));
            }
        }
        ClassName owner = Coercions.javaClass(js.owner().name());
        CodeBlock witness = typeWitness(m, chosen);
        CodeBlock call = switch (js.kind()) {
            case CONSTRUCTOR -> js.owner().typeParameters().isEmpty() ? CodeBlock.of("new $T($L)", owner, arguments(codes))
                    : js.result() instanceof Type.JavaType made && made.typeArguments().stream().noneMatch(t -> t instanceof Type.Dyn || t.isUnknown())
                    ? CodeBlock.of("new $T($L)", javaType(made), arguments(codes))
                    : CodeBlock.of("new $T<>($L)", owner, arguments(codes));
            case STATIC_CALL -> CodeBlock.of("$T.$L$N($L)", owner, witness, m.name(), arguments(codes));
            default -> CodeBlock.of("$L.$L$N($L)", receiver, witness, m.name(), arguments(codes));
        };
        if (checked) {
            // Ruchy has no checked exceptions: the call's exception goes on unchanged
            String kind = !m.isConstructor() && m.returnType().equals("void") ? "run" : "call";
            if (copied) {
                call = CodeBlock.of("$T.$L(() -> $L)", RuntimeApi.type("Checked"), kind, call);
            } else if (passed.size() > 3) {
                // Checked.call(a, b, c, (A aNow, B bNow, C cNow) -> ...) takes at most three values: more go in an array
                String array = cx.scope.allocate("now");
                inside.add(array);
                CodeBlock.Builder body = CodeBlock.builder();
                for (int i = 0; i < passed.size(); i++) {
                    com.palantir.javapoet.TypeName t = javaType(types.of(passed.get(i)));
                    body.add("$T $N = ($T) $N[$L];\n", t, inside.get(i), t, array, i);
                }
                body.add(kind.equals("run") ? "$L;\n" : "return $L;\n", call);
                call = CodeBlock.of("$T.$L(new $T[] {$L}, ($T[] $N) -> {\n$>$L$<})", RuntimeApi.type("Checked"), kind, OBJECT,
                        CodeBlock.join(originals.stream().map(n -> CodeBlock.of("$N", n)).toList(), ", "), OBJECT, array,
                        body.build());
            } else if (!passed.isEmpty()) {
                // typed, so that javac infers the call's result from the lambda (a zero-parameter one is typed already)
                List<CodeBlock> params = new ArrayList<>();
                for (int i = 0; i < passed.size(); i++) {
                    params.add(CodeBlock.of("$T $N", javaType(types.of(passed.get(i))).box(), inside.get(i)));
                }
                call = CodeBlock.of("$T.$L($L,$W($L) ->$W$L)", RuntimeApi.type("Checked"), kind,
                        CodeBlock.join(originals.stream().map(n -> CodeBlock.of("$N", n)).toList(), ", "),
                        CodeBlock.join(params, ",$W"), call);
            }
            if (passed.isEmpty()) {
                call = CodeBlock.of("$T.$L(() -> $L)", RuntimeApi.type("Checked"), kind, call);
            }
        }
        if (!copied) {
            inside.forEach(cx.scope::free); // lambda parameters: their names may be used again
        }
        return js.kind() == JavaSite.Kind.CONSTRUCTOR || discarded ? call
                : fromJava(call, TypeText.parse(m.returnType()), chosen.bindings());
    }

    /** Whether part of {@code e} is printed as statements before the statement it is in. */
    private boolean hoists(Expr e) {
        return AstScan.any(e, n -> n instanceof Expr x && !(x instanceof Expr.Lambda) && !cx.flow.isExpressible(x));
    }

    /**
     * The locals of this method that {@code receiver} and {@code args} read and that Java does not
     * take as effectively final (reassigned, or a {@code for} loop's counter), each once, in order.
     */
    private List<Symbol> changingLocals(Expr receiver, List<Expr.Arg> args) {
        java.util.LinkedHashSet<Symbol> out = new java.util.LinkedHashSet<>();
        java.util.function.Predicate<Object> collect = n -> {
            if (n instanceof Expr.Ident id && cx.symbolOf(id) instanceof Symbol sym && !sym.isGlobal() && !sym.needsCell()
                    && (sym.kind() == Symbol.Kind.VARIABLE || sym.kind() == Symbol.Kind.PARAMETER)
                    && cx.scope.nameOf(sym) != null && !cx.flow.effectivelyFinal(sym)) {
                out.add(sym);
            }
            return false;
        };
        if (receiver != null) {
            AstScan.any(receiver, collect);
        }
        args.forEach(a -> AstScan.any(a.value(), collect));
        return new ArrayList<>(out);
    }

    /**
     * {@code <Object>} before a generic method's name when its arguments gave one of its type
     * variables two types (Java would infer an intersection type a Ruchy variable cannot hold).
     */
    private CodeBlock typeWitness(JavaMethod m, JavaInterop.Chosen chosen) {
        Map<String, Type> bindings = chosen.bindings();
        if (m.typeParameters().isEmpty() || m.typeParameters().stream().noneMatch(chosen.widened()::contains)) {
            return CodeBlock.of("");
        }
        List<CodeBlock> args = m.typeParameters().stream()
                .map(v -> CodeBlock.of("$T", javaType(bindings.getOrDefault(v, Type.DYN)).box())).toList();
        return CodeBlock.of("<$L>", CodeBlock.join(args, ", "));
    }

    /** A Java field read: {@code Integer.MAX_VALUE} (widened: {@code (long) Integer.MAX_VALUE}), {@code p.x}. */
    CodeBlock javaField(JavaSite js, CodeBlock receiver) {
        JavaInterop.Found<dev.ruchy.transpiler.interop.JavaField> f = js.field();
        CodeBlock read = receiver == null ? CodeBlock.of("$T.$N", Coercions.javaClass(f.owner().name()), f.member().name())
                : CodeBlock.of("$L.$N", receiver, f.member().name());
        return fromJava(read, TypeText.parse(f.member().type()), f.bindings());
    }

    /** An argument of a Java call converted to the parameter's type {@code param}. */
    private CodeBlock javaArgument(Expr value, TypeText param, Map<String, Type> bindings, boolean varargs) {
        if (value instanceof Expr.Lambda l && types.javaLambda(l) instanceof JavaInterop.Sam sam) {
            return cx.lambdas.javaLambda(l, sam);
        }
        Stmt.Fun named = TypeInference.callbackFunction(value, resolution);
        if (named != null && types.java().sam(param, bindings) instanceof JavaInterop.Sam sam) {
            return functionAsInterface(named, sam);
        }
        CodeBlock code = expr(value);
        if (code == NIL) {
            return varargs ? CodeBlock.of("($T) null", OBJECT) : code;
        }
        return toJava(code, types.of(value), param, bindings);
    }

    /**
     * A named function passed where a Java method takes a functional interface: a method reference
     * ({@code Main::byLength}) when the function takes the interface method's parameters and gives
     * its result as they are; else a lambda converting them ({@code (x0, x1) -> Math.toIntExact(byLength(x0, x1))}).
     */
    private CodeBlock functionAsInterface(Stmt.Fun f, JavaInterop.Sam sam) {
        TypeInference.Signature sig = types.signature(f);
        CodeBlock probe = CodeBlock.of("x");
        boolean plain = sig != null && sig.params().size() == sam.params().size();
        for (int i = 0; plain && i < sam.params().size(); i++) {
            plain = coerce(probe, sam.params().get(i), sig.params().get(i)).toString().equals("x");
        }
        Type result = sig == null || !sig.returnsValue() ? Type.NIL : sig.result();
        plain = plain && (sam.result() instanceof Type.Nil
                || toJava(probe, result, sam.returnType(), sam.bindings()).toString().equals("x"));
        if (plain) {
            return CodeBlock.of("$T::$N", cx.self, javaFunctionName(f));
        }
        Set<String> outer = cx.scope.mark();
        try {
            List<CodeBlock> names = new ArrayList<>();
            List<CodeBlock> args = new ArrayList<>();
            for (int i = 0; i < sam.params().size(); i++) {
                String name = cx.scope.allocate("x" + i);
                names.add(CodeBlock.of("$N", name));
                args.add(coerce(CodeBlock.of("$N", name), sam.params().get(i), sig == null ? Type.DYN : sig.params().get(i)));
            }
            CodeBlock call = CodeBlock.of("$N($L)", javaFunctionName(f), arguments(args));
            CodeBlock body = sam.result() instanceof Type.Nil ? call : toJava(call, result, sam.returnType(), sam.bindings());
            return CodeBlock.of("$L -> $L", names.size() == 1 ? names.get(0) : CodeBlock.of("($L)", CodeBlock.join(names, ", ")),
                    body);
        } finally {
            cx.scope.reset(outer);
        }
    }

    /** A box whose primitive is narrower than Ruchy's integer or float. */
    private static final Set<String> NARROW_BOXES = Set.of("java.lang.Integer", "java.lang.Short", "java.lang.Byte",
            "java.lang.Float");

    /** {@code param} with a type variable bound to a narrow box made that box, and a wildcard its bound. */
    private static TypeText effective(TypeText param, Map<String, Type> bindings) {
        if (param instanceof TypeText.Variable v && bindings.get(v.name()) instanceof Type.JavaType j
                && NARROW_BOXES.contains(j.binaryName())) {
            return new TypeText.ClassType(j.binaryName(), List.of());
        }
        if (param instanceof TypeText.Wildcard w && w.bound() != null) {
            return effective(w.bound(), bindings);
        }
        return param;
    }

    /**
     * Code of Ruchy type {@code from} converted to Java type {@code param}: an integer narrowed to an
     * {@code int} ({@code Math.toIntExact}), a float to a {@code float}, a Ruchy array to a Java array;
     * otherwise the ordinary conversion to the parameter's Ruchy type (a cast of a dynamic value).
     */
    CodeBlock toJava(CodeBlock code, Type from, TypeText param, Map<String, Type> bindings) {
        TypeText p = effective(param, bindings);
        String narrow = switch (p) {
            case TypeText.Primitive prim -> prim.name();
            case TypeText.ClassType c when NARROW_BOXES.contains(c.binaryName()) -> switch (c.binaryName()) {
                case "java.lang.Integer" -> "int";
                case "java.lang.Short" -> "short";
                case "java.lang.Byte" -> "byte";
                default -> "float";
            };
            default -> null;
        };
        if (narrow != null) {
            switch (narrow) {
                case "int" -> {
                    return code.toString().matches("-?\\d+L") && fitsInt(code.toString())
                            ? CodeBlock.of("$L", code.toString().replace("L", ""))
                            : CodeBlock.of("$T.toIntExact($L)", Math.class, coerce(code, from, Type.INT));
                }
                case "short", "byte" -> {
                    return CodeBlock.of("($L) $L", narrow, parenthesizedCode(coerce(code, from, Type.INT)));
                }
                case "float" -> {
                    return CodeBlock.of("(float) $L", parenthesizedCode(coerce(code, from, Type.FLOAT)));
                }
                case "void" -> {
                    return code;
                }
                default -> {
                    // a long where a double is taken widens by itself
                    return from.isPrimitive() && types.java().fits(JavaInterop.Arg.value(from), p, bindings,
                            JavaInterop.Phase.STRICT) ? code : coerce(code, from, types.java().valueType(p, bindings));
                }
            }
        }
        if (p instanceof TypeText.Array a && from instanceof Type.ListType) {
            return switch (a.element()) {
                case TypeText.Primitive prim when prim.name().equals("long") ->
                        CodeBlock.of("$L.stream().mapToLong($T::longValue).toArray()", code, Long.class);
                case TypeText.Primitive prim when prim.name().equals("int") ->
                        CodeBlock.of("$L.stream().mapToInt($T::toIntExact).toArray()", code, Math.class);
                case TypeText.Primitive prim when prim.name().equals("double") ->
                        CodeBlock.of("$L.stream().mapToDouble($T::doubleValue).toArray()", code, Double.class);
                case TypeText.ClassType c -> CodeBlock.of("$L.toArray(new $T[0])", code, Coercions.javaClass(c.binaryName()));
                default -> CodeBlock.of("$L.toArray()", code);
            };
        }
        if (from instanceof Type.ObjectType && p instanceof TypeText.ClassType c && c.binaryName().equals("java.util.Map")) {
            return CodeBlock.of("$L.toMap()", parenthesizedCode(code)); // a copy, as a Map<Object, Object>
        }
        if (p instanceof TypeText.Array a && from instanceof Type.Dyn) {
            return CodeBlock.of("($L) $L", javaArrayType(a), code);
        }
        if (!(from instanceof Type.Dyn) && !from.isUnknown()
                && types.java().fits(JavaInterop.Arg.value(from), p, bindings, JavaInterop.Phase.LOOSE)) {
            return code; // a String where a CharSequence is taken, an ArrayList where a List is, a long where a Long is
        }
        Type target = types.java().valueType(p, bindings);
        return from instanceof Type.Dyn && target.isPrimitive() ? coerce(code, from, target) : coerce(code, from, target);
    }

    private static String javaArrayType(TypeText.Array a) {
        return switch (a.element()) {
            case TypeText.Primitive prim -> prim.name() + "[]";
            case TypeText.ClassType c -> c.binaryName().replace('$', '.') + "[]";
            default -> "Object[]";
        };
    }

    private static boolean fitsInt(String literal) {
        long v = Long.parseLong(literal.substring(0, literal.length() - 1));
        return v == (int) v;
    }

    private static CodeBlock parenthesizedCode(CodeBlock code) {
        String text = code.toString();
        return text.matches("[\\w.]+(\\(.*\\))?") && !text.contains(" ") ? code : CodeBlock.of("($L)", code);
    }

    /**
     * A Java value of type {@code type} as Ruchy has it: narrow numbers widened ({@code (long) s.length()}),
     * boxes unboxed, a {@code char} a string, a Java array a Ruchy array.
     */
    CodeBlock fromJava(CodeBlock code, TypeText type, Map<String, Type> bindings) {
        TypeText t = effective(type, bindings);
        Type ruchy = types.java().valueType(type, bindings);
        return switch (t) {
            case TypeText.Primitive p -> switch (p.name()) {
                case "int", "short", "byte" -> CodeBlock.of("(long) $L", code);
                case "float" -> CodeBlock.of("(double) $L", code);
                case "char" -> CodeBlock.of("$T.valueOf($L)", STRING, code);
                default -> code;
            };
            case TypeText.Array a when ruchy instanceof Type.ListType l -> switch (a.element()) {
                case TypeText.Primitive p when p.name().equals("int") -> CodeBlock.of(
                        "new $T<>($T.stream($L).asLongStream().boxed().toList())", java.util.ArrayList.class,
                        java.util.Arrays.class, code);
                case TypeText.Primitive p -> CodeBlock.of("new $T<>($T.stream($L).boxed().toList())",
                        java.util.ArrayList.class, java.util.Arrays.class, code);
                default -> CodeBlock.of("new $T<$T>($T.asList($L))", java.util.ArrayList.class,
                        javaType(l.element()).box(), java.util.Arrays.class, code);
            };
            case TypeText.ClassType c when c.binaryName().equals("java.lang.Character") ->
                    CodeBlock.of("$T.valueOf($L)", STRING, code);
            default -> ruchy.isPrimitive() ? CodeBlock.of("($T) $L", javaType(ruchy), code) : code;
        };
    }

    private Type memberResult(Type.RuntimeClass rc, Expr.MethodCall m) {
        RuntimeCatalog.Member member = TypeInference.typedMember(rc, m.name(), m.args(), resolution);
        return member == null ? Type.DYN : member.result();
    }

    /**
     * The catalog method whose Java template {@code m} becomes, without the dynamic dispatch of
     * {@code Ops.invoke}: one of the receiver's type with a template, whose parameter types the
     * arguments have ({@code s.contains(t)} with {@code t} a string); null when there is none.
     */
    RuntimeCatalog.Method fastPath(Expr.MethodCall m) {
        List<Type> args = m.args().stream().map(a -> types.of(a.value())).toList();
        RuntimeCatalog.Method first = CATALOG.method(types.of(m.receiver()), m.name(), args.size());
        if (first == null) {
            return null;
        }
        for (RuntimeCatalog.Method method : CATALOG.methods(first.kind(), m.name())) {
            if (method.templateApplies(args)) {
                return method; // of the receiver's kind, the first whose arity and parameter types the arguments fit
            }
        }
        return null;
    }

    /**
     * {@code m} printed by {@code method}'s template: {@code {r}} is the receiver (in parentheses when
     * it is an operator expression), {@code {i}} argument i converted to its parameter's type, a type
     * name the type (imported).
     */
    private CodeBlock template(RuntimeCatalog.Method method, Expr.MethodCall m) {
        Type receiver = types.of(m.receiver());
        CodeBlock.Builder code = CodeBlock.builder();
        for (RuntimeCatalog.TemplatePart part : method.template()) {
            switch (part) {
                case RuntimeCatalog.TemplatePart.Text t -> code.add("$L", t.text());
                case RuntimeCatalog.TemplatePart.TypeName t -> code.add("$T", ClassName.bestGuess(t.qualified()));
                case RuntimeCatalog.TemplatePart.Receiver r -> code.add("$L", cx.expressions.parenthesized(m.receiver()));
                case RuntimeCatalog.TemplatePart.Argument a -> {
                    Expr value = m.args().get(a.index()).value();
                    code.add("$L", coerce(expr(value), types.of(value), method.paramType(a.index(), receiver)));
                }
            }
        }
        return code.build();
    }

    /**
     * Macros printed as the builtin function of the same name ({@code println!} as {@code println});
     * the others go through {@code Ops.macro}.
     */
    static final Set<String> BUILTIN_MACROS = Set.of("println", "print", "eprintln", "format", "panic", "assert",
            "assert_eq");

    /** Whether the builtin a call or macro of this name prints returns nothing (a Java {@code void} method). */
    static boolean isVoidBuiltin(String name) {
        RuntimeCatalog.Builtin builtin = CATALOG.builtin(name);
        return builtin != null && builtin.result() instanceof Type.Nil;
    }

    /**
     * In test sources, {@code assert}, {@code assert_eq} and {@code assert_ne} go through the runtime's
     * {@code TestAssertions}, which turns a failure into an {@link AssertionError} starting with
     * {@code file.ruchy:LINE: }, so JUnit reports the Ruchy line.
     */
    CodeBlock testAssertion(String javaName, List<Expr> args, Node at) {
        String where = cx.fileName() + ":" + at.span().startLine();
        CodeBlock rest = boxedArgsOf(args);
        return CodeBlock.of("$T.$L($S$L)", TEST_ASSERTIONS, javaName, where, leadingComma(rest));
    }

    CodeBlock macro(Expr.MacroCall m) {
        if (BUILTIN_MACROS.contains(m.name())) {
            RuntimeCatalog.Builtin builtin = CATALOG.builtin(m.name());
            return cx.testMode && m.name().startsWith("assert") ? testAssertion(builtin.javaName(), m.args(), m)
                    : builtinCall(builtin, m.args());
        }
        return CodeBlock.of("$T.macro($S$L)", OPS, m.name(), leadingComma(boxedArgsOf(m.args())));
    }

    CodeBlock boxedArgs(List<Expr.Arg> args) {
        return boxedArgsOf(args.stream().map(Expr.Arg::value).toList());
    }

    CodeBlock boxedArgsOf(List<Expr> values) {
        List<CodeBlock> codes = new ArrayList<>();
        for (Expr v : values) {
            // the runtime calls these with dynamic values, so closures and functions are FnN here even when typed
            CodeBlock code = v instanceof Expr.Lambda l ? cx.lambdas.dynamicLambdaCode(l)
                    : v instanceof Expr.Ident id && cx.symbolOf(id) != null && cx.symbolOf(id).kind() == Symbol.Kind.FUNCTION
                    ? cx.expressions.functionReference(cx.symbolOf(id)) : expr(v);
            // a bare null as a varargs argument would be the array itself
            codes.add(code == NIL ? CodeBlock.of("($T) null", OBJECT) : code);
        }
        return arguments(codes);
    }
}
