/** Diagnostics: error codes, messages with a position and hints, and their rendering as {@code file:line:col}, the line and a caret. */
package dev.ruchy.transpiler.diag;
