/** The syntax tree: immutable records for statements, expressions, patterns and types, each with its source span. */
package dev.ruchy.transpiler.ast;
