package dev.ruchy.transpiler.ast;

import dev.ruchy.transpiler.source.Span;
import java.util.List;

/** A type written in the source: annotations are parsed, and the back end uses them for inference. */
public sealed interface TypeRef extends Node {
    /** {@code i64}, {@code String}, {@code Vec<T>}, {@code std::collections::HashMap<K, V>}. */
    record Named(List<String> path, List<TypeRef> args, Span span) implements TypeRef {
    }

    /** {@code (A, B)}; the unit type {@code ()} has no elements. */
    record Tuple(List<TypeRef> elements, Span span) implements TypeRef {
    }

    /** {@code [T]} or {@code [T; N]}. */
    record Array(TypeRef element, Expr size, Span span) implements TypeRef {
    }

    /** {@code &T}, {@code &mut T}, {@code &'a T}. */
    record Ref(boolean mutable, TypeRef inner, Span span) implements TypeRef {
    }

    /** {@code fn(A, B) -> R}, {@code impl Fn(A) -> R}, {@code (A) -> R}. */
    record Function(List<TypeRef> params, TypeRef result, Span span) implements TypeRef {
    }

    /** {@code _}: left to inference. */
    record Infer(Span span) implements TypeRef {
    }

    /** A type that failed to parse; already reported. */
    record Error(Span span) implements TypeRef {
    }
}
