package dev.ruchy.runtime;

/**
 * Marks a generated Ruchy enum variant, so the runtime prints it as Ruchy does (ruchy-semantics §2.2,
 * §4.12): the variant name alone ({@code Red}), followed by its data in parentheses when it has any
 * ({@code Circle(2.0)}, {@code Rect(2.0, 3.0)}).
 *
 * <p>How generated code uses it: an enum with data becomes a sealed interface that extends
 * {@code RuchyEnum}, one record per variant; the record's components, in order, are the variant's
 * data (a record without components is a unit variant). An enum without data may instead be a Java
 * {@code enum} that implements {@code RuchyEnum}. Java enums that do not implement it print their
 * {@code toString()}. Struct-like variants ({@code Move { x: 1 }}) also print positionally,
 * {@code Move(1)}, since the reference's output for them is unconfirmed.
 */
public interface RuchyEnum {
    /**
     * The Ruchy variant name. By default: {@link Enum#name()} for Java enum constants; for records and
     * other classes {@link RuchyName} on the class if present, else its simple name. Override (or
     * annotate) when the Java name differs from the Ruchy one.
     */
    default String variantName() {
        return Records.variantName(this);
    }
}
