/** Type inference: the static type of each expression and function signature, and the Java operation each operator becomes, in side tables of the syntax tree. */
package dev.ruchy.transpiler.types;
