package dev.ruchy.runtime;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Facts about Ruchy values in their Java representation (see the package documentation). */
public final class Values {
    private Values() {
    }

    /**
     * The Ruchy type name of a value, as {@code type_of(v)} returns it and as error messages spell it
     * (ruchy-semantics §2.1): {@code integer}, {@code float}, {@code boolean}, {@code string},
     * {@code nil}, {@code array}, {@code tuple}, {@code object}, {@code range}, {@code function},
     * {@code enum_variant} (also Some/None/Ok/Err), {@code struct}, {@code atom}, {@code byte}.
     * Other Java objects are {@code object}.
     */
    public static String typeOf(Object value) {
        return switch (value) {
            case null -> "nil";
            case Long l -> "integer";
            case Integer i -> "integer";
            case Short s -> "integer";
            case Byte b -> "byte";
            case Double d -> "float";
            case Float f -> "float";
            case Boolean b -> "boolean";
            case String s -> "string";
            case Character c -> "string";
            case List<?> l -> "array";
            case Tuple t -> "tuple";
            case RObject o -> "object";
            case Map<?, ?> m -> "object";
            case Range r -> "range";
            case Atom a -> "atom";
            case Option<?> o -> "enum_variant";
            case Result<?, ?> r -> "enum_variant";
            case RuchyEnum e -> "enum_variant";
            case Enum<?> e -> "enum_variant";
            case RuchyStruct s -> "struct";
            case Record r -> "struct";
            default -> isFunction(value) ? "function" : "object";
        };
    }

    /**
     * Lambdas, method references, the runtime's {@link Fn0}…{@link FnN} and the common functional
     * interfaces count as Ruchy functions.
     */
    static boolean isFunction(Object value) {
        return value instanceof Fn0 || value instanceof Fn1 || value instanceof Fn2 || value instanceof Fn3
                || value instanceof Fn4 || value instanceof FnN
                || value instanceof Function<?, ?> || value instanceof BiFunction<?, ?, ?>
                || value instanceof Supplier<?> || value instanceof Consumer<?> || value instanceof BiConsumer<?, ?>
                || value instanceof Predicate<?> || value instanceof BiPredicate<?, ?>
                || value instanceof Runnable || value instanceof Callable<?>
                || value.getClass().isHidden() || value.getClass().isSynthetic();
    }
}
