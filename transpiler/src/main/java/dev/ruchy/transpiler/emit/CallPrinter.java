package dev.ruchy.transpiler.emit;

import static dev.ruchy.transpiler.emit.RuntimeApi.BUILTINS;
import static dev.ruchy.transpiler.emit.RuntimeApi.OPS;
import static dev.ruchy.transpiler.emit.RuntimeApi.OPTION;
import static dev.ruchy.transpiler.emit.RuntimeApi.RESULT;
import static dev.ruchy.transpiler.emit.RuntimeApi.RUCHY_ERROR;
import static dev.ruchy.transpiler.emit.RuntimeApi.TEST_ASSERTIONS;

import com.palantir.javapoet.CodeBlock;
import dev.ruchy.transpiler.ast.Expr;
import dev.ruchy.transpiler.ast.Node;
import dev.ruchy.transpiler.ast.Param;
import dev.ruchy.transpiler.ast.Stmt;
import dev.ruchy.transpiler.code.Symbol;
import dev.ruchy.transpiler.code.Type;
import dev.ruchy.transpiler.resolve.BuiltinFunctions;
import dev.ruchy.transpiler.types.TypeInference;
import java.util.ArrayList;
import java.util.List;

/** Calls: user functions and methods (arguments coerced to the parameter types), builtins, runtime paths, macros and dynamic method calls. */
final class CallPrinter extends Printer {
    CallPrinter(EmitContext cx) {
        super(cx);
    }

    CodeBlock call(Expr.Call c) {
        if (c.callee() instanceof Expr.Ident id) {
            Symbol sym = cx.symbolOf(id);
            if (sym != null && sym.kind() == Symbol.Kind.FUNCTION && sym.declaration() instanceof Stmt.Fun f) {
                if (cx.names.containsKey(sym)) {
                    return coerce(CodeBlock.of("$T.call($N$L)", OPS, cx.names.get(sym), leadingComma(boxedArgs(c.args()))),
                            Type.DYN, types.of(c));
                }
                return userCall(CodeBlock.of("$N", javaFunctionName(f)), f, c.args());
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
                default:
                    break;
            }
            Stmt.Enum owner = resolution.variantOwner(id.name());
            if (owner != null) {
                return cx.expressions.variantValue(owner, id.name(), c.args().stream().map(Expr.Arg::value).toList());
            }
            BuiltinFunctions.Builtin builtin = BuiltinFunctions.lookup(id.name());
            if (builtin != null && cx.testMode && id.name().startsWith("assert")) {
                return testAssertion(builtin.javaName(), c.args().stream().map(Expr.Arg::value).toList(), c);
            }
            if (builtin != null) {
                return coerce(builtinCall(builtin, c.args()), builtin.result(), types.of(c));
            }
            return CodeBlock.of("$T.undefined($S)", RUCHY_ERROR, id.name());
        }
        if (c.callee() instanceof Expr.Path p) {
            return pathCall(p, c.args(), types.of(c));
        }
        return CodeBlock.of("$T.call($L$L)", OPS, expr(c.callee()), leadingComma(boxedArgs(c.args())));
    }

    String javaFunctionName(Stmt.Fun f) {
        return Names.camelCase(f.name());
    }

    static CodeBlock leadingComma(CodeBlock args) {
        return args.isEmpty() ? args : CodeBlock.of(", $L", args);
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
        return CodeBlock.of("$L($L)", callee, CodeBlock.join(codes, ", "));
    }

    CodeBlock builtinCall(BuiltinFunctions.Builtin builtin, List<Expr.Arg> args) {
        List<Expr> values = args.stream().map(Expr.Arg::value).toList();
        switch (builtin.name()) {
            case "println", "print", "eprintln", "dbg", "assert", "assert_eq", "assert_ne", "range", "min", "max" -> {
                return CodeBlock.of("$T.$L($L)", BUILTINS, builtin.javaName(), boxedArgsOf(values));
            }
            default -> {
                return CodeBlock.of("$T.$L($L)", BUILTINS, builtin.javaName(), boxedArgsOf(values));
            }
        }
    }

