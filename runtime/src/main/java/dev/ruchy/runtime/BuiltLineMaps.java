package dev.ruchy.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The line maps the Maven plugin writes beside each generated class ({@code com/acme/App.ruchy-lines}:
 * the Ruchy source's path under its source folder, then the Ruchy line of each Java line), read from
 * the class path the first time an error passes through the class, so that programs built by the
 * plugin name the Ruchy line of an error as {@code ruchy run} does.
 */
final class BuiltLineMaps {
    /** The resource name ending, as the plugin writes it. */
    static final String SUFFIX = ".ruchy-lines";

    private record LineMap(String fileName, int[] lines) {
    }

    /** By top-level class name; empty when the class has no line map (not generated, or not by the plugin). */
    private static final Map<String, Optional<LineMap>> MAPS = new ConcurrentHashMap<>();

    private BuiltLineMaps() {
    }

    /** {@code "com/acme/app.ruchy:18"} for the innermost frame of a class with a line map, or {@code null}. */
    static String location(Throwable t) {
        for (StackTraceElement frame : t.getStackTrace()) {
            String name = frame.getClassName();
            if (name.startsWith("java.") || name.startsWith("jdk.") || name.startsWith("sun.") || name.startsWith("io.helidon.")) {
                continue;
            }
            int nested = name.indexOf('$');
            String topLevel = nested < 0 ? name : name.substring(0, nested);
            Optional<LineMap> map = MAPS.computeIfAbsent(topLevel, BuiltLineMaps::read);
            if (map.isPresent()) {
                return ProgramMain.where(frame, map.get().fileName(), map.get().lines());
            }
        }
        return null;
    }

    private static Optional<LineMap> read(String className) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = BuiltLineMaps.class.getClassLoader();
        }
        try (InputStream in = loader.getResourceAsStream(className.replace('.', '/') + SUFFIX)) {
            if (in == null) {
                return Optional.empty();
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int newline = text.indexOf('\n');
            if (newline < 0) {
                return Optional.empty();
            }
            return Optional.of(new LineMap(text.substring(0, newline), ProgramMain.parseLineMap(text.substring(newline + 1))));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty(); // a map that cannot be read names no line
        }
    }
}
