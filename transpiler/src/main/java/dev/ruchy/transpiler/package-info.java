/** The transpiler's facade: {@link dev.ruchy.transpiler.Transpiler} turns a Ruchy source file into one Java compilation unit (or diagnostics), with {@link dev.ruchy.transpiler.TranspileOptions}. */
package dev.ruchy.transpiler;
