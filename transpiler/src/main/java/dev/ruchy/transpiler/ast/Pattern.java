package dev.ruchy.transpiler.ast;

import dev.ruchy.transpiler.source.Span;
import java.util.List;

/** Patterns of {@code let}, {@code match}, {@code for}, {@code if let} and parameters (ruchy-semantics §4.5). */
public sealed interface Pattern extends Node {
    /** {@code _}. */
    record Wildcard(Span span) implements Pattern {
    }

    /** {@code name}, {@code mut name}, {@code ref name}. */
    record Binding(String name, boolean mutable, Span span) implements Pattern {
    }

    /** A literal: integer, float, string, char, boolean, nil; negative numbers included. */
    record Literal(Expr value, Span span) implements Pattern {
    }

    /** {@code 1..=5}, {@code 'a'..='z'}, {@code 1..5}. */
    record Range(Expr low, Expr high, boolean inclusive, Span span) implements Pattern {
    }

    /** {@code (a, b)}. */
    record Tuple(List<Pattern> elements, Span span) implements Pattern {
    }

    /** {@code [a, b]}, {@code [first, ..rest]}. */
    record Array(List<Pattern> elements, Span span) implements Pattern {
    }

    /** {@code ..} or {@code ..rest} inside a tuple or array pattern; {@code name} may be null. */
    record Rest(String name, Span span) implements Pattern {
    }

    /** {@code P { x, y: 0, .. }}. */
    record Struct(List<String> path, List<FieldPattern> fields, boolean hasRest, Span span) implements Pattern {
    }

    /** {@code x} (shorthand, pattern null) or {@code x: pattern}. */
    record FieldPattern(String name, Pattern pattern, Span span) implements Node {
    }

    /** {@code Some(x)}, {@code Shape::Circle(r)}, {@code Ok(v)}. */
    record TupleStruct(List<String> path, List<Pattern> elements, Span span) implements Pattern {
    }

    /** {@code None}, {@code Color::Red}: a path with no payload. */
    record Path(List<String> path, Span span) implements Pattern {
    }

    /** {@code A | B | C}. */
    record Or(List<Pattern> alternatives, Span span) implements Pattern {
    }

    /** {@code name @ pattern}. */
    record At(String name, Pattern pattern, Span span) implements Pattern {
    }

    /** A pattern that failed to parse; already reported. */
    record Error(Span span) implements Pattern {
    }
}
