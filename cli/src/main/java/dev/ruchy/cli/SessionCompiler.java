package dev.ruchy.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
 * The Java compiler of an interactive session: compiles one class at a time in memory, against the
 * runtime and the classes of earlier inputs that later ones refer to (their structs, enums and
 * classes), which it offers to javac from memory. Keeps javac's file manager between inputs, which
 * saves most of the cost of a compile after the first. Not thread-safe.
 */
final class SessionCompiler {
    private final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    private final StandardJavaFileManager standard;
    private final String classpath;
    /**
     * What the standard file manager lists for the class path and the JDK, by location, package,
     * kinds and recursion: they do not change during a session, and listing them (a directory walk,
     * a jar's entries) again for every input took a tenth of each compile.
     */
    private final Map<List<Object>, List<JavaFileObject>> listings = new HashMap<>();

    SessionCompiler(String classpath) {
        this.classpath = classpath;
        this.standard = javac == null ? null : javac.getStandardFileManager(null, Locale.ROOT, null);
    }

    /**
     * Compiles the default-package class {@code className}.
     *
     * @param visible class files (binary name to bytes) of earlier inputs the source may refer to
     * @return class files by binary name, or the error text
     */
    InMemoryCompiler.Result compile(String className, String source, Map<String, byte[]> visible) {
        if (javac == null) {
            return new InMemoryCompiler.Result(Map.of(), "no Java compiler available: run ruchy with a JDK, not a JRE");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Map<String, ByteArrayOutputStream> outputs = new LinkedHashMap<>();
        Manager manager = new Manager(standard, outputs, visible, listings);
        // no --release: the classes run in this JVM, and with it javac opens the JDK's ct.sym again for every task
        List<String> options = List.of("-classpath", classpath, "-proc:none", "-Xlint:none", "-g");
        JavaFileObject unit = new SimpleJavaFileObject(URI.create("string:///" + className + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        StringWriter javacOut = new StringWriter();
        boolean ok = javac.getTask(javacOut, manager, diagnostics, options, null, List.of(unit)).call();
        if (!ok) {
            StringBuilder sb = new StringBuilder();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    sb.append(className).append(".java:").append(d.getLineNumber()).append(": ")
                            .append(d.getMessage(Locale.ROOT)).append('\n');
                }
            }
            return new InMemoryCompiler.Result(Map.of(), sb.toString());
        }
        Map<String, byte[]> classes = new LinkedHashMap<>();
        outputs.forEach((name, bytes) -> classes.put(name, bytes.toByteArray()));
        return new InMemoryCompiler.Result(classes, null);
    }

    /** A class file held in memory, readable (earlier inputs) or writable (javac's output). */
    private static final class MemoryClass extends SimpleJavaFileObject {
        final String binaryName;
        private final byte[] content;
        private final ByteArrayOutputStream sink;

        MemoryClass(String binaryName, byte[] content, ByteArrayOutputStream sink) {
            super(URI.create("mem:///" + binaryName.replace('.', '/') + Kind.CLASS.extension), Kind.CLASS);
            this.binaryName = binaryName;
            this.content = content;
            this.sink = sink;
        }

        @Override
        public InputStream openInputStream() {
            return new ByteArrayInputStream(content);
        }

        @Override
        public OutputStream openOutputStream() {
            return sink;
        }
    }

    /**
     * The class loader javac looks for annotation processors and compiler plugins in: none are
     * used ({@code -proc:none}), and without this javac would open the whole class path in a new
     * loader and scan its jars for service files on every input.
     */
    private static final ClassLoader NO_PLUGINS = new ClassLoader("ruchy-repl-no-plugins", null) {
    };

    private static final class Manager extends ForwardingJavaFileManager<StandardJavaFileManager> {
        private final Map<String, ByteArrayOutputStream> outputs;
        private final Map<String, byte[]> visible;
        private final Map<List<Object>, List<JavaFileObject>> listings;

        Manager(StandardJavaFileManager standard, Map<String, ByteArrayOutputStream> outputs, Map<String, byte[]> visible,
                Map<List<Object>, List<JavaFileObject>> listings) {
            super(standard);
            this.outputs = outputs;
            this.visible = visible;
            this.listings = listings;
        }

        @Override
        public ClassLoader getClassLoader(Location location) {
            return location == StandardLocation.ANNOTATION_PROCESSOR_PATH || location == StandardLocation.CLASS_PATH
                    ? NO_PLUGINS : super.getClassLoader(location);
        }

        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                FileObject sibling) throws IOException {
            if (location == StandardLocation.CLASS_OUTPUT && kind == JavaFileObject.Kind.CLASS) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                outputs.put(className, bytes);
                return new MemoryClass(className, null, bytes);
            }
            return super.getJavaFileForOutput(location, className, kind, sibling);
        }

        @Override
        public Iterable<JavaFileObject> list(Location location, String packageName, Set<JavaFileObject.Kind> kinds,
                boolean recurse) throws IOException {
            Iterable<JavaFileObject> listed = listStandard(location, packageName, kinds, recurse);
            if (location != StandardLocation.CLASS_PATH || !packageName.isEmpty() || !kinds.contains(JavaFileObject.Kind.CLASS)
                    || visible.isEmpty()) {
                return listed;
            }
            List<JavaFileObject> all = new ArrayList<>();
            visible.forEach((name, bytes) -> all.add(new MemoryClass(name, bytes, null)));
            listed.forEach(all::add);
            return all;
        }

        /** The standard listing, kept for the session (the class path and the JDK do not change under it); not of output. */
        private Iterable<JavaFileObject> listStandard(Location location, String packageName, Set<JavaFileObject.Kind> kinds,
                boolean recurse) throws IOException {
            if (location.isOutputLocation()) {
                return super.list(location, packageName, kinds, recurse);
            }
            List<Object> key = List.of(location.getName(), packageName, Set.copyOf(kinds), recurse);
            List<JavaFileObject> listed = listings.get(key);
            if (listed == null) {
                listed = new ArrayList<>();
                super.list(location, packageName, kinds, recurse).forEach(listed::add);
                listed = List.copyOf(listed);
                listings.put(key, listed);
            }
            return listed;
        }

        @Override
        public String inferBinaryName(Location location, JavaFileObject file) {
            return file instanceof MemoryClass m ? m.binaryName : super.inferBinaryName(location, file);
        }

        @Override
        public boolean isSameFile(FileObject a, FileObject b) {
            return a == b || !(a instanceof MemoryClass) && !(b instanceof MemoryClass) && super.isSameFile(a, b);
        }
    }
}
