package dev.ruchy.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles generated Java sources in memory with the JDK's compiler ({@code javax.tools}) and
 * returns the class files, without touching the disk.
 */
final class InMemoryCompiler {
    /** What javac produced: class files by binary name, or the error text when compilation failed. */
    record Result(Map<String, byte[]> classes, String errors) {
        boolean succeeded() {
            return errors == null;
        }
    }

    private InMemoryCompiler() {
    }

    /**
     * Compiles one source file.
     *
     * @param qualifiedName the class's binary name, {@code pkg.Name}
     * @param source        the Java source
     * @param classpath     the class path the generated code compiles against (the runtime)
     */
    static Result compile(String qualifiedName, String source, String classpath) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            return new Result(Map.of(), "no Java compiler available: run ruchy with a JDK, not a JRE");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StandardJavaFileManager standard = javac.getStandardFileManager(diagnostics, Locale.ROOT, null);
        Map<String, ByteArrayOutputStream> outputs = new LinkedHashMap<>();
        JavaFileManagerInMemory manager = new JavaFileManagerInMemory(standard, outputs);
        List<String> options = List.of("--release", "21", "-classpath", classpath, "-proc:none", "-Xlint:none", "-g");
        JavaFileObject unit = new SourceObject(qualifiedName, source);
        StringWriter javacOut = new StringWriter();
        boolean ok = javac.getTask(javacOut, manager, diagnostics, options, null, List.of(unit)).call();
        if (!ok) {
            StringBuilder sb = new StringBuilder();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    sb.append(qualifiedName).append(".java:").append(d.getLineNumber()).append(": ")
                            .append(d.getMessage(Locale.ROOT)).append('\n');
                }
            }
            return new Result(Map.of(), sb.toString());
        }
        Map<String, byte[]> classes = new LinkedHashMap<>();
        outputs.forEach((name, bytes) -> classes.put(name, bytes.toByteArray()));
        return new Result(classes, null);
    }

    private static final class SourceObject extends SimpleJavaFileObject {
        private final String source;

        SourceObject(String qualifiedName, String source) {
            super(URI.create("string:///" + qualifiedName.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
            this.source = source;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return source;
        }
    }

    private static final class ClassObject extends SimpleJavaFileObject {
        private final ByteArrayOutputStream bytes;

        ClassObject(String name, ByteArrayOutputStream bytes) {
            super(URI.create("mem:///" + name.replace('.', '/') + Kind.CLASS.extension), Kind.CLASS);
            this.bytes = bytes;
        }

        @Override
        public OutputStream openOutputStream() {
            return bytes;
        }
    }

    private static final class JavaFileManagerInMemory extends ForwardingJavaFileManager<StandardJavaFileManager> {
        private final Map<String, ByteArrayOutputStream> outputs;

        JavaFileManagerInMemory(StandardJavaFileManager standard, Map<String, ByteArrayOutputStream> outputs) {
            super(standard);
            this.outputs = outputs;
        }

        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                FileObject sibling) throws IOException {
            if (location == StandardLocation.CLASS_OUTPUT && kind == JavaFileObject.Kind.CLASS) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                outputs.put(className, bytes);
                return new ClassObject(className, bytes);
            }
            return super.getJavaFileForOutput(location, className, kind, sibling);
        }
    }

    static List<String> names(Result r) {
        return new ArrayList<>(r.classes().keySet());
    }
}
