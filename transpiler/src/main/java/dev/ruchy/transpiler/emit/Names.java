package dev.ruchy.transpiler.emit;

import dev.ruchy.transpiler.code.RuntimeCatalog;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * Java names for Ruchy names. {@code snake_case} becomes {@code camelCase} for variables and
 * methods and {@code PascalCase} for types; a name that would be a Java keyword, a restricted
 * identifier or a {@code java.lang} type gets a trailing underscore ({@code default} →
 * {@code default_}, {@code record} → {@code record_}, {@code to_string} → {@code toString_}, so as
 * not to clash with {@code Object}'s methods). This is the one renaming rule; the
 * documentation (docs/java-mapping.md) states it.
 */
public final class Names {
    /** Restricted identifiers, common Java type names and Object's methods: the runtime catalog's {@code reserved} words. */
    private static final Set<String> RESERVED = RuntimeCatalog.standard().reserved();

    private Names() {
    }

    /** {@code read_file} → {@code readFile}; leading underscores are kept. */
    public static String camelCase(String name) {
        String java = convert(name, false);
        return safe(java);
    }

    /** {@code web_server} → {@code WebServer}. */
    public static String pascalCase(String name) {
        String java = convert(name, true);
        return safe(java);
    }

    /** The class a file is emitted as: {@code web_server.ruchy} → {@code WebServer}; a leading number moves to the end ({@code 01_web_server} → {@code WebServer01}). */
    public static String className(String fileName) {
        String base = fileName;
        int slash = Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\'));
        base = base.substring(slash + 1);
        if (base.endsWith(".ruchy")) {
            base = base.substring(0, base.length() - ".ruchy".length());
        }
        base = base.replaceAll("[^A-Za-z0-9_]", "_");
        String digits = "";
        int i = 0;
        while (i < base.length() && (Character.isDigit(base.charAt(i)) || base.charAt(i) == '_')) {
            i++;
        }
        digits = base.substring(0, i).replace("_", "");
        base = base.substring(i);
        String name = convert(base.isEmpty() ? "script" : base, true) + digits;
        return safe(name);
    }

    /** Upper snake case for constants: {@code max_size} → {@code MAX_SIZE}. */
    public static String constantCase(String name) {
        return safe(name.toUpperCase(Locale.ROOT));
    }

    private static String convert(String name, boolean upperFirst) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < name.length() && name.charAt(i) == '_') {
            sb.append('_');
            i++;
        }
        boolean upper = upperFirst;
        boolean first = true;
        for (; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '_') {
                upper = true;
                continue;
            }
            if (upper && !first || upper && upperFirst) {
                sb.append(Character.toUpperCase(c));
            } else if (first && !upperFirst) {
                sb.append(c);
            } else {
                sb.append(c);
            }
            upper = false;
            first = false;
        }
        if (sb.isEmpty() || sb.chars().allMatch(ch -> ch == '_')) {
            return name.isEmpty() ? "unnamed" : name + "_";
        }
        return sb.toString();
    }

    private static String safe(String name) {
        if (SourceVersion.isKeyword(name) || RESERVED.contains(name) || !SourceVersion.isIdentifier(name)) {
            String candidate = name + "_";
            return SourceVersion.isIdentifier(candidate) ? candidate : "x" + candidate.replaceAll("[^A-Za-z0-9_$]", "_");
        }
        return name;
    }
}
