package dev.ruchy.cli;

import java.util.List;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

/**
 * JLine's view of the REPL's input: Enter on an unfinished input (an open bracket or string, a
 * trailing operator, as the Ruchy parser sees it) continues it on the next line; Enter on an empty
 * last line accepts the input as it is (so a broken input is reported and abandoned). For
 * completion, the word at the cursor is the name or path before it ({@code http::se}, {@code v.pu}).
 */
final class ReplParser implements Parser {
    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE && !line.strip().startsWith(":") && !line.endsWith("\n")
                && !line.isBlank() && ReplSession.isIncomplete(line)) {
            throw new EOFError(-1, cursor, "incomplete input");
        }
        int start = cursor;
        while (start > 0 && isWordChar(line.charAt(start - 1))) {
            start--;
        }
        return new Line(line, cursor, line.substring(start, cursor));
    }

    @Override
    public boolean isEscapeChar(char ch) {
        return false;
    }

    static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == ':' || c == '.';
    }

    /** The input, and the word being completed. */
    private record Line(String line, int cursor, String word) implements CompletingParsedLine {
        @Override
        public int wordCursor() {
            return word.length();
        }

        @Override
        public int wordIndex() {
            return 0;
        }

        @Override
        public List<String> words() {
            return List.of(word);
        }

        @Override
        public CharSequence escape(CharSequence candidate, boolean complete) {
            return candidate;
        }

        @Override
        public int rawWordCursor() {
            return word.length();
        }

        @Override
        public int rawWordLength() {
            return word.length();
        }
    }
}
