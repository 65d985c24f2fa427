/** Lowering: the parsed syntax tree with Ruchy's sugar (pipelines, increments, {@code let ... in}, {@code vec!}, tuple assignments, {@code lazy}) rewritten into the core constructs it stands for, before names are resolved. */
package dev.ruchy.transpiler.lower;
