package dev.ruchy.runtime;

/** Rust {@code println!}-style placeholder substitution; see {@link Fmt#substitute}. */
final class Placeholders {
    private Placeholders() {
    }

    static boolean has(String template) {
        return scan(template, null, null);
    }

    static String substitute(String template, Object[] args) {
        StringBuilder out = new StringBuilder(template.length() + 16);
        scan(template, args, out);
        return out.toString();
    }

    /**
     * Walks {@code template} once. With {@code out == null} only reports whether a placeholder exists;
     * otherwise writes the result to {@code out} and returns whether any placeholder was seen.
     */
    private static boolean scan(String template, Object[] args, StringBuilder out) {
        boolean found = false;
        int next = 0;
        int n = template.length();
        int i = 0;
        while (i < n) {
            char c = template.charAt(i);
            if (c == '{' && i + 1 < n && template.charAt(i + 1) == '{') {
                append(out, '{');
                i += 2;
            } else if (c == '}' && i + 1 < n && template.charAt(i + 1) == '}') {
                append(out, '}');
                i += 2;
            } else if (c == '{') {
                int close = template.indexOf('}', i + 1);
                FormatSpec spec = close < 0 ? null : placeholder(template.substring(i + 1, close));
                if (spec == null && (close < 0 || close != i + 1)) {
                    append(out, c); // not a placeholder: keep the brace, go on after it
                    i++;
                    continue;
                }
                found = true;
                if (out == null) {
                    return true;
                }
                if (next < args.length) {
                    Object arg = args[next++];
                    out.append(spec == null ? Fmt.toStr(arg) : spec.format(arg, Renderer.Mode.DISPLAY));
                } else {
                    out.append(template, i, close + 1);
                }
                i = close + 1;
            } else {
                append(out, c);
                i++;
            }
        }
        return found;
    }

    /** The spec of {@code {:spec}}, given the text between the braces; {@code null} for {@code {}} or a non-placeholder. */
    private static FormatSpec placeholder(String inside) {
        if (!inside.startsWith(":")) {
            return null;
        }
        try {
            return FormatSpec.parse(inside.substring(1));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void append(StringBuilder out, char c) {
        if (out != null) {
            out.append(c);
        }
    }
}
