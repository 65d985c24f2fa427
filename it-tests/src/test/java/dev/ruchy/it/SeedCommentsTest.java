package dev.ruchy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruchy.transpiler.Transpiler;
import dev.ruchy.transpiler.lexer.Comment;
import dev.ruchy.transpiler.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every comment of the ten seed programs is in the Java generated from them, and every end-of-line
 * comment ({@code sleep(10000)  // Check every 10 seconds}) sits at the end of a Java line of code
 * that came from its Ruchy line. Three seed programs leave definitions out (the examples module
 * supplies them); here they are completed with small stand-ins appended after the last line, so no
 * line of the program moves. A comment counts as present when each of its lines is in a Java comment.
 */
class SeedCommentsTest {
    /** Stand-ins for what a seed program uses but does not define: appended text, then replacements. */
    private static final Map<String, List<String>> COMPLETIONS = Map.of(
            "03_http_client.ruchy", List.of("\nfun process_data(data) { data }\nfun token() { \"t\" }\n", "{token}", "{token()}"),
            "05_api_server.ruchy", List.of("\nfun decode_token(t) { t }\nfun validate_token(t) { true }\n"),
            "06_chat_server.ruchy", List.of("\nfun find_user_by_name(n) { nil }\nfun get_room_history(r) { [] }\n"
                    + "fun save_message(room, m) { nil }\n"));

    @Test
    void everySeedCommentIsInTheJavaAndEndOfLineCommentsStayOnTheirLine() throws IOException {
        int comments = 0; // lines of comment text
        int present = 0;
        int endOfLine = 0;
        int onTheirLine = 0;
        List<String> problems = new ArrayList<>();
        for (Path program : SharedCorpus.seedPrograms()) {
            String name = program.getFileName().toString();
            String text = Files.readString(program);
            SourceFile original = SourceFile.of(name, text);
            List<Comment> found = Transpiler.parse(original).program().comments();
            List<String> completion = COMPLETIONS.getOrDefault(name, List.of(""));
            String completed = text + completion.get(0);
            for (int i = 1; i < completion.size(); i += 2) {
                completed = completed.replace(completion.get(i), completion.get(i + 1));
            }
            SourceFile file = SourceFile.of(name, completed);
            Transpiler.TranspileResult result = Transpiler.transpile(file, "");
            assertTrue(result.source() != null, () -> name + " does not transpile: " + result.diagnostics());
            String[] java = result.source().split("\n", -1);
            for (Comment c : found) {
                if (c.end() > text.length()) {
                    continue;
                }
                int line = original.line(c.start());
                List<String> texts = c.text().lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
                for (String t : texts) {
                    comments++;
                    if (result.source().contains("// " + t) || result.source().contains(" * " + t)) {
                        present++;
                    } else {
                        problems.add(name + ":" + line + ": comment missing from the Java: " + t);
                    }
                }
                int lineStart = text.lastIndexOf('\n', c.start() - 1) + 1;
                if (text.substring(lineStart, c.start()).isBlank()) {
                    continue;
                }
                endOfLine++;
                boolean placed = false;
                for (int j = 0; j < java.length; j++) {
                    int slashes = java[j].indexOf("// " + texts.get(0));
                    if (slashes > 0 && !java[j].substring(0, slashes).isBlank() && result.lineMap()[j + 1] == line) {
                        placed = true;
                    }
                }
                if (placed) {
                    onTheirLine++;
                } else {
                    problems.add(name + ":" + line + ": end-of-line comment not at the end of its code's Java line: "
                            + c.text().strip());
                }
            }
        }
        System.out.printf("seed comments: %d of %d in the Java; %d of %d end-of-line comments on their line%n",
                present, comments, onTheirLine, endOfLine);
        assertEquals(List.of(), problems);
    }
}
