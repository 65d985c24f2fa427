/** The back end: a resolved, typed syntax tree into Java source with JavaPoet, written by printers that share one emission context, with the Ruchy line of each Java line. */
package dev.ruchy.transpiler.emit;