    CodeBlock pathCall(Expr.Path p, List<Expr.Arg> args, Type result) {
        List<String> segs = p.segments();
        if (segs.size() == 2) {
            String owner = segs.get(0);
            String name = segs.get(1);
            Stmt.Enum en = resolution.enums().get(owner);
            if (en != null) {
                return cx.expressions.variantValue(en, name, args.stream().map(Expr.Arg::value).toList());
            }
            if (owner.equals("String") && (name.equals("from") || name.equals("new")) && args.size() <= 1) {
                return args.isEmpty() ? CodeBlock.of("$S", "")
                        : coerce(expr(args.get(0).value()), types.of(args.get(0).value()), Type.STR);
            }
            Stmt.Fun method = findMethod(owner, name);
            if (method != null) {
                if (resolution.classes().containsKey(owner) && resolution.classes().get(owner).constructors().contains(method)) {
                    return userCall(CodeBlock.of("new $T", cx.self.nestedClass(owner)), method, args);
                }
                return userCall(CodeBlock.of("$T.$N", cx.self.nestedClass(owner), Names.camelCase(name)), method, args);
            }
            if (resolution.classes().containsKey(owner) && name.equals("new")) {
                return CodeBlock.of("new $T($L)", cx.self.nestedClass(owner), boxedArgs(args));
            }
        }
        return coerce(CodeBlock.of("$T.callPath($S$L)", OPS, String.join("::", segs), leadingComma(boxedArgs(args))),
                Type.DYN, result);
    }

    Stmt.Fun findMethod(String type, String name) {
        return resolution.method(type, name);
    }

    CodeBlock methodCall(Expr.MethodCall m) {
        Type receiver = types.of(m.receiver());
        if (receiver instanceof Type.Named n) {
            Stmt.Fun method = findMethod(n.name(), m.name());
            if (method != null) {
                return userCall(CodeBlock.of("$L.$N", cx.statements.receiverCode(m.receiver()), Names.camelCase(m.name())), method, m.args());
            }
        }
        CodeBlock fast = MethodFastPaths.emit(this, m, receiver);
        if (fast != null) {
            return fast;
        }
        Type result = types.of(m);
        CodeBlock call = CodeBlock.of("$T.invoke($L, $S$L)", OPS, expr(m.receiver()), m.name(),
                leadingComma(boxedArgs(m.args())));
        return coerce(call, Type.DYN, result);
    }

    /** For {@link MethodFastPaths}. */
    CodeBlock exprCode(Expr e) {
        return expr(e);
    }

    Type typeOf(Expr e) {
        return types.of(e);
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
        switch (m.name()) {
            case "vec":
                if (m.args().size() == 1 && m.args().get(0) instanceof Expr.ArrayRepeat r) {
                    return expr(r);
                }
                return cx.expressions.arrayLiteral(new Expr.ArrayLit(m.args(), m.span()));
            case "println", "print", "eprintln":
                return CodeBlock.of("$T.$L($L)", BUILTINS, m.name(), boxedArgsOf(m.args()));
            case "format":
                return CodeBlock.of("$T.formatMacro($L)", BUILTINS, boxedArgsOf(m.args()));
            case "assert":
                return cx.testMode ? testAssertion("assertTrue", m.args(), m)
                        : CodeBlock.of("$T.assertTrue($L)", BUILTINS, boxedArgsOf(m.args()));
            case "assert_eq":
                return cx.testMode ? testAssertion("assertEq", m.args(), m)
                        : CodeBlock.of("$T.assertEq($L)", BUILTINS, boxedArgsOf(m.args()));
            case "panic":
                return CodeBlock.of("$T.panic($L)", BUILTINS, boxedArgsOf(m.args()));
            default:
                return CodeBlock.of("$T.macro($S$L)", OPS, m.name(), leadingComma(boxedArgsOf(m.args())));
        }
    }

    CodeBlock boxedArgs(List<Expr.Arg> args) {
        return boxedArgsOf(args.stream().map(Expr.Arg::value).toList());
    }

    CodeBlock boxedArgsOf(List<Expr> values) {
        List<CodeBlock> codes = new ArrayList<>();
        for (Expr v : values) {
            CodeBlock code = v instanceof Expr.Lambda l ? cx.lambdas.lambdaCode(l, true) : expr(v);
            // a bare null as a varargs argument would be the array itself
            codes.add(code == NIL ? CodeBlock.of("($T) null", OBJECT) : code);
        }
        return CodeBlock.join(codes, ", ");
    }
}
