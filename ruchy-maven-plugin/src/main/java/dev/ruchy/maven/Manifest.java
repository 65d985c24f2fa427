package dev.ruchy.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the last build produced: for each source (path relative to the source folder), the SHA-256
 * of the content it was transpiled from, the size and modification time the file had then, and the
 * files it produced (relative to the output folder), and the classes it looked up while it was
 * transpiled (other Ruchy files, the project's Java, the class path; not the JDK) with a fingerprint of
 * what it found, so that it is transpiled again when one of them changes. Only files listed here are
 * ever deleted, so another generator's files in the same folder are safe.
 *
 * <p>Stored as text, one source per line, sorted, so the same build writes the same bytes:
 *
 * <pre>
 * # Ruchy Maven plugin build status; delete it to transpile everything again.
 * format 2
 * tool ruchy-maven-plugin 0.1.0 / transpiler 0.1.0
 * settings /abs/target/generated-sources/ruchy|UTF-8|main
 * 9b71d2...  812  1796008951279  com/acme/app.ruchy     com/acme/App.java  >com.acme.Invoice=3f9a...  (tab-separated)
 * failed     40   1796008951279  com/acme/broken.ruchy  com/acme/Broken.java
 * </pre>
 *
 * A class it uses is written {@code >binary.Name=fingerprint} after the outputs; the fingerprint is
 * {@code -} for a class that was looked for and not found.
 *
 * A source whose last transpilation failed is stored with the hash {@code failed} (and keeps the
 * outputs of its last success, to be cleaned up if it goes away), so it is tried again next time.
 *
 * @param tool     the plugin and transpiler that wrote the outputs; a change regenerates everything
 * @param settings output folder, encoding and mode; a change regenerates everything
 * @param entries  by source path
 * @param written  when the manifest file was last written (ms since the epoch), 0 for a new one;
 *                 not part of its text
 */
record Manifest(String tool, String settings, Map<String, Entry> entries, long written) {
    static final String FORMAT = "format 2";
    static final String FAILED = "failed";
    /** Starts a field naming a class the source uses. */
    static final String USE = ">";
    private static final String HEADER = "# Ruchy Maven plugin build status; delete it to transpile everything again.";

    /**
     * @param hash     lower-case hex SHA-256 of the source, or {@link #FAILED}
     * @param size     the source's size in bytes when it was hashed
     * @param modified its modification time then, ms since the epoch
     * @param outputs  the files it produced, relative to the output folder
     * @param uses     the classes it looked up, by binary name, with the fingerprint of what was found
     */
    record Entry(String hash, long size, long modified, List<String> outputs, Map<String, String> uses) {
        Entry {
            outputs = List.copyOf(outputs);
            uses = Collections.unmodifiableMap(new TreeMap<>(uses));
        }

        Entry(String hash, long size, long modified, List<String> outputs) {
            this(hash, size, modified, outputs, Map.of());
        }

        boolean failed() {
            return FAILED.equals(hash);
        }
    }

    Manifest {
        entries = Collections.unmodifiableMap(new TreeMap<>(entries));
    }

    /**
     * The manifest in {@code file}, or null when there is none or it is not one this version
     * understands (then everything is transpiled again).
     *
     * @throws IOException if the file exists but cannot be read
     */
    static Manifest read(Path file) throws IOException {
        List<String> lines;
        long written;
        try {
            written = Files.getLastModifiedTime(file).toMillis();
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        }
        if (lines.size() < 4 || !lines.get(0).startsWith("#") || !lines.get(1).equals(FORMAT)
                || !lines.get(2).startsWith("tool ") || !lines.get(3).startsWith("settings ")) {
            return null;
        }
        Map<String, Entry> entries = new TreeMap<>();
        for (String line : lines.subList(4, lines.size())) {
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\t");
            if (parts.length < 4) {
                return null;
            }
            List<String> outputs = new ArrayList<>();
            Map<String, String> uses = new TreeMap<>();
            for (String field : Arrays.asList(parts).subList(4, parts.length)) {
                int eq = field.lastIndexOf('=');
                if (field.startsWith(USE) && eq > 0) {
                    uses.put(field.substring(1, eq), field.substring(eq + 1));
                } else {
                    outputs.add(field);
                }
            }
            try {
                entries.put(parts[3], new Entry(parts[0], Long.parseLong(parts[1]), Long.parseLong(parts[2]), outputs,
                        uses));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return new Manifest(lines.get(2).substring(5), lines.get(3).substring(9), entries, written);
    }

    /** The file's text: the same manifest always gives the same text. */
    String text() {
        StringBuilder sb = new StringBuilder();
        sb.append(HEADER).append('\n').append(FORMAT).append('\n');
        sb.append("tool ").append(tool).append('\n');
        sb.append("settings ").append(settings).append('\n');
        entries.forEach((source, entry) -> {
            sb.append(entry.hash()).append('\t').append(entry.size()).append('\t').append(entry.modified())
                    .append('\t').append(source);
            entry.outputs().forEach(o -> sb.append('\t').append(o));
            entry.uses().forEach((name, fingerprint) -> sb.append('\t').append(USE).append(name).append('=')
                    .append(fingerprint));
            sb.append('\n');
        });
        return sb.toString();
    }
}
