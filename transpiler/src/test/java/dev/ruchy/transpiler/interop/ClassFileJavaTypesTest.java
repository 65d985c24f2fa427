package dev.ruchy.transpiler.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruchy.transpiler.interop.fixture.Shelf;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The class-file index: the JDK through jrt:/ and a class directory of this module's test fixtures. */
class ClassFileJavaTypesTest {
    private static final String FIXTURE = "dev.ruchy.transpiler.interop.fixture.";

    private static ClassFileJavaTypes fixtures() throws URISyntaxException {
        Path classes = Path.of(Shelf.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return new ClassFileJavaTypes(List.of(classes, Path.of("no/such/entry.jar")));
    }

    private static JavaMethod method(JavaClass c, String name) {
        return c.methods().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }

    /** How many of this process's open files are {@code file} (Linux: /proc/self/fd), or -1 where that cannot be told. */
    private static long openHandles(Path file) throws java.io.IOException {
        Path fds = Path.of("/proc/self/fd");
        if (!java.nio.file.Files.isDirectory(fds)) {
            return -1;
        }
        Path real = file.toRealPath();
        try (java.util.stream.Stream<Path> links = java.nio.file.Files.list(fds)) {
            return links.filter(link -> {
                try {
                    return java.nio.file.Files.readSymbolicLink(link).equals(real);
                } catch (java.io.IOException | UnsupportedOperationException e) {
                    return false; // closed meanwhile
                }
            }).count();
        }
    }

    @Test
    void closingReleasesTheJarsAndALaterLookUpOpensThemAgain(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path classes = Path.of(Shelf.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path jar = dir.resolve("fixture.jar");
        String entry = FIXTURE.replace('.', '/') + "Shelf.class";
        try (var out = new java.util.jar.JarOutputStream(java.nio.file.Files.newOutputStream(jar))) {
            out.putNextEntry(new java.util.zip.ZipEntry(entry));
            out.write(java.nio.file.Files.readAllBytes(classes.resolve(entry)));
            out.closeEntry();
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(openHandles(jar) == 0, "open files cannot be listed here");
        ClassFileJavaTypes types = new ClassFileJavaTypes(List.of(jar));
        assertTrue(types.find(FIXTURE + "Shelf").isPresent());
        assertEquals(1, openHandles(jar), "the jar stays open for the next look-up");
        assertTrue(types.find(FIXTURE + "Colour").isEmpty());
        assertEquals(1, openHandles(jar), "one handle, however many look-ups");
        types.close();
        assertEquals(0, openHandles(jar));
        assertTrue(types.find(FIXTURE + "Shelf").isPresent(), "a class read before stays known");
        assertTrue(types.classesIn("dev.ruchy.transpiler.interop.fixture").contains("Shelf"), "the jar is opened again");
        types.close();
        assertEquals(0, openHandles(jar));
        ClassFileJavaTypes.jdk().close(); // the shared JDK holds no jar: still usable
        assertTrue(ClassFileJavaTypes.jdk().find("java.util.UUID").isPresent());
    }

    @Test
    void readsAJdkClassLazily() {
        JavaClass uuid = ClassFileJavaTypes.jdk().find("java.util.UUID").orElseThrow();
        assertEquals(JavaClass.Kind.CLASS, uuid.kind());
        assertEquals(List.of("java.io.Serializable", "java.lang.Comparable<java.util.UUID>"), uuid.interfaces());
        JavaMethod random = method(uuid, "randomUUID");
        assertTrue(random.isStatic());
        assertEquals("java.util.UUID", random.returnType());
        assertEquals(List.of("long", "long"), uuid.constructors().get(0).parameterTypes());
        assertSame(ClassFileJavaTypes.jdk(), ClassFileJavaTypes.jdk());
    }

    @Test
    void rendersGenericSignaturesWithBinaryNames() {
        JavaClass map = ClassFileJavaTypes.jdk().find("java.util.Map").orElseThrow();
        assertEquals(JavaClass.Kind.INTERFACE, map.kind());
        assertEquals(List.of("K", "V"), map.typeParameters());
        assertNull(map.superclass());
        assertEquals("java.util.Set<java.util.Map$Entry<K, V>>", method(map, "entrySet").returnType());
        JavaMethod forEach = method(map, "forEach");
        assertFalse(forEach.isAbstract(), "a default method has a body");
        assertEquals(List.of("java.util.function.BiConsumer<? super K, ? super V>"), forEach.parameterTypes());
        JavaClass entry = ClassFileJavaTypes.jdk().find("java.util.Map$Entry").orElseThrow();
        assertEquals("Entry", entry.simpleName());
        assertTrue(method(entry, "getKey").isAbstract());
    }

    @Test
    void varargsAreArraysWithAFlag() {
        JavaClass list = ClassFileJavaTypes.jdk().find("java.util.List").orElseThrow();
        JavaMethod of = list.methods().stream().filter(m -> m.name().equals("of") && m.varargs()).findFirst().orElseThrow();
        assertEquals(List.of("E"), of.typeParameters());
        assertEquals(List.of("E[]"), of.parameterTypes());
        assertEquals("java.util.List<E>", of.returnType());
        JavaMethod format = ClassFileJavaTypes.jdk().find("java.lang.String").orElseThrow().methods().stream()
                .filter(m -> m.name().equals("format") && m.parameterTypes().size() == 2).findFirst().orElseThrow();
        assertTrue(format.varargs());
        assertEquals(List.of("java.lang.String", "java.lang.Object[]"), format.parameterTypes());
    }

    @Test
    void onlyExportedPackagesOfTheJdk() {
        assertTrue(ClassFileJavaTypes.jdk().find("jdk.internal.misc.Unsafe").isEmpty());
        assertTrue(ClassFileJavaTypes.jdk().find("java.util.Nope").isEmpty());
        assertTrue(ClassFileJavaTypes.jdk().classesIn("java.util").contains("UUID"));
        assertTrue(ClassFileJavaTypes.jdk().classesIn("java.util").stream().noneMatch(n -> n.contains("$")));
        assertTrue(ClassFileJavaTypes.jdk().classesIn("no.such.pkg").isEmpty());
    }

    @Test
    void aClassDirectory() throws URISyntaxException {
        ClassFileJavaTypes types = fixtures();
        JavaClass shelf = types.find(FIXTURE + "Shelf").orElseThrow();
        assertEquals(List.of("T"), shelf.typeParameters());
        assertNull(shelf.superclass());
        assertEquals(List.of("java.lang.Iterable<T>"), shelf.interfaces());
        assertEquals(List.of(List.of(), List.of("java.util.List<? extends T>")),
                shelf.constructors().stream().map(JavaMethod::parameterTypes).toList());
        JavaMethod of = method(shelf, "of");
        assertTrue(of.isStatic() && of.varargs());
        assertEquals(List.of("E[]"), of.parameterTypes());
        assertEquals(FIXTURE + "Shelf<E>", of.returnType());
        assertEquals("java.util.Map<java.lang.String, java.util.List<T>>", method(shelf, "byName").returnType());
        JavaMethod sizes = method(shelf, "sizes");
        assertEquals(List.of("java.lang.String", "long[]"), sizes.parameterTypes());
        assertEquals("int[]", sizes.returnType());
        assertEquals(2, sizes.parameterNames().size());
        assertTrue(shelf.methods().stream().noneMatch(m -> m.name().equals("packagePrivate")));
        assertEquals(List.of("CAPACITY", "items"), shelf.fields().stream().map(JavaField::name).toList());
        assertEquals("java.util.List<T>", shelf.fields().get(1).type());
        assertTrue(shelf.fields().get(0).isStatic() && shelf.fields().get(0).isFinal());
        JavaClass label = types.find(FIXTURE + "Shelf$Label").orElseThrow();
        assertEquals("java.lang.String", label.fields().get(0).type());
        assertTrue(types.find(FIXTURE + "Shelf$Secret").isEmpty(), "a package-private nested class");
        assertTrue(types.find("java.util.UUID").isEmpty(), "a class path has no JDK");
        assertTrue(types.classesIn("dev.ruchy.transpiler.interop.fixture").containsAll(
                List.of("Shelf", "Colour", "Point", "Greeter")));
    }

    @Test
    void enumsRecordsAndInterfaces() throws URISyntaxException {
        ClassFileJavaTypes types = fixtures();
        JavaClass colour = types.find(FIXTURE + "Colour").orElseThrow();
        assertEquals(JavaClass.Kind.ENUM, colour.kind());
        assertEquals("java.lang.Enum<" + FIXTURE + "Colour>", colour.superclass());
        assertTrue(colour.fields().stream().anyMatch(f -> f.name().equals("RED") && f.isStatic()
                && f.type().equals(FIXTURE + "Colour")));
        assertEquals("java.lang.String", method(colour, "lower").returnType());
        JavaClass point = types.find(FIXTURE + "Point").orElseThrow();
        assertEquals(JavaClass.Kind.RECORD, point.kind());
        assertNull(point.superclass());
        assertEquals(List.of("long", "long"), point.constructors().get(0).parameterTypes());
        assertEquals("long", method(point, "x").returnType());
        JavaClass greeter = types.find(FIXTURE + "Greeter").orElseThrow();
        assertEquals(JavaClass.Kind.INTERFACE, greeter.kind());
        assertTrue(method(greeter, "greet").isAbstract());
        assertFalse(method(greeter, "twice").isAbstract());
    }

    @Test
    void sharedBetweenThreads() throws Exception {
        ClassFileJavaTypes types = fixtures();
        ConcurrentLinkedQueue<JavaClass> found = new ConcurrentLinkedQueue<>();
        IntStream.range(0, 16).parallel().forEach(i -> found.add(types.find(FIXTURE + "Shelf").orElseThrow()));
        assertEquals(1, found.stream().distinct().count(), "every thread gets the one class read");
    }

    @Test
    void signaturesAsJavaText() {
        assertEquals("java.util.Map$Entry<K, V>[]", Signatures.fieldType("[Ljava/util/Map$Entry<TK;TV;>;"));
        assertEquals("com.acme.Outer$Inner<U>", Signatures.fieldType("Lcom/acme/Outer<TT;>.Inner<TU;>;"));
        Signatures.MethodSignature m = Signatures.methodSignature(
                "<T:Ljava/lang/Object;>(Ljava/util/List<+TT;>;[I)Ljava/util/Set<-TT;>;^Ljava/io/IOException;");
        assertEquals(List.of("T"), m.typeParameters());
        assertEquals(List.of("java.util.List<? extends T>", "int[]"), m.parameterTypes());
        assertEquals("java.util.Set<? super T>", m.returnType());
        assertNull(Signatures.classSignatureOrNull("not a signature"), "read from the descriptor instead");
        TypeText parsed = TypeText.parse("java.util.Map<java.lang.String, ? extends java.util.List<T>>[]");
        assertEquals("java.util.Map<java.lang.String, ? extends java.util.List<T>>[]", parsed.text());
        assertEquals("Map<String, ? extends List<T>>[]", parsed.display());
    }
}
