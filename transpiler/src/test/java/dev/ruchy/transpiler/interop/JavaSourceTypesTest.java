package dev.ruchy.transpiler.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.TypeVariable;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small project's Java sources described without compiling them, checked against what javac and
 * reflection say of the same sources compiled, and on the points a caller relies on: binary names
 * through imports, functional interfaces, records, enums, varargs, visibility.
 */
class JavaSourceTypesTest {
    private static final Map<String, String> SOURCES = Map.of(
            "com/acme/Invoice.java", """
                    package com.acme;

                    import java.util.*;
                    import java.util.function.Function;
                    import java.util.Map.Entry;
                    import com.acme.model.Money;

                    /** An invoice. */
                    public class Invoice {
                        public static final String CURRENCY = "EUR";
                        public int count, lines[];
                        private int hidden;

                        public Invoice(String id) { }
                        public Invoice(String id, Money total) { }
                        Invoice() { }

                        public String id() { return ""; }
                        public static Invoice of(String... ids) { return null; }
                        public Money total() { return null; }
                        public Money total(Money discount) { return null; }
                        public <T> List<T> map(Function<? super Money, ? extends T> f) { return null; }
                        public Entry<String, Integer> entry() { return null; }
                        public Map<String, List<Line>> byName() { return null; }
                        public Line first() { return null; }
                        public Status status() { return null; }
                        public Pricing<Line> pricing() { return null; }
                        public int[] matrix(int[][] m) { return null; }
                        public UUID uuid() { return null; }
                        public String read(java.nio.file.Path p) throws java.io.IOException, IllegalStateException { return ""; }
                        public Invoice(int copies) throws CloneNotSupportedException { }
                        protected void prot() { }
                        void pkg() { }
                        private void priv() { }

                        public static class Line {
                            public Line(String text, long cents) { }
                            public String text() { return ""; }
                            public Invoice owner() { return null; }
                        }

                        public enum Status implements Comparable<Status>, Pricing<Line> {
                            OPEN, PAID;
                            public boolean done() { return this == PAID; }
                            public long price(Line l) { return 0; }
                        }

                        static class Hidden { public void no() { } }
                    }
                    """,
            "com/acme/model/Money.java", """
                    package com.acme.model;

                    public record Money(long cents, String currency) implements Comparable<Money> {
                        public Money {
                            if (cents < 0) throw new IllegalArgumentException();
                        }
                        public static Money zero() { return new Money(0, "EUR"); }
                        @Override public int compareTo(Money o) { return Long.compare(cents, o.cents); }
                        public String currency() { return currency; }
                        public Money plus(Money... others) { return this; }
                    }
                    """,
            "com/acme/Pricing.java", """
                    package com.acme;

                    @FunctionalInterface
                    public interface Pricing<T> {
                        String NAME = "pricing";
                        long price(T item);
                        default long twice(T item) { return 2 * price(item); }
                        static <T> Pricing<T> free() { return x -> 0; }
                        private void helper() { }
                        interface Rule { boolean test(String s); }
                    }
                    """,
            "com/acme/Shape.java", """
                    // a comment before the package
                    /* and another */
                    package com.acme;

                    public abstract class Shape implements java.io.Serializable {
                        public abstract double area();
                        public java.util.Map.Entry<String, Double> named() { return null; }
                        public Shape.Kind kind() { return null; }
                        public static abstract class Kind extends Shape { }
                    }
                    """,
            "com/acme/Box.java", """
                    package com.acme;

                    import java.util.function.Function;

                    public final class Box<T extends Comparable<T>> {
                        public T value;
                        public T get() { return value; }
                        public <R extends Comparable<R>> Box<R> map(Function<? super T, ? extends R> f) { return null; }
                        public static <U extends Comparable<U>> Box<U> of(U u) { return null; }
                        public static final class Pair<A, B> { public A first() { return null; } }
                    }
                    """,
            "com/acme/Internal.java", """
                    package com.acme;

                    class Internal { public static void run() { } }
                    """,
            "com/acme/Broken.java", """
                    package com.acme;

                    public class Broken { public void oops( }
                    """);

