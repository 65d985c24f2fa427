package dev.ruchy.transpiler.classfile;

import java.util.Locale;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Puts the Ruchy source's file and lines into a class file compiled from generated Java, so that
 * debuggers stop at {@code app.ruchy:LINE} and, on request, stack traces name it.
 *
 * <p>Every rewritten class gets a JSR-45 source map (the {@code SourceDebugExtension} attribute)
 * whose default stratum is {@value #STRATUM}: it maps the class's lines to the {@code .ruchy}
 * file's. A debugger that reads it (jdb, JDI, IntelliJ IDEA, Eclipse) shows and takes breakpoints
 * on Ruchy lines. With {@link LineNumbers#RUCHY} the class's own line tables are rewritten too: each
 * Java line becomes its Ruchy line (instructions of Java lines that no Ruchy line produced lose their
 * line), and the {@code SourceFile} attribute names the {@code .ruchy} file, so a plain stack trace
 * reads {@code at com.acme.App.main(app.ruchy:12)}; the source map then maps Ruchy lines to
 * themselves. With {@link LineNumbers#JAVA} the line tables keep the Java lines, for stepping
 * through the generated Java, and only the source map knows the Ruchy lines.
 *
 * <p>Line maps are as the transpiler returns them: index {@code i} (1-based) holds the Ruchy line of
 * Java line {@code i}, 0 for none.
 */
public final class RuchyDebugInfo {
    /** The name of the JSR-45 stratum of Ruchy lines, the default stratum of rewritten classes. */
    public static final String STRATUM = "Ruchy";

    /** What the line tables ({@code LineNumberTable}) of a rewritten class hold. */
    public enum LineNumbers {
        /** Ruchy lines, and {@code SourceFile} names the {@code .ruchy} file: stack traces show Ruchy lines. */
        RUCHY,
        /** The generated Java's lines, as javac wrote them: stack traces show Java lines. */
        JAVA;

        /**
         * The mode named {@code name} ({@code ruchy} or {@code java}, any case).
         *
         * @throws IllegalArgumentException for any other name
         */
        public static LineNumbers parse(String name) {
            return switch (name.trim().toLowerCase(Locale.ROOT)) {
                case "ruchy" -> RUCHY;
                case "java" -> JAVA;
                default -> throw new IllegalArgumentException("line numbers must be 'ruchy' or 'java', not '" + name + "'");
            };
        }
    }

    private RuchyDebugInfo() {
    }

    /**
     * The class file with Ruchy debug information added.
     *
     * @param classFile   a class file compiled from the Java generated for {@code sourcePath} (the
     *                    top-level class or one nested in it, lambdas and records included)
     * @param sourcePath  the Ruchy source's path under its source folder, {@code /}-separated
     *                    ({@code com/acme/app.ruchy}); its last part is the file name debuggers match
     * @param lineMap     for each Java line (index, 1-based) its Ruchy line, 0 for none
     * @param lineNumbers what the class's line tables hold afterwards
     * @return the rewritten class file, or {@code null} when it has Ruchy debug information already
     *         (so rewriting twice is harmless and a class javac did not rewrite is left alone)
     * @throws IllegalArgumentException when {@code classFile} is not a class file ASM can read
     */
    public static byte[] apply(byte[] classFile, String sourcePath, int[] lineMap, LineNumbers lineNumbers) {
        ClassReader reader = new ClassReader(classFile);
        if (hasRuchyDebugInfo(reader)) {
            return null;
        }
        String fileName = sourcePath.substring(sourcePath.lastIndexOf('/') + 1);
        // a constant pool of its own (not the reader's copied), so the replaced source file name goes
        ClassWriter writer = new ClassWriter(0);
        boolean ruchyLines = lineNumbers == LineNumbers.RUCHY;
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            private boolean sourceVisited;

            @Override
            public void visitSource(String source, String debug) {
                sourceVisited = true;
                String generated = source == null ? fileName : source;
                String smap = ruchyLines ? identitySmap(fileName, sourcePath, lineMap)
                        : smap(generated, fileName, sourcePath, lineMap);
                super.visitSource(ruchyLines ? fileName : source, smap);
            }

            @Override
            public void visitEnd() {
                if (!sourceVisited) { // compiled without -g:source: the writer takes the attributes at any time
                    visitSource(null, null);
                }
                super.visitEnd();
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
                if (!ruchyLines) {
                    return mv;
                }
                return new MethodVisitor(Opcodes.ASM9, mv) {
                    @Override
                    public void visitLineNumber(int line, Label start) {
                        int ruchy = line > 0 && line < lineMap.length ? lineMap[line] : 0;
                        if (ruchy > 0) {
                            super.visitLineNumber(ruchy, start);
                        }
                    }
                };
            }
        }, 0);
        return writer.toByteArray();
    }

    /**
     * The {@code SourceFile} attribute of {@code classFile} ({@code App.java}), or {@code null} when it has none.
     *
     * @throws IllegalArgumentException when {@code classFile} is not a class file ASM can read
     */
    public static String sourceFile(byte[] classFile) {
        String[] found = {null};
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public void visitSource(String source, String debug) {
                found[0] = source;
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_FRAMES);
        return found[0];
    }

    /** Whether {@code classFile} has a source map with the Ruchy stratum already. */
    public static boolean hasRuchyDebugInfo(byte[] classFile) {
        return hasRuchyDebugInfo(new ClassReader(classFile));
    }

    private static boolean hasRuchyDebugInfo(ClassReader reader) {
        boolean[] found = {false};
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public void visitSource(String source, String debug) {
                found[0] = debug != null && debug.contains("*S " + STRATUM + "\n");
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_FRAMES);
        return found[0];
    }

    /**
     * The JSR-45 source map from the Java lines of {@code generated} to the Ruchy lines: one line
     * section entry {@code R#1,1:J,N} for each run of {@code N} Java lines from {@code J} on that
     * come from Ruchy line {@code R}.
     */
    static String smap(String generated, String fileName, String sourcePath, int[] lineMap) {
        StringBuilder lines = new StringBuilder();
        int javaLine = 1;
        while (javaLine < lineMap.length) {
            int ruchy = lineMap[javaLine];
            int end = javaLine + 1;
            while (end < lineMap.length && lineMap[end] == ruchy) {
                end++;
            }
            if (ruchy > 0) {
                lines.append(ruchy).append("#1:").append(javaLine);
                if (end - javaLine > 1) {
                    lines.append(',').append(end - javaLine);
                }
                lines.append('\n');
            }
            javaLine = end;
        }
        return header(generated, fileName, sourcePath) + lines + "*E\n";
    }

    /** The source map of a class whose line tables hold Ruchy lines already: every Ruchy line to itself. */
    static String identitySmap(String fileName, String sourcePath, int[] lineMap) {
        int last = 0;
        for (int i = 1; i < lineMap.length; i++) {
            last = Math.max(last, lineMap[i]);
        }
        String lines = last == 0 ? "" : "1#1," + last + ":1\n";
        return header(fileName, fileName, sourcePath) + lines + "*E\n";
    }

    private static String header(String generated, String fileName, String sourcePath) {
        return "SMAP\n" + generated + "\n" + STRATUM + "\n*S " + STRATUM + "\n*F\n+ 1 " + fileName + "\n" + sourcePath
                + "\n*L\n";
    }
}
