package dev.ruchy.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The seed programs and the conformance corpus, read where they lie: in {@code ../shared} beside
 * the checkout ({@code <root>/../shared}, where {@code <root>} holds {@code mvnw}). They are never
 * copied into the project.
 */
final class SharedCorpus {
    private SharedCorpus() {
    }

    /** One conformance case: {@code <shared>/conformance/<name>/}. */
    record Case(String name, Path dir, String mode, List<String> features, List<String> flags) {
        Path input() {
            return dir.resolve("input.ruchy");
        }

        Path expected() {
            return dir.resolve("expected.txt");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** The checkout: the nearest directory at or above the working directory that holds {@code mvnw}. */
    static Path projectRoot() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no mvnw found at or above " + start + ": run the tests from the checkout");
    }

    /** {@code <root>/../shared}; fails with a message saying what is missing and where it was looked for. */
    static Path shared() {
        Path shared = projectRoot().resolveSibling("shared").normalize();
        if (!Files.isDirectory(shared.resolve("conformance")) || !Files.isDirectory(shared.resolve("seed/programs"))) {
            throw new IllegalStateException("the seed programs and conformance corpus are missing: expected "
                    + shared.resolve("seed/programs") + " and " + shared.resolve("conformance")
                    + " (../shared beside the checkout " + projectRoot() + ")");
        }
        return shared;
    }

    /** {@code <shared>/seed/programs/*.ruchy}, by name. */
    static List<Path> seedPrograms() {
        List<Path> programs = list(shared().resolve("seed/programs")).stream()
                .filter(p -> p.getFileName().toString().endsWith(".ruchy") && Files.isRegularFile(p))
                .toList();
        if (programs.isEmpty()) {
            throw new IllegalStateException("no *.ruchy files in " + shared().resolve("seed/programs"));
        }
        return programs;
    }

    /**
     * {@code program}, a seed program, with the definitions it uses but leaves out
     * ({@code it-tests/src/test/resources/seed-supplements/NAME}): what comes before the supplement's line
     * {@code // <program>} goes before the program, the rest after it, written to {@code dir}; the program
     * itself when it needs none. The bench script {@code bench/count-dynamic.sh} measures the same way.
     */
    static Path supplemented(Path program, Path dir) throws IOException {
        Path supplement = projectRoot().resolve("it-tests/src/test/resources/seed-supplements").resolve(program.getFileName());
        if (!Files.exists(supplement)) {
            return program;
        }
        String text = Files.readString(supplement);
        String marker = "// <program>\n";
        int split = text.indexOf(marker);
        String before = split < 0 ? "" : text.substring(0, split);
        String after = split < 0 ? text : text.substring(split + marker.length());
        Path file = dir.resolve(program.getFileName());
        Files.writeString(file, before + Files.readString(program) + "\n" + after);
        return file;
    }

    /** Every folder of {@code <shared>/conformance} that holds an {@code input.ruchy}, by name. */
    static List<Case> conformanceCases() {
        List<Case> cases = new ArrayList<>();
        for (Path dir : list(shared().resolve("conformance"))) {
            if (!Files.isRegularFile(dir.resolve("input.ruchy"))) {
                continue;
            }
            Map<String, Object> meta = readMeta(dir.resolve("meta.json"));
            cases.add(new Case(dir.getFileName().toString(), dir,
                    meta.get("mode") instanceof String mode ? mode : "run",
                    strings(meta.get("features")), strings(meta.get("flags"))));
        }
        if (cases.isEmpty()) {
            throw new IllegalStateException("no conformance cases (*/input.ruchy) in " + shared().resolve("conformance"));
        }
        return cases;
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static Map<String, Object> readMeta(Path file) {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            if (MiniJson.parse(Files.readString(file, StandardCharsets.UTF_8)) instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked")
                Map<String, Object> object = (Map<String, Object>) map;
                return object;
            }
            throw new IllegalStateException(file + ": not a JSON object");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> list
                ? list.stream().filter(String.class::isInstance).map(String.class::cast).toList()
                : List.of();
    }

    /**
     * Just enough JSON for meta.json, so the tests need no JSON library: objects become ordered
     * maps, arrays lists, strings strings, numbers doubles, {@code true}/{@code false} booleans and
     * {@code null} null.
     */
    static final class MiniJson {
        private final String text;
        private int pos;

        private MiniJson(String text) {
            this.text = text;
        }

        static Object parse(String text) {
            MiniJson json = new MiniJson(text);
            Object value = json.value();
            json.skipSpace();
            if (json.pos != text.length()) {
                throw json.error("text after the value");
            }
            return value;
        }

        private Object value() {
            skipSpace();
            if (pos >= text.length()) {
                throw error("unexpected end");
            }
            char c = text.charAt(pos);
            return switch (c) {
                case '{' -> object();
                case '[' -> array();
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> number();
            };
        }

        private Map<String, Object> object() {
            Map<String, Object> map = new LinkedHashMap<>();
            pos++; // {
            skipSpace();
            if (peek() == '}') {
                pos++;
                return map;
            }
            while (true) {
                skipSpace();
                if (peek() != '"') {
                    throw error("expected a key");
                }
                String key = string();
                skipSpace();
                expect(':');
                map.put(key, value());
                skipSpace();
                if (peek() == ',') {
                    pos++;
                } else {
                    expect('}');
                    return map;
                }
            }
        }

        private List<Object> array() {
            List<Object> list = new ArrayList<>();
            pos++; // [
            skipSpace();
            if (peek() == ']') {
                pos++;
                return list;
            }
            while (true) {
                list.add(value());
                skipSpace();
                if (peek() == ',') {
                    pos++;
                } else {
                    expect(']');
                    return list;
                }
            }
        }

        private String string() {
            StringBuilder sb = new StringBuilder();
            pos++; // "
            while (pos < text.length()) {
                char c = text.charAt(pos++);
                if (c == '"') {
                    return sb.toString();
                }
                if (c != '\\') {
                    sb.append(c);
                    continue;
                }
                if (pos >= text.length()) {
                    break;
                }
                char e = text.charAt(pos++);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'u' -> {
                        if (pos + 4 > text.length()) {
                            throw error("short \\u escape");
                        }
                        sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                        pos += 4;
                    }
                    default -> sb.append(e); // \" \\ \/
                }
            }
            throw error("unterminated string");
        }

        private Object literal(String word, Object value) {
            if (!text.startsWith(word, pos)) {
                throw error("unexpected character");
            }
            pos += word.length();
            return value;
        }

        private Double number() {
            int start = pos;
            while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
            try {
                return Double.valueOf(text.substring(start, pos));
            } catch (NumberFormatException e) {
                pos = start;
                throw error("unexpected character");
            }
        }

        private char peek() {
            return pos < text.length() ? text.charAt(pos) : '\0';
        }

        private void expect(char c) {
            if (peek() != c) {
                throw error("expected `" + c + "`");
            }
            pos++;
        }

        private void skipSpace() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException("bad JSON at offset " + pos + ": " + what);
        }
    }
}
