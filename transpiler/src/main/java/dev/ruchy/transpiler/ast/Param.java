package dev.ruchy.transpiler.ast;

import dev.ruchy.transpiler.source.Span;

/**
 * A parameter of a function, method or lambda: {@code name}, {@code name: T}, {@code name = 5},
 * {@code &self}, {@code (a, b)}. {@code type} and {@code defaultValue} may be null.
 */
public record Param(Pattern pattern, TypeRef type, Expr defaultValue, Span span) implements Node {
    /** The bound name, or null when the parameter is a destructuring pattern. */
    public String name() {
        return pattern instanceof Pattern.Binding b ? b.name() : null;
    }
}
