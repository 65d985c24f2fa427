package dev.ruchy.transpiler;

import dev.ruchy.transpiler.emit.Names;
import dev.ruchy.transpiler.interop.JavaClass;
import dev.ruchy.transpiler.interop.JavaTypes;
import dev.ruchy.transpiler.source.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import javax.lang.model.SourceVersion;

/**
 * Ruchy files as the Java classes they become, so that one Ruchy file can import another
 * ({@code use com::acme::Mathutil;} then {@code Mathutil::square(3)}): {@code com/acme/mathutil.ruchy}
 * under a source root is the class {@code com.acme.Mathutil}, the package following the folders and the
 * class named after the file, as the Maven plugin and {@code ruchy transpile} name them. A class's
 * members are {@linkplain Transpiler#publicSignatures the file's public signatures}: its {@code pub fun}s.
 *
 * <p>The roots are indexed on first use (the first root with a class wins); a file is read and analysed
 * the first time its class is asked for, with the Java classes {@code others} has (and the other Ruchy
 * files) in reach, and not again. Files that import each other in a cycle see each other's signatures
 * as the file alone gives them (without the other Ruchy files), so the types of {@code pub fun}s in such
 * a cycle are best written out. Thread-safe.
 */
public final class RuchySourceTypes implements JavaTypes {
    private final List<Path> roots;
    private final Charset encoding;
    private final JavaTypes others;
    private final JavaTypes inReach;
    private volatile Map<String, Path> index;
    private volatile Map<String, Set<String>> packages;
    private final Map<String, Optional<JavaClass>> classes = new ConcurrentHashMap<>();
    /** The classes whose signatures this thread is working out, innermost last. */
    private final ThreadLocal<Set<String>> inProgress = ThreadLocal.withInitial(HashSet::new);

    /**
     * @param roots    Ruchy source roots ({@code src/main/ruchy}, {@code src/test/ruchy}); missing ones are skipped
     * @param encoding the files' encoding
     * @param others   the Java classes the files may use: the project's Java sources, the class path, the JDK
     */
    public RuchySourceTypes(List<Path> roots, Charset encoding, JavaTypes others) {
        this.roots = List.copyOf(roots);
        this.encoding = encoding;
        this.others = others;
        this.inReach = JavaTypes.chain(List.of(this, others));
    }

    /** These Ruchy files first, then {@code others}: what a file of these roots is transpiled with. */
    public JavaTypes inReach() {
        return inReach;
    }

    @Override
    public Optional<JavaClass> find(String binaryName) {
        Optional<JavaClass> known = classes.get(binaryName);
        if (known != null) {
            return known;
        }
        Path file = index().get(binaryName);
        if (file == null) {
            return Optional.empty();
        }
        Set<String> working = inProgress.get();
        if (working.contains(binaryName)) {
            // a cycle: this file's signatures as the file alone gives them
            return signatures(binaryName, file, others);
        }
        working.add(binaryName);
        try {
            Optional<JavaClass> found = signatures(binaryName, file, inReach);
            classes.putIfAbsent(binaryName, found);
            return found;
        } finally {
            working.remove(binaryName);
        }
    }

    @Override
    public Set<String> classesIn(String packageName) {
        index();
        Set<String> names = packages.get(packageName);
        return names == null ? Set.of() : Collections.unmodifiableSet(names);
    }

    /** The Ruchy file that becomes {@code binaryName}, if it is one of these. */
    public Optional<Path> fileOf(String binaryName) {
        return Optional.ofNullable(index().get(binaryName));
    }

    private Optional<JavaClass> signatures(String binaryName, Path file, JavaTypes types) {
        String text;
        try {
            text = Files.readString(file, encoding);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        int dot = binaryName.lastIndexOf('.');
        String packageName = dot < 0 ? "" : binaryName.substring(0, dot);
        return Transpiler.publicSignatures(SourceFile.of(file.getFileName().toString(), text), packageName,
                TranspileOptions.defaults().withJavaTypes(types));
    }

    private Map<String, Path> index() {
        Map<String, Path> i = index;
        if (i == null) {
            synchronized (this) {
                if (index == null) {
                    Map<String, Path> byName = new LinkedHashMap<>();
                    Map<String, Set<String>> byPackage = new LinkedHashMap<>();
                    for (Path root : roots) {
                        for (Path file : ruchyFiles(root)) {
                            Path relative = root.relativize(file);
                            String packageName = relative.getParent() == null ? ""
                                    : relative.getParent().toString().replace(relative.getFileSystem().getSeparator(), ".");
                            if (!packageName.isEmpty() && !SourceVersion.isName(packageName)) {
                                continue;
                            }
                            String simple = Names.className(file.getFileName().toString());
                            String name = packageName.isEmpty() ? simple : packageName + "." + simple;
                            if (byName.putIfAbsent(name, file) == null) {
                                byPackage.computeIfAbsent(packageName, k -> new TreeSet<>()).add(simple);
                            }
                        }
                    }
                    packages = byPackage;
                    index = byName;
                }
                i = index;
            }
        }
        return i;
    }

    private static List<Path> ruchyFiles(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".ruchy") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the Ruchy sources in " + root, e);
        }
    }
}
