package dev.ruchy.transpiler.lexer;

import static dev.ruchy.transpiler.lexer.TokenKind.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruchy.transpiler.diag.Diagnostic;
import dev.ruchy.transpiler.diag.DiagnosticCode;
import dev.ruchy.transpiler.diag.Diagnostics;
import dev.ruchy.transpiler.source.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LexerTest {
    /** The tokens of {@code text} without the final EOF; fails if the lexer reported anything. */
    private static List<Token> lex(String text) {
        Lexed lexed = lexWithDiagnostics(text);
        assertEquals(List.of(), lexed.diagnostics().stream().map(Diagnostic::message).toList(), "diagnostics for " + text);
        return lexed.tokens();
    }

    private record Lexed(SourceFile file, List<Token> tokens, List<Comment> comments, List<Diagnostic> diagnostics) {
    }

    private static Lexed lexWithDiagnostics(String text) {
        SourceFile file = SourceFile.of("test.ruchy", text);
        Diagnostics diagnostics = new Diagnostics();
        Lexer.Result result = Lexer.lex(file, diagnostics);
        List<Token> tokens = result.tokens();
        assertEquals(EOF, tokens.get(tokens.size() - 1).kind(), "the token list ends with EOF");
        return new Lexed(file, tokens.subList(0, tokens.size() - 1), result.comments(), diagnostics.all());
    }

    private static List<TokenKind> kinds(String text) {
        return lex(text).stream().map(Token::kind).toList();
    }

    private static Token single(String text) {
        List<Token> tokens = lex(text);
        assertEquals(1, tokens.size(), () -> "one token expected for " + text + ", got " + tokens);
        return tokens.get(0);
    }

    private static String textOf(String source, Token t) {
        return source.substring(t.start(), t.end());
    }

    @Nested
    class Integers {
        @Test
        void decimal() {
            assertEquals(42L, single("42").value());
            assertEquals(0L, single("0").value());
            assertEquals(Long.MAX_VALUE, single("9223372036854775807").value());
        }

        @Test
        void hexBinaryOctal() {
            assertEquals(255L, single("0xff").value());
            assertEquals(31L, single("0X1F").value());
            assertEquals(10L, single("0b1010").value());
            assertEquals(5L, single("0B101").value());
            assertEquals(15L, single("0o17").value());
        }

        @Test
        void underscoresAreSeparators() {
            assertEquals(1_000_000L, single("1_000_000").value());
            assertEquals(0xffffL, single("0xff_ff").value());
            assertEquals(0b1111_0000L, single("0b1111_0000").value());
        }

        @Test
        void typeSuffixesBelongToTheLiteral() {
            Token t = single("7u8");
            assertEquals(INT, t.kind());
            assertEquals(7L, t.value());
            assertEquals("7u8", textOf("7u8", t));
            assertEquals(300L, single("300i32").value());
            assertEquals(255L, single("0xffu8").value());
            assertEquals(1L, single("1usize").value());
        }

        @Test
        void tooLargeIsReportedAndLexedAsOneToken() {
            Lexed lexed = lexWithDiagnostics("9223372036854775808 + 1");
            assertEquals(List.of(INT, PLUS, INT), lexed.tokens().stream().map(Token::kind).toList());
            assertEquals(1, lexed.diagnostics().size());
            Diagnostic d = lexed.diagnostics().get(0);
            assertEquals(DiagnosticCode.INTEGER_TOO_LARGE, d.code());
            assertEquals("integer literal `9223372036854775808` does not fit in 64 bits", d.message());
            assertEquals(0, d.span().start());
            assertEquals(19, d.span().end());
            assertEquals(DiagnosticCode.INTEGER_TOO_LARGE,
                    lexWithDiagnostics("0x1_0000_0000_0000_0000").diagnostics().get(0).code());
        }

        @Test
        void lettersGluedToANumberMakeOneInvalidLiteral() {
            for (String bad : List.of("12abc", "0b102", "0xfg", "1e", "2.5f", "0x", "0b")) {
                Lexed lexed = lexWithDiagnostics(bad);
                assertEquals(List.of(INT), lexed.tokens().stream().map(Token::kind).toList(), bad);
                assertEquals(1, lexed.diagnostics().size(), bad);
                assertEquals("invalid number literal `" + bad + "`", lexed.diagnostics().get(0).message());
            }
        }
    }

    @Nested
    class Floats {
        @Test
        void fractionAndExponent() {
            assertEquals(2.5, single("2.5").value());
            assertEquals(6.02e23, single("6.02e23").value());
            assertEquals(1e-3, single("1e-3").value());
            assertEquals(150.0, single("1.5E+2").value());
        }

        @Test
        void anExponentAloneMakesAFloat() {
            Token t = single("4E2");
            assertEquals(FLOAT, t.kind());
            assertEquals(400.0, t.value());
            assertEquals(FLOAT, single("1e3").kind());
        }

        @Test
        void floatSuffix() {
            Token t = single("2.0f64");
            assertEquals(FLOAT, t.kind());
            assertEquals(2.0, t.value());
            assertEquals(FLOAT, single("3f32").kind());
        }

        @Test
        void aDotNeedsDigitsOnBothSides() {
            assertEquals(List.of(INT, DOT, IDENT, LPAREN, INT, RPAREN), kinds("1.max(2)"));
            assertEquals(List.of(INT, DOT), kinds("5."));
        }
    }

    @Nested
    class RangesAndTupleAccess {
        @Test
        void rangeOfIntegers() {
            List<Token> tokens = lex("1..5");
            assertEquals(List.of(INT, DOT_DOT, INT), tokens.stream().map(Token::kind).toList());
            assertEquals(1L, tokens.get(0).value());
            assertEquals(5L, tokens.get(2).value());
            assertEquals(List.of(INT, DOT_DOT_EQ, INT), kinds("1..=5"));
            assertEquals(List.of(FLOAT, DOT_DOT, FLOAT), kinds("1.5..2.5"));
            assertEquals(List.of(DOT_DOT, INT), kinds("..5"));
        }

        @Test
        void nestedTupleAccess() {
            List<Token> tokens = lex("t.0.1");
            assertEquals(List.of(IDENT, DOT, INT, DOT, INT), tokens.stream().map(Token::kind).toList());
            assertEquals(0L, tokens.get(2).value());
            assertEquals(1L, tokens.get(4).value());
        }
    }

    @Nested
    class Strings {
        @Test
        void escapes() {
            assertEquals("a\nb\tc\rd\\e\"f'g\0h", single("\"a\\nb\\tc\\rd\\\\e\\\"f\\'g\\0h\"").value());
            assertEquals("A\uD83D\uDE00", single("\"\\u{41}\\u{1F600}\"").value());
        }

        @Test
        void unknownEscapeKeepsBothCharacters() {
            assertEquals("a\\qb", single("\"a\\qb\"").value());
            assertEquals("\\x41", single("\"\\x41\"").value());
            assertEquals("\\u{zz}", single("\"\\u{zz}\"").value());
        }

        @Test
        void stringsMaySpanLines() {
            assertEquals("one\ntwo", single("\"one\ntwo\"").value());
            assertEquals("one two", single("\"one \\\n    two\"").value(), "a backslash before a line break joins the lines");
        }

        @Test
        void rawStrings() {
            Token plain = single("r\"C:\\dir\\n\"");
            assertEquals(RAW_STRING, plain.kind());
            assertEquals("C:\\dir\\n", plain.value());
            assertEquals("say \"hi\"", single("r#\"say \"hi\"\"#").value());
            assertEquals("a\"#b", single("r##\"a\"#b\"##").value());
        }

        @Test
        void unicodeStrings() {
            String source = "\"héllo wörld 😀\"";
            Token t = single(source);
            assertEquals("héllo wörld 😀", t.value());
            assertEquals(source.length(), t.end());
        }

        @Test
        void unterminatedStringRunsToTheEnd() {
            Lexed lexed = lexWithDiagnostics("let s = \"abc\nlet t = 1\n");
            assertEquals(List.of(LET, IDENT, EQ, STRING), lexed.tokens().stream().map(Token::kind).toList());
            assertEquals(List.of(DiagnosticCode.UNTERMINATED_STRING),
                    lexed.diagnostics().stream().map(Diagnostic::code).toList());
        }
    }

    @Nested
    class CharsAndLabels {
        @Test
        void chars() {
            Token a = single("'a'");
            assertEquals(CHAR, a.kind());
            assertEquals("a", a.value());
            assertEquals("\n", single("'\\n'").value());
            assertEquals("'", single("'\\''").value());
            assertEquals("é", single("'é'").value());
            assertEquals("😀", single("'😀'").value());
        }

        @Test
        void bytes() {
            Token b = single("b'A'");
            assertEquals(BYTE, b.kind());
            assertEquals(65L, b.value());
            assertEquals(10L, single("b'\\n'").value());
        }

        @Test
        void labels() {
            Token quote = single("'outer");
            assertEquals(LABEL, quote.kind());
            assertEquals("outer", quote.value());
            Token at = single("@outer");
            assertEquals(LABEL, at.kind());
            assertEquals("outer", at.value());
            assertEquals(List.of(LABEL, COLON, LOOP, LBRACE, BREAK, LABEL, RBRACE), kinds("'outer: loop { break 'outer }"));
        }

        @Test
        void shortSingleQuotedString() {
            Token t = single("'abc'");
            assertEquals(STRING, t.kind());
            assertEquals("abc", t.value());
        }
    }

    @Nested
    class Comments {
        @Test
        void nestedBlockComments() {
            Lexed lexed = lexWithDiagnostics("/* a /* b */ still comment */ x");
            assertEquals(List.of(IDENT), lexed.tokens().stream().map(Token::kind).toList());
            assertEquals(1, lexed.comments().size());
            assertEquals(" a /* b */ still comment ", lexed.comments().get(0).text());
            assertTrue(lexed.diagnostics().isEmpty());
        }

        @Test
        void unterminatedNestedComment() {
            Lexed lexed = lexWithDiagnostics("/* a /* b */ c\nx");
            assertTrue(lexed.tokens().isEmpty());
            assertEquals(List.of(DiagnosticCode.UNTERMINATED_BLOCK_COMMENT),
                    lexed.diagnostics().stream().map(Diagnostic::code).toList());
        }

        @Test
        void docComments() {
            Lexed lexed = lexWithDiagnostics("/// doc\n//! inner\n//// four\n// plain\n/** block doc */ /* block */ /**/\nx");
            List<Comment> comments = lexed.comments();
            assertEquals(List.of(" doc", " inner", "// four", " plain", " block doc ", " block ", ""),
                    comments.stream().map(Comment::text).toList());
            assertEquals(List.of(true, true, false, false, true, false, false), comments.stream().map(Comment::doc).toList());
        }

        @Test
        void hashCommentsButNotAttributes() {
            Lexed lexed = lexWithDiagnostics("# comment\n#[test]\nx # trailing");
            assertEquals(List.of(HASH, LBRACKET, IDENT, RBRACKET, IDENT), lexed.tokens().stream().map(Token::kind).toList());
            assertEquals(List.of(" comment", " trailing"), lexed.comments().stream().map(Comment::text).toList());
        }

        @Test
        void shebangLineIsSkipped() {
            assertEquals(List.of(LET, IDENT, EQ, INT), kinds("#!/usr/bin/env ruchy\nlet x = 1"));
        }
    }

    @Nested
    class FStrings {
        @SuppressWarnings("unchecked")
        private static List<FStringPart> parts(String source) {
            Token t = single(source);
            assertEquals(FSTRING, t.kind());
            return (List<FStringPart>) t.value();
        }

        private static String exprText(String source, FStringPart part) {
            FStringPart.Expr e = (FStringPart.Expr) part;
            return source.substring(e.start(), e.end());
        }

        @Test
        void textAndExpressions() {
            String source = "f\"Hello, {name}! {a + b}\"";
            List<FStringPart> parts = parts(source);
            assertEquals(4, parts.size(), "no empty text part after the last brace");
            assertEquals(new FStringPart.Text("Hello, "), parts.get(0));
            assertEquals("name", exprText(source, parts.get(1)));
            assertEquals(new FStringPart.Text("! "), parts.get(2));
            assertEquals("a + b", exprText(source, parts.get(3)));
            assertEquals(null, ((FStringPart.Expr) parts.get(3)).spec());
        }

        @Test
        void doubledBracesAreLiteral() {
            assertEquals(List.of(new FStringPart.Text("{x} and {}")), parts("f\"{{x}} and {}\""));
        }

        @Test
        void nestedBracesAreBalanced() {
            String source = "f\"{ {a: 1}.a }\"";
            List<FStringPart> parts = parts(source);
            assertEquals(1, parts.size());
            assertEquals(" {a: 1}.a ", exprText(source, parts.get(0)));
            assertEquals(null, ((FStringPart.Expr) parts.get(0)).spec());
        }

        @Test
        void stringLiteralsInsideBraces() {
            String plain = "f\"{\"}\".len()}\"";
            assertEquals("\"}\".len()", exprText(plain, parts(plain).get(0)));
            String escaped = "f\"{\\\"a:b\\\".len()}\"";
            List<FStringPart> parts = parts(escaped);
            assertEquals(1, parts.size());
            assertEquals("\\\"a:b\\\".len()", exprText(escaped, parts.get(0)));
            assertEquals(null, ((FStringPart.Expr) parts.get(0)).spec(), "a `:` inside a string is not a spec");
        }

        @Test
        void formatSpecs() {
            String source = "f\"{name:>8}{pct:.1}{n:04}{x:<5.2}{a::b}{ok ? 1 : 2}\"";
            List<FStringPart> parts = parts(source);
            assertEquals(6, parts.size());
            assertEquals(">8", ((FStringPart.Expr) parts.get(0)).spec());
            assertEquals("name", exprText(source, parts.get(0)));
            assertEquals(".1", ((FStringPart.Expr) parts.get(1)).spec());
            assertEquals("04", ((FStringPart.Expr) parts.get(2)).spec());
            assertEquals("<5.2", ((FStringPart.Expr) parts.get(3)).spec());
            assertEquals(null, ((FStringPart.Expr) parts.get(4)).spec(), "`::` is a path");
            assertEquals("a::b", exprText(source, parts.get(4)));
            assertEquals(null, ((FStringPart.Expr) parts.get(5)).spec(), "` 2` is not a format spec");
            assertEquals("ok ? 1 : 2", exprText(source, parts.get(5)));
        }

        @Test
        void escapesInTheText() {
            assertEquals(List.of(new FStringPart.Text("a\tb\n")), parts("f\"a\\tb\\n\""));
        }

        @Test
        void unmatchedClosingBrace() {
            Lexed lexed = lexWithDiagnostics("f\"a } b\"");
            assertEquals(List.of(FSTRING), lexed.tokens().stream().map(Token::kind).toList());
            assertEquals(List.of(DiagnosticCode.UNMATCHED_FSTRING_BRACE),
                    lexed.diagnostics().stream().map(Diagnostic::code).toList());
        }

        @Test
        void unterminatedBraceEndsAtTheClosingQuote() {
            Lexed lexed = lexWithDiagnostics("f\"a {b\" + c");
            assertEquals(List.of(FSTRING, PLUS, IDENT), lexed.tokens().stream().map(Token::kind).toList());
            assertEquals(List.of(DiagnosticCode.UNTERMINATED_FSTRING_EXPR),
                    lexed.diagnostics().stream().map(Diagnostic::code).toList());
        }
    }

    @Nested
    class Identifiers {
        @Test
        void keywordsAndNames() {
            assertEquals(List.of(FUN, FN, LET, MUT, VAR, CONST, IDENT, IDENT), kinds("fun fn let mut var const state _x"));
            assertEquals("_x", lex("_x").get(0).value());
        }

        @Test
        void unicodeIdentifiers() {
            List<Token> tokens = lex("let név = 変数");
            assertEquals(List.of(LET, IDENT, EQ, IDENT), tokens.stream().map(Token::kind).toList());
            assertEquals("név", tokens.get(1).value());
            assertEquals("変数", tokens.get(3).value());
        }

        @Test
        void columnsCountCodePoints() {
            String source = "let e = \"😀\"; x";
            Lexed lexed = lexWithDiagnostics(source);
            Token x = lexed.tokens().get(lexed.tokens().size() - 1);
            assertEquals(14, lexed.file().column(x.start()));
        }

        @Test
        void atoms() {
            Token atom = lex("x = :ok").get(2);
            assertEquals(ATOM, atom.kind());
            assertEquals("ok", atom.value());
            assertEquals(List.of(LBRACKET, ATOM, COMMA, ATOM, RBRACKET), kinds("[:a, :b]"));
            assertEquals(List.of(IDENT, COLON, IDENT), kinds("key:value"), "a key and a value, not an atom");
        }

        @Test
        void unexpectedCharacter() {
            Lexed lexed = lexWithDiagnostics("a € b");
            assertEquals(List.of(IDENT, ERROR, IDENT), lexed.tokens().stream().map(Token::kind).toList());
            assertEquals("unexpected character `€`", lexed.diagnostics().get(0).message());
        }
    }

    @Nested
    class Operators {
        @Test
        void longestMatch() {
            assertEquals(List.of(STAR_STAR_EQ, DOT_DOT_EQ, ELLIPSIS, PIPELINE, QUESTION_QUESTION, QUESTION_DOT, COLON_COLON,
                    FAT_ARROW, ARROW, SHL_EQ, SHR_EQ, PLUS_PLUS, MINUS_MINUS, AMP_AMP, PIPE_PIPE, BANG_EQ, EQ_EQ),
                    kinds("**= ..= ... |> ?? ?. :: => -> <<= >>= ++ -- && || != =="));
        }

        @Test
        void sendArrowNeedsSpaces() {
            assertEquals(List.of(IDENT, LT, MINUS, INT), kinds("a<-1"));
            assertEquals(List.of(IDENT, LARROW, IDENT), kinds("a <- b"));
        }
    }

    @Nested
    class Newlines {
        @Test
        void newlineBeforeMarksTheFirstTokenOfALine() {
            List<Token> tokens = lex("a b\nc\n\n  d e");
            assertEquals(List.of(true, false, true, true, false), tokens.stream().map(Token::newlineBefore).toList());
        }

        @Test
        void commentsDoNotHideLineBreaks() {
            List<Token> tokens = lex("a // note\nb /* one line */ c /* two\nlines */ d");
            assertEquals(List.of(true, true, false, true), tokens.stream().map(Token::newlineBefore).toList());
        }

        @Test
        void lineBreakInsideAStringIsNotBeforeTheNextToken() {
            List<Token> tokens = lex("\"a\nb\" c");
            assertFalse(tokens.get(1).newlineBefore());
        }

        @Test
        void crlfCountsAsALineBreak() {
            List<Token> tokens = lex("a\r\nb");
            assertTrue(tokens.get(1).newlineBefore());
        }

        @Test
        void spaceBefore() {
            List<Token> tokens = lex("f(x) !y");
            assertEquals(List.of(false, false, false, false, true, false), tokens.stream().map(Token::spaceBefore).toList());
        }
    }
}
