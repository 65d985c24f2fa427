package dev.ruchy.transpiler.emit;

import static dev.ruchy.transpiler.emit.RuntimeApi.CELL;
import static dev.ruchy.transpiler.emit.RuntimeApi.OPS;
import static dev.ruchy.transpiler.emit.RuntimeApi.OPTION;
import static dev.ruchy.transpiler.emit.RuntimeApi.RESULT;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.ruchy.transpiler.ast.Expr;
import dev.ruchy.transpiler.ast.Pattern;
import dev.ruchy.transpiler.ast.Stmt;
import dev.ruchy.transpiler.code.Symbol;
import dev.ruchy.transpiler.code.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/** Patterns: the Java test that a value matches a pattern, and the declarations of the variables it binds. */
final class PatternPrinter extends Printer {
    PatternPrinter(EmitContext cx) {
        super(cx);
    }

    /**
     * Whether {@code p} matches every value, so that it needs no test: a wildcard, a rest, a binding
     * that is not a unit variant's name, or a struct pattern of an unknown type whose fields are all
     * such patterns. {@link #patternTest} writes {@code true} for exactly these.
     */
    boolean irrefutable(Pattern p) {
        return switch (p) {
            case Pattern.Wildcard w -> true;
            case Pattern.Rest r -> true;
            case Pattern.Binding b -> resolution.variantOwner(b.name()) == null || resolution.declaration(b) != null;
            case Pattern.At a -> irrefutable(a.pattern());
            case Pattern.Or o -> o.alternatives().size() == 1 && irrefutable(o.alternatives().get(0));
            case Pattern.Struct st -> {
                String name = st.path().get(st.path().size() - 1);
                yield !resolution.structs().containsKey(name) && resolution.variantOwner(name) == null
                        && st.fields().stream().allMatch(f -> f.pattern() == null || irrefutable(f.pattern()));
            }
            default -> false;
        };
    }

