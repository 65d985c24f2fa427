package dev.ruchy.transpiler.emit;

import static dev.ruchy.transpiler.emit.RuntimeApi.OPS;
import static dev.ruchy.transpiler.emit.RuntimeApi.OPTION;
import static dev.ruchy.transpiler.emit.RuntimeApi.RESULT;
import static dev.ruchy.transpiler.emit.RuntimeApi.R_OBJECT;
import static dev.ruchy.transpiler.emit.RuntimeApi.TUPLE;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.ruchy.transpiler.code.Type;

/** Java types for inferred types, and conversions between them (unboxing casts from dynamic values, widening, boxing). */
final class Coercions extends Printer {
    Coercions(EmitContext cx) {
        super(cx);
    }

    CodeBlock defaultValue(Type t) {
        return switch (t) {
            case Type.Int i -> CodeBlock.of("0L");
            case Type.Float f -> CodeBlock.of("0.0");
            case Type.Bool b -> CodeBlock.of("false");
            default -> NIL;
        };
    }

    /** The Java type for an inferred type. */
    TypeName javaType(Type t) {
        return switch (t) {
            case Type.Int i -> TypeName.LONG;
            case Type.Float f -> TypeName.DOUBLE;
            case Type.Bool b -> TypeName.BOOLEAN;
            case Type.Str s -> STRING;
            case Type.ListType l -> ParameterizedTypeName.get(LIST, javaType(l.element()).box());
            case Type.ObjectType o -> R_OBJECT;
            case Type.TupleType tu -> TUPLE;
            case Type.RangeType r -> RuntimeApi.RANGE;
            case Type.FunctionType fn when fn.typed() && FunctionShapes.of(fn, this::javaType) != null ->
                    FunctionShapes.of(fn, this::javaType).type();
            case Type.FunctionType fn -> RuntimeApi.fn(fn.arity() < 0 ? 5 : fn.arity());
            case Type.Named n -> resolution.structs().containsKey(n.name()) || resolution.enums().containsKey(n.name())
                    || resolution.classes().containsKey(n.name()) ? cx.typeName(n.name()) : OBJECT;
            case Type.OptionType o -> ParameterizedTypeName.get(OPTION, javaType(o.element()).box());
            case Type.RuntimeClass rc -> ClassName.bestGuess(rc.qualified());
            case Type.JavaType j when j.typeArguments().isEmpty() -> javaClass(j.binaryName());
            case Type.JavaType j -> ParameterizedTypeName.get(javaClass(j.binaryName()),
                    j.typeArguments().stream().map(a -> javaType(a).box()).toArray(TypeName[]::new));
            case Type.ResultType r -> ParameterizedTypeName.get(RESULT, javaType(r.ok()).box(), javaType(r.err()).box());
            default -> OBJECT;
        };
    }

    /** The class of a Java binary name ({@code java.util.Map$Entry}: {@code Map.Entry} in package {@code java.util}). */
    static ClassName javaClass(String binaryName) {
        int dot = binaryName.lastIndexOf('.');
        String pkg = dot < 0 ? "" : binaryName.substring(0, dot);
        String[] names = binaryName.substring(dot + 1).split("\\$");
        return ClassName.get(pkg, names[0], java.util.Arrays.copyOfRange(names, 1, names.length));
    }

    /** Converts code of type {@code from} to {@code to}: unboxing casts from dynamic values, boxing the other way. */
    CodeBlock coerce(CodeBlock code, Type from, Type to) {
        TypeName fromJava = javaType(from);
        TypeName toJava = javaType(to);
        if (fromJava.equals(toJava) || to instanceof Type.Dyn || to instanceof Type.Nil || to.isUnknown()) {
            return code;
        }
        if (from instanceof Type.OptionType && to instanceof Type.OptionType
                || from instanceof Type.ResultType && to instanceof Type.ResultType) {
            return code; // `Result.ok(x)` takes its type arguments from where it is used
        }
        if (code == NIL) {
            return to.isPrimitive() ? defaultValue(to) : code;
        }
        return switch (to) {
            case Type.Int i -> from instanceof Type.Float ? CodeBlock.of("(long) $L", code)
                    : CodeBlock.of("$T.asInt($L)", OPS, code);
            case Type.Float f -> from instanceof Type.Int ? CodeBlock.of("(double) $L", code)
                    : CodeBlock.of("$T.asFloat($L)", OPS, code);
            case Type.Bool b -> CodeBlock.of("(boolean) $L", code);
            case Type.Str s -> from instanceof Type.Int || from instanceof Type.Bool ? CodeBlock.of("$T.valueOf($L)", STRING, code)
                    : CodeBlock.of("(String) $L", code);
            case Type.ListType l -> CodeBlock.of("$T.<$T>asList($L)", OPS, javaType(l.element()).box(), code);
            default -> toJava.equals(OBJECT) ? code : CodeBlock.of("($T) $L", toJava, code);
        };
    }
}
