package dev.ruchy.bench.compute;

import dev.ruchy.bench.SharedFolder;
import dev.ruchy.transpiler.Transpiler;
import dev.ruchy.transpiler.Transpiler.TranspileResult;
import dev.ruchy.transpiler.diag.Diagnostic;
import dev.ruchy.transpiler.source.SourceFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * One of the book's benchmark programs as the transpiler turns it into Java, compiled and loaded in
 * this JVM: {@link #load} reads {@code <shared>/bench-programs/<file>}, transpiles it with
 * {@link Transpiler#transpile(SourceFile, String)}, compiles the Java in memory ({@code --release 21},
 * against this JVM's class path, which holds the runtime) and defines the classes in a child class
 * loader; {@link #staticMethod} then gives a handle on one of its functions.
 *
 * <p>The programs are not part of the project: they are read from {@code <root>/../shared/bench-programs}
 * where {@code <root>} is the nearest directory up from the working directory that holds {@code mvnw}
 * ({@code -Druchy.shared=<dir>} names the shared directory instead).
 */
public final class GeneratedProgram {
    /** Overrides where the programs are looked for: the directory holding {@code bench-programs/}. */
    public static final String SHARED_PROPERTY = SharedFolder.PROPERTY;
    /** The package the generated classes are put in. */
    public static final String PACKAGE = "dev.ruchy.bench.generated";

    private final TranspileResult transpiled;
    private final Class<?> mainClass;

    private GeneratedProgram(TranspileResult transpiled, Class<?> mainClass) {
        this.transpiled = transpiled;
        this.mainClass = mainClass;
    }

    /** Transpiles, compiles and loads {@code bench-programs/<fileName>}. */
    public static GeneratedProgram load(String fileName) {
        Path file = programsDirectory().resolve(fileName);
        SourceFile source;
        try {
            source = SourceFile.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        TranspileResult result = Transpiler.transpile(source, PACKAGE);
        if (result.hasErrors() || result.source() == null) {
            throw new IllegalStateException("transpiling " + file + " failed:\n" + result.diagnostics().stream()
                    .map(Diagnostic::toString).collect(Collectors.joining("\n")));
        }
        Map<String, byte[]> classes = compile(result.qualifiedName(), result.source());
        ClassLoader loader = new InMemoryClassLoader(classes, GeneratedProgram.class.getClassLoader());
        try {
            return new GeneratedProgram(result, Class.forName(result.qualifiedName(), true, loader));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("javac produced no class " + result.qualifiedName(), e);
        }
    }

    /** The generated Java source. */
    public String javaSource() {
        return transpiled.source();
    }

    /**
     * Prints the generated Java of the static method {@code name} (from its first line to the line
     * closing it), so that the benchmark's log shows the code being measured.
     */
    public void printMethod(String name) {
        String[] lines = transpiled.source().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.trim().startsWith("static ") && line.contains(" " + name + "(") && line.endsWith("{")) {
                String indent = line.substring(0, line.indexOf("static"));
                StringBuilder method = new StringBuilder(line).append('\n');
                for (int j = i + 1; j < lines.length && !lines[j - 1].equals(indent + "}"); j++) {
                    method.append(lines[j]).append('\n');
                }
                System.out.printf("%nGenerated %s.%s:%n%s", mainClass.getSimpleName(), name, method);
                return;
            }
        }
        System.out.printf("%n(no method %s found in the generated %s)%n", name, mainClass.getSimpleName());
    }

    /** The generated class. */
    public Class<?> generatedClass() {
        return mainClass;
    }

    /**
     * A handle on the generated class's static method {@code name} of exactly {@code type} (generated
     * functions are package-private, hence the private lookup into the class).
     */
    public MethodHandle staticMethod(String name, MethodType type) {
        try {
            return MethodHandles.privateLookupIn(mainClass, MethodHandles.lookup()).findStatic(mainClass, name, type);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the generated " + mainClass.getName() + " has no static " + name + type
                    + "; the transpiler's output may have changed. Generated Java:\n" + transpiled.source(), e);
        }
    }

    /** Compiles one compilation unit with the JDK's compiler, in memory: binary name → class file. */
    static Map<String, byte[]> compile(String qualifiedName, String javaSource) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no Java compiler in this runtime (" + System.getProperty("java.home")
                    + "); run the benchmarks on a JDK");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Map<String, ByteArrayOutputStream> output = new HashMap<>();
        StandardJavaFileManager standard = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8);
        JavaFileManager manager = new ForwardingJavaFileManager<>(standard) {
            @Override
            public JavaFileObject getJavaFileForOutput(JavaFileManager.Location location, String className,
                    JavaFileObject.Kind kind, FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension),
                        kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                        output.put(className, bytes);
                        return bytes;
                    }
                };
            }
        };
        JavaFileObject unit = new SimpleJavaFileObject(
                URI.create("string:///" + qualifiedName.replace('.', '/') + JavaFileObject.Kind.SOURCE.extension),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return javaSource;
            }
        };
        List<String> options = List.of("--release", "21", "-proc:none", "-Xlint:none",
                "-classpath", System.getProperty("java.class.path"));
        StringWriter messages = new StringWriter();
        boolean ok = javac.getTask(messages, manager, diagnostics, options, null, List.of(unit)).call();
        try {
            manager.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!ok) {
            throw new IllegalStateException("javac rejected the generated " + qualifiedName + ":\n"
                    + diagnostics.getDiagnostics().stream().map(Object::toString).collect(Collectors.joining("\n"))
                    + messages + "\n--- generated Java ---\n" + javaSource);
        }
        Map<String, byte[]> classes = new HashMap<>();
        output.forEach((name, bytes) -> classes.put(name, bytes.toByteArray()));
        return classes;
    }

    /** Defines the compiled classes; everything else (the runtime, the JDK) comes from the parent. */
    private static final class InMemoryClassLoader extends ClassLoader {
        private final Map<String, byte[]> classes;

        InMemoryClassLoader(Map<String, byte[]> classes, ClassLoader parent) {
            super("ruchy-generated", parent);
            this.classes = classes;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = classes.get(name);
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }
    }

    /**
     * {@code -Druchy.shared=<dir>}/bench-programs, else {@code <root>/../shared/bench-programs} with
     * {@code <root>} the nearest directory up from the working directory that holds {@code mvnw}.
     */
    static Path programsDirectory() {
        Path shared = SharedFolder.locate();
        Path dir = shared.resolve("bench-programs");
        if (!Files.isDirectory(dir)) {
            throw new UncheckedIOException(new IOException("the book's benchmark programs are missing: expected "
                    + dir + "/bench-*.ruchy"));
        }
        return dir;
    }
}
