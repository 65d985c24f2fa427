/** Name resolution: every name of the syntax tree bound to its symbol (variable, function, type, builtin), with undefined names and wrong arities reported. */
package dev.ruchy.transpiler.resolve;
