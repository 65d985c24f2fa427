package dev.ruchy.runtime;

import java.util.Objects;
import java.util.function.Function;

/**
 * Ruchy's {@code Some(v)} / {@code None} as real variants (project Decisions, ruchy-semantics §2.7).
 * Equality is structural ({@code Some(1) == Some(1)}), unlike the reference interpreter (§3.5).
 * Display: {@code Some(2)}, {@code Some("a")} (the value in Display form), {@code None}.
 *
 * @param <T> the type of the value, {@code Object} where the program is dynamic
 */
public sealed interface Option<T> permits Option.Some, Option.None {
    /** {@code Some(value)}; the value may be nil ({@code null}). */
    record Some<T>(T value) implements Option<T> {
        @Override
        public String toString() {
            return Fmt.display(this);
        }
    }

    /** {@code None}; all instances are equal, {@link Option#none()} returns a shared one. */
    record None<T>() implements Option<T> {
        private static final None<Object> INSTANCE = new None<>();

        @Override
        public String toString() {
            return "None";
        }
    }

    /** {@code Some(value)}. */
    static <T> Option<T> some(T value) {
        return new Some<>(value);
    }

    /** {@code None}. */
    @SuppressWarnings("unchecked")
    static <T> Option<T> none() {
        return (Option<T>) None.INSTANCE;
    }

    /** {@code None} for nil ({@code null}), otherwise {@code Some(value)}. */
    static <T> Option<T> ofNullable(T value) {
        return value == null ? none() : some(value);
    }

    default boolean isSome() {
        return this instanceof Some;
    }

    default boolean isNone() {
        return this instanceof None;
    }

    /**
     * The value of a {@code Some}.
     *
     * @throws RuchyError {@code Runtime error: called `Option::unwrap()` on a `None` value} (Rust's wording)
     */
    default T unwrap() {
        if (this instanceof Some<T> some) {
            return some.value();
        }
        throw RuchyError.runtime("called `Option::unwrap()` on a `None` value");
    }

    /** The value of a {@code Some}, else {@code fallback}. */
    default T unwrapOr(T fallback) {
        return this instanceof Some<T> some ? some.value() : fallback;
    }

    /** {@code Some(f(v))} for {@code Some(v)}; {@code None} stays {@code None}. */
    default <U> Option<U> map(Function<? super T, ? extends U> f) {
        Objects.requireNonNull(f, "f == null");
        return this instanceof Some<T> some ? new Some<>(f.apply(some.value())) : none();
    }
}