    /** A Java boolean expression testing whether {@code subject} (of type {@code t}) matches {@code p}. */
    CodeBlock patternTest(Pattern p, CodeBlock subject, Type t) {
        return switch (p) {
            case Pattern.Wildcard w -> CodeBlock.of("true");
            case Pattern.Binding b -> {
                Stmt.Enum owner = resolution.variantOwner(b.name());
                if (owner != null && resolution.declaration(b) == null) {
                    yield variantTest(owner, b.name(), subject, List.of(), t);
                }
                yield CodeBlock.of("true");
            }
            case Pattern.Rest r -> CodeBlock.of("true");
            case Pattern.Literal l -> literalTest(l.value(), subject, t);
            case Pattern.Range r -> {
                if (t instanceof Type.Int && r.low() instanceof Expr.IntLit && (r.high() == null || r.high() instanceof Expr.IntLit)) {
                    CodeBlock low = CodeBlock.of("$L >= $L", subject, ((Expr.IntLit) r.low()).value());
                    yield r.high() == null ? low : CodeBlock.of("$L && $L $L $L", low, subject, r.inclusive() ? "<=" : "<",
                            ((Expr.IntLit) r.high()).value());
                }
                yield CodeBlock.of("$T.inRange($L, $L, $L, $L)", OPS, subject, expr(r.low()),
                        r.high() == null ? "null" : expr(r.high()), r.inclusive());
            }
            case Pattern.Or o -> {
                List<CodeBlock> tests = new ArrayList<>();
                for (Pattern alt : o.alternatives()) {
                    tests.add(patternTest(alt, subject, t));
                }
                yield CodeBlock.join(tests, " || ");
            }
            case Pattern.At a -> patternTest(a.pattern(), subject, t);
            case Pattern.Tuple tu -> {
                List<CodeBlock> tests = new ArrayList<>();
                tests.add(CodeBlock.of("$T.isTuple($L, $L)", OPS, subject, tu.elements().size()));
                for (int i = 0; i < tu.elements().size(); i++) {
                    CodeBlock el = CodeBlock.of("$T.element($L, $L)", OPS, subject, i);
                    if (!irrefutable(tu.elements().get(i))) {
                        tests.add(patternTest(tu.elements().get(i), el, Type.DYN));
                    }
                }
                yield CodeBlock.join(tests, " && ");
            }
            case Pattern.Array a -> {
                List<CodeBlock> tests = new ArrayList<>();
                boolean rest = a.elements().stream().anyMatch(e -> e instanceof Pattern.Rest);
                int fixed = (int) a.elements().stream().filter(e -> !(e instanceof Pattern.Rest)).count();
                tests.add(CodeBlock.of("$T.isList($L, $L, $L)", OPS, subject, fixed, rest));
                int restIndex = indexOfRest(a.elements());
                for (int i = 0; i < a.elements().size(); i++) {
                    Pattern el = a.elements().get(i);
                    if (el instanceof Pattern.Rest) {
                        continue;
                    }
                    CodeBlock access = restIndex >= 0 && i > restIndex
                            ? CodeBlock.of("$T.element($L, $L)", OPS, subject, i - a.elements().size())
                            : CodeBlock.of("$T.element($L, $L)", OPS, subject, i);
                    if (!irrefutable(el)) {
                        tests.add(patternTest(el, access, Type.DYN));
                    }
                }
                yield CodeBlock.join(tests, " && ");
            }
            case Pattern.TupleStruct ts -> {
                String name = ts.path().get(ts.path().size() - 1);
                List<CodeBlock> tests = new ArrayList<>();
                switch (name) {
                    case "Some", "Ok", "Err" -> {
                        boolean typed = name.equals("Some") ? t instanceof Type.OptionType : t instanceof Type.ResultType;
                        if (typed && ts.elements().size() == 1 && isPlainBinding(ts.elements().get(0))) {
                            // a record pattern: `r instanceof Result.Ok(var v)`
                            Pattern.Binding b = (Pattern.Binding) ts.elements().get(0);
                            boundByTest.add(b);
                            ClassName record = (name.equals("Some") ? OPTION : RESULT).nestedClass(name);
                            yield CodeBlock.of("$L instanceof $T(var $N)", subject, record,
                                    cx.scope.declare(resolution.declaration(b), b.name()));
                        }
                        tests.add(CodeBlock.of("$T.is$L($L)", OPS, name, subject));
                        if (ts.elements().size() == 1) {
                            CodeBlock inner = CodeBlock.of("$T.payload($L)", OPS, subject);
                            if (!irrefutable(ts.elements().get(0))) {
                                tests.add(patternTest(ts.elements().get(0), inner, Type.DYN));
                            }
                        }
                    }
                    default -> {
                        Stmt.Enum owner = resolution.variantOwner(ts.path());
                        if (owner == null) {
                            tests.add(CodeBlock.of("false"));
                        } else {
                            tests.add(variantTest(owner, name, subject, ts.elements(), t));
                        }
                    }
                }
                yield CodeBlock.join(tests, " && ");
            }
            case Pattern.Path path -> {
                String name = path.path().get(path.path().size() - 1);
                if (name.equals("None")) {
                    yield CodeBlock.of("$T.isNone($L)", OPS, subject);
                }
                Stmt.Enum owner = resolution.variantOwner(path.path());
                if (owner == null && path.path().size() == 2
                        && resolution.javaImport(path.path().get(0)) instanceof dev.ruchy.transpiler.interop.JavaClass jc) {
                    // a Java constant (an enum's, DayOfWeek::MONDAY): equal to the value
                    yield CodeBlock.of("$T.equals($L, $T.$N)", java.util.Objects.class, subject,
                            Coercions.javaClass(jc.name()), name);
                }
                yield owner == null ? CodeBlock.of("false") : variantTest(owner, name, subject, List.of(), t);
            }
            case Pattern.Struct st -> {
                String name = st.path().get(st.path().size() - 1);
                List<CodeBlock> tests = new ArrayList<>();
                if (resolution.structs().containsKey(name)) {
                    tests.add(CodeBlock.of("$L instanceof $T", subject, cx.typeName(name)));
                } else {
                    Stmt.Enum owner = resolution.variantOwner(st.path());
                    if (owner != null) {
                        tests.add(CodeBlock.of("$L instanceof $T", subject,
                                cx.typeName(owner.name()).nestedClass(name)));
                    }
                }
                for (Pattern.FieldPattern f : st.fields()) {
                    if (f.pattern() != null) {
                        if (!irrefutable(f.pattern())) {
                            tests.add(patternTest(f.pattern(), CodeBlock.of("$T.field($L, $S)", OPS, subject, f.name()),
                                    Type.DYN));
                        }
                    }
                }
                yield tests.isEmpty() ? CodeBlock.of("true") : CodeBlock.join(tests, " && ");
            }
            case Pattern.Error er -> CodeBlock.of("false");
        };
    }

