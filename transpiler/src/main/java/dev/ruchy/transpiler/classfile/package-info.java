/**
 * Class-file work after javac: {@link dev.ruchy.transpiler.classfile.RuchyDebugInfo} gives the
 * classes compiled from generated Java the {@code .ruchy} file and lines (JSR-45 SMAP, and
 * optionally their line tables), for debuggers and stack traces. Depends on no other package.
 */
package dev.ruchy.transpiler.classfile;
