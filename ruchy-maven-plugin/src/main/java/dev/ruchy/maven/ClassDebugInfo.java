package dev.ruchy.maven;

import dev.ruchy.transpiler.classfile.RuchyDebugInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Adds Ruchy debug information ({@link RuchyDebugInfo}) to the classes compiled from generated Java:
 * the classes folder holds, beside each such class, the line map the transpile goals wrote
 * ({@code com/acme/App.ruchy-lines}, copied there as a resource); the class {@code App} and its
 * nested classes ({@code App$Point}, ...) whose source file is {@code App.java} are rewritten.
 * Classes that have the information already (an unchanged class of an earlier build) are left as
 * they are, so a build with nothing to do writes nothing.
 */
final class ClassDebugInfo {
    /** How many classes were rewritten, and how many had the information already. */
    record Outcome(int rewritten, int upToDate) {
    }

    private ClassDebugInfo() {
    }

    /**
     * Rewrites the classes under {@code classes}.
     *
     * @throws IOException if a file cannot be read or written, or a line map or class file is malformed
     */
    static Outcome apply(Path classes, RuchyDebugInfo.LineNumbers lineNumbers) throws IOException {
        if (!Files.isDirectory(classes)) {
            return new Outcome(0, 0);
        }
        List<Path> maps;
        try (Stream<Path> files = Files.walk(classes)) {
            maps = files.filter(f -> f.getFileName().toString().endsWith(IncrementalTranspiler.LINE_MAP_SUFFIX))
                    .filter(Files::isRegularFile).sorted().toList();
        }
        int rewritten = 0;
        int upToDate = 0;
        for (Path map : maps) {
            String text = Files.readString(map, StandardCharsets.UTF_8);
            int newline = text.indexOf('\n');
            if (newline <= 0) {
                throw new IOException("malformed Ruchy line map " + map + ": no source path on its first line");
            }
            String sourcePath = text.substring(0, newline);
            int[] lineMap = parseLineMap(map, text.substring(newline + 1));
            String mapName = map.getFileName().toString();
            String base = mapName.substring(0, mapName.length() - IncrementalTranspiler.LINE_MAP_SUFFIX.length());
            for (Path classFile : classesOf(map.getParent(), base)) {
                byte[] bytes = Files.readAllBytes(classFile);
                byte[] result;
                try {
                    if (RuchyDebugInfo.hasRuchyDebugInfo(bytes)) {
                        upToDate++;
                        continue;
                    }
                    String source = RuchyDebugInfo.sourceFile(bytes);
                    if (source != null && !source.equals(base + ".java")) {
                        continue; // compiled from another file: not ours
                    }
                    result = RuchyDebugInfo.apply(bytes, sourcePath, lineMap, lineNumbers);
                } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                    throw new IOException("cannot read class file " + classFile + ": " + e, e);
                }
                if (result != null) {
                    OutputFiles.writeIfChanged(classFile, result);
                    rewritten++;
                }
            }
        }
        return new Outcome(rewritten, upToDate);
    }

    /** {@code base.class} and {@code base$*.class} in {@code dir}. */
    private static List<Path> classesOf(Path dir, String base) throws IOException {
        List<Path> result = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> {
                String name = f.getFileName().toString();
                return name.equals(base + ".class") || (name.startsWith(base + "$") && name.endsWith(".class"));
            }).sorted().forEach(result::add);
        }
        return result;
    }

    private static int[] parseLineMap(Path map, String text) throws IOException {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            return new int[0];
        }
        String[] parts = trimmed.split("\\s+");
        int[] lines = new int[parts.length];
        try {
            for (int i = 0; i < parts.length; i++) {
                lines[i] = Integer.parseInt(parts[i]);
            }
        } catch (NumberFormatException e) {
            throw new IOException("malformed Ruchy line map " + map + ": " + e.getMessage(), e);
        }
        return lines;
    }
}
