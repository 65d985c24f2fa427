package dev.ruchy.transpiler.lexer;

import static dev.ruchy.transpiler.lexer.TokenKind.*;

import dev.ruchy.transpiler.diag.DiagnosticCode;
import dev.ruchy.transpiler.diag.Diagnostics;
import dev.ruchy.transpiler.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns the characters of a {@link SourceFile} into {@link Token}s, following the lexical rules of
 * Ruchy (ruchy-semantics §1 and the project's decisions: {@code 1_000}, {@code 0b101} and
 * {@code 0o17} are accepted).
 *
 * <p>The lexer never throws on bad input: it reports a diagnostic, emits an {@link TokenKind#ERROR}
 * token where a token could not be formed, and carries on. Line breaks are not tokens; each token
 * records whether a line break precedes it. Comments are collected separately.
 */
public final class Lexer {
    /** A Rust-style format spec: {@code [[fill]align][sign]['#']['0'][width]['.' precision][type]}. */
    private static final Pattern FORMAT_SPEC =
            Pattern.compile("(?:.?[<>^])?[+-]?#?0?[0-9]*(?:\\.[0-9]+)?[a-zA-Z?]?");

    private final SourceFile file;
    private final String src;
    private final int end;
    private final Diagnostics diagnostics;
    /** Inside an f-string's braces, {@code \"} delimits a nested string literal. */
    private final boolean escapedQuotes;
    private final List<Token> tokens = new ArrayList<>();
    private final List<Comment> comments = new ArrayList<>();

    private int pos;
    private int start;
    private boolean newlineBefore;
    private boolean spaceBefore;

    private Lexer(SourceFile file, int from, int to, Diagnostics diagnostics, boolean escapedQuotes) {
        this.file = file;
        this.src = file.text();
        this.pos = from;
        this.end = to;
        this.diagnostics = diagnostics;
        this.escapedQuotes = escapedQuotes;
    }

    /** The tokens and comments of a whole file. */
    public record Result(List<Token> tokens, List<Comment> comments) {
    }

    /** Lexes the whole file; the token list always ends with {@link TokenKind#EOF}. */
    public static Result lex(SourceFile file, Diagnostics diagnostics) {
        Lexer lexer = new Lexer(file, 0, file.length(), diagnostics, false);
        if (file.text().startsWith("#!")) {
            while (lexer.pos < lexer.end && lexer.src.charAt(lexer.pos) != '\n') {
                lexer.pos++;
            }
        }
        lexer.run();
        return new Result(List.copyOf(lexer.tokens), List.copyOf(lexer.comments));
    }

    /** Lexes the expression embedded in an f-string, {@code [from, to)} of the file. */
    public static List<Token> lexEmbedded(SourceFile file, int from, int to, Diagnostics diagnostics) {
        Lexer lexer = new Lexer(file, from, to, diagnostics, true);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        newlineBefore = true;
        while (true) {
            skipTrivia();
            start = pos;
            if (pos >= end) {
                add(EOF, null);
                return;
            }
            scanToken();
            newlineBefore = false;
            spaceBefore = false;
        }
    }

    private void skipTrivia() {
        while (pos < end) {
            char c = src.charAt(pos);
            if (c == '\n') {
                newlineBefore = true;
                spaceBefore = true;
                pos++;
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\u000B' || c == '\uFEFF') {
                spaceBefore = true;
                pos++;
            } else if (c == '/' && peek(1) == '/') {
                lineComment(2);
            } else if (c == '#' && peek(1) != '[' && !(peek(1) == '!' && peek(2) == '[')) {
                lineComment(1);
            } else if (c == '/' && peek(1) == '*') {
                blockComment();
            } else {
                return;
            }
        }
    }

    private void lineComment(int markerLength) {
        int from = pos;
        boolean doc = markerLength == 2 && (peek(2) == '/' && peek(3) != '/' || peek(2) == '!');
        pos += markerLength + (doc ? 1 : 0);
        int textStart = pos;
        while (pos < end && src.charAt(pos) != '\n') {
            pos++;
        }
        int textEnd = pos;
        if (textEnd > textStart && src.charAt(textEnd - 1) == '\r') {
            textEnd--;
        }
        comments.add(new Comment(from, pos, src.substring(textStart, textEnd), doc));
        spaceBefore = true;
    }

    private void blockComment() {
        int from = pos;
        boolean doc = peek(2) == '*' && peek(3) != '/';
        pos += 2;
        int depth = 1;
        while (pos < end && depth > 0) {
            char c = src.charAt(pos);
            if (c == '/' && peek(1) == '*') {
                depth++;
                pos += 2;
            } else if (c == '*' && peek(1) == '/') {
                depth--;
                pos += 2;
            } else {
                if (c == '\n') {
                    newlineBefore = true;
                }
                pos++;
            }
        }
        if (depth > 0) {
            diagnostics.report(DiagnosticCode.UNTERMINATED_BLOCK_COMMENT.at(file.span(from, from + 2)));
            comments.add(new Comment(from, pos, src.substring(from + 2, pos), doc));
        } else {
            comments.add(new Comment(from, pos, src.substring(from + (doc ? 3 : 2), pos - 2), doc));
        }
        spaceBefore = true;
    }

    private void scanToken() {
        char c = src.charAt(pos);
        if (Character.isDigit(c)) {
            number();
            return;
        }
        if (c == '"') {
            pos++;
            string(STRING, '"');
            return;
        }
        if (escapedQuotes && c == '\\' && peek(1) == '"') {
            pos += 2;
            escapedString();
            return;
        }
        if (c == 'f' && peek(1) == '"') {
            pos += 2;
            fstring();
            return;
        }
        if (c == 'r' && (peek(1) == '"' || (peek(1) == '#' && (peek(2) == '"' || peek(2) == '#')))) {
            rawString();
            return;
        }
        if (c == 'b' && peek(1) == '\'') {
            pos += 2;
            byteLiteral();
            return;
        }
        if (c == 'b' && peek(1) == '"') {
            pos += 2;
            string(STRING, '"');
            return;
        }
        if (c == '\'') {
            quote();
            return;
        }
        if (isIdentStart(c)) {
            identifier();
            return;
        }
        if (c == '@' && isIdentStart(peek(1))) {
            pos++;
            int nameStart = pos;
            while (pos < end && isIdentPart(src.codePointAt(pos))) {
                pos += Character.charCount(src.codePointAt(pos));
            }
            add(LABEL, src.substring(nameStart, pos));
            return;
        }
        if (c == ':' && peek(1) != ':' && isIdentStart(peek(1)) && atomAllowedHere()) {
            pos++;
            int nameStart = pos;
            while (pos < end && isIdentPart(src.codePointAt(pos))) {
                pos += Character.charCount(src.codePointAt(pos));
            }
            add(ATOM, src.substring(nameStart, pos));
            return;
        }
        punctuation(c);
    }

    /**
     * {@code :name} is an atom only where a value may start: after an opening bracket, a comma,
     * {@code =} and the like, with white space or nothing in between. {@code key:value} is a key
     * and a value.
     */
    private boolean atomAllowedHere() {
        if (tokens.isEmpty()) {
            return true;
        }
        Token prev = tokens.get(tokens.size() - 1);
        if (prev.end() != start) {
            // separated by white space: an atom unless a `?` of a ternary is pending, which we cannot
            // know here; `cond ? a :b` is rare and Ruchy itself lexes `:b` as an atom there
            return switch (prev.kind()) {
                case IDENT, INT, FLOAT, STRING, RAW_STRING, CHAR, RPAREN, RBRACKET, RBRACE, TRUE, FALSE, NIL, NULL,
                        SELF, FSTRING, ATOM -> false;
                default -> true;
            };
        }
        return switch (prev.kind()) {
            case LPAREN, LBRACKET, COMMA, EQ, FAT_ARROW, LBRACE, BANG, EQ_EQ, BANG_EQ -> true;
            default -> false;
        };
    }

    private void punctuation(char c) {
        pos++;
        TokenKind kind = switch (c) {
            case '(' -> LPAREN;
            case ')' -> RPAREN;
            case '{' -> LBRACE;
            case '}' -> RBRACE;
            case '[' -> LBRACKET;
            case ']' -> RBRACKET;
            case ',' -> COMMA;
            case ';' -> SEMI;
            case '#' -> HASH;
            case '@' -> AT;
            case '~' -> TILDE;
            case '\\' -> BACKSLASH;
            case ':' -> match(':') ? COLON_COLON : COLON;
            case '.' -> match('.') ? (match('=') ? DOT_DOT_EQ : match('.') ? ELLIPSIS : DOT_DOT) : DOT;
            case '?' -> match('?') ? QUESTION_QUESTION : match('.') ? QUESTION_DOT : QUESTION;
            case '+' -> match('+') ? PLUS_PLUS : match('=') ? PLUS_EQ : PLUS;
            case '-' -> match('>') ? ARROW : match('-') ? MINUS_MINUS : match('=') ? MINUS_EQ : MINUS;
            case '*' -> match('*') ? (match('=') ? STAR_STAR_EQ : STAR_STAR) : match('=') ? STAR_EQ : STAR;
            case '/' -> match('=') ? SLASH_EQ : SLASH;
            case '%' -> match('=') ? PERCENT_EQ : PERCENT;
            case '=' -> match('=') ? EQ_EQ : match('>') ? FAT_ARROW : EQ;
            case '!' -> match('=') ? BANG_EQ : BANG;
            case '<' -> match('<') ? (match('=') ? SHL_EQ : SHL) : match('=') ? LT_EQ : match('-') ? LARROW : LT;
            case '>' -> match('>') ? (match('=') ? SHR_EQ : SHR) : match('=') ? GT_EQ : GT;
            case '&' -> match('&') ? AMP_AMP : match('=') ? AMP_EQ : AMP;
            case '|' -> match('|') ? PIPE_PIPE : match('>') ? PIPELINE : match('=') ? PIPE_EQ : PIPE;
            case '^' -> match('=') ? CARET_EQ : CARET;
            default -> null;
        };
        if (kind == null) {
            pos = start + Character.charCount(src.codePointAt(start));
            diagnostics.report(DiagnosticCode.UNEXPECTED_CHARACTER.at(file.span(start, pos), src.substring(start, pos)));
            add(ERROR, null);
            return;
        }
        if (kind == LARROW && !spaceBeforeNextIsSpace()) {
            // `a<-1` is `a < -1`; only a spaced `<-` is the actor send arrow
            pos = start + 1;
            kind = LT;
        }
        add(kind, null);
    }

    private boolean spaceBeforeNextIsSpace() {
        return pos < end && (src.charAt(pos) == ' ' || src.charAt(pos) == '\t');
    }

    private void identifier() {
        while (pos < end && isIdentPart(src.codePointAt(pos))) {
            pos += Character.charCount(src.codePointAt(pos));
        }
        String word = src.substring(start, pos);
        TokenKind keyword = TokenKind.keyword(word);
        add(keyword != null ? keyword : IDENT, word);
    }

    // ---- numbers ----------------------------------------------------------------------------

    private void number() {
        char c = src.charAt(pos);
        if (c == '0' && (peek(1) == 'x' || peek(1) == 'X')) {
            radixNumber(16, 2);
            return;
        }
        if (c == '0' && (peek(1) == 'b' || peek(1) == 'B') && isDigitOfRadix(peek(2), 2)) {
            radixNumber(2, 2);
            return;
        }
        if (c == '0' && (peek(1) == 'o' || peek(1) == 'O') && isDigitOfRadix(peek(2), 8)) {
            radixNumber(8, 2);
            return;
        }
        digits(10);
        boolean isFloat = false;
        boolean afterDot = !tokens.isEmpty() && tokens.get(tokens.size() - 1).kind() == DOT
                && tokens.get(tokens.size() - 1).end() == start;
        if (!afterDot && pos < end && src.charAt(pos) == '.' && Character.isDigit(peek(1))) {
            isFloat = true;
            pos++;
            digits(10);
        }
        if (!afterDot && pos < end && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
            int save = pos;
            pos++;
            if (pos < end && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
                pos++;
            }
            if (pos < end && Character.isDigit(src.charAt(pos))) {
                isFloat = true;
                digits(10);
            } else {
                pos = save;
            }
        }
        String digitsText = src.substring(start, pos).replace("_", "");
        String suffix = suffix();
        if (suffix.equals("f32") || suffix.equals("f64")) {
            isFloat = true;
        }
        if (gluedLetters()) {
            invalidNumber();
            return;
        }
        if (isFloat) {
            try {
                add(FLOAT, Double.parseDouble(digitsText));
            } catch (NumberFormatException e) {
                invalidNumber();
            }
            return;
        }
        integer(digitsText, 10);
    }

    private void radixNumber(int radix, int prefixLength) {
        pos += prefixLength;
        int digitsStart = pos;
        digits(radix);
        String text = src.substring(digitsStart, pos).replace("_", "");
        suffix();
        if (text.isEmpty() || gluedLetters()) {
            gluedLetters();
            invalidNumber();
            return;
        }
        integer(text, radix);
    }

    private void integer(String text, int radix) {
        try {
            long value = radix == 10 ? Long.parseLong(text) : Long.parseUnsignedLong(text, radix);
            add(INT, value);
        } catch (NumberFormatException e) {
            diagnostics.report(DiagnosticCode.INTEGER_TOO_LARGE.at(file.span(start, pos), src.substring(start, pos)));
            add(INT, 0L);
        }
    }

    /**
     * Consumes letters or digits glued to a number ({@code 12abc}, {@code 0b102}, {@code 1e}) so that
     * they are reported as part of one invalid literal; returns whether there were any.
     */
    private boolean gluedLetters() {
        int from = pos;
        while (pos < end && isIdentPart(src.codePointAt(pos))) {
            pos += Character.charCount(src.codePointAt(pos));
        }
        return pos > from;
    }

    private void invalidNumber() {
        diagnostics.report(DiagnosticCode.INVALID_NUMBER.at(file.span(start, pos), src.substring(start, pos)));
        add(INT, 0L);
    }

    private void digits(int radix) {
        while (pos < end && (isDigitOfRadix(src.charAt(pos), radix) || (src.charAt(pos) == '_' && pos > start))) {
            pos++;
        }
    }

    private static final List<String> SUFFIXES = List.of(
            "i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16", "u32", "u64", "u128", "usize", "f32", "f64");

    /** Consumes a type suffix such as {@code u8} or {@code f64} if one follows; returns it or "". */
    private String suffix() {
        if (pos >= end || !isIdentStart(src.charAt(pos))) {
            return "";
        }
        int wordEnd = pos;
        while (wordEnd < end && isIdentPart(src.charAt(wordEnd))) {
            wordEnd++;
        }
        String word = src.substring(pos, wordEnd);
        if (SUFFIXES.contains(word)) {
            pos = wordEnd;
            return word;
        }
        return "";
    }

    private static boolean isDigitOfRadix(char c, int radix) {
        return Character.digit(c, radix) >= 0 && c < 128;
    }

    // ---- strings ----------------------------------------------------------------------------

    /** A string body after its opening quote; escapes processed. */
    private void string(TokenKind kind, char close) {
        StringBuilder value = new StringBuilder();
        while (pos < end) {
            char c = src.charAt(pos);
            if (c == close) {
                pos++;
                add(kind, value.toString());
                return;
            }
            if (c == '\\') {
                escape(value);
            } else {
                value.append(c);
                pos++;
            }
        }
        diagnostics.report(DiagnosticCode.UNTERMINATED_STRING.at(file.span(start, start + 1)));
        add(kind, value.toString());
    }

    /** A string inside f-string braces written {@code \"...\"}. */
    private void escapedString() {
        StringBuilder value = new StringBuilder();
        while (pos < end) {
            char c = src.charAt(pos);
            if (c == '\\' && peek(1) == '"') {
                pos += 2;
                add(STRING, value.toString());
                return;
            }
            if (c == '\\') {
                escape(value);
            } else {
                value.append(c);
                pos++;
            }
        }
        diagnostics.report(DiagnosticCode.UNTERMINATED_STRING.at(file.span(start, start + 2)));
        add(STRING, value.toString());
    }

    /**
     * One escape at {@code pos} (a backslash): {@code \n \t \r \\ \" \' \0 \\u{HEX}}; an unknown
     * escape keeps both characters, as Ruchy does.
     */
    private void escape(StringBuilder value) {
        char next = peek(1);
        switch (next) {
            case 'n' -> value.append('\n');
            case 't' -> value.append('\t');
            case 'r' -> value.append('\r');
            case '\\' -> value.append('\\');
            case '"' -> value.append('"');
            case '\'' -> value.append('\'');
            case '0' -> value.append('\0');
            case '\n' -> {
                // a backslash before a line break joins the lines and drops the next line's indent
                pos += 2;
                while (pos < end && (src.charAt(pos) == ' ' || src.charAt(pos) == '\t')) {
                    pos++;
                }
                return;
            }
            case 'u' -> {
                if (peek(2) == '{') {
                    int close = src.indexOf('}', pos + 3);
                    if (close > 0 && close <= end && close - (pos + 3) >= 1 && close - (pos + 3) <= 6) {
                        String hex = src.substring(pos + 3, close);
                        try {
                            int cp = Integer.parseInt(hex, 16);
                            if (Character.isValidCodePoint(cp)) {
                                value.appendCodePoint(cp);
                                pos = close + 1;
                                return;
                            }
                        } catch (NumberFormatException e) {
                            // kept literally below
                        }
                    }
                }
                value.append("\\u");
            }
            default -> {
                value.append('\\');
                pos++;
                return;
            }
        }
        pos += 2;
    }

    private void rawString() {
        pos++; // r
        int hashes = 0;
        while (pos < end && src.charAt(pos) == '#') {
            hashes++;
            pos++;
        }
        if (pos >= end || src.charAt(pos) != '"') {
            diagnostics.report(DiagnosticCode.UNTERMINATED_RAW_STRING.at(file.span(start, pos)));
            add(ERROR, null);
            return;
        }
        pos++;
        String closing = "\"" + "#".repeat(hashes);
        int close = src.indexOf(closing, pos);
        if (close < 0 || close + closing.length() > end) {
            diagnostics.report(DiagnosticCode.UNTERMINATED_RAW_STRING.at(file.span(start, pos)));
            String value = src.substring(pos, end);
            pos = end;
            add(RAW_STRING, value);
            return;
        }
        String value = src.substring(pos, close);
        pos = close + closing.length();
        add(RAW_STRING, value);
    }

    private void byteLiteral() {
        StringBuilder value = new StringBuilder();
        if (pos < end && src.charAt(pos) == '\\') {
            escape(value);
        } else if (pos < end) {
            value.appendCodePoint(src.codePointAt(pos));
            pos += Character.charCount(src.codePointAt(pos));
        }
        if (pos < end && src.charAt(pos) == '\'') {
            pos++;
        } else {
            int close = pos;
            while (close < end && src.charAt(close) != '\'' && src.charAt(close) != '\n') {
                close++;
            }
            if (close < end && src.charAt(close) == '\'') {
                // b'ab': one literal with too much in it, not two broken ones
                pos = close + 1;
                diagnostics.report(DiagnosticCode.INVALID_BYTE_LITERAL.at(file.span(start, pos), src.substring(start, pos)));
            } else {
                diagnostics.report(DiagnosticCode.UNTERMINATED_CHAR.at(file.span(start, Math.min(start + 2, end))));
            }
        }
        add(BYTE, value.isEmpty() ? 0L : (long) value.codePointAt(0));
    }

    /** {@code 'c'} character, {@code '\n'} escape, {@code 'label} or a short single-quoted string. */
    private void quote() {
        pos++;
        if (pos < end && src.charAt(pos) == '\\') {
            StringBuilder value = new StringBuilder();
            escape(value);
            if (pos < end && src.charAt(pos) == '\'') {
                pos++;
                add(CHAR, value.toString());
            } else {
                diagnostics.report(DiagnosticCode.UNTERMINATED_CHAR.at(file.span(start, pos)));
                add(CHAR, value.toString());
            }
            return;
        }
        if (pos < end) {
            int cp = src.codePointAt(pos);
            int after = pos + Character.charCount(cp);
            if (after < end && src.charAt(after) == '\'') {
                pos = after + 1;
                add(CHAR, new String(Character.toChars(cp)));
                return;
            }
            if (isIdentStart(cp)) {
                // a label such as 'outer, or a short string such as 'abc'
                int wordEnd = after;
                while (wordEnd < end && isIdentPart(src.codePointAt(wordEnd))) {
                    wordEnd += Character.charCount(src.codePointAt(wordEnd));
                }
                if (wordEnd < end && src.charAt(wordEnd) == '\'') {
                    pos = wordEnd + 1;
                    add(STRING, src.substring(start + 1, wordEnd));
                    return;
                }
                pos = wordEnd;
                add(LABEL, src.substring(start + 1, wordEnd));
                return;
            }
        }
        // a single-quoted string of other characters, up to the closing quote on this line
        int close = pos;
        while (close < end && src.charAt(close) != '\'' && src.charAt(close) != '\n') {
            close++;
        }
        if (close < end && src.charAt(close) == '\'') {
            String value = src.substring(pos, close);
            pos = close + 1;
            add(STRING, value);
            return;
        }
        diagnostics.report(DiagnosticCode.UNTERMINATED_CHAR.at(file.span(start, start + 1)));
        add(ERROR, null);
    }

    // ---- f-strings --------------------------------------------------------------------------

    /**
     * An f-string after {@code f"}: literal text (escapes and {@code {{ }}} processed) and embedded
     * expressions. Inside braces, nested braces are balanced and string literals (plain or written
     * {@code \"...\"}) are skipped whole; the first {@code :} at depth 0 that is not part of
     * {@code ::} and is followed by a valid format spec up to the closing brace starts the spec.
     */
    private void fstring() {
        List<FStringPart> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        while (pos < end) {
            char c = src.charAt(pos);
            if (c == '"') {
                pos++;
                if (!text.isEmpty()) {
                    parts.add(new FStringPart.Text(text.toString()));
                }
                add(FSTRING, List.copyOf(parts));
                return;
            }
            if (c == '\\') {
                escape(text);
            } else if (c == '{' && peek(1) == '{') {
                text.append('{');
                pos += 2;
            } else if (c == '}' && peek(1) == '}') {
                text.append('}');
                pos += 2;
            } else if (c == '{') {
                if (peek(1) == '}') {
                    text.append("{}"); // an empty placeholder stays literal (§1.5)
                    pos += 2;
                    continue;
                }
                if (!text.isEmpty()) {
                    parts.add(new FStringPart.Text(text.toString()));
                    text.setLength(0);
                }
                FStringPart.Expr part = embedded();
                if (part == null) {
                    add(FSTRING, List.copyOf(parts));
                    return;
                }
                parts.add(part);
            } else if (c == '}') {
                diagnostics.report(DiagnosticCode.UNMATCHED_FSTRING_BRACE.at(file.span(pos, pos + 1)));
                pos++;
            } else {
                text.append(c);
                pos++;
            }
        }
        diagnostics.report(DiagnosticCode.UNTERMINATED_STRING.at(file.span(start, start + 2)));
        if (!text.isEmpty()) {
            parts.add(new FStringPart.Text(text.toString()));
        }
        add(FSTRING, List.copyOf(parts));
    }

    /** Scans {@code {expr[:spec]}} at {@code pos}; returns null after reporting when unterminated. */
    private FStringPart.Expr embedded() {
        int open = pos;
        pos++;
        int exprStart = pos;
        int depth = 0;
        int specColon = -1;
        while (pos < end) {
            char c = src.charAt(pos);
            if (c == '\\' && peek(1) == '"') {
                pos += 2;
                skipNested(true);
                continue;
            }
            if (c == '"') {
                pos++;
                skipNested(false);
                continue;
            }
            if (c == '{' || c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (c == '}') {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (c == ':' && depth == 0 && specColon < 0) {
                if (peek(1) == ':') {
                    pos += 2;
                    continue;
                }
                int close = src.indexOf('}', pos);
                if (close > 0 && close < end && FORMAT_SPEC.matcher(src.substring(pos + 1, close)).matches()) {
                    specColon = pos;
                }
            }
            pos++;
        }
        if (pos >= end) {
            diagnostics.report(DiagnosticCode.UNTERMINATED_FSTRING_EXPR.at(file.span(open, open + 1)));
            // `f"{name"`: the first quote after the brace most likely closes the f-string
            int quote = firstUnescapedQuote(open + 1);
            pos = quote < 0 ? end : quote + 1;
            return null;
        }
        int exprEnd = specColon >= 0 ? specColon : pos;
        String spec = specColon >= 0 ? src.substring(specColon + 1, pos) : null;
        pos++; // closing brace
        if (src.substring(exprStart, exprEnd).isBlank()) {
            diagnostics.report(DiagnosticCode.EMPTY_FSTRING_EXPR.at(file.span(open, pos)));
        }
        return new FStringPart.Expr(exprStart, exprEnd, spec);
    }

    private int firstUnescapedQuote(int from) {
        for (int i = from; i < end; i++) {
            char c = src.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return -1;
    }

    /** Skips a string literal nested in an f-string's braces, after its opening quote. */
    private void skipNested(boolean escapedQuote) {
        while (pos < end) {
            char c = src.charAt(pos);
            if (escapedQuote && c == '\\' && peek(1) == '"') {
                pos += 2;
                return;
            }
            if (!escapedQuote && c == '"') {
                pos++;
                return;
            }
            if (c == '\\') {
                pos += 2;
            } else {
                pos++;
            }
        }
    }

    // ---- helpers ----------------------------------------------------------------------------

    private void add(TokenKind kind, Object value) {
        tokens.add(new Token(kind, start, Math.min(pos, end), newlineBefore, spaceBefore, value));
    }

    private char peek(int ahead) {
        int i = pos + ahead;
        return i < end ? src.charAt(i) : '\0';
    }

    private boolean match(char expected) {
        if (pos < end && src.charAt(pos) == expected) {
            pos++;
            return true;
        }
        return false;
    }

    /** Letters (any script), {@code _} and {@code $} start identifiers. */
    static boolean isIdentStart(int cp) {
        return cp == '_' || Character.isLetter(cp) || (cp > 127 && Character.isUnicodeIdentifierStart(cp));
    }

    static boolean isIdentPart(int cp) {
        return cp == '_' || Character.isLetterOrDigit(cp) || (cp > 127 && Character.isUnicodeIdentifierPart(cp)
                && !Character.isIdentifierIgnorable(cp));
    }
}
