package dev.ruchy.transpiler.types;

/**
 * What one binary operator becomes in Java, decided once by {@link Operators} from the operand types
 * and recorded by type inference; the emitter only prints it.
 */
public sealed interface Operation {
    /** The runtime's dynamic operations, on boxed values ({@code Ops.add}, {@code Ops.eq}...). */
    String OPS = "dev.ruchy.runtime.Ops";
    /** {@code java.lang.Math}. */
    String MATH = "java.lang.Math";

    /** Whether it is written with a Java infix operator, so the precedence of its operands matters. */
    default boolean isInfix() {
        return this instanceof Infix || this instanceof ConcatPlain;
    }

    /** {@code left SYMBOL right}: Java's own operator on primitives, booleans or strings. */
    record Infix(String symbol) implements Operation {
    }

    /** {@code left + Fmt.plain(right)}: a string and a float, the float written as Ruchy shows it. */
    record ConcatPlain() implements Operation {
    }

    /**
     * {@code Owner.method(left, right)}, negated with {@code !} when {@code negated}: a static helper
     * ({@code Math.pow}, {@code Ops.div}, {@code Ops.addExact}) or a dynamic operation of the runtime.
     *
     * @param owner the class, fully qualified
     */
    record Call(String owner, String method, boolean negated) implements Operation {
    }

    /** {@code left.method(right)}, negated with {@code !} when {@code negated}: {@code String.equals}. */
    record Method(String method, boolean negated) implements Operation {
    }

    /** {@code left.compareTo(right) SYMBOL 0}: ordering of strings. */
    record Compare(String symbol) implements Operation {
    }

    /** {@code Ops.and(left, () -> right)}: {@code &&} and {@code ||} on dynamic values, short-circuiting. */
    record ShortCircuit(String method) implements Operation {
    }
}
