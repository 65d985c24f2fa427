package dev.ruchy.transpiler.interop;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Java classes read from class files with ASM: the running JDK ({@link #jdk()}, through the
 * {@code jrt:/} file system, only packages its modules export to everyone) or a class path of jars
 * and class directories ({@link #ClassFileJavaTypes(List)}). Lazy: a class is read the first time it
 * is asked for and kept; a package is listed only when {@link #classesIn} asks. Public classes and
 * their public members only; generic types come from the Signature attribute, parameter names from
 * MethodParameters (else {@code arg0}...). Thread-safe.
 *
 * <p>A jar is opened the first time a class is looked for in it and kept open for the next look-ups
 * (a REPL session asks for classes input after input); its owner {@linkplain #close() closes} it when
 * done transpiling.
 */
public final class ClassFileJavaTypes implements JavaTypes, AutoCloseable {
    /** Where class files are found: the bytes of one class, and the class-file names of one package. */
    private interface Location {
        /** The class file {@code path} ({@code java/util/UUID.class}), or null. */
        byte[] read(String path) throws IOException;

        /** The names of the files directly in package folder {@code folder} ({@code java/util}). */
        List<String> list(String folder) throws IOException;

        /** Releases the files it holds open; a later read opens them again. */
        default void close() throws IOException {
        }
    }

    private static final class JdkHolder {
        static final ClassFileJavaTypes INSTANCE = new ClassFileJavaTypes(List.of(new JrtLocation()), false);
    }

    private final List<Location> locations;
    private final Map<String, Optional<JavaClass>> classes = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> packages = new ConcurrentHashMap<>();

    /** {@code unused} only tells this constructor from the public one. */
    private ClassFileJavaTypes(List<Location> locations, boolean unused) {
        this.locations = List.copyOf(locations);
    }

    /**
     * The classes of a class path: each entry a jar (or zip) or a directory of class files; entries
     * that do not exist are skipped. Not the JDK's classes (chain with {@link #jdk()} for those).
     *
     * @throws UncheckedIOException when a jar cannot be opened
     */
    public ClassFileJavaTypes(List<Path> classPath) {
        this(locationsOf(classPath), false);
    }

    private static List<Location> locationsOf(List<Path> classPath) {
        List<Location> out = new ArrayList<>();
        for (Path entry : classPath) {
            if (Files.isDirectory(entry)) {
                out.add(new DirectoryLocation(entry));
            } else if (Files.isRegularFile(entry)) {
                out.add(new JarLocation(entry));
            }
        }
        return out;
    }

    /** The running JDK's public classes (of packages exported to every module): one shared instance, built lazily. */
    public static ClassFileJavaTypes jdk() {
        return JdkHolder.INSTANCE;
    }

    @Override
    public Optional<JavaClass> find(String binaryName) {
        return classes.computeIfAbsent(binaryName, this::load);
    }

    /**
     * Closes the jars opened so far (the classes read from them stay known). A look-up of a class
     * not read yet opens its jar again, so closing early costs time, never a wrong answer. The JDK's
     * {@linkplain #jdk() shared instance} holds no jar: closing it does nothing.
     *
     * @throws UncheckedIOException when a jar cannot be closed
     */
    @Override
    public void close() {
        UncheckedIOException failed = null;
        for (Location location : locations) {
            try {
                location.close();
            } catch (IOException e) {
                if (failed == null) {
                    failed = new UncheckedIOException("cannot close a jar of the class path", e);
                } else {
                    failed.addSuppressed(e);
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    @Override
    public Set<String> classesIn(String packageName) {
        return packages.computeIfAbsent(packageName, this::listPackage);
    }

    private Optional<JavaClass> load(String binaryName) {
        ClassFileReader reader = readClass(binaryName);
        return reader == null ? Optional.empty() : reader.result().map(this::withHiddenSuperclasses);
    }

    /** The class file of {@code binaryName} read, whatever its access; null when no location has it. */
    private ClassFileReader readClass(String binaryName) {
        String path = binaryName.replace('.', '/') + ".class";
        for (Location location : locations) {
            try {
                byte[] bytes = location.read(path);
                if (bytes != null) {
                    return ClassFileReader.reader(bytes);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path, e);
            }
        }
        return null;
    }

    /**
     * {@code c} with the public members and interfaces of its superclasses that are not public
     * themselves ({@code StringBuilder}'s {@code setLength} is declared in the package-private
     * {@code AbstractStringBuilder}): javac lets a caller use them through {@code c}, so they are
     * {@code c}'s here, and its superclass is the first public one. Its own methods come first, so an
     * override wins. A generic hidden superclass is skipped, its members not merged.
     */
    private JavaClass withHiddenSuperclasses(JavaClass c) {
        String sup = c.superclass();
        List<JavaMethod> methods = new ArrayList<>(c.methods());
        List<JavaField> fields = new ArrayList<>(c.fields());
        List<String> interfaces = new ArrayList<>(c.interfaces());
        boolean merged = false;
        while (sup != null) {
            int lt = sup.indexOf('<');
            ClassFileReader hidden = readClass(lt < 0 ? sup : sup.substring(0, lt));
            if (hidden == null || hidden.isPublic) {
                break;
            }
            JavaClass h = hidden.anyAccess();
            if (h.typeParameters().isEmpty()) {
                methods.addAll(h.methods());
                fields.addAll(h.fields());
                h.interfaces().stream().filter(i -> !interfaces.contains(i)).forEach(interfaces::add);
            }
            merged = true;
            sup = "java.lang.Object".equals(h.superclass()) ? null : h.superclass();
        }
        return merged ? new JavaClass(c.name(), c.kind(), c.typeParameters(), sup, interfaces, c.constructors(),
                methods, fields) : c;
    }

    private Set<String> listPackage(String packageName) {
        Set<String> names = new TreeSet<>();
        String folder = packageName.replace('.', '/');
        for (Location location : locations) {
            try {
                for (String file : location.list(folder)) {
                    if (file.endsWith(".class") && !file.contains("$") && !file.equals("module-info.class")
                            && !file.equals("package-info.class")) {
                        String simple = file.substring(0, file.length() - ".class".length());
                        if (find(packageName.isEmpty() ? simple : packageName + "." + simple).isPresent()) {
                            names.add(simple);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + folder, e);
            }
        }
        return Collections.unmodifiableSet(names);
    }

    // ---- locations ------------------------------------------------------------------------------

    /** The running JDK's modules, through {@code jrt:/}: a package's module is found from the module descriptors. */
    private static final class JrtLocation implements Location {
        private volatile Map<String, String> exported;
        private volatile FileSystem jrt;

        private Map<String, String> exported() {
            Map<String, String> map = exported;
            if (map == null) {
                synchronized (this) {
                    if (exported == null) {
                        Map<String, String> byPackage = new HashMap<>();
                        for (ModuleReference ref : ModuleFinder.ofSystem().findAll()) {
                            ModuleDescriptor d = ref.descriptor();
                            for (ModuleDescriptor.Exports e : d.exports()) {
                                if (!e.isQualified()) {
                                    byPackage.put(e.source().replace('.', '/'), d.name());
                                }
                            }
                        }
                        jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
                        exported = Map.copyOf(byPackage);
                    }
                    map = exported;
                }
            }
            return map;
        }

        @Override
        public byte[] read(String path) throws IOException {
            int slash = path.lastIndexOf('/');
            String module = slash < 0 ? null : exported().get(path.substring(0, slash));
            if (module == null) {
                return null;
            }
            Path file = jrt.getPath("/modules", module, path);
            return Files.exists(file) ? Files.readAllBytes(file) : null;
        }

        @Override
        public List<String> list(String folder) throws IOException {
            String module = exported().get(folder);
            if (module == null) {
                return List.of();
            }
            return listFolder(jrt.getPath("/modules", module, folder));
        }
    }

    private static List<String> listFolder(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private record DirectoryLocation(Path root) implements Location {
        @Override
        public byte[] read(String path) throws IOException {
            Path file = root.resolve(path);
            return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
        }

        @Override
        public List<String> list(String folder) throws IOException {
            return listFolder(folder.isEmpty() ? root : root.resolve(folder));
        }
    }

    /** A jar or zip, opened on first use and kept open (ZipFile reads are thread-safe). */
    private static final class JarLocation implements Location {
        private final Path jar;
        private volatile ZipFile zip;

        JarLocation(Path jar) {
            this.jar = jar;
        }

        private ZipFile zip() throws IOException {
            ZipFile z = zip;
            if (z == null) {
                synchronized (this) {
                    if (zip == null) {
                        zip = new ZipFile(jar.toFile());
                    }
                    z = zip;
                }
            }
            return z;
        }

        @Override
        public byte[] read(String path) throws IOException {
            ZipFile z = zip();
            ZipEntry entry = z.getEntry(path);
            if (entry == null) {
                return null;
            }
            try (InputStream in = z.getInputStream(entry)) {
                return in.readAllBytes();
            }
        }

        @Override
        public synchronized void close() throws IOException {
            ZipFile z = zip;
            zip = null;
            if (z != null) {
                z.close();
            }
        }

        @Override
        public List<String> list(String folder) throws IOException {
            String prefix = folder.isEmpty() ? "" : folder + "/";
            List<String> out = new ArrayList<>();
            zip().stream().forEach(e -> {
                String name = e.getName();
                if (name.startsWith(prefix) && name.indexOf('/', prefix.length()) < 0 && !e.isDirectory()) {
                    out.add(name.substring(prefix.length()));
                }
            });
            return out;
        }
    }

    // ---- reading one class file -----------------------------------------------------------------

    /** Turns the bytes of one class file into a {@link JavaClass}, public members only. */
    static final class ClassFileReader extends ClassVisitor {
        private String name;
        private int access;
        private boolean isPublic;
        private List<String> typeParameters = List.of();
        private String superclass;
        private List<String> interfaces = List.of();
        private final List<JavaMethod> constructors = new ArrayList<>();
        private final List<JavaMethod> methods = new ArrayList<>();
        private final List<JavaField> fields = new ArrayList<>();

        private ClassFileReader() {
            super(Opcodes.ASM9);
        }

        static Optional<JavaClass> read(byte[] bytes) {
            return reader(bytes).result();
        }

        static ClassFileReader reader(byte[] bytes) {
            ClassFileReader reader = new ClassFileReader();
            new ClassReader(bytes).accept(reader, ClassReader.SKIP_CODE | ClassReader.SKIP_FRAMES);
            return reader;
        }

        private Optional<JavaClass> result() {
            if (!isPublic || name == null) {
                return Optional.empty();
            }
            return Optional.of(anyAccess());
        }

        /** The class read, public or not (its public members only). */
        private JavaClass anyAccess() {
            JavaClass.Kind kind = (access & Opcodes.ACC_ANNOTATION) != 0 ? JavaClass.Kind.ANNOTATION
                    : (access & Opcodes.ACC_INTERFACE) != 0 ? JavaClass.Kind.INTERFACE
                    : (access & Opcodes.ACC_ENUM) != 0 ? JavaClass.Kind.ENUM
                    : "java.lang.Record".equals(superclass) || (access & Opcodes.ACC_RECORD) != 0 ? JavaClass.Kind.RECORD
                    : JavaClass.Kind.CLASS;
            String sup = superclass;
            if (kind == JavaClass.Kind.INTERFACE || kind == JavaClass.Kind.ANNOTATION || kind == JavaClass.Kind.RECORD
                    || "java.lang.Object".equals(sup)) {
                sup = null;
            }
            return new JavaClass(name, kind, typeParameters, sup, interfaces, constructors, methods, fields);
        }

        @Override
        public void visit(int version, int access, String internalName, String signature, String superName,
                String[] interfaceNames) {
            this.name = internalName.replace('/', '.');
            this.access = access;
            this.isPublic = (access & Opcodes.ACC_PUBLIC) != 0 && (access & Opcodes.ACC_SYNTHETIC) == 0;
            Signatures.ClassSignature sig = signature == null ? null : Signatures.classSignatureOrNull(signature);
            if (sig != null) {
                typeParameters = sig.typeParameters();
                superclass = sig.superclass();
                interfaces = sig.interfaces();
            } else {
                superclass = superName == null ? null : superName.replace('/', '.');
                List<String> list = new ArrayList<>();
                if (interfaceNames != null) {
                    for (String i : interfaceNames) {
                        list.add(i.replace('/', '.'));
                    }
                }
                interfaces = list;
            }
        }

        @Override
        public void visitInnerClass(String innerName, String outerName, String simpleName, int innerAccess) {
            // a nested class's own flags are here; the class file's flags say public for protected ones too
            if (name != null && innerName.replace('/', '.').equals(name)) {
                isPublic = (innerAccess & Opcodes.ACC_PUBLIC) != 0;
                access = access | (innerAccess & (Opcodes.ACC_INTERFACE | Opcodes.ACC_ENUM | Opcodes.ACC_ANNOTATION));
            }
        }

        @Override
        public FieldVisitor visitField(int fieldAccess, String fieldName, String descriptor, String signature,
                Object value) {
            if ((fieldAccess & Opcodes.ACC_PUBLIC) != 0 && (fieldAccess & Opcodes.ACC_SYNTHETIC) == 0) {
                String generic = signature == null ? null : Signatures.fieldTypeOrNull(signature);
                String type = generic != null ? generic : Signatures.fieldType(descriptor);
                fields.add(new JavaField(fieldName, (fieldAccess & Opcodes.ACC_STATIC) != 0,
                        (fieldAccess & Opcodes.ACC_FINAL) != 0, type));
            }
            return null;
        }

        @Override
        public MethodVisitor visitMethod(int methodAccess, String methodName, String descriptor, String signature,
                String[] exceptions) {
            if ((methodAccess & Opcodes.ACC_PUBLIC) == 0 || (methodAccess & (Opcodes.ACC_SYNTHETIC | Opcodes.ACC_BRIDGE)) != 0
                    || methodName.equals("<clinit>")) {
                return null;
            }
            Signatures.MethodSignature erased = Signatures.methodSignature(descriptor);
            Signatures.MethodSignature sig = erased;
            Signatures.MethodSignature generic = signature == null ? null : Signatures.methodSignatureOrNull(signature);
            if (generic != null) {
                if (generic.parameterTypes().size() == erased.parameterTypes().size()) {
                    sig = generic; // an inner class's constructor may leave its outer instance out of the signature
                }
            }
            Signatures.MethodSignature chosen = sig;
            List<String> names = new ArrayList<>();
            List<String> thrown = new ArrayList<>();
            if (exceptions != null) {
                for (String e : exceptions) {
                    thrown.add(e.replace('/', '.'));
                }
            }
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public void visitParameter(String parameterName, int parameterAccess) {
                    names.add(parameterName);
                }

                @Override
                public void visitEnd() {
                    List<String> parameterNames = new ArrayList<>();
                    for (int i = 0; i < chosen.parameterTypes().size(); i++) {
                        parameterNames.add(names.size() == chosen.parameterTypes().size() && names.get(i) != null
                                ? names.get(i) : "arg" + i);
                    }
                    JavaMethod m = new JavaMethod(methodName, (methodAccess & Opcodes.ACC_STATIC) != 0,
                            (methodAccess & Opcodes.ACC_ABSTRACT) != 0, chosen.typeParameters(),
                            chosen.parameterTypes(), parameterNames, chosen.returnType(),
                            (methodAccess & Opcodes.ACC_VARARGS) != 0, thrown);
                    (m.isConstructor() ? constructors : methods).add(m);
                }
            };
        }
    }
}
