/** The parser: tokens into the syntax tree, with recovery and rustc-style diagnostics for syntax errors. */
package dev.ruchy.transpiler.parser;
