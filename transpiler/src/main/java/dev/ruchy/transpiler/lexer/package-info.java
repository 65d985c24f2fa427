/** The lexer: Ruchy source text into tokens, f-string parts and comments. */
package dev.ruchy.transpiler.lexer;
