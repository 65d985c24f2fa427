package dev.ruchy.transpiler.lexer;

import java.util.HashMap;
import java.util.Map;

/** The kinds of token the {@link Lexer} produces, with the spelling of fixed ones. */
public enum TokenKind {
    // literals and names
    INT("integer literal"),
    FLOAT("float literal"),
    STRING("string literal"),
    RAW_STRING("raw string literal"),
    CHAR("character literal"),
    BYTE("byte literal"),
    FSTRING("f-string"),
    ATOM("atom"),
    IDENT("identifier"),
    /** {@code 'outer} or {@code @outer}: a loop label. */
    LABEL("label"),

    // keywords
    FUN("fun"), FN("fn"), LET("let"), VAR("var"), CONST("const"), MUT("mut"), IF("if"), ELSE("else"),
    MATCH("match"), FOR("for"), IN("in"), WHILE("while"), LOOP("loop"), BREAK("break"),
    CONTINUE("continue"), RETURN("return"), TRY("try"), CATCH("catch"), FINALLY("finally"),
    THROW("throw"), ASYNC("async"), AWAIT("await"), SPAWN("spawn"), STRUCT("struct"), ENUM("enum"),
    IMPL("impl"), TRAIT("trait"), CLASS("class"), ACTOR("actor"), USE("use"), IMPORT("import"),
    MOD("mod"), PUB("pub"), AS("as"), SELF("self"), SUPER("super"), CRATE("crate"), TYPE("type"),
    WHERE("where"), TRUE("true"), FALSE("false"), NIL("nil"), NULL("null"), STATIC("static"),
    FROM("from"), LAZY("lazy"), RECEIVE("receive"), INTERFACE("interface"), EXPORT("export"),
    UNSAFE("unsafe"), MODULE("module"),

    // delimiters
    LPAREN("("), RPAREN(")"), LBRACE("{"), RBRACE("}"), LBRACKET("["), RBRACKET("]"),
    COMMA(","), SEMI(";"), COLON(":"), COLON_COLON("::"), DOT("."), DOT_DOT(".."), DOT_DOT_EQ("..="),
    ELLIPSIS("..."), ARROW("->"), FAT_ARROW("=>"), QUESTION("?"), QUESTION_DOT("?."), HASH("#"),
    AT("@"), BACKSLASH("\\"),

    // operators
    PLUS("+"), MINUS("-"), STAR("*"), SLASH("/"), PERCENT("%"), STAR_STAR("**"),
    EQ("="), EQ_EQ("=="), BANG("!"), BANG_EQ("!="), LT("<"), LT_EQ("<="), GT(">"), GT_EQ(">="),
    AMP_AMP("&&"), PIPE_PIPE("||"), AMP("&"), PIPE("|"), CARET("^"), TILDE("~"), SHL("<<"), SHR(">>"),
    PIPELINE("|>"), QUESTION_QUESTION("??"), PLUS_PLUS("++"), MINUS_MINUS("--"), LARROW("<-"),
    PLUS_EQ("+="), MINUS_EQ("-="), STAR_EQ("*="), SLASH_EQ("/="), PERCENT_EQ("%="), STAR_STAR_EQ("**="),
    AMP_EQ("&="), PIPE_EQ("|="), CARET_EQ("^="), SHL_EQ("<<="), SHR_EQ(">>="),

    /** A character that starts no token; the lexer has reported it. */
    ERROR("invalid token"),
    EOF("end of file");

    private static final Map<String, TokenKind> KEYWORDS = new HashMap<>();

    static {
        for (TokenKind k : values()) {
            if (k.ordinal() >= FUN.ordinal() && k.ordinal() <= MODULE.ordinal()) {
                KEYWORDS.put(k.spelling, k);
            }
        }
    }

    private final String spelling;

    TokenKind(String spelling) {
        this.spelling = spelling;
    }

    /** The fixed text of a keyword or punctuation token, or a description of a literal kind. */
    public String spelling() {
        return spelling;
    }

    /** The keyword spelled {@code word}, or {@code null}. */
    public static TokenKind keyword(String word) {
        return KEYWORDS.get(word);
    }

    public boolean isKeyword() {
        return ordinal() >= FUN.ordinal() && ordinal() <= MODULE.ordinal();
    }

    /** How a token of this kind is named in "expected X, found Y" messages. */
    public String describe() {
        if (ordinal() <= LABEL.ordinal() || this == EOF || this == ERROR) {
            return spelling;
        }
        return "`" + spelling + "`";
    }
}
