package dev.ruchy.transpiler.emit;

import static dev.ruchy.transpiler.emit.RuntimeApi.FMT;
import static dev.ruchy.transpiler.emit.RuntimeApi.LISTS;
import static dev.ruchy.transpiler.emit.RuntimeApi.OPS;
import static dev.ruchy.transpiler.emit.RuntimeApi.OPTION;
import static dev.ruchy.transpiler.emit.RuntimeApi.RUCHY_ERROR;
import static dev.ruchy.transpiler.emit.RuntimeApi.R_OBJECT;
import static dev.ruchy.transpiler.emit.RuntimeApi.TUPLE;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.ruchy.transpiler.ast.BinaryOp;
import dev.ruchy.transpiler.ast.Expr;
import dev.ruchy.transpiler.ast.Stmt;
import dev.ruchy.transpiler.ast.UnaryOp;
import dev.ruchy.transpiler.code.RuntimeCatalog;
import dev.ruchy.transpiler.code.Symbol;
import dev.ruchy.transpiler.code.Type;
import dev.ruchy.transpiler.lower.Lowering;
import dev.ruchy.transpiler.types.TypeInference;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Expressions: literals, names, f-strings, unary operators, casts, field and index reads, array, object and struct literals. */
final class ExpressionPrinter extends Printer {
    ExpressionPrinter(EmitContext cx) {
        super(cx);
    }

    /**
     * A Java string literal for {@code value}: JavaPoet's {@code $S}, which writes text of several
     * lines as one literal per line joined with {@code +}, where the text has at least two line
     * breaks before its end; one literal otherwise ({@code "\nScanning "}, not
     * {@code "\n" + "Scanning "}), with U+0085, U+2028 and U+2029, which JavaPoet's writer takes for
     * line breaks (it would cut the literal in two), written as Unicode escapes.
     */
    static CodeBlock stringLiteral(String value) {
        boolean lineBreakChars = value.indexOf('\u0085') >= 0 || value.indexOf('\u2028') >= 0 || value.indexOf('\u2029') >= 0;
        long innerBreaks = value.chars().limit(Math.max(0, value.length() - 1)).filter(c -> c == '\n').count();
        if (!lineBreakChars && (innerBreaks >= 2 || value.indexOf('\n') < 0)) {
            return CodeBlock.of("$S", value);
        }
        StringBuilder sb = new StringBuilder(value.length() + 8).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return CodeBlock.of("$L", sb.append('"').toString());
    }

