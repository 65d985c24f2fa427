package dev.ruchy.transpiler.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.ruchy.transpiler.code.Type;
import java.util.List;
import java.util.function.Function;

/**
 * The {@code java.util.function} interface a typed closure is in Java: {@code |a, b| a + b} on
 * integers is a {@code LongBinaryOperator} called with {@code applyAsLong}, {@code |s| s.len()} a
 * {@code ToLongFunction<String>}, a closure of no value a {@code Consumer}. Primitive specialisations
 * are used where the parameters or the result are integers, floats or booleans.
 */
final class FunctionShapes {
    private FunctionShapes() {
    }

    /** A functional interface and the name of its method. */
    record Shape(TypeName type, String method) {
    }

    private static ClassName fn(String simple) {
        return ClassName.get("java.util.function", simple);
    }

    /**
     * The shape of {@code f}, a {@linkplain Type.FunctionType#typed() typed} function of at most two
     * parameters; {@code javaType} gives the Java type of a Ruchy type. Null for other arities.
     */
    static Shape of(Type.FunctionType f, Function<Type, TypeName> javaType) {
        List<Type> p = f.params();
        Type r = f.result();
        switch (f.arity()) {
            case 0 -> {
                return switch (r) {
                    case Type.Nil n -> new Shape(ClassName.get(Runnable.class), "run");
                    case Type.Int i -> new Shape(fn("LongSupplier"), "getAsLong");
                    case Type.Float d -> new Shape(fn("DoubleSupplier"), "getAsDouble");
                    case Type.Bool b -> new Shape(fn("BooleanSupplier"), "getAsBoolean");
                    default -> new Shape(ParameterizedTypeName.get(fn("Supplier"), boxed(r, javaType)), "get");
                };
            }
            case 1 -> {
                Type a = p.get(0);
                if (a instanceof Type.Int && r instanceof Type.Int) {
                    return new Shape(fn("LongUnaryOperator"), "applyAsLong");
                }
                if (a instanceof Type.Float && r instanceof Type.Float) {
                    return new Shape(fn("DoubleUnaryOperator"), "applyAsDouble");
                }
                return switch (r) {
                    case Type.Nil n -> a instanceof Type.Int ? new Shape(fn("LongConsumer"), "accept")
                            : a instanceof Type.Float ? new Shape(fn("DoubleConsumer"), "accept")
                            : new Shape(ParameterizedTypeName.get(fn("Consumer"), boxed(a, javaType)), "accept");
                    case Type.Bool b -> a instanceof Type.Int ? new Shape(fn("LongPredicate"), "test")
                            : a instanceof Type.Float ? new Shape(fn("DoublePredicate"), "test")
                            : new Shape(ParameterizedTypeName.get(fn("Predicate"), boxed(a, javaType)), "test");
                    case Type.Int i -> a instanceof Type.Float ? new Shape(fn("DoubleToLongFunction"), "applyAsLong")
                            : new Shape(ParameterizedTypeName.get(fn("ToLongFunction"), boxed(a, javaType)), "applyAsLong");
                    case Type.Float d -> a instanceof Type.Int ? new Shape(fn("LongToDoubleFunction"), "applyAsDouble")
                            : new Shape(ParameterizedTypeName.get(fn("ToDoubleFunction"), boxed(a, javaType)), "applyAsDouble");
                    default -> a instanceof Type.Int
                            ? new Shape(ParameterizedTypeName.get(fn("LongFunction"), boxed(r, javaType)), "apply")
                            : a instanceof Type.Float
                            ? new Shape(ParameterizedTypeName.get(fn("DoubleFunction"), boxed(r, javaType)), "apply")
                            : new Shape(ParameterizedTypeName.get(fn("Function"), boxed(a, javaType), boxed(r, javaType)), "apply");
                };
            }
            case 2 -> {
                Type a = p.get(0);
                Type b = p.get(1);
                if (a instanceof Type.Int && b instanceof Type.Int && r instanceof Type.Int) {
                    return new Shape(fn("LongBinaryOperator"), "applyAsLong");
                }
                if (a instanceof Type.Float && b instanceof Type.Float && r instanceof Type.Float) {
                    return new Shape(fn("DoubleBinaryOperator"), "applyAsDouble");
                }
                TypeName ja = boxed(a, javaType);
                TypeName jb = boxed(b, javaType);
                return switch (r) {
                    case Type.Nil n -> new Shape(ParameterizedTypeName.get(fn("BiConsumer"), ja, jb), "accept");
                    case Type.Bool x -> new Shape(ParameterizedTypeName.get(fn("BiPredicate"), ja, jb), "test");
                    case Type.Int i -> new Shape(ParameterizedTypeName.get(fn("ToLongBiFunction"), ja, jb), "applyAsLong");
                    case Type.Float d -> new Shape(ParameterizedTypeName.get(fn("ToDoubleBiFunction"), ja, jb), "applyAsDouble");
                    default -> new Shape(ParameterizedTypeName.get(fn("BiFunction"), ja, jb, boxed(r, javaType)), "apply");
                };
            }
            default -> {
                return null;
            }
        }
    }

    private static TypeName boxed(Type t, Function<Type, TypeName> javaType) {
        return javaType.apply(t).box();
    }
}
