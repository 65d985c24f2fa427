package dev.ruchy.cli;

import dev.ruchy.runtime.ProgramMain;
import dev.ruchy.transpiler.Transpiler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Compiled programs kept on disk, so that running an unchanged script again skips transpiling and
 * compiling (as JBang does). An entry is a directory named by the SHA-256 of the transpiler's
 * build, the file name and the source text, holding {@code program.jar}, the main class name and
 * the line map ({@code lines.txt}). Entries are written to a temporary directory and renamed into place, so a crash never
 * leaves half an entry.
 *
 * <p>The cache lives in the system property {@code ruchy.cache.dir}, else {@code $RUCHY_CACHE_DIR}, else {@code $XDG_CACHE_HOME/ruchy}, else
 * {@code ~/.cache/ruchy}.
 */
final class ClassCache {
    /** A compiled program: the jar of its classes, main class and line map. */
    record Entry(Path classes, String mainClass, String fileName, int[] lineMap) {
    }

    /** The compiled classes of an entry. */
    static final String PROGRAM_JAR = "program.jar";

    private final Path root;

    ClassCache(Path root) {
        this.root = root;
    }

    static ClassCache standard() {
        String property = System.getProperty("ruchy.cache.dir");
        if (property != null && !property.isBlank()) {
            return new ClassCache(Path.of(property));
        }
        String dir = System.getenv("RUCHY_CACHE_DIR");
        if (dir == null || dir.isBlank()) {
            String xdg = System.getenv("XDG_CACHE_HOME");
            Path base = xdg == null || xdg.isBlank() ? Path.of(System.getProperty("user.home"), ".cache") : Path.of(xdg);
            return new ClassCache(base.resolve("ruchy"));
        }
        return new ClassCache(Path.of(dir));
    }

    /** The cache key of a source file: transpiler build, file name and content. */
    static String key(String fileName, String source) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(buildFingerprint().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(fileName.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(source.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /**
     * A user class path as a cache key sees it: each entry with its size and time, a class folder with
     * the latest time of the files in it, so a rebuilt jar or recompiled class misses the cache.
     */
    static String classPathState(java.util.List<Path> classPath) {
        StringBuilder sb = new StringBuilder();
        for (Path entry : classPath) {
            sb.append(entry).append('@');
            try {
                if (Files.isDirectory(entry)) {
                    long latest = 0;
                    long count = 0;
                    try (Stream<Path> files = Files.walk(entry)) {
                        for (Path f : files.filter(Files::isRegularFile).toList()) {
                            latest = Math.max(latest, Files.getLastModifiedTime(f).toMillis());
                            count++;
                        }
                    }
                    sb.append(count).append('/').append(latest);
                } else if (Files.isRegularFile(entry)) {
                    sb.append(Files.size(entry)).append('/').append(Files.getLastModifiedTime(entry).toMillis());
                } else {
                    sb.append("missing");
                }
            } catch (IOException | UncheckedIOException e) {
                sb.append("unreadable");
            }
            sb.append(java.io.File.pathSeparatorChar);
        }
        return sb.toString();
    }

    /**
     * The transpiler's version, the tool's class path and the time the transpiler's classes were
     * built, so a rebuilt transpiler, or another checkout sharing the cache, misses it.
     */
    private static String buildFingerprint() {
        String fingerprint = Transpiler.VERSION + "@" + System.getProperty("java.class.path", "");
        try {
            Path location = Path.of(Transpiler.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path stamp = Files.isDirectory(location)
                    ? location.resolve(Transpiler.class.getName().replace('.', '/') + ".class")
                    : location;
            fingerprint += "@" + Files.getLastModifiedTime(stamp).toMillis();
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // no fingerprint beyond the version
        }
        return fingerprint;
    }

    /** The entry for {@code key}, or null when absent or unreadable. */
    Entry lookup(String key) {
        Path dir = root.resolve(key);
        Path meta = dir.resolve("main.txt");
        if (!Files.isRegularFile(meta) || !Files.isRegularFile(dir.resolve(PROGRAM_JAR))) {
            return null;
        }
        try {
            String[] lines = Files.readString(meta).split("\n");
            return new Entry(dir.resolve(PROGRAM_JAR), lines[0], lines[1],
                    ProgramMain.parseLineMap(Files.readString(dir.resolve("lines.txt"))));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Stores compiled classes under {@code key}; returns the entry (also when another process stored it first). */
    Entry store(String key, String mainClass, String fileName, Map<String, byte[]> classes, int[] lineMap) {
        try {
            Files.createDirectories(root);
            Path tmp = Files.createTempDirectory(root, key + ".tmp");
            // a jar rather than a folder of classes: the launcher's class-data sharing archive needs one
            try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(tmp.resolve(PROGRAM_JAR)))) {
                for (Map.Entry<String, byte[]> c : classes.entrySet()) {
                    JarEntry entry = new JarEntry(c.getKey().replace('.', '/') + ".class");
                    entry.setTime(0);
                    jar.putNextEntry(entry);
                    jar.write(c.getValue());
                    jar.closeEntry();
                }
            }
            Files.writeString(tmp.resolve("lines.txt"), formatLineMap(lineMap));
            Files.writeString(tmp.resolve("main.txt"), mainClass + "\n" + fileName + "\n");
            Path dir = root.resolve(key);
            try {
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, dir);
            } catch (IOException e) {
                // the entry is already there (stored earlier, or by another run just now): the same
                // key means the same source and transpiler, so the same classes
                deleteTree(tmp);
                if (!Files.isRegularFile(dir.resolve("main.txt"))) {
                    throw e;
                }
            }
            return new Entry(dir.resolve(PROGRAM_JAR), mainClass, fileName, lineMap);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the compile cache in " + root, e);
        }
    }

    /**
     * Records that a script with this content, run as {@code fileName}, compiles to {@code entry}:
     * {@code scripts/<sha256 of the content>} holds the file name, the entry directory, the main
     * class and the class path of the tool that compiled it, one per line. The launcher reads it to run an unchanged script without starting the
     * transpiler; it ignores records older than the tool's build stamp.
     */
    void index(String fileName, byte[] content, Entry entry) {
        try {
            Path scripts = Files.createDirectories(root.resolve("scripts"));
            String name = sha256(content);
            // the class path last: the launcher takes the record only for a tool started with the same one,
            // so two checkouts sharing a cache never run classes compiled against the other's runtime
            String record = fileName + "\n" + entry.classes().getParent() + "\n" + entry.mainClass() + "\n"
                    + System.getProperty("java.class.path", "") + "\n";
            Path tmp = Files.createTempFile(scripts, name, ".tmp");
            Files.writeString(tmp, record);
            Files.move(tmp, scripts.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // the index only speeds up the next run
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static String formatLineMap(int[] map) {
        StringBuilder sb = new StringBuilder();
        for (int v : map) {
            sb.append(v).append(' ');
        }
        return sb.toString().trim();
    }


    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