    /** The Java expression for {@code e}; its Java type is {@code javaType(types.of(e))}. */
    CodeBlock expr(Expr e) {
        return switch (e) {
            case Expr.IntLit i -> CodeBlock.of("$LL", i.value());
            case Expr.FloatLit f -> CodeBlock.of("$L", floatLiteral(f.value()));
            case Expr.StringLit s -> stringLiteral(s.value());
            case Expr.CharLit c -> stringLiteral(c.value());
            case Expr.ByteLit b -> CodeBlock.of("$LL", b.value());
            case Expr.BoolLit b -> CodeBlock.of("$L", b.value());
            case Expr.NilLit n -> NIL;
            case Expr.AtomLit a -> CodeBlock.of("$T.atom($S)", OPS, a.name());
            case Expr.FString f -> fstring(f);
            case Expr.Ident id -> ident(id);
            case Expr.Path p -> path(p);
            case Expr.Unary u -> unary(u);
            case Expr.Binary b -> cx.operators.binary(b);
            case Expr.Ternary t -> {
                Type tt = types.of(t);
                yield CodeBlock.of("$L$W? $L$W: $L", condition(t.condition()),
                        coerce(expr(t.then()), types.of(t.then()), tt), coerce(expr(t.otherwise()), types.of(t.otherwise()), tt));
            }
            case Expr.If i -> {
                Type tt = types.of(i);
                yield CodeBlock.of("$L$W? $L$W: $L", condition(i.condition()),
                        coerce(expr(i.then()), types.of(i.then()), tt), coerce(expr(i.otherwise()), types.of(i.otherwise()), tt));
            }
            case Expr.Block b when cx.flow.isExpressible(b) -> expr(((Stmt.ExprStmt) b.statements().get(0)).expr());
            case Expr.Range r -> CodeBlock.of("$T.range($L, $L, $L)", OPS, r.start() == null ? "null" : expr(r.start()),
                    r.end() == null ? "null" : expr(r.end()), r.inclusive());
            case Expr.Cast c -> cast(c);
            case Expr.Try t -> coerce(CodeBlock.of("$T.tryUnwrap($L)", OPS, expr(t.operand())), Type.DYN, types.of(t));
            case Expr.Call c -> cx.statements.voidAsNil(c, cx.calls.call(c));
            case Expr.MethodCall m -> cx.statements.voidAsNil(m, cx.calls.methodCall(m));
            case Expr.Field f -> field(f);
            case Expr.Index i -> index(i);
            case Expr.MacroCall m -> cx.statements.voidAsNil(m, cx.calls.macro(m));
            case Expr.ArrayLit a -> arrayLiteral(a);
            case Expr.ArrayRepeat a -> arrayRepeat(a);
            case Expr.TupleLit t -> CodeBlock.of("$T.of($L)", TUPLE, cx.calls.boxedArgsOf(t.elements()));
            case Expr.ObjectLit o -> objectLiteral(o);
            case Expr.StructLit s -> structLiteral(s);
            case Expr.Lambda l -> cx.lambdas.lambdaCode(l, true);
            // an `async fun` runs where it is called, so a statically typed operand is its value already;
            // a runtime object may be a Future (a WebSocket client: its close)
            case Expr.Await a -> types.of(a.operand()) instanceof Type.Dyn || types.of(a.operand()).isUnknown()
                    || types.of(a.operand()) instanceof Type.RuntimeClass
                    ? CodeBlock.of("$T.await($L)", OPS, expr(a.operand())) : expr(a.operand());
            case Expr.AsyncBlock a -> CodeBlock.of("$T.async($L)", OPS, cx.lambdas.supplier(a.body()));
            case Expr.Spawn s -> CodeBlock.of("$T.spawn($L)", OPS, cx.lambdas.spawnBody(s));
            case Expr.Lazy l -> throw Lowering.notLowered(l);
            case Expr.LetIn l -> throw Lowering.notLowered(l);
            case Expr.Comprehension c -> cx.flow.comprehension(c);
            case Expr.Error er -> CodeBlock.of("$T.fail($T.unsupported($S))", OPS, RUCHY_ERROR, "an expression with errors");
            default -> cx.flow.exprOrHoist(e);
        };
    }

    static String floatLiteral(double d) {
        if (Double.isInfinite(d)) {
            return d > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
        }
        if (Double.isNaN(d)) {
            return "Double.NaN";
        }
        return Double.toString(d);
    }

    CodeBlock fstring(Expr.FString f) {
        List<CodeBlock> parts = new ArrayList<>();
        boolean startsWithText = !f.parts().isEmpty() && f.parts().get(0) instanceof Expr.FStringText;
        for (Expr.FStringPart part : f.parts()) {
            switch (part) {
                case Expr.FStringText t -> parts.add(stringLiteral(t.text()));
                case Expr.FStringInterp in -> {
                    Type t = types.of(in.expr());
                    if (in.spec() != null) {
                        parts.add(CodeBlock.of("$T.format($L, $S)", FMT, expr(in.expr()), in.spec()));
                    } else if (cx.operators.isListLength(in.expr())) {
                        parts.add(cx.operators.size(in.expr())); // `{ports.len()}`: the int prints as the long would
                    } else if (t instanceof Type.Str || t instanceof Type.Int || t instanceof Type.Bool) {
                        parts.add(parenthesizeIfNeeded(in.expr(), expr(in.expr())));
                    } else {
                        parts.add(CodeBlock.of("$T.interpolate($L)", FMT, expr(in.expr())));
                    }
                }
            }
        }
        if (parts.isEmpty()) {
            return CodeBlock.of("$S", "");
        }
        if (parts.size() == 1) {
            Expr.FStringPart only = f.parts().get(0);
            if (only instanceof Expr.FStringInterp in && !(types.of(in.expr()) instanceof Type.Str) && in.spec() == null
                    && (types.of(in.expr()) instanceof Type.Int || types.of(in.expr()) instanceof Type.Bool)) {
                return CodeBlock.of("$T.valueOf($L)", STRING, parts.get(0));
            }
            return parts.get(0);
        }
        if (!startsWithText && f.parts().size() > 1 && !(f.parts().get(1) instanceof Expr.FStringText)) {
            Expr.FStringInterp first = (Expr.FStringInterp) f.parts().get(0);
            if (!(types.of(first.expr()) instanceof Type.Str) || first.spec() != null) {
                parts.add(0, CodeBlock.of("$S", ""));
            }
        }
        return CodeBlock.join(parts, "$W+ ");
    }

