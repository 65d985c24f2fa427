package dev.ruchy.transpiler.emit;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The emitter tags each statement with the Ruchy line it came from ({@code /*@12*&#47;}); this
 * strips the tags from the final text and records, for each Java line, the Ruchy line of the last
 * tag seen, so runtime errors and stack traces can name the {@code .ruchy} line.
 */
final class LineMarks {
    private static final Pattern MARK = Pattern.compile("/\\*@(\\d+)\\*/");

    private LineMarks() {
    }

    static JavaEmitter.Output strip(String className, String source) {
        String[] lines = source.split("\n", -1);
        int[] map = new int[lines.length + 1];
        StringBuilder out = new StringBuilder(source.length());
        int current = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher m = MARK.matcher(line);
            if (m.find()) {
                current = Integer.parseInt(m.group(1));
                line = m.replaceAll("");
            }
            map[i + 1] = current;
            out.append(line);
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        return new JavaEmitter.Output(className, out.toString(), map);
    }
}
