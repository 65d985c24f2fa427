package dev.ruchy.transpiler.lexer;

/**
 * A comment kept for the emitter, which carries comments into the generated Java.
 *
 * @param text the comment's text without its markers ({@code //}, {@code /*}, {@code #})
 * @param doc  whether it was a doc comment ({@code ///}, {@code //!} or {@code /**})
 */
public record Comment(int start, int end, String text, boolean doc) {
}