    /** Classes the comparison with javac covers (Broken does not compile). */
    private static final List<String> COMPARED = List.of("com.acme.Invoice", "com.acme.Invoice$Line",
            "com.acme.Invoice$Status", "com.acme.model.Money", "com.acme.Pricing", "com.acme.Pricing$Rule",
            "com.acme.Shape", "com.acme.Shape$Kind", "com.acme.Box", "com.acme.Box$Pair");

    @TempDir
    static Path dir;
    private static JavaSourceTypes types;
    private static URLClassLoader compiled;

    @BeforeAll
    static void writeAndCompile() throws IOException {
        Path src = dir.resolve("src");
        List<String> files = new ArrayList<>();
        for (Map.Entry<String, String> e : SOURCES.entrySet()) {
            Path file = src.resolve(e.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue());
            if (!e.getKey().contains("Broken")) {
                files.add(file.toString());
            }
        }
        Path classes = Files.createDirectories(dir.resolve("classes"));
        List<String> args = new ArrayList<>(List.of("-parameters", "-proc:none", "-d", classes.toString()));
        args.addAll(files);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, args.toArray(String[]::new)), "the test sources compile");
        compiled = new URLClassLoader(new URL[] {classes.toUri().toURL()}, JavaSourceTypesTest.class.getClassLoader());
        types = new JavaSourceTypes(List.of(src, dir.resolve("missing")), new ReflectionTypes());
    }

    @Test
    void describesEachPublicClassAsJavacCompilesIt() throws ClassNotFoundException {
        for (String name : COMPARED) {
            JavaClass parsed = types.find(name).orElseThrow(() -> new AssertionError("no " + name));
            JavaClass reflected = reflect(Class.forName(name, false, compiled));
            assertEquals(reflected.kind(), parsed.kind(), name);
            assertEquals(reflected.typeParameters(), parsed.typeParameters(), name);
            assertEquals(reflected.superclass(), parsed.superclass(), name);
            assertEquals(reflected.interfaces(), parsed.interfaces(), name);
            assertEquals(lines(reflected.constructors()), lines(parsed.constructors()), name + " constructors");
            assertEquals(lines(reflected.methods()), lines(parsed.methods()), name + " methods");
            assertEquals(new TreeSet<>(reflected.fields().stream().map(Object::toString).toList()),
                    new TreeSet<>(parsed.fields().stream().map(Object::toString).toList()), name + " fields");
        }
    }

    @Test
    void resolvesTypeNamesThroughImportsThePackageAndJavaLang() {
        JavaClass invoice = types.find("com.acme.Invoice").orElseThrow();
        assertEquals("com.acme.model.Money", returnType(invoice, "total"));
        assertEquals("java.util.Map$Entry<java.lang.String, java.lang.Integer>", returnType(invoice, "entry"));
        assertEquals("java.util.Map<java.lang.String, java.util.List<com.acme.Invoice$Line>>", returnType(invoice, "byName"));
        assertEquals("com.acme.Pricing<com.acme.Invoice$Line>", returnType(invoice, "pricing"));
        assertEquals("java.util.UUID", returnType(invoice, "uuid"), "through the wildcard import, found in the class path");
        assertEquals("java.lang.String", returnType(invoice, "id"));
        JavaMethod map = invoice.methods().stream().filter(m -> m.name().equals("map")).findFirst().orElseThrow();
        assertEquals(List.of("T"), map.typeParameters());
        assertEquals(List.of("java.util.function.Function<? super com.acme.model.Money, ? extends T>"), map.parameterTypes());
        assertEquals(List.of("f"), map.parameterNames());
        assertEquals("java.util.Map$Entry<java.lang.String, java.lang.Double>",
                returnType(types.find("com.acme.Shape").orElseThrow(), "named"), "a qualified nested name");
    }

    @Test
    void overloadsAndVarargsAreKept() {
        JavaClass invoice = types.find("com.acme.Invoice").orElseThrow();
        assertEquals(2, invoice.methods().stream().filter(m -> m.name().equals("total")).count());
        assertEquals(3, invoice.constructors().size(), "the package-private constructor is left out");
        JavaMethod read = invoice.methods().stream().filter(m -> m.name().equals("read")).findFirst().orElseThrow();
        assertEquals(List.of("java.io.IOException", "java.lang.IllegalStateException"), read.exceptions());
        JavaMethod of = invoice.methods().stream().filter(m -> m.name().equals("of")).findFirst().orElseThrow();
        assertTrue(of.varargs() && of.isStatic());
        assertEquals(List.of("java.lang.String[]"), of.parameterTypes());
        assertFalse(invoice.methods().stream().anyMatch(m -> Set.of("prot", "pkg", "priv").contains(m.name())));
    }

    @Test
    void aFunctionalInterfaceHasOneAbstractMethod() {
        JavaClass pricing = types.find("com.acme.Pricing").orElseThrow();
        assertEquals(JavaClass.Kind.INTERFACE, pricing.kind());
        List<String> abstractMethods = pricing.methods().stream().filter(JavaMethod::isAbstract).map(JavaMethod::name).toList();
        assertEquals(List.of("price"), abstractMethods);
        assertEquals(List.of("T"), pricing.methods().stream().filter(m -> m.name().equals("price")).findFirst()
                .orElseThrow().parameterTypes());
        assertTrue(pricing.fields().contains(new JavaField("NAME", true, true, "java.lang.String")));
        assertFalse(pricing.methods().stream().anyMatch(m -> m.name().equals("helper")), "a private interface method");
    }

    @Test
    void recordsGiveAccessorsAndTheCanonicalConstructor() {
        JavaClass money = types.find("com.acme.model.Money").orElseThrow();
        assertEquals(JavaClass.Kind.RECORD, money.kind());
        assertEquals(List.of(new JavaMethod("<init>", false, false, List.of(), List.of("long", "java.lang.String"),
                List.of("cents", "currency"), "void", false)), money.constructors());
        assertEquals(1, money.methods().stream().filter(m -> m.name().equals("currency")).count(),
                "the accessor written out is not added again");
        assertEquals("long", returnType(money, "cents"));
    }

    @Test
    void enumsGiveTheirConstants() {
        JavaClass status = types.find("com.acme.Invoice$Status").orElseThrow();
        assertEquals(JavaClass.Kind.ENUM, status.kind());
        assertEquals(List.of("OPEN", "PAID"), status.fields().stream().map(JavaField::name).toList());
        assertEquals("com.acme.Invoice$Status", status.fields().get(0).type());
        assertTrue(status.constructors().isEmpty());
    }

    @Test
    void typeVariablesStayNames() {
        JavaClass box = types.find("com.acme.Box").orElseThrow();
        assertEquals(List.of("T"), box.typeParameters());
        assertEquals("T", returnType(box, "get"));
        assertTrue(box.fields().contains(new JavaField("value", false, false, "T")));
        JavaMethod of = box.methods().stream().filter(m -> m.name().equals("of")).findFirst().orElseThrow();
        assertEquals("com.acme.Box<U>", of.returnType());
    }

    @Test
    void onlyPublicClassesThatParseAreFound() {
        assertEquals(Optional.empty(), types.find("com.acme.Internal"), "not public");
        assertEquals(Optional.empty(), types.find("com.acme.Invoice$Hidden"), "a package-private nested class");
        assertEquals(Optional.empty(), types.find("com.acme.Broken"), "a syntax error");
        assertEquals(Optional.empty(), types.find("com.acme.Nowhere"));
        assertEquals(Optional.empty(), types.find("java.util.UUID"), "the class path is the fallback's, not found here");
        assertTrue(types.find("com.acme.Pricing$Rule").isPresent(), "a member of an interface is public");
        assertEquals(Set.of("Box", "Broken", "Internal", "Invoice", "Pricing", "Shape"), types.classesIn("com.acme"));
        assertEquals(Set.of("Money"), types.classesIn("com.acme.model"));
        assertEquals(Optional.of(dir.resolve("src/com/acme/Invoice.java")), types.fileOf("com.acme.Invoice$Line"));
    }

    // ---- the same description from reflection over the compiled classes ----------------------------

    private static String returnType(JavaClass c, String method) {
        return c.methods().stream().filter(m -> m.name().equals(method)).findFirst().orElseThrow().returnType();
    }

    private static Set<String> lines(List<JavaMethod> methods) {
        return methods.stream().map(Object::toString).collect(Collectors.toCollection(TreeSet::new));
    }

    static JavaClass reflect(Class<?> c) {
        JavaClass.Kind kind = c.isAnnotation() ? JavaClass.Kind.ANNOTATION : c.isInterface() ? JavaClass.Kind.INTERFACE
                : c.isEnum() ? JavaClass.Kind.ENUM : c.isRecord() ? JavaClass.Kind.RECORD : JavaClass.Kind.CLASS;
        java.lang.reflect.Type sup = c.getGenericSuperclass();
        String superclass = sup == null || sup == Object.class || sup == Record.class ? null : sup.getTypeName();
        List<JavaMethod> constructors = new ArrayList<>();
        for (Constructor<?> k : c.getDeclaredConstructors()) {
            if (Modifier.isPublic(k.getModifiers()) && !k.isSynthetic()) {
                constructors.add(method(k, "<init>", "void"));
            }
        }
        List<JavaMethod> methods = new ArrayList<>();
        for (Method m : c.getDeclaredMethods()) {
            boolean objectMethod = c.isRecord() && Set.of("equals", "hashCode", "toString").contains(m.getName());
            if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic() && !m.isBridge() && !objectMethod) {
                methods.add(method(m, m.getName(), m.getGenericReturnType().getTypeName()));
            }
        }
        List<JavaField> fields = new ArrayList<>();
        for (Field f : c.getDeclaredFields()) {
            if (Modifier.isPublic(f.getModifiers()) && !f.isSynthetic()) {
                fields.add(new JavaField(f.getName(), Modifier.isStatic(f.getModifiers()), Modifier.isFinal(f.getModifiers()),
                        f.getGenericType().getTypeName()));
            }
        }
        return new JavaClass(c.getName(), kind, Arrays.stream(c.getTypeParameters()).map(TypeVariable::getName).toList(),
                superclass, Arrays.stream(c.getGenericInterfaces()).map(java.lang.reflect.Type::getTypeName).toList(),
                constructors, methods, fields);
    }

    private static JavaMethod method(Executable e, String name, String returnType) {
        return new JavaMethod(name, Modifier.isStatic(e.getModifiers()), Modifier.isAbstract(e.getModifiers()),
                Arrays.stream(e.getTypeParameters()).map(TypeVariable::getName).toList(),
                Arrays.stream(e.getGenericParameterTypes()).map(java.lang.reflect.Type::getTypeName).toList(),
                Arrays.stream(e.getParameters()).map(Parameter::getName).toList(), returnType, e.isVarArgs(),
                Arrays.stream(e.getGenericExceptionTypes()).map(java.lang.reflect.Type::getTypeName).toList());
    }

    /** The JDK as the class path: a class is found when the test's class loader has it and it is public. */
    private static final class ReflectionTypes implements JavaTypes {
        @Override
        public Optional<JavaClass> find(String binaryName) {
            try {
                Class<?> c = Class.forName(binaryName, false, ClassLoader.getPlatformClassLoader());
                return Modifier.isPublic(c.getModifiers()) ? Optional.of(reflect(c)) : Optional.empty();
            } catch (ClassNotFoundException | LinkageError e) {
                return Optional.empty();
            }
        }

        @Override
        public Set<String> classesIn(String packageName) {
            return Set.of();
        }
    }
}
