/**
 * The Java types a Ruchy file may use ({@code use java::util::UUID}, {@code use com::acme::Invoice}):
 * {@link dev.ruchy.transpiler.interop.JavaTypes} finds a class's public signatures by binary name,
 * from class files (the JDK, jars and directories of a class path) or from sources not compiled yet
 * (a project's {@code src/main/java}, other Ruchy files of the same source roots). Types are written
 * as Java source text with binary class names; depends on no other package.
 */
package dev.ruchy.transpiler.interop;