    static int indexOfRest(List<Pattern> elements) {
        for (int i = 0; i < elements.size(); i++) {
            if (elements.get(i) instanceof Pattern.Rest) {
                return i;
            }
        }
        return -1;
    }

    CodeBlock variantTest(Stmt.Enum owner, String variant, CodeBlock subject, List<Pattern> elements, Type t) {
        ClassName enumClass = cx.typeName(owner.name());
        boolean simple = owner.variants().stream().allMatch(v -> v.tupleFields().isEmpty() && v.structFields().isEmpty());
        if (simple) {
            return CodeBlock.of("$L == $T.$N", subject, enumClass, variant);
        }
        List<CodeBlock> tests = new ArrayList<>();
        if (!elements.isEmpty() && elements.stream().allMatch(this::isPlainBinding)) {
            // a record pattern binds the variant's fields directly: `s instanceof Shape.Circle(var r)`
            List<CodeBlock> vars = new ArrayList<>();
            for (Pattern el : elements) {
                Pattern.Binding b = (Pattern.Binding) el;
                vars.add(CodeBlock.of("var $N", cx.scope.declare(resolution.declaration(b), b.name())));
                boundByTest.add(b);
            }
            return CodeBlock.of("$L instanceof $T($L)", subject, enumClass.nestedClass(variant),
                    CodeBlock.join(vars, ", "));
        }
        tests.add(CodeBlock.of("$L instanceof $T", subject, enumClass.nestedClass(variant)));
        for (int i = 0; i < elements.size(); i++) {
            CodeBlock access = CodeBlock.of("$T.element($L, $L)", OPS, subject, i);
            if (!irrefutable(elements.get(i))) {
                tests.add(patternTest(elements.get(i), access, Type.DYN));
            }
        }
        return CodeBlock.join(tests, " && ");
    }

    CodeBlock literalTest(Expr literal, CodeBlock subject, Type t) {
        if (t instanceof Type.Int && literal instanceof Expr.IntLit i) {
            return CodeBlock.of("$L == $L", subject, i.value());
        }
        if (t instanceof Type.Str && (literal instanceof Expr.StringLit || literal instanceof Expr.CharLit)) {
            return CodeBlock.of("$L.equals($L)", subject, expr(literal));
        }
        if (t instanceof Type.Bool && literal instanceof Expr.BoolLit b) {
            return b.value() ? subject : CodeBlock.of("!$L", subject);
        }
        if (literal instanceof Expr.NilLit) {
            return CodeBlock.of("$L == null", subject);
        }
        return CodeBlock.of("$T.matches($L, $L)", OPS, subject, expr(literal));
    }

    /** Bindings already declared by the test itself (record patterns), which {@link #bindPattern} skips. */
    private final Set<Pattern.Binding> boundByTest = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

    /** Notes that a case label's record pattern declares {@code b}, so that {@link #bindPattern} skips it. */
    void boundByTest(Pattern.Binding b) {
        boundByTest.add(b);
    }

    boolean isPlainBinding(Pattern p) {
        if (!(p instanceof Pattern.Binding b)) {
            return false;
        }
        Symbol sym = resolution.declaration(b);
        return sym != null && !sym.needsCell() && !sym.isGlobal();
    }

    /** Declares the variables a matched pattern binds; the matched value is in the local variable {@code local}. */
    void bindPattern(Pattern p, String local, Type t) {
        bind(p, CodeBlock.of("$N", local), local, t);
    }

    /** Declares the variables a matched pattern binds; the matched value is the Java expression {@code subject}. */
    void bindPattern(Pattern p, CodeBlock subject, Type t) {
        bind(p, subject, null, t);
    }

