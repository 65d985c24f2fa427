package dev.ruchy.transpiler.emit;

import static dev.ruchy.transpiler.emit.RuntimeApi.RUCHY_ERROR;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.ruchy.transpiler.ast.Expr;
import dev.ruchy.transpiler.ast.Pattern;
import dev.ruchy.transpiler.ast.Stmt;
import dev.ruchy.transpiler.code.Symbol;
import dev.ruchy.transpiler.code.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A {@code match} written as a Java 21 {@code switch} where Java can say it: over a user enum (a Java
 * {@code enum}, or a sealed interface of records matched with record patterns), over a string, or
 * over an integer that provably fits an {@code int} ({@code n % 3}: Java has no switch on
 * {@code long}). A match used as a value becomes a switch expression, otherwise a switch statement,
 * both in arrow form. Every other match stays an {@code if} chain ({@link ControlFlowPrinter#match}).
 *
 * <p>Run-time behaviour is the {@code if} chain's: an arm that matches every value becomes
 * {@code default} (with {@code case null}, since Ruchy's {@code _} matches nil); a switch over a
 * reference with no such arm ends with {@code case null -> throw RuchyError.noMatch(..)} (or
 * {@code case null, default} when the arms do not cover every variant), so a nil subject still fails
 * with Ruchy's "no arm matched" error, and a switch that covers every variant has no
 * {@code default}, so javac checks that it stays exhaustive.
 */
final class SwitchPrinter extends Printer {
    SwitchPrinter(EmitContext cx) {
        super(cx);
    }

    /** What the subject is, as far as the switch is concerned. */
    private enum Kind { ENUM, SEALED, STRING, INT }

    /** Writes {@code m} as a switch delivering to {@code sink}; false (having written nothing) when Java cannot express it. */
    boolean matchSwitch(Expr.Match m, Sink sink) {
        Type t = types.of(m.scrutinee());
        Kind kind = kindOf(m, t);
        if (kind == null) {
            return false;
        }
        List<Expr.MatchArm> arms = new ArrayList<>();
        Expr.MatchArm fallback = null;
        Set<Object> seen = new HashSet<>();
        Set<String> covered = new HashSet<>();
        for (Expr.MatchArm arm : m.arms()) {
            if (isCatchAll(arm.pattern())) {
                if (arm.guard() != null) {
                    return false; // `x if ..` would need a type pattern Java can't write for an int or an enum constant
                }
                fallback = arm;
                break; // later arms are unreachable, as in the if chain
            }
            if (!armFits(kind, t, arm, seen, covered)) {
                return false;
            }
            arms.add(arm);
        }
        if (arms.isEmpty()) {
            return false;
        }
        boolean exhaustive = fallback == null && (kind == Kind.ENUM || kind == Kind.SEALED)
                && covered.containsAll(variantNames(((Type.Named) t).name()));
        boolean asExpression = (sink.kind() == Sink.Kind.ASSIGN && !sink.cell()
                || sink.kind() == Sink.Kind.RETURN && (cx.inLambda || !cx.resultVoid)
                || sink.kind() == Sink.Kind.YIELD)
                && m.arms().stream().noneMatch(a -> jumpsOut(a.body()) || a.guard() != null && jumpsOut(a.guard()));
        if (!asExpression && m.arms().stream().anyMatch(a -> AstScan.any(a.body(), n -> n instanceof Expr.Break))) {
            return false; // a `break` inside a switch statement would leave the switch, not the loop
        }
        if (sink.kind() == Sink.Kind.YIELD && !asExpression) {
            return false; // a switch statement inside a switch expression could not yield out of it
        }

        // an enum subject goes through a local of the enum's type: a variant built in place has its record's
        boolean needsSubject = fallback == null || !(fallback.pattern() instanceof Pattern.Wildcard)
                || kind == Kind.ENUM || kind == Kind.SEALED;
        String subject = null;
        CodeBlock selector;
        if (needsSubject || isVariable(m.scrutinee())) {
            subject = cx.flow.subjectVariable(m.scrutinee());
            selector = kind == Kind.INT ? CodeBlock.of("(int) $N", subject) : CodeBlock.of("$N", subject);
        } else {
            CodeBlock value = cx.flow.exprOrHoist(m.scrutinee());
            selector = kind == Kind.INT ? CodeBlock.of("(int) ($L)", value) : value;
        }

        Sink armSink = sink;
        if (asExpression) {
            switch (sink.kind()) {
                case RETURN -> {
                    cx.out.add("return switch ($L) {\n$>", selector);
                    armSink = Sink.yield(cx.inLambda ? null : cx.resultType);
                }
                case ASSIGN -> {
                    cx.out.add("$N = switch ($L) {\n$>", sink.target(), selector);
                    armSink = Sink.yield(sink.type());
                }
                default -> {
                    cx.out.add("yield switch ($L) {\n$>", selector);
                    armSink = Sink.yield(sink.type());
                }
            }
        } else {
            cx.out.beginControlFlow("switch ($L)", selector);
        }
        for (Expr.MatchArm arm : arms) {
            cx.mark(arm);
            CodeBlock label = label(kind, t, arm.pattern());
            if (arm.guard() != null) {
                label = CodeBlock.of("$L when $L", label, cx.expressions.condition(arm.guard()));
            }
            arm(label, arm, subject, t, armSink, asExpression);
        }
        String nullLabel = kind == Kind.INT ? "default" : "case null, default";
        if (fallback != null) {
            cx.mark(fallback);
            arm(CodeBlock.of("$L", nullLabel), fallback, subject, t, armSink, asExpression);
        } else {
            cx.mark(m); // "no arm matched" names the match's line, as the if chain's final else does
            cx.out.add("$L -> throw $T.noMatch($N);\n", exhaustive ? "case null" : nullLabel, RUCHY_ERROR, subject);
        }
        if (asExpression) {
            cx.out.add("$<};\n");
        } else {
            cx.out.endControlFlow();
        }
        return true;
    }

    /**
     * One {@code case}: an arm whose value (or, in a statement, whose call) is one Java expression
     * on one line, any other a block that delivers to {@code sink}.
     */
    private void arm(CodeBlock label, Expr.MatchArm arm, String subject, Type t, Sink sink, boolean asExpression) {
        Expr body = AstScan.unwrapBlock(arm.body());
        boolean bindsInBody = bindsInBody(arm.pattern());
        boolean oneLine = !bindsInBody && (asExpression
                ? cx.flow.isExpressible(body) && !cx.statements.isVoidCall(body)
                : sink.kind() == Sink.Kind.DISCARD && isCall(body));
        if (oneLine) {
            CodeBlock.Builder saved = cx.out;
            cx.out = CodeBlock.builder();
            CodeBlock value = asExpression ? expr(body) : switch (body) {
                case Expr.Call c -> cx.calls.call(c);
                case Expr.MethodCall mc -> cx.calls.methodCall(mc);
                default -> cx.calls.macro((Expr.MacroCall) body);
            };
            CodeBlock hoisted = cx.out.build(); // statements an argument needed first
            cx.out = saved;
            if (hoisted.isEmpty()) {
                Type from = types.of(body);
                cx.out.add("$L -> $L;\n", label,
                        !asExpression || sink.type() == null ? value : coerce(value, from, sink.type()));
            } else {
                cx.out.add("$L -> {\n$>", label);
                cx.out.add(hoisted);
                if (asExpression) {
                    cx.flow.deliver(value, types.of(body), sink);
                } else {
                    stmt("$L", value);
                }
                cx.out.add("$<}\n");
            }
            return;
        }
        cx.out.add("$L -> {\n$>", label);
        if (bindsInBody) {
            cx.patterns.bindPattern(arm.pattern(), subject, t);
        }
        cx.flow.branch(arm.body(), sink);
        cx.out.add("$<}\n");
    }

    private static boolean isCall(Expr e) {
        return e instanceof Expr.Call || e instanceof Expr.MethodCall || e instanceof Expr.MacroCall;
    }

    /** Whether the arm's pattern binds variables that the case label does not declare (a default arm's name, or a cell). */
    private boolean bindsInBody(Pattern p) {
        return switch (p) {
            case Pattern.Binding b -> resolution.declaration(b) != null;
            case Pattern.TupleStruct ts -> ts.elements().stream()
                    .anyMatch(e -> e instanceof Pattern.Binding && !cx.patterns.isPlainBinding(e));
            default -> false;
        };
    }

    /** The case label for a pattern {@link #armFits} accepted. */
    private CodeBlock label(Kind kind, Type t, Pattern p) {
        return switch (p) {
            case Pattern.Or o -> {
                List<CodeBlock> labels = new ArrayList<>();
                for (Pattern alt : o.alternatives()) {
                    labels.add(constant(kind, alt));
                }
                yield CodeBlock.of("case $L", CodeBlock.join(labels, ", "));
            }
            case Pattern.TupleStruct ts when kind == Kind.SEALED -> recordPattern(t, last(ts.path()), ts.elements());
            case Pattern.Path path when kind == Kind.SEALED -> recordPattern(t, last(path.path()), List.of());
            case Pattern.Binding b when kind == Kind.SEALED -> recordPattern(t, b.name(), List.of());
            default -> CodeBlock.of("case $L", constant(kind, p));
        };
    }

    /** A constant label: an enum constant's simple name, a string or an int literal. */
    private CodeBlock constant(Kind kind, Pattern p) {
        return switch (p) {
            case Pattern.Path path -> CodeBlock.of("$N", last(path.path()));
            case Pattern.Binding b -> CodeBlock.of("$N", b.name());
            case Pattern.Literal l when kind == Kind.INT -> CodeBlock.of("$L", ((Expr.IntLit) l.value()).value());
            case Pattern.Literal l -> expr(l.value());
            default -> throw new IllegalStateException("not a constant label: " + p);
        };
    }

    /** {@code case Shape.Circle(var r)}: plain bindings are declared by the pattern, any other element gets a name it does not use. */
    private CodeBlock recordPattern(Type t, String variant, List<Pattern> elements) {
        ClassName record = cx.typeName(((Type.Named) t).name()).nestedClass(variant);
        List<CodeBlock> vars = new ArrayList<>();
        for (Pattern el : elements) {
            if (cx.patterns.isPlainBinding(el)) {
                Pattern.Binding b = (Pattern.Binding) el;
                vars.add(CodeBlock.of("var $N", cx.scope.declare(resolution.declaration(b), b.name())));
                cx.patterns.boundByTest((Pattern.Binding) el);
            } else {
                vars.add(CodeBlock.of("var $N", cx.scope.allocate("ignored")));
            }
        }
        return CodeBlock.of("case $T($L)", record, CodeBlock.join(vars, ", "));
    }

    /** The kind of switch {@code m} can be, or null when its subject is none Java switches over. */
    private Kind kindOf(Expr.Match m, Type t) {
        if (t instanceof Type.Named n && resolution.enums().get(n.name()) instanceof Stmt.Enum e) {
            return isSimple(e) ? Kind.ENUM : Kind.SEALED;
        }
        if (t instanceof Type.Str) {
            return Kind.STRING;
        }
        if (t instanceof Type.Int && fitsInt(m.scrutinee())) {
            return Kind.INT;
        }
        return null;
    }

    /**
     * Whether an integer subject provably fits an {@code int}: a remainder by a literal that does
     * ({@code n % 3} lies strictly between -3 and 3).
     */
    private static boolean fitsInt(Expr e) {
        return e instanceof Expr.Binary b && b.op() == dev.ruchy.transpiler.ast.BinaryOp.REM && b.right() instanceof Expr.IntLit lit
                && lit.value() != 0 && lit.value() > Integer.MIN_VALUE && lit.value() <= Integer.MAX_VALUE;
    }

    /** An arm that takes every value and ends the switch: {@code _} or a plain name. */
    private boolean isCatchAll(Pattern p) {
        return p instanceof Pattern.Wildcard
                || p instanceof Pattern.Binding b && cx.patterns.irrefutable(b);
    }

    /**
     * Whether an arm other than the catch-all can be a case of a switch of {@code kind}, with no label
     * repeated (javac rejects a duplicate or dominated label where Ruchy only skips the arm). Records
     * in {@code covered} the variants the arm matches whatever their payload.
     */
    private boolean armFits(Kind kind, Type t, Expr.MatchArm arm, Set<Object> seen, Set<String> covered) {
        Pattern p = arm.pattern();
        if (kind == Kind.SEALED) {
            if (arm.guard() != null && !guardFits(arm.guard(), p)) {
                return false;
            }
            String variant;
            List<Pattern> elements;
            switch (p) {
                case Pattern.TupleStruct ts -> {
                    variant = last(ts.path());
                    elements = ts.elements();
                }
                case Pattern.Path path -> {
                    variant = last(path.path());
                    elements = List.of();
                }
                case Pattern.Binding b -> {
                    variant = b.name();
                    elements = List.of();
                }
                default -> {
                    return false; // or-patterns of records need Java 22's unnamed patterns; struct patterns stay tests
                }
            }
            Stmt.Enum owner = ownerOf(p);
            Stmt.Variant v = owner == null ? null : variantOf(owner, variant);
            if (owner == null || !owner.name().equals(((Type.Named) t).name()) || v == null
                    || v.tupleFields().size() != elements.size() || !v.structFields().isEmpty()
                    || covered.contains(variant)) {
                return false;
            }
            for (Pattern el : elements) {
                if (arm.guard() != null && el instanceof Pattern.Binding && !cx.patterns.isPlainBinding(el)) {
                    return false; // the guard reads a variable the case label cannot declare
                }
                if (!(el instanceof Pattern.Wildcard) && !(el instanceof Pattern.Binding b && cx.patterns.irrefutable(b))) {
                    return false; // a nested literal or variant: Java's record pattern cannot test it
                }
            }
            if (arm.guard() == null) {
                covered.add(variant);
            }
            return true;
        }
        if (arm.guard() != null) {
            return false; // Java puts guards on patterns only, not on constants
        }
        List<Pattern> alternatives = p instanceof Pattern.Or o ? o.alternatives() : List.of(p);
        for (Pattern alt : alternatives) {
            Object key = constantKey(kind, t, alt);
            if (key == null || !seen.add(key)) {
                return false;
            }
            if (kind == Kind.ENUM) {
                covered.add((String) key);
            }
        }
        return true;
    }

    /** What a constant pattern compares with (a variant name, a string, an int), or null when it is no constant of this switch. */
    private Object constantKey(Kind kind, Type t, Pattern p) {
        return switch (kind) {
            case ENUM -> {
                Stmt.Enum owner = ownerOf(p);
                boolean named = p instanceof Pattern.Path || p instanceof Pattern.Binding;
                yield named && owner != null && owner.name().equals(((Type.Named) t).name())
                        ? (p instanceof Pattern.Path path ? last(path.path()) : ((Pattern.Binding) p).name()) : null;
            }
            case STRING -> p instanceof Pattern.Literal l && l.value() instanceof Expr.StringLit s ? s.value() : null;
            case INT -> p instanceof Pattern.Literal l && l.value() instanceof Expr.IntLit i
                    && i.value() >= Integer.MIN_VALUE && i.value() <= Integer.MAX_VALUE ? i.value() : null;
            case SEALED -> null;
        };
    }

    /** The enum a variant pattern names, or null (a binding that is a variable, not a unit variant). */
    private Stmt.Enum ownerOf(Pattern p) {
        return switch (p) {
            case Pattern.TupleStruct ts -> resolution.variantOwner(ts.path());
            case Pattern.Path path -> resolution.variantOwner(path.path());
            case Pattern.Binding b -> resolution.declaration(b) == null ? resolution.variantOwner(b.name()) : null;
            default -> null;
        };
    }

    /**
     * Whether a guard can be a {@code when} clause: one Java expression with no statement hoisted
     * out of any part of it, reading no local but the arm's own bindings and parameters that are
     * never reassigned (javac wants the locals a guard reads effectively final, and a Ruchy local
     * that is never reassigned may still be a Java loop counter).
     */
    private boolean guardFits(Expr guard, Pattern pattern) {
        return !AstScan.any(guard, n -> n instanceof Expr e && !cx.flow.isExpressible(e))
                && !AstScan.any(guard, n -> n instanceof Expr.Ident id && cx.symbolOf(id) instanceof Symbol sym
                        && switch (sym.kind()) {
                            case PARAMETER -> sym.isReassigned() && !sym.needsCell();
                            case VARIABLE -> !(sym.declaration() instanceof Pattern.Binding b
                                    && pattern instanceof Pattern.TupleStruct ts && ts.elements().stream().anyMatch(el -> el == b)
                                    && !sym.isReassigned());
                            default -> false;
                        });
    }

    /** Whether {@code e} may leave by {@code return}, {@code break}, {@code continue} or {@code ?}, which a switch expression's arm cannot. */
    private static boolean jumpsOut(Expr e) {
        return AstScan.any(e, n -> n instanceof Expr.Return || n instanceof Expr.Break || n instanceof Expr.Continue
                || n instanceof Expr.Try);
    }

    private boolean isVariable(Expr e) {
        return e instanceof Expr.Ident id && cx.symbolOf(id) instanceof Symbol sym && !sym.needsCell() && !sym.isGlobal()
                && cx.scope.declares(sym);
    }

    private static boolean isSimple(Stmt.Enum e) {
        return e.variants().stream().allMatch(v -> v.tupleFields().isEmpty() && v.structFields().isEmpty());
    }

    private List<String> variantNames(String enumName) {
        return resolution.enums().get(enumName).variants().stream().map(Stmt.Variant::name).toList();
    }

    private static Stmt.Variant variantOf(Stmt.Enum e, String name) {
        return e.variants().stream().filter(v -> v.name().equals(name)).findFirst().orElse(null);
    }

    private static String last(List<String> path) {
        return path.get(path.size() - 1);
    }
}
