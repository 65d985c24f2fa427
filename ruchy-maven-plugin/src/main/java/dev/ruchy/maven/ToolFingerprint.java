package dev.ruchy.maven;

import dev.ruchy.transpiler.Transpiler;
import java.io.File;
import java.net.URISyntaxException;
import java.security.CodeSource;

/**
 * Identifies the code that generates the Java: the plugin's version and the transpiler's, plus, for
 * snapshots, the size and time of the plugin and transpiler jars (a rebuilt snapshot keeps its
 * version but may generate different Java). The manifest stores it; when it differs, every source is
 * transpiled again (and only the files whose content changes are written). Size and time rather
 * than a digest of the jars: hashing 400 KB in a fresh JVM costs tens of milliseconds on every build.
 * Computed once per plugin class loader.
 */
final class ToolFingerprint {
    private static final String JARS = jarStamp(Transpiler.class) + " " + jarStamp(ToolFingerprint.class);

    private ToolFingerprint() {
    }

    /** For example {@code ruchy-maven-plugin 0.1.0 / transpiler 0.1.0}, with the jars' size and time for snapshots. */
    static String of(String pluginVersion) {
        String tool = "ruchy-maven-plugin " + pluginVersion + " / transpiler " + Transpiler.VERSION;
        boolean snapshot = pluginVersion.endsWith("-SNAPSHOT") || Transpiler.VERSION.endsWith("-SNAPSHOT")
                || Transpiler.VERSION.equals("dev");
        return snapshot ? tool + " / " + JARS : tool;
    }

    /** {@code size@millis} of the jar {@code c} was loaded from; "classes" for a folder. */
    private static String jarStamp(Class<?> c) {
        try {
            CodeSource source = c.getProtectionDomain().getCodeSource();
            if (source == null) {
                return "?";
            }
            File location = new File(source.getLocation().toURI());
            return location.isFile() ? location.length() + "@" + location.lastModified() : "classes";
        } catch (URISyntaxException | RuntimeException e) {
            return "?";
        }
    }
}