    private void bind(Pattern p, CodeBlock subject, String local, Type t) {
        switch (p) {
            case Pattern.Binding b -> {
                Symbol sym = resolution.declaration(b);
                if (sym == null || boundByTest.contains(b)) {
                    return;
                }
                declareBound(sym, b.name(), subject, local, t);
            }
            case Pattern.At a -> {
                Symbol sym = resolution.declaration(a);
                if (sym != null) {
                    declareBound(sym, a.name(), subject, local, t);
                }
                bind(a.pattern(), subject, local, t);
            }
            case Pattern.Tuple tu -> {
                for (int i = 0; i < tu.elements().size(); i++) {
                    bindPattern(tu.elements().get(i), CodeBlock.of("$T.element($L, $L)", OPS, subject, i),
                            Type.DYN);
                }
            }
            case Pattern.Array a -> {
                int restIndex = indexOfRest(a.elements());
                for (int i = 0; i < a.elements().size(); i++) {
                    Pattern el = a.elements().get(i);
                    if (el instanceof Pattern.Rest r) {
                        if (r.name() != null) {
                            int after = a.elements().size() - i - 1;
                            bindPattern(el, CodeBlock.of("$T.restOf($L, $L, $L)", OPS, subject, i, after), t);
                        }
                        continue;
                    }
                    CodeBlock access = restIndex >= 0 && i > restIndex
                            ? CodeBlock.of("$T.element($L, $L)", OPS, subject, i - a.elements().size())
                            : CodeBlock.of("$T.element($L, $L)", OPS, subject, i);
                    bindPattern(el, access, Type.DYN);
                }
            }
            case Pattern.Rest r -> {
                Symbol sym = resolution.declaration(r);
                if (sym != null) {
                    declareBound(sym, r.name(), subject, local, Type.DYN);
                }
            }
            case Pattern.TupleStruct ts -> {
                String name = ts.path().get(ts.path().size() - 1);
                if (name.equals("Some") || name.equals("Ok") || name.equals("Err")) {
                    if (ts.elements().size() == 1) {
                        bindPattern(ts.elements().get(0), CodeBlock.of("$T.payload($L)", OPS, subject), Type.DYN);
                    }
                    return;
                }
                for (int i = 0; i < ts.elements().size(); i++) {
                    bindPattern(ts.elements().get(i), CodeBlock.of("$T.element($L, $L)", OPS, subject, i),
                            Type.DYN);
                }
            }
            case Pattern.Struct st -> st.fields().forEach(f -> {
                CodeBlock access = CodeBlock.of("$T.field($L, $S)", OPS, subject, f.name());
                if (f.pattern() != null) {
                    bindPattern(f.pattern(), access, Type.DYN);
                } else {
                    Symbol sym = resolution.declaration(f);
                    if (sym != null) {
                        declareBound(sym, f.name(), access, null, Type.DYN);
                    }
                }
            });
            case Pattern.Or o -> bind(o.alternatives().get(0), subject, local, t);
            default -> {
            }
        }
    }

    /** Declares {@code sym} with {@code value}, or names it after {@code local} (may be null) when that variable holds the value already. */
    private void declareBound(Symbol sym, String rubyName, CodeBlock value, String local, Type from) {
        if (!sym.isReassigned() && !sym.isCaptured() && !sym.isGlobal() && from.equals(types.of(sym))
                && local != null && cx.scope.inUse(local)) {
            cx.scope.alias(sym, local); // `x => ...` on a plain variable: use the variable itself
            return;
        }
        if (sym.isGlobal()) {
            stmt("$N = $L", cx.globalName(sym), coerce(value, from, types.of(sym)));
            return;
        }
        String name = cx.scope.declare(sym, rubyName);
        CodeBlock coerced = coerce(value, from, types.of(sym));
        if (sym.needsCell()) {
            stmt("var $N = new $T<$T>($L)", name, CELL, javaType(types.of(sym)).box(), coerced);
        } else {
            stmt("$T $N = $L", javaType(types.of(sym)), name, coerced);
        }
    }
}
