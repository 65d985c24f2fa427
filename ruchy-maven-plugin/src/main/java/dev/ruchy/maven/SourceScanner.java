package dev.ruchy.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the sources under a directory that match Ant-style include patterns and no exclude
 * pattern, as Maven plugins do: {@code **} matches any number of folders (also none), {@code *}
 * any characters within one name, {@code ?} one character. Paths are relative, with {@code /}
 * separators, and come back sorted so that everything downstream is deterministic.
 */
final class SourceScanner {
    /** {@code **}{@code /*.ext}: matched by the file name's ending alone, which is most of the time. */
    private static final Pattern ANY_FOLDER_SUFFIX = Pattern.compile("\\*\\*/\\*(\\.[^*?/]+)");

    private static final Comparator<Found> BY_PATH = Comparator.comparing(Found::path);

    private final List<Glob> includes;
    private final List<Glob> excludes;

    /** One compiled pattern. */
    private record Glob(String suffix, Pattern regex) {
        boolean matches(String path) {
            return suffix != null ? path.endsWith(suffix) : regex.matcher(path).matches();
        }
    }

    /**
     * A file found: its path relative to the root, size and modification time, as the folder walk
     * read them (no extra file system call).
     */
    record Found(String path, long size, long modified) {
    }

    SourceScanner(Collection<String> includes, Collection<String> excludes) {
        this.includes = globs(includes);
        this.excludes = globs(excludes);
    }

    /**
     * The matching files under {@code root}, relative and sorted; none when {@code root} does not
     * exist. Hidden folders (a name starting with a dot) are not entered. Walks with
     * {@link java.io.File}, which in a fresh JVM is cheaper than {@code Files.walkFileTree}: this
     * runs on every build and is the largest part of what a build with nothing to do costs.
     *
     * @throws IOException if a folder cannot be listed
     */
    List<Found> scan(Path root) throws IOException {
        List<Found> found = new ArrayList<>();
        File dir = root.toFile();
        if (dir.isDirectory()) {
            walk(dir, "", found);
            found.sort(BY_PATH);
        }
        return found;
    }

    private void walk(File dir, String prefix, List<Found> found) throws IOException {
        String[] names = dir.list();
        if (names == null) {
            throw new IOException("Cannot list the folder " + dir);
        }
        for (String name : names) {
            File file = new File(dir, name);
            String relative = prefix + name;
            if (file.isDirectory()) {
                if (!name.startsWith(".")) {
                    walk(file, relative + "/", found);
                }
            } else if (matches(relative)) {
                found.add(new Found(relative, file.length(), file.lastModified()));
            }
        }
    }

    boolean matches(String relative) {
        // loops rather than streams: this runs for every file of every build, mostly in a JVM that has
        // not compiled anything yet
        boolean included = false;
        for (Glob g : includes) {
            if (g.matches(relative)) {
                included = true;
                break;
            }
        }
        if (!included) {
            return false;
        }
        for (Glob g : excludes) {
            if (g.matches(relative)) {
                return false;
            }
        }
        return true;
    }

    private static List<Glob> globs(Collection<String> antPatterns) {
        List<Glob> globs = new ArrayList<>();
        for (String p : antPatterns) {
            Matcher suffix = ANY_FOLDER_SUFFIX.matcher(p.trim());
            globs.add(suffix.matches() ? new Glob(suffix.group(1), null) : new Glob(null, compile(p)));
        }
        return globs;
    }

    /** An Ant pattern as a regular expression; a pattern ending in {@code /} means everything below. */
    static Pattern compile(String antPattern) {
        String p = antPattern.trim().replace('\\', '/');
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        if (p.endsWith("/")) {
            p = p + "**";
        }
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (p.startsWith("**/", i)) {
                regex.append("(?:[^/]*/)*");
                i += 3;
            } else if (p.startsWith("**", i)) {
                regex.append(".*");
                i += 2;
            } else if (c == '*') {
                regex.append("[^/]*");
                i++;
            } else if (c == '?') {
                regex.append("[^/]");
                i++;
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
                i++;
            }
        }
        return Pattern.compile(regex.toString());
    }
}
