package dev.ruchy.cli;

import dev.ruchy.transpiler.interop.ClassFileJavaTypes;
import dev.ruchy.transpiler.interop.JavaTypes;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine.Option;

/**
 * {@code --class-path CP}: the jars and class folders whose Java classes a program may use
 * ({@code use com::acme::Invoice}), written as for {@code java -cp}: entries separated by
 * {@code File.pathSeparator}, a {@code DIR/*} entry standing for the jars in DIR. The JDK's classes are
 * always in reach. {@code run} compiles and runs the program with the same class path.
 */
final class ClassPathOptions {
    @Option(names = {"--class-path", "--classpath", "-cp"}, paramLabel = "CP",
            description = "jars and class folders of Java classes the program uses, as for java -cp")
    String classPath;

    /** The entries, with {@code DIR/*} expanded to DIR's jars (in name order); empty when none was given. */
    List<Path> entries() {
        List<Path> entries = new ArrayList<>();
        if (classPath == null || classPath.isBlank()) {
            return entries;
        }
        for (String element : classPath.split(File.pathSeparator)) {
            if (element.isEmpty()) {
                continue;
            }
            if (element.equals("*") || element.endsWith(File.separator + "*") || element.endsWith("/*")) {
                Path dir = Path.of(element.substring(0, element.length() - 1).isEmpty() ? "." : element.substring(0, element.length() - 1));
                try (Stream<Path> files = Files.list(dir)) {
                    files.filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".jar"))
                            .sorted().forEach(p -> entries.add(p.toAbsolutePath().normalize()));
                } catch (IOException e) {
                    // like java -cp: a folder that is not there adds nothing
                }
            } else {
                entries.add(Path.of(element).toAbsolutePath().normalize());
            }
        }
        return entries;
    }

    /**
     * The classes in reach: the class path's, then the JDK's; {@linkplain JavaTypes#isComplete() every
     * class} the program can use when it runs, so a {@code use} of any other is an error.
     *
     * @throws UncheckedIOException when a jar of the class path cannot be opened
     */
    JavaTypes javaTypes() {
        List<Path> entries = entries();
        if (entries.isEmpty()) {
            return JavaTypes.complete(ClassFileJavaTypes.jdk());
        }
        ClassFileJavaTypes jars = new ClassFileJavaTypes(entries);
        opened.add(jars);
        return JavaTypes.complete(JavaTypes.chain(List.of(jars, ClassFileJavaTypes.jdk())));
    }

    /** The class paths {@link #javaTypes()} gave out, whose jars {@link #close()} closes. */
    private final List<ClassFileJavaTypes> opened = new ArrayList<>();

    /** Closes the jars the transpiler opened; call when it is done with {@link #javaTypes()} (not the JDK's, shared). */
    void close() {
        opened.forEach(ClassFileJavaTypes::close);
        opened.clear();
    }
}
