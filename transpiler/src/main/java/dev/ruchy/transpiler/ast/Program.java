package dev.ruchy.transpiler.ast;

import dev.ruchy.transpiler.lexer.Comment;
import dev.ruchy.transpiler.source.SourceFile;
import dev.ruchy.transpiler.source.Span;
import java.util.List;

/** A whole file: its top-level statements in order, and its comments for the emitter. */
public record Program(SourceFile file, List<Stmt> statements, List<Comment> comments) implements Node {
    @Override
    public Span span() {
        return file.span(0, file.length());
    }
}
