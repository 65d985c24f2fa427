package dev.ruchy.transpiler.interop;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where the transpiler finds the Java classes a Ruchy file imports. Implementations read class files
 * (the JDK, a class path) or sources (Java parsed without compiling it, other Ruchy files), and must be
 * safe to share between threads.
 */
public interface JavaTypes {
    /** Finds nothing: a file transpiled without any Java types in reach. */
    JavaTypes NONE = new JavaTypes() {
        @Override
        public Optional<JavaClass> find(String binaryName) {
            return Optional.empty();
        }

        @Override
        public Set<String> classesIn(String packageName) {
            return Set.of();
        }
    };

    /**
     * The public signatures of a class.
     *
     * @param binaryName dots between packages and {@code $} before a nested class's name
     *                   ({@code java.util.Map$Entry})
     * @return the class, or empty when this source does not have it (or it is not public)
     */
    Optional<JavaClass> find(String binaryName);

    /**
     * The simple names of the public top-level classes of a package this source knows, for
     * did-you-mean suggestions; empty when it knows none (or cannot list them).
     */
    Set<String> classesIn(String packageName);

    /**
     * Whether these are every class a program transpiled with them can use when it runs (the JDK and
     * the whole class path it runs with, as {@code ruchy run --class-path} has them): a class they
     * do not have is not there at all, whatever its package. False unless said so ({@link #complete}).
     */
    default boolean isComplete() {
        return false;
    }

    /** {@code types}, said to be every class the program can use ({@link #isComplete()}). */
    static JavaTypes complete(JavaTypes types) {
        return new JavaTypes() {
            @Override
            public Optional<JavaClass> find(String binaryName) {
                return types.find(binaryName);
            }

            @Override
            public Set<String> classesIn(String packageName) {
                return types.classesIn(packageName);
            }

            @Override
            public boolean isComplete() {
                return true;
            }
        };
    }

    /** The first of {@code sources} that has a class wins; package listings are merged. */
    static JavaTypes chain(List<JavaTypes> sources) {
        List<JavaTypes> copy = List.copyOf(sources);
        return new JavaTypes() {
            @Override
            public Optional<JavaClass> find(String binaryName) {
                for (JavaTypes source : copy) {
                    Optional<JavaClass> found = source.find(binaryName);
                    if (found.isPresent()) {
                        return found;
                    }
                }
                return Optional.empty();
            }

            @Override
            public Set<String> classesIn(String packageName) {
                Set<String> names = new LinkedHashSet<>();
                copy.forEach(source -> names.addAll(source.classesIn(packageName)));
                return names;
            }
        };
    }
}
