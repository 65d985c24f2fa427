package dev.ruchy.transpiler.classfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Classes compiled by javac from a Java source standing for generated code, with a line map as the
 * transpiler records it, rewritten and then loaded and run: their stack traces and source maps.
 */
class RuchyDebugInfoTest {
    /** Java lines 3, 4 and 5 come from Ruchy lines 7, 8 and 9 of {@code demo/sample.ruchy}. */
    private static final String JAVA = """
            package demo;
            public final class Sample {
                public static int boom(int x) {
                    int y = x + 1;
                    if (y > 0) { throw new IllegalStateException("boom"); }
                    return y;
                }
            }
            """;
    private static final int[] LINE_MAP = {0, 0, 0, 7, 8, 9, 9, 9, 0, 0};

    @Test
    void ruchyLineNumbersPutTheRuchyFileAndLineIntoStackTraces() throws Exception {
        byte[] rewritten = RuchyDebugInfo.apply(compile(), "demo/sample.ruchy", LINE_MAP, RuchyDebugInfo.LineNumbers.RUCHY);
        StackTraceElement top = boom(rewritten);
        assertEquals("sample.ruchy", top.getFileName());
        assertEquals(9, top.getLineNumber());
        String smap = sourceMap(rewritten);
        assertEquals("SMAP\nsample.ruchy\nRuchy\n*S Ruchy\n*F\n+ 1 sample.ruchy\ndemo/sample.ruchy\n*L\n1#1,9:1\n*E\n", smap);
    }

    @Test
    void javaLineNumbersKeepTheJavaLinesAndMapThemInTheSourceMap() throws Exception {
        byte[] rewritten = RuchyDebugInfo.apply(compile(), "demo/sample.ruchy", LINE_MAP, RuchyDebugInfo.LineNumbers.JAVA);
        StackTraceElement top = boom(rewritten);
        assertEquals("Sample.java", top.getFileName());
        assertEquals(5, top.getLineNumber());
        assertEquals("SMAP\nSample.java\nRuchy\n*S Ruchy\n*F\n+ 1 sample.ruchy\ndemo/sample.ruchy\n*L\n"
                + "7#1:3\n8#1:4\n9#1:5,3\n*E\n", sourceMap(rewritten));
    }

    @Test
    void aRewrittenClassIsNotRewrittenAgain() throws Exception {
        byte[] original = compile();
        assertFalse(RuchyDebugInfo.hasRuchyDebugInfo(original));
        byte[] once = RuchyDebugInfo.apply(original, "demo/sample.ruchy", LINE_MAP, RuchyDebugInfo.LineNumbers.RUCHY);
        assertNotNull(once);
        assertTrue(RuchyDebugInfo.hasRuchyDebugInfo(once));
        assertNull(RuchyDebugInfo.apply(once, "demo/sample.ruchy", LINE_MAP, RuchyDebugInfo.LineNumbers.RUCHY));
    }

    @Test
    void lineNumberModesAreNamedRuchyOrJava() {
        assertEquals(RuchyDebugInfo.LineNumbers.RUCHY, RuchyDebugInfo.LineNumbers.parse(" Ruchy"));
        assertEquals(RuchyDebugInfo.LineNumbers.JAVA, RuchyDebugInfo.LineNumbers.parse("java"));
        assertThrows(IllegalArgumentException.class, () -> RuchyDebugInfo.LineNumbers.parse("both"));
    }

    /** The top stack frame of the exception {@code Sample.boom(1)} throws. */
    private static StackTraceElement boom(byte[] classFile) throws Exception {
        Class<?> sample = new ClassLoader(RuchyDebugInfoTest.class.getClassLoader()) {
            Class<?> define() {
                return defineClass("demo.Sample", classFile, 0, classFile.length);
            }
        }.define();
        Method boom = sample.getMethod("boom", int.class);
        InvocationTargetException e = assertThrows(InvocationTargetException.class, () -> boom.invoke(null, 1));
        return e.getCause().getStackTrace()[0];
    }

    private static String sourceMap(byte[] classFile) {
        String[] debug = {null};
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public void visitSource(String source, String smap) {
                debug[0] = smap;
            }
        }, ClassReader.SKIP_CODE);
        return debug[0];
    }

    /** {@link #JAVA} compiled by javac with line numbers and the source file name ({@code -g}). */
    private static byte[] compile() {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Map<String, ByteArrayOutputStream> out = new HashMap<>();
        JavaFileManager manager = new ForwardingJavaFileManager<>(javac.getStandardFileManager(null, null, null)) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                    FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + ".class"), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        return out.computeIfAbsent(className, k -> new ByteArrayOutputStream());
                    }
                };
            }
        };
        JavaFileObject source = new SimpleJavaFileObject(URI.create("string:///demo/Sample.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return JAVA;
            }
        };
        assertTrue(javac.getTask(null, manager, null, List.of("-g", "--release", "21"), null, List.of(source)).call());
        return out.get("demo.Sample").toByteArray();
    }
}