    CodeBlock parenthesizeIfNeeded(Expr e, CodeBlock code) {
        return e instanceof Expr.Binary || e instanceof Expr.Ternary ? CodeBlock.of("($L)", code) : code;
    }

    CodeBlock ident(Expr.Ident id) {
        if (id.name().equals("self")) {
            return CodeBlock.of("this");
        }
        Symbol sym = cx.symbolOf(id);
        if (sym == null) {
            if (id.name().equals("None")) {
                return CodeBlock.of("$T.none()", OPTION);
            }
            Stmt.Enum owner = resolution.variantOwner(id.name());
            if (owner != null) {
                return variantValue(owner, id.name(), List.of());
            }
            RuntimeCatalog.PathEntry constant = RuntimeCatalog.standard().path(id.name());
            if (constant != null && constant.isConstant() && constant.hasTemplate()) {
                return cx.calls.fill(constant.template(), null, List.of()); // `console`: ConsoleObject.INSTANCE
            }
            if (RuntimeCatalog.standard().builtin(id.name()) == null && RuntimeCatalog.standard().path(id.name()) != null) {
                return CodeBlock.of("$T.path($S)", OPS, id.name()); // `Some`, `Ok`, `Err` as function values
            }
            return CodeBlock.of("$T.builtin($S)", OPS, id.name());
        }
        return switch (sym.kind()) {
            case VARIABLE, PARAMETER -> {
                String constant = cx.constantFields.get(sym); // a lookup table made once
                if (constant != null) {
                    yield CodeBlock.of("$N", constant);
                }
                String updated = cx.updatedValues.get(id); // the value an update just before wrote
                String name = updated != null ? updated : sym.isGlobal() ? cx.globalName(sym) : cx.nameOf(sym, id.name());
                yield sym.needsCell() ? CodeBlock.of("$N.get()", name) : CodeBlock.of("$N", name);
            }
            case FUNCTION -> types.of(id) instanceof Type.FunctionType f && f.typed()
                    && sym.declaration() instanceof Stmt.Fun fun && !cx.scope.declares(sym)
                    ? CodeBlock.of("$T::$N", cx.self, Names.camelCase(fun.name())) // typed by its use: `Main::doubleIt`
                    : functionReference(sym);
            default -> CodeBlock.of("$T.class", cx.typeName(sym.name()));
        };
    }

    /** A named function used as a value: a lambda that calls it. */
    CodeBlock functionReference(Symbol sym) {
        if (!(sym.declaration() instanceof Stmt.Fun f)) {
            return NIL;
        }
        if (cx.scope.declares(sym)) {
            return CodeBlock.of("$N", cx.scope.nameOf(sym));
        }
        TypeInference.Signature sig = types.signature(f);
        List<CodeBlock> params = new ArrayList<>();
        List<CodeBlock> args = new ArrayList<>();
        for (int i = 0; i < f.params().size(); i++) {
            String p = "arg" + i;
            params.add(CodeBlock.of("$N", p));
            Type pt = sig == null ? Type.DYN : sig.params().get(i);
            args.add(coerce(CodeBlock.of("$N", p), Type.DYN, pt));
        }
        CodeBlock call = CodeBlock.of("$N($L)", Names.camelCase(f.name()), arguments(args));
        boolean isVoid = sig == null || !sig.returnsValue();
        CodeBlock body = isVoid ? CodeBlock.of("{ $L; return null; }", call) : call;
        return CodeBlock.of("($T) ($L) -> $L", RuntimeApi.fn(f.params().size()), CodeBlock.join(params, ", "), body);
    }

