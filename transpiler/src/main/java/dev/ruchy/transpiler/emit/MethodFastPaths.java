package dev.ruchy.transpiler.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.ruchy.transpiler.ast.Expr;
import dev.ruchy.transpiler.code.Type;
import java.util.List;
import java.util.Locale;

/**
 * Method calls on receivers of a known type that map straight to Java or to a runtime helper,
 * without the dynamic dispatch of {@code Ops.invoke} (ruchy-semantics §5.3–5.5).
 */
final class MethodFastPaths {
    private static final ClassName MATH = ClassName.get(Math.class);
    private static final ClassName LOCALE = ClassName.get(Locale.class);
    private static final ClassName STRING = ClassName.get(String.class);

    private MethodFastPaths() {
    }

    /** The Java code for {@code m}, or null when it needs dynamic dispatch. */
    static CodeBlock emit(CallPrinter emitter, Expr.MethodCall m, Type receiver) {
        List<Expr.Arg> args = m.args();
        int n = args.size();
        CodeBlock r = receiverCode(emitter, m.receiver());
        if (receiver instanceof Type.Str) {
            return switch (m.name()) {
                case "len", "length" -> n == 0 ? CodeBlock.of("$T.len($L)", RuntimeApi.STRINGS, r) : null;
                case "to_upper", "to_uppercase", "upper" -> n == 0 ? CodeBlock.of("$L.toUpperCase($T.ROOT)", r, LOCALE) : null;
                case "to_lower", "to_lowercase", "lower" -> n == 0 ? CodeBlock.of("$L.toLowerCase($T.ROOT)", r, LOCALE) : null;
                case "trim" -> n == 0 ? CodeBlock.of("$T.trim($L)", RuntimeApi.STRINGS, r) : null;
                case "is_empty" -> n == 0 ? CodeBlock.of("$L.isEmpty()", r) : null;
                case "contains" -> n == 1 && isStr(emitter, args.get(0)) ? CodeBlock.of("$L.contains($L)", r, arg(emitter, args, 0)) : null;
                case "starts_with" -> n == 1 && isStr(emitter, args.get(0)) ? CodeBlock.of("$L.startsWith($L)", r, arg(emitter, args, 0)) : null;
                case "ends_with" -> n == 1 && isStr(emitter, args.get(0)) ? CodeBlock.of("$L.endsWith($L)", r, arg(emitter, args, 0)) : null;
                case "replace" -> n == 2 && isStr(emitter, args.get(0)) && isStr(emitter, args.get(1))
                        ? CodeBlock.of("$L.replace($L, $L)", r, arg(emitter, args, 0), arg(emitter, args, 1)) : null;
                case "to_string", "clone", "to_owned", "as_str" -> n == 0 ? r : null;
                default -> null;
            };
        }
        if (receiver instanceof Type.ListType) {
            return switch (m.name()) {
                case "len", "length" -> n == 0 ? CodeBlock.of("(long) $L.size()", r) : null;
                case "is_empty" -> n == 0 ? CodeBlock.of("$L.isEmpty()", r) : null;
                // under the array's monitor, as the runtime's array methods: arrays may be shared by threads
                case "push" -> n == 1 ? CodeBlock.of("$T.push($L, $L)", RuntimeApi.LISTS, emitter.exprCode(m.receiver()),
                        element(emitter, m, args.get(0).value())) : null;
                default -> null;
            };
        }
        if (receiver instanceof Type.Int) {
            return switch (m.name()) {
                case "abs" -> n == 0 ? CodeBlock.of("$T.abs($L)", MATH, r) : null;
                case "to_string" -> n == 0 ? CodeBlock.of("$T.valueOf($L)", STRING, r) : null;
                default -> null;
            };
        }
        if (receiver instanceof Type.Float) {
            return switch (m.name()) {
                case "sqrt" -> n == 0 ? CodeBlock.of("$T.sqrt($L)", MATH, r) : null;
                case "abs" -> n == 0 ? CodeBlock.of("$T.abs($L)", MATH, r) : null;
                case "floor" -> n == 0 ? CodeBlock.of("$T.floor($L)", MATH, r) : null;
                case "ceil" -> n == 0 ? CodeBlock.of("$T.ceil($L)", MATH, r) : null;
                case "to_string" -> n == 0 ? CodeBlock.of("$T.plain($L)", RuntimeApi.FMT, r) : null;
                default -> null;
            };
        }
        return null;
    }

    private static CodeBlock receiverCode(CallPrinter emitter, Expr receiver) {
        CodeBlock code = emitter.exprCode(receiver);
        return receiver instanceof Expr.Binary || receiver instanceof Expr.Ternary ? CodeBlock.of("($L)", code) : code;
    }

    private static boolean isStr(CallPrinter emitter, Expr.Arg a) {
        return emitter.typeOf(a.value()) instanceof Type.Str;
    }

    private static CodeBlock arg(CallPrinter emitter, List<Expr.Arg> args, int i) {
        return emitter.exprCode(args.get(i).value());
    }

    private static CodeBlock element(CallPrinter emitter, Expr.MethodCall m, Expr value) {
        Type list = emitter.typeOf(m.receiver());
        Type element = list instanceof Type.ListType l ? l.element() : Type.DYN;
        return emitter.coerce(emitter.exprCode(value), emitter.typeOf(value), element);
    }
}
