package dev.ruchy.transpiler.ast;

import dev.ruchy.transpiler.source.Span;

/** Every AST node knows where it came from. */
public interface Node {
    Span span();
}
