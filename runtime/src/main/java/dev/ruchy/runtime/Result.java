package dev.ruchy.runtime;

/**
 * Ruchy's {@code Ok(v)} / {@code Err(e)} as real variants (project Decisions; the reference interpreter
 * uses message objects instead, ruchy-semantics §2.7). Equality is structural. Display: {@code Ok(1)},
 * {@code Err("e")} (the payload in Display form).
 *
 * @param <T> the type of the success value
 * @param <E> the type of the error value
 */
public sealed interface Result<T, E> permits Result.Ok, Result.Err {
    /** {@code Ok(value)}; the value may be nil ({@code null}). */
    record Ok<T, E>(T value) implements Result<T, E> {
        @Override
        public String toString() {
            return Fmt.display(this);
        }
    }

    /** {@code Err(error)}; the error may be any value, typically a string. */
    record Err<T, E>(E error) implements Result<T, E> {
        @Override
        public String toString() {
            return Fmt.display(this);
        }
    }

    /** {@code Ok(value)}. */
    static <T, E> Result<T, E> ok(T value) {
        return new Ok<>(value);
    }

    /** {@code Err(error)}. */
    static <T, E> Result<T, E> err(E error) {
        return new Err<>(error);
    }

    default boolean isOk() {
        return this instanceof Ok;
    }

    default boolean isErr() {
        return this instanceof Err;
    }

    /**
     * The value of an {@code Ok}.
     *
     * @throws RuchyError {@code Runtime error: called `Result::unwrap()` on an `Err` value: "e"}
     *                    (Rust's wording, the error in Display form)
     */
    default T unwrap() {
        return switch (this) {
            case Ok<T, E> ok -> ok.value();
            case Err<T, E> err -> throw RuchyError.runtime(
                    "called `Result::unwrap()` on an `Err` value: " + Fmt.display(err.error()));
        };
    }

    /** The value of an {@code Ok}, else {@code fallback}. */
    default T unwrapOr(T fallback) {
        return this instanceof Ok<T, E> ok ? ok.value() : fallback;
    }
}
