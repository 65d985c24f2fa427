package dev.ruchy.transpiler.ast;

import dev.ruchy.transpiler.source.Span;

/** {@code #[name]} or {@code #[name(args)]} before an item; {@code args} is the raw text between the parentheses, or null. */
public record Attribute(String name, String args, Span span) implements Node {
}