    CodeBlock path(Expr.Path p) {
        if (types.javaSite(p) instanceof dev.ruchy.transpiler.types.JavaSite js && js.resolved()) {
            return cx.calls.javaField(js, null);
        }
        List<String> segs = p.segments();
        if (segs.size() == 2) {
            Stmt.Enum en = resolution.enums().get(segs.get(0));
            if (en != null) {
                return variantValue(en, segs.get(1), List.of());
            }
        }
        return coerce(CodeBlock.of("$T.path($S)", OPS, String.join("::", segs)), Type.DYN, types.of(p));
    }

    CodeBlock variantValue(Stmt.Enum en, String variant, List<Expr> args) {
        ClassName enumClass = cx.typeName(en.name());
        boolean simple = en.variants().stream().allMatch(v -> v.tupleFields().isEmpty() && v.structFields().isEmpty());
        if (simple) {
            return CodeBlock.of("$T.$N", enumClass, variant);
        }
        Stmt.Variant v = en.variants().stream().filter(x -> x.name().equals(variant)).findFirst().orElse(null);
        List<CodeBlock> codes = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            Type target = v != null && i < v.tupleFields().size() ? TypeInference.fromAnnotation(v.tupleFields().get(i)) : Type.DYN;
            codes.add(coerce(expr(args.get(i)), types.of(args.get(i)), target));
        }
        return CodeBlock.of("new $T($L)", enumClass.nestedClass(variant), arguments(codes));
    }

    CodeBlock unary(Expr.Unary u) {
        Type t = types.of(u.operand());
        return switch (u.op()) {
            case NEG -> t.isNumeric() ? CodeBlock.of("-$L", parenthesized(u.operand())) : CodeBlock.of("$T.neg($L)", OPS, expr(u.operand()));
            case NOT -> CodeBlock.of("!$L", parenthesizedCondition(u.operand()));
            case BIT_NOT -> t instanceof Type.Int ? CodeBlock.of("~$L", parenthesized(u.operand()))
                    : CodeBlock.of("$T.bitNot($L)", OPS, expr(u.operand()));
            case REF, REF_MUT, DEREF -> expr(u.operand());
            // `let j = i++`: Ruchy's run-time error, in a position that needs a value
            default -> coerce(CodeBlock.of("$T.fail($T.unsupported($S))", OPS, RUCHY_ERROR, "`" + u.op().symbol()
                    + "` outside a statement"), Type.DYN, types.of(u));
        };
    }

    CodeBlock parenthesized(Expr expression) {
        CodeBlock code = expr(expression);
        Expr e = AstScan.unwrapBlock(expression);
        // a call printed with a cast in front (`(Download) Ops.callPath(...)`) is parenthesized too
        return (isSimple(e) || e instanceof Expr.Call || e instanceof Expr.MethodCall || e instanceof Expr.Path
                || e instanceof Expr.Field || e instanceof Expr.Index) && !LEADING_CAST.matcher(code.toString()).lookingAt()
                ? code : CodeBlock.of("($L)", code);
    }

    /** A cast at the start of an expression's code: {@code (Download) }, {@code (long) }. */
    private static final Pattern LEADING_CAST =
            Pattern.compile("\\([\\w.]+(<[^()]*>)?(\\[\\])*\\) ");

    CodeBlock parenthesizedCondition(Expr e) {
        CodeBlock code = condition(e);
        return isSimple(e) || e instanceof Expr.Call || e instanceof Expr.MethodCall || !(types.of(e) instanceof Type.Bool)
                ? code : CodeBlock.of("($L)", code);
    }

    static boolean isSimple(Expr e) {
        return e instanceof Expr.Ident || e instanceof Expr.IntLit || e instanceof Expr.FloatLit
                || e instanceof Expr.StringLit || e instanceof Expr.BoolLit || e instanceof Expr.NilLit;
    }

    /** A Java {@code boolean} for a Ruchy condition (truthiness, §3.7). */
    CodeBlock condition(Expr e) {
        Type t = types.of(e);
        if (e instanceof Expr.Binary b && (b.op() == BinaryOp.AND || b.op() == BinaryOp.OR)) {
            return CodeBlock.of("$L $L $L", operandCondition(b.left(), b.op()), b.op().symbol(),
                    operandCondition(b.right(), b.op()));
        }
        if (e instanceof Expr.Unary u && u.op() == UnaryOp.NOT) {
            return CodeBlock.of("!$L", parenthesizedCondition(u.operand()));
        }
        if (t instanceof Type.Bool) {
            return expr(e);
        }
        return CodeBlock.of("$T.truthy($L)", OPS, expr(e));
    }

    CodeBlock operandCondition(Expr operand, BinaryOp parent) {
        CodeBlock code = condition(operand);
        if (operand instanceof Expr.Binary b && (b.op() == BinaryOp.AND || b.op() == BinaryOp.OR) && b.op() != parent) {
            return CodeBlock.of("($L)", code);
        }
        if (operand instanceof Expr.Ternary) {
            return CodeBlock.of("($L)", code);
        }
        return code;
    }

    CodeBlock cast(Expr.Cast c) {
        Type target = TypeInference.fromAnnotation(c.type());
        Type from = types.of(c.expr());
        if (target instanceof Type.Float) {
            return from instanceof Type.Float ? expr(c.expr()) : from instanceof Type.Int
                    ? CodeBlock.of("(double) $L", parenthesized(c.expr())) : CodeBlock.of("$T.toFloat($L)", OPS, expr(c.expr()));
        }
        if (target instanceof Type.Int && from instanceof Type.Named n && resolution.enums().containsKey(n.name())
                && resolution.enums().get(n.name()).variants().stream().anyMatch(v -> v.discriminant() != null)) {
            return CodeBlock.of("$L.value()", parenthesized(c.expr()));
        }
        if (target instanceof Type.Int) {
            return from instanceof Type.Int ? expr(c.expr()) : from instanceof Type.Float
                    ? CodeBlock.of("(long) $L", parenthesized(c.expr())) : CodeBlock.of("$T.toInt($L)", OPS, expr(c.expr()));
        }
        return CodeBlock.of("$T.cast($L, $S)", OPS, expr(c.expr()), c.type().span().text());
    }

    CodeBlock field(Expr.Field f) {
        if (types.javaSite(f) instanceof dev.ruchy.transpiler.types.JavaSite js && js.resolved()) {
            return cx.calls.javaField(js, parenthesized(f.receiver()));
        }
        Type receiver = types.of(f.receiver());
        if (receiver instanceof Type.Named n) {
            if (cx.structsAsClasses.contains(n.name())) {
                return CodeBlock.of("$L.$N", cx.statements.receiverCode(f.receiver()), Names.camelCase(f.name()));
            }
            if (resolution.structs().containsKey(n.name())) {
                if (f.receiver() instanceof Expr.Ident id && id.name().equals("self")) {
                    return CodeBlock.of("this.$N", fieldName(n.name(), f.name()));
                }
                return CodeBlock.of("$L.$N()", expr(f.receiver()), fieldName(n.name(), f.name()));
            }
        }
        if (receiver instanceof Type.RuntimeClass rc) {
            RuntimeCatalog.FieldEntry entry = RuntimeCatalog.standard().field(rc.alias(), f.name());
            if (entry != null) {
                return cx.calls.fill(entry.template(), parenthesized(f.receiver()), List.of());
            }
            if (RuntimeCatalog.standard().runtimeClass(rc.alias()).open()) {
                // a field a handler added (`req.user`): the value's map view
                return CodeBlock.of("$L.get($S)", parenthesized(f.receiver()), f.name());
            }
        }
        Type result = types.of(f);
        if (receiver instanceof Type.ObjectType && types.mayBeNil(f.receiver())) {
            // an object or nil (a database row): nil fails as Ruchy's field read does
            return coerce(CodeBlock.of("$T.fieldOf($L, $S)", R_OBJECT, expr(f.receiver()), f.name()), Type.DYN, result);
        }
        if (receiver instanceof Type.ObjectType) {
            // an object's field: its key, read through RObject (missing: "Object has no field named")
            return coerce(CodeBlock.of("$L.get($S)", parenthesized(f.receiver()), f.name()), Type.DYN, result);
        }
        return coerce(CodeBlock.of("$T.field($L, $S)", OPS, expr(f.receiver()), f.name()), Type.DYN, result);
    }

    String fieldName(String struct, String field) {
        Stmt.Struct st = resolution.structs().get(struct);
        if (st != null && !st.tupleFields().isEmpty() && field.chars().allMatch(Character::isDigit)) {
            return "value" + field;
        }
        return Names.camelCase(field);
    }

    CodeBlock index(Expr.Index i) {
        Type target = types.of(i.target());
        Type result = types.of(i);
        if (target instanceof Type.ListType l && types.of(i.index()) instanceof Type.Int) {
            // an array of floats or integers is read unboxed (Lists.getDouble/getLong: a DoubleList's double[])
            String get = l.element() instanceof Type.Float ? "getDouble" : l.element() instanceof Type.Int ? "getLong" : "get";
            CodeBlock row = cx.rows.read(i.target()); // a row a loop around read once, or null
            CodeBlock table = row == null ? cx.rows.readElement(i) : null; // a table of the rows, or null
            if (table != null) {
                return table;
            }
            return CodeBlock.of("$T.$N($L, $L)", LISTS, get, row != null ? row : expr(i.target()), cx.flow.intOperand(i.index()));
        }
        return coerce(CodeBlock.of("$T.index($L, $L)", OPS, expr(i.target()), expr(i.index())), Type.DYN, result);
    }

    /** {@code [value; count]}: a {@code DoubleList}/{@code LongList} of a float or integer value. */
    CodeBlock arrayRepeat(Expr.ArrayRepeat a) {
        Type value = types.of(a.value());
        ClassName primitive = types.of(a) instanceof Type.ListType l && l.element().equals(value)
                ? RuntimeApi.primitiveList(value) : null;
        return CodeBlock.of("$T.repeat($L, $L)", primitive != null ? primitive : LISTS, expr(a.value()), expr(a.count()));
    }

    /** An empty array literal declared as {@code t}: {@code new DoubleList<>()} for floats, {@code new LongList<>()} for integers. */
    CodeBlock emptyArray(Type t) {
        ClassName primitive = t instanceof Type.ListType l ? RuntimeApi.primitiveList(l.element()) : null;
        return CodeBlock.of("new $T<>()", primitive != null ? primitive : ClassName.get("java.util", "ArrayList"));
    }

    CodeBlock arrayLiteral(Expr.ArrayLit a) {
        Type t = types.of(a);
        Type element = t instanceof Type.ListType l ? l.element() : Type.DYN;
        List<CodeBlock> codes = new ArrayList<>();
        for (Expr el : a.elements()) {
            codes.add(coerce(expr(el), types.of(el), element));
        }
        ClassName primitive = RuntimeApi.primitiveList(element);
        if (codes.isEmpty()) { // typed by where it goes
            return CodeBlock.of("new $T<>()", primitive != null ? primitive : ClassName.get("java.util", "ArrayList"));
        }
        return CodeBlock.of("$T.of($L)", primitive != null ? primitive : LISTS, arguments(codes));
    }

    CodeBlock objectLiteral(Expr.ObjectLit o) {
        if (o.entries().isEmpty()) {
            return CodeBlock.of("new $T()", R_OBJECT);
        }
        boolean spread = o.entries().stream().anyMatch(en -> en instanceof Expr.Spread);
        List<CodeBlock> codes = new ArrayList<>();
        for (Expr.ObjectEntry en : o.entries()) {
            if (en instanceof Expr.KeyValue kv) {
                codes.add(CodeBlock.of("$L, $L", objectKey(kv.key()), expr(kv.value())));
            }
        }
        if (!spread) {
            CodeBlock.Builder b = CodeBlock.builder().add("$T.of(", R_OBJECT);
            if (codes.size() > 2) {
                b.add("\n$>$>");
                for (int i = 0; i < codes.size(); i++) {
                    b.add("$L$L", codes.get(i), i < codes.size() - 1 ? ",\n" : "");
                }
                b.add("$<$<)");
            } else {
                b.add("$L)", arguments(codes));
            }
            return b.build();
        }
        CodeBlock.Builder b = CodeBlock.builder().add("new $T()", R_OBJECT);
        for (Expr.ObjectEntry en : o.entries()) {
            switch (en) {
                case Expr.KeyValue kv -> b.add(".with($L, $L)", objectKey(kv.key()), expr(kv.value()));
                case Expr.Spread sp -> b.add(".withAll($L)", expr(sp.value()));
            }
        }
        return b.build();
    }

    /** An object literal's key as Java: {@code "name"}, {@code 21L}, {@code 1.5}, {@code true} (keys keep their type). */
    private static CodeBlock objectKey(Object key) {
        return switch (key) {
            case String s -> stringLiteral(s);
            case Long l -> CodeBlock.of("$LL", l);
            case Double d -> CodeBlock.of("$L", floatLiteral(d));
            default -> CodeBlock.of("$L", key);
        };
    }

    CodeBlock structLiteral(Expr.StructLit s) {
        String name = s.path().get(s.path().size() - 1);
        if (name.equals("Self") && cx.selfType != null) {
            name = cx.selfType;
        }
        Stmt.Struct st = resolution.structs().get(name);
        if (st == null) {
            Stmt.Enum owner = resolution.variantOwner(s.path());
            if (owner != null) {
                Stmt.Variant v = owner.variants().stream().filter(x -> x.name().equals(s.path().get(s.path().size() - 1)))
                        .findFirst().orElse(null);
                List<CodeBlock> codes = new ArrayList<>();
                if (v != null) {
                    for (Stmt.FieldDecl f : v.structFields()) {
                        Expr value = fieldInit(s, f.name());
                        codes.add(value == null ? NIL : coerce(expr(value), types.of(value), cx.declarations.fieldType(f)));
                    }
                }
                return CodeBlock.of("new $T($L)", cx.typeName(owner.name()).nestedClass(v == null ? name : v.name()),
                        arguments(codes));
            }
            List<CodeBlock> codes = new ArrayList<>();
            for (Expr.FieldInit f : s.fields()) {
                codes.add(CodeBlock.of("$S, $L", f.name(), expr(f.value())));
            }
            return CodeBlock.of("$T.of($L)", R_OBJECT, arguments(codes));
        }
        List<CodeBlock> codes = new ArrayList<>();
        for (Stmt.FieldDecl f : st.fields()) {
            Expr value = fieldInit(s, f.name());
            if (value == null) {
                value = f.defaultValue();
            }
            if (value == null && s.base() != null) {
                codes.add(CodeBlock.of("$L.$N()", expr(s.base()), Names.camelCase(f.name())));
                continue;
            }
            codes.add(value == null ? cx.coercions.defaultValue(cx.declarations.fieldType(f)) : coerce(expr(value), types.of(value), cx.declarations.fieldType(f)));
        }
        return CodeBlock.of("new $T($L)", cx.typeName(name), arguments(codes));
    }

    static Expr fieldInit(Expr.StructLit s, String name) {
        for (Expr.FieldInit f : s.fields()) {
            if (f.name().equals(name)) {
                return f.value();
            }
        }
        return null;
    }
}
