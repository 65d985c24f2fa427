/** Source text: files with their names, line and column positions ({@code SourceFile}, {@code Span}), and atomic file writes. */
package dev.ruchy.transpiler.source;
