package dev.ruchy.transpiler.parser;

import static dev.ruchy.transpiler.lexer.TokenKind.*;

import dev.ruchy.transpiler.ast.Attribute;
import dev.ruchy.transpiler.ast.BinaryOp;
import dev.ruchy.transpiler.ast.Expr;
import dev.ruchy.transpiler.ast.Node;
import dev.ruchy.transpiler.ast.Param;
import dev.ruchy.transpiler.ast.Pattern;
import dev.ruchy.transpiler.ast.Program;
import dev.ruchy.transpiler.ast.Stmt;
import dev.ruchy.transpiler.ast.TypeRef;
import dev.ruchy.transpiler.ast.UnaryOp;
import dev.ruchy.transpiler.diag.Diagnostic;
import dev.ruchy.transpiler.diag.DiagnosticCode;
import dev.ruchy.transpiler.diag.Diagnostics;
import dev.ruchy.transpiler.lexer.FStringPart;
import dev.ruchy.transpiler.lexer.Lexer;
import dev.ruchy.transpiler.lexer.Token;
import dev.ruchy.transpiler.lexer.TokenKind;
import dev.ruchy.transpiler.source.SourceFile;
import dev.ruchy.transpiler.source.Span;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns tokens into an AST ({@link Program}) by recursive descent, with precedence climbing for
 * binary operators (ruchy-semantics §3.4). Each parse method carries its grammar rule in its
 * comment.
 *
 * <p>The parser never throws on bad input. A syntax error is reported once per position; the
 * statement being parsed becomes an error node and parsing resumes at the next statement boundary
 * (a line break or {@code ;} with all brackets opened by the statement closed, or a line that
 * starts a new item), so independent errors in one file are all reported.
 *
 * <p>Newline rules (§1.7): a line break never ends an expression before a binary operator or a
 * {@code .}; a {@code (} or {@code [} on a new line starts a new statement instead of calling or
 * indexing the previous one.
 */
public final class Parser {
    /** After this many errors in one file the parser stops, so garbage input cannot flood the output. */
    private static final int MAX_ERRORS = 100;
    /**
     * Nesting deeper than this (brackets, operators, patterns, types; a nested block counts twice) is
     * reported and ends the parse instead of overflowing the stack. The deepest input then needs
     * about 400 KB of stack in cold (interpreted) code, within a 512 KB thread stack.
     */
    private static final int MAX_DEPTH = 128;
    /**
     * Operators, calls and member accesses applied one after another to an operand ({@code a + b + c},
     * {@code x.f().g()}, {@code x++++}) build a tree as deep as the chain is long, without nesting in
     * the parser. Beyond this many links in progress at once the chain is reported like too deep
     * nesting, so that the passes that walk the tree recursively (AST printer, resolver, emitter)
     * are safe on long chains too.
     */
    private static final int MAX_CHAIN = 256;

    private static final Set<TokenKind> STATEMENT_KEYWORDS = EnumSet.of(
            LET, VAR, CONST, FUN, FN, STRUCT, ENUM, IMPL, TRAIT, CLASS, ACTOR, USE, IMPORT, MOD, MODULE, PUB,
            INTERFACE, STATIC, FOR, WHILE, LOOP, IF, MATCH, RETURN, TRY);

    private final SourceFile file;
    private final List<Token> tokens;
    private final Diagnostics diagnostics;
    private int p;
    private int lastErrorPos = -1;
    private int errorCount;
    /** How many levels of nesting the parse methods are in; see {@link #enter}. */
    private int depth;
    /** How many links of operator and postfix chains are in progress; see {@link #link}. */
    private int links;
    /** Index of the first token of the statement being parsed. */
    private int statementStart;
    /**
     * A string or comment ran to the end of the file and the lexer said so: whatever is found
     * unclosed at the end of the file follows from that, and is not reported again.
     */
    private boolean eofReported;
    /** Struct literals are not allowed where a block follows (conditions, iterables, scrutinees). */
    private boolean noStructLiteral;
    /** {@code x => e} is not a lambda inside a match guard. */
    private boolean noArrowLambda;

    private Parser(SourceFile file, List<Token> tokens, Diagnostics diagnostics) {
        this.file = file;
        this.tokens = new ArrayList<>(tokens);
        this.diagnostics = diagnostics;
    }

    /** Lexes and parses a whole file; problems go to {@code diagnostics}. */
    public static Program parse(SourceFile file, Diagnostics diagnostics) {
        int before = diagnostics.all().size();
        Lexer.Result lexed = Lexer.lex(file, diagnostics);
        Parser parser = new Parser(file, lexed.tokens(), diagnostics);
        parser.eofReported = diagnostics.all().subList(before, diagnostics.all().size()).stream()
                .anyMatch(d -> d.code() == DiagnosticCode.UNTERMINATED_STRING || d.code() == DiagnosticCode.UNTERMINATED_RAW_STRING
                        || d.code() == DiagnosticCode.UNTERMINATED_BLOCK_COMMENT);
        List<Stmt> statements = parser.statementsUntil(EOF);
        return new Program(file, statements, lexed.comments());
    }

    /** Thrown to unwind to the enclosing statement after a syntax error was reported. */
    private static final class ParseError extends RuntimeException {
        ParseError() {
            super(null, null, false, false);
        }
    }

    // ================================================================================================
    // statements

    /** statements = { statement [";"] } until {@code close} (not consumed). */
    private List<Stmt> statementsUntil(TokenKind close) {
        enter();
        try {
            return statementsUntilBody(close);
        } finally {
            depth--;
        }
    }

    private List<Stmt> statementsUntilBody(TokenKind close) {
        List<Stmt> statements = new ArrayList<>();
        while (!at(close) && !at(EOF)) {
            if (errorCount >= MAX_ERRORS) {
                // checked first, so that stray closing delimiters count too, and enclosing blocks
                // find the end of file and do not report it again
                diagnostics.report(DiagnosticCode.TOO_MANY_ERRORS.at(span(peek())));
                giveUp();
                break;
            }
            if (eat(SEMI)) {
                continue;
            }
            if (close == RBRACE && at(ELSE)) {
                break; // `if c {` ... `else {`: the block's `}` is missing; the caller reports it
            }
            if (at(RBRACE) || at(RPAREN) || at(RBRACKET)) {
                // a stray closing delimiter at this level
                Token t = peek();
                error(t, DiagnosticCode.UNEXPECTED_CLOSING.at(span(t), t.kind().spelling()));
                advance();
                continue;
            }
            int before = p;
            statements.add(statementWithRecovery());
            if (p == before) {
                advance(); // guarantee progress
            }
        }
        return statements;
    }

    private Stmt statementWithRecovery() {
        int startIndex = p;
        int savedStart = statementStart;
        statementStart = p;
        try {
            Stmt stmt = statement();
            statementEnd(stmt);
            return stmt;
        } catch (ParseError e) {
            synchronize(startIndex);
            Token first = tokens.get(startIndex);
            Token last = tokens.get(Math.max(startIndex, p - 1));
            return new Stmt.Error(file.span(first.start(), Math.max(first.start(), last.end())));
        } finally {
            statementStart = savedStart;
        }
    }

    /** After a statement: {@code ;}, a line break, or the end of the enclosing block. */
    private void statementEnd(Stmt stmt) {
        if (eat(SEMI)) {
            return;
        }
        Token t = peek();
        if (t.newlineBefore() || t.is(RBRACE) || t.is(EOF) || t.is(RPAREN) || t.is(RBRACKET)) {
            return;
        }
        if (endsWithBlock(stmt)) {
            return;
        }
        var diagnostic = DiagnosticCode.EXPECTED_STATEMENT_END.at(span(t), describe(t));
        String hint = stmt instanceof Stmt.ExprStmt es && es.expr() instanceof Expr.Ident id ? FOREIGN_KEYWORDS.get(id.name()) : null;
        throw error(t, hint == null ? diagnostic : diagnostic.withHint(hint));
    }

    /** Words other languages use where Ruchy has its own keyword: a statement that is only one of them gets a hint. */
    private static final Map<String, String> FOREIGN_KEYWORDS = Map.of(
            "elif", "Ruchy writes `else if`",
            "elsif", "Ruchy writes `else if`",
            "elseif", "Ruchy writes `else if`",
            "function", "Ruchy declares functions with `fun` (or `fn`)",
            "def", "Ruchy declares functions with `fun` (or `fn`)",
            "func", "Ruchy declares functions with `fun` (or `fn`)");

    private static boolean endsWithBlock(Stmt stmt) {
        return switch (stmt) {
            case Stmt.ExprStmt e -> switch (e.expr()) {
                case Expr.Block b -> true;
                case Expr.If i -> true;
                case Expr.IfLet i -> true;
                case Expr.Match m -> true;
                case Expr.For f -> true;
                case Expr.While w -> true;
                case Expr.WhileLet w -> true;
                case Expr.Loop l -> true;
                case Expr.TryCatch t -> true;
                case Expr.ObjectLit o -> true;
                default -> false;
            };
            case Stmt.Let l -> false;
            case Stmt.Error er -> true;
            default -> true;
        };
    }

    /**
     * Skips to the next statement boundary after an error: a {@code ;} or line break with every
     * bracket opened since {@code startIndex} closed, a line that starts a new item no further
     * right than the failed statement, a closing brace of an enclosing block, or the end of file.
     */
    private void synchronize(int startIndex) {
        int depth = 0;
        int braces = 0;
        for (int i = startIndex; i < p && i < tokens.size(); i++) {
            depth += delimiterDelta(tokens.get(i).kind());
            braces += braceDelta(tokens.get(i).kind());
        }
        int startColumn = file.column(tokens.get(startIndex).start());
        if (p == startIndex) {
            advance();
            depth += delimiterDelta(previous().kind());
            braces += braceDelta(previous().kind());
        }
        while (!at(EOF)) {
            Token t = peek();
            if (t.is(RBRACE) && braces <= 0) {
                return; // closes an enclosing block, whatever the statement left open
            }
            if (depth <= 0) {
                if (t.is(SEMI)) {
                    advance();
                    return;
                }
                if (t.newlineBefore()) {
                    return;
                }
            } else if (t.newlineBefore() && (STATEMENT_KEYWORDS.contains(t.kind()) || t.is(IDENT))
                    && file.column(t.start()) <= startColumn) {
                return;
            }
            if (depth <= 0 && (t.is(RPAREN) || t.is(RBRACKET))) {
                advance();
                continue;
            }
            depth += delimiterDelta(t.kind());
            braces += braceDelta(t.kind());
            advance();
        }
    }

    private static int braceDelta(TokenKind k) {
        return k == LBRACE ? 1 : k == RBRACE ? -1 : 0;
    }

    private static int delimiterDelta(TokenKind k) {
        return switch (k) {
            case LPAREN, LBRACE, LBRACKET -> 1;
            case RPAREN, RBRACE, RBRACKET -> -1;
            default -> 0;
        };
    }

    /** statement = attributes item | let | expression. */
    private Stmt statement() {
        List<Attribute> attributes = attributes();
        boolean isPublic = modifiers();
        Token t = peek();
        switch (t.kind()) {
            case LET, VAR, CONST:
                try {
                    return let();
                } catch (LetInFound e) {
                    return new Stmt.ExprStmt(e.expr, at(SEMI), e.expr.span());
                }
            case STATIC:
                if (peekKind(1) == IDENT && peekKind(2) == COLON || peekKind(1) == MUT) {
                    return let();
                }
                break;
            case FUN, FN:
                if (peekKind(1) != LPAREN) {
                    return function(attributes, isPublic, false);
                }
                break;
            case ASYNC:
                if (peekKind(1) == FUN || peekKind(1) == FN) {
                    advance();
                    return function(attributes, isPublic, true);
                }
                break;
            case STRUCT:
                return struct(attributes);
            case ENUM:
                return enumDecl(attributes);
            case IMPL:
                return impl();
            case TRAIT, INTERFACE:
                return trait();
            case CLASS:
                return classDecl();
            case ACTOR:
                return actor();
            case USE:
                return use();
            case IMPORT:
                return importStmt();
            case FROM:
                if (peekKind(1) == IDENT || peekKind(1) == STRING) {
                    return fromImport();
                }
                break;
            case MOD, MODULE:
                return mod();
            case TYPE:
                if (peekKind(1) == IDENT && (peekKind(2) == EQ || peekKind(2) == LT)) {
                    return typeAlias();
                }
                break;
            default:
                break;
        }
        Expr expr = expression();
        boolean semicolon = at(SEMI);
        return new Stmt.ExprStmt(expr, semicolon, expr.span());
    }

    /** attributes = { "#[" ... "]" | "#![" ... "]" }. */
    private List<Attribute> attributes() {
        List<Attribute> attributes = new ArrayList<>();
        while (at(HASH) && (peekKind(1) == LBRACKET || peekKind(1) == BANG && peekKind(2) == LBRACKET)) {
            Token hash = advance();
            eat(BANG);
            Token bracket = expect(LBRACKET, "`[`");
            Token nameToken = peek();
            String name = nameToken.kind() == IDENT || nameToken.kind().isKeyword() ? advance().text() : "";
            while (eat(COLON_COLON)) {
                name = name + "::" + advance().text();
            }
            String args = null;
            if (at(LPAREN)) {
                Token open = advance();
                int depth = 1;
                while (!at(EOF) && depth > 0) {
                    Token x = advance();
                    depth += x.is(LPAREN) ? 1 : x.is(RPAREN) ? -1 : 0;
                }
                args = file.text().substring(open.end(), Math.max(open.end(), previous().start()));
            }
            while (!at(RBRACKET) && !at(EOF) && !peek().newlineBefore()) {
                advance();
            }
            Token close = expectClose(RBRACKET, bracket, "attribute");
            attributes.add(new Attribute(name, args, file.span(hash.start(), close.end())));
        }
        return attributes;
    }

    /** modifiers = { "pub" ["(" ... ")"] | "export" | "unsafe" | "default" }; returns whether pub was seen. */
    private boolean modifiers() {
        boolean isPublic = false;
        while (true) {
            if (at(PUB)) {
                advance();
                isPublic = true;
                if (at(LPAREN) && !peek().spaceBefore()) {
                    skipBalanced(LPAREN, RPAREN);
                }
            } else if (at(EXPORT) && peekKind(1) != LPAREN) {
                advance();
                isPublic = true;
            } else if (at(UNSAFE) && (peekKind(1) == FN || peekKind(1) == FUN || peekKind(1) == IMPL)) {
                advance();
            } else if (at(CONST) && (peekKind(1) == FN || peekKind(1) == FUN)) {
                advance();
            } else {
                return isPublic;
            }
        }
    }

    /** let = ("let" ["mut"] | "var" | "const" | "static" ["mut"]) pattern [":" type] ["=" expr ["else" block]]. */
    private Stmt let() {
        Token keyword = advance();
        Stmt.LetKind kind = switch (keyword.kind()) {
            case VAR -> Stmt.LetKind.VAR;
            case CONST -> Stmt.LetKind.CONST;
            default -> Stmt.LetKind.LET;
        };
        if (eat(MUT)) {
            kind = Stmt.LetKind.LET_MUT;
        }
        Pattern pattern = pattern();
        TypeRef type = null;
        if (eat(COLON)) {
            type = type();
        }
        Expr init = null;
        Expr.Block elseBlock = null;
        if (eat(EQ)) {
            init = expression();
            if (at(ELSE) && !(init instanceof Expr.If)) {
                advance();
                elseBlock = block();
            }
        }
        if (init != null && at(IN) && !peek().newlineBefore()) {
            advance();
            Expr body = expression();
            throw new LetInFound(new Expr.LetIn(pattern, init, body, spanTo(keyword, body)));
        }
        Span span = file.span(keyword.start(), previous().end());
        return new Stmt.Let(kind, pattern, type, init, elseBlock, span);
    }

    /** {@code let x = e in body} is an expression; {@link #let} hands it back through this. */
    private static final class LetInFound extends RuntimeException {
        final Expr.LetIn expr;

        LetInFound(Expr.LetIn expr) {
            super(null, null, false, false);
            this.expr = expr;
        }
    }

    /**
     * function = ["async"] ("fun" | "fn") name [generics] "(" params ")" ["->" type] [where] block.
     * The body may be missing in a trait ({@code ;} or line end).
     */
    private Stmt.Fun function(List<Attribute> attributes, boolean isPublic, boolean async) {
        Token keyword = previousIs(ASYNC) ? previous() : peek();
        if (at(FUN) || at(FN)) {
            advance();
        }
        Token nameToken = advance();
        if (nameToken.kind() != IDENT && !nameToken.kind().isKeyword()) {
            throw error(nameToken, DiagnosticCode.EXPECTED_ITEM_NAME.at(span(nameToken), describe(nameToken)));
        }
        return functionRest(attributes, isPublic, async, keyword, nameToken.text());
    }

    private Stmt.Fun functionRest(List<Attribute> attributes, boolean isPublic, boolean async, Token first, String name) {
        List<String> typeParams = genericParams();
        Token open = expect(LPAREN, "`(`");
        List<Param> params = params(RPAREN, open);
        TypeRef result = null;
        if (eat(ARROW) || (at(COLON) && !peek().newlineBefore())) {
            if (previous().kind() != ARROW) {
                advance();
            }
            result = type();
        }
        whereClause();
        Expr.Block body = null;
        if (at(LBRACE)) {
            body = block();
        } else if (at(EQ) && !peek().newlineBefore()) {
            advance();
            Expr value = expression();
            body = new Expr.Block(List.of(new Stmt.ExprStmt(value, false, value.span())), value.span());
        } else if (!at(SEMI) && !peek().newlineBefore() && !at(RBRACE) && !at(EOF)) {
            throw error(peek(), DiagnosticCode.EXPECTED.at(span(peek()), "`{`", describe(peek())));
        }
        return new Stmt.Fun(attributes, isPublic, async, name, typeParams, params, result, body,
                file.span(first.start(), previous().end()));
    }

    /** params = [param {"," param} [","]] close; param = ["&" ["mut"]] ["mut"] pattern [":" type] ["=" expr]. */
    private List<Param> params(TokenKind close, Token open) {
        List<Param> params = new ArrayList<>();
        while (!at(close) && !at(EOF)) {
            Token first = peek();
            boolean selfRef = false;
            if (at(AMP)) {
                advance();
                selfRef = true;
                if (at(LABEL)) {
                    advance();
                }
                eat(MUT);
            }
            if (at(SELF) || (selfRef && at(MUT) && peekKind(1) == SELF)) {
                eat(MUT);
                Token self = advance();
                TypeRef type = null;
                if (eat(COLON)) {
                    type = type();
                }
                params.add(new Param(new Pattern.Binding("self", false, span(self)), type, null,
                        file.span(first.start(), previous().end())));
            } else {
                Pattern pattern = eat(MUT) && at(SELF)
                        ? new Pattern.Binding(advance().text(), true, span(previous()))
                        : pattern();
                TypeRef type = null;
                Expr defaultValue = null;
                if (eat(COLON)) {
                    type = type();
                }
                if (eat(EQ)) {
                    defaultValue = expressionNoLambdaArrow();
                }
                params.add(new Param(pattern, type, defaultValue, file.span(first.start(), previous().end())));
            }
            if (!eat(COMMA)) {
                break;
            }
        }
        expectClose(close, open);
        return params;
    }

    /** generics = "<" name [":" bounds] {"," ...} ">"; bounds are skipped. Returns the names. */
    private List<String> genericParams() {
        List<String> names = new ArrayList<>();
        if (!at(LT)) {
            return names;
        }
        Token open = advance();
        int depth = 1;
        boolean expectName = true;
        while (!at(EOF) && depth > 0) {
            Token t = peek();
            if (t.is(LT)) {
                depth++;
            } else if (t.is(GT)) {
                depth--;
            } else if (t.is(SHR)) {
                depth -= 2;
            } else if (t.is(LBRACE) || t.is(SEMI)) {
                throw error(t, DiagnosticCode.UNCLOSED_DELIMITER.at(missingAt(t), ">", "<", describe(t))
                        .withHint("to close the `<` opened at " + position(open)));
            } else if (depth == 1 && t.is(COMMA)) {
                expectName = true;
                advance();
                continue;
            } else if (depth == 1 && expectName && (t.is(IDENT))) {
                names.add(t.text());
                expectName = false;
            } else if (t.is(CONST)) {
                advance();
                continue;
            }
            advance();
        }
        return names;
    }

    /** where = "where" bounds, skipped up to the body's {@code {}}. */
    private void whereClause() {
        if (!at(WHERE)) {
            return;
        }
        while (!at(LBRACE) && !at(EOF) && !at(SEMI)) {
            advance();
        }
    }

    /** struct = "struct" name [generics] ( "{" fields-and-methods "}" | "(" types ")" | ";" ). */
    private Stmt struct(List<Attribute> attributes) {
        Token keyword = advance();
        String name = name();
        List<String> typeParams = genericParams();
        List<Stmt.FieldDecl> fields = new ArrayList<>();
        List<TypeRef> tupleFields = new ArrayList<>();
        List<Stmt.Fun> methods = new ArrayList<>();
        if (at(LPAREN)) {
            Token open = advance();
            while (!at(RPAREN) && !at(EOF)) {
                eat(PUB);
                tupleFields.add(type());
                if (!eat(COMMA)) {
                    break;
                }
            }
            expectClose(RPAREN, open);
            whereClause();
            eat(SEMI);
        } else if (at(LBRACE) || at(WHERE)) {
            whereClause();
            Token open = expect(LBRACE, "`{`");
            while (!at(RBRACE) && !at(EOF)) {
                if (eat(COMMA) || eat(SEMI)) {
                    continue;
                }
                List<Attribute> memberAttributes = attributes();
                boolean isPublic = modifiers();
                if (at(FUN) || at(FN) || at(ASYNC)) {
                    boolean async = eat(ASYNC);
                    methods.add(function(memberAttributes, isPublic, async));
                } else {
                    fields.add(field());
                }
            }
            expectClose(RBRACE, open);
        } else {
            eat(SEMI);
        }
        return new Stmt.Struct(attributes, name, typeParams, fields, tupleFields, methods, spanFrom(keyword, previous()));
    }

    /** field = ["mut"] name ":" type ["=" expr]. */
    private Stmt.FieldDecl field() {
        Token first = peek();
        boolean mutable = eat(MUT) || eat(VAR);
        if (eat(LET)) {
            mutable |= eat(MUT);
        }
        String name = name();
        TypeRef type = null;
        if (eat(COLON)) {
            type = type();
        }
        Expr defaultValue = null;
        if (eat(EQ)) {
            defaultValue = expression();
        }
        if (type == null && defaultValue == null) {
            throw error(peek(), DiagnosticCode.EXPECTED.at(span(peek()), "`:`", describe(peek())));
        }
        return new Stmt.FieldDecl(name, type, defaultValue, mutable, spanFrom(first, previous()));
    }

    /** enum = "enum" name [generics] "{" variant {"," variant} [","] "}". */
    private Stmt enumDecl(List<Attribute> attributes) {
        Token keyword = advance();
        String name = name();
        List<String> typeParams = genericParams();
        Token open = expect(LBRACE, "`{`");
        List<Stmt.Variant> variants = new ArrayList<>();
        while (!at(RBRACE) && !at(EOF)) {
            if (eat(COMMA)) {
                continue;
            }
            attributes();
            Token first = peek();
            String variantName = name();
            List<TypeRef> tupleFields = new ArrayList<>();
            List<Stmt.FieldDecl> structFields = new ArrayList<>();
            Expr discriminant = null;
            if (at(LPAREN)) {
                Token paren = advance();
                while (!at(RPAREN) && !at(EOF)) {
                    tupleFields.add(type());
                    if (!eat(COMMA)) {
                        break;
                    }
                }
                expectClose(RPAREN, paren);
            } else if (at(LBRACE)) {
                Token brace = advance();
                while (!at(RBRACE) && !at(EOF)) {
                    if (eat(COMMA)) {
                        continue;
                    }
                    structFields.add(field());
                }
                expectClose(RBRACE, brace);
            }
            if (eat(EQ)) {
                discriminant = expression();
            }
            variants.add(new Stmt.Variant(variantName, tupleFields, structFields, discriminant, spanFrom(first, previous())));
        }
        expectClose(RBRACE, open);
        return new Stmt.Enum(attributes, name, typeParams, variants, spanFrom(keyword, previous()));
    }

    /** impl = "impl" [generics] [type "for"] type [where] "{" { method } "}". */
    private Stmt impl() {
        Token keyword = advance();
        List<String> typeParams = genericParams();
        TypeRef trait = null;
        TypeRef target = type();
        if (eat(FOR)) {
            trait = target;
            target = type();
        }
        whereClause();
        Token open = expect(LBRACE, "`{`");
        List<Stmt.Fun> methods = new ArrayList<>();
        while (!at(RBRACE) && !at(EOF)) {
            if (eat(SEMI) || eat(COMMA)) {
                continue;
            }
            List<Attribute> memberAttributes = attributes();
            boolean isPublic = modifiers();
            if (at(TYPE) || at(CONST) && peekKind(1) != FN && peekKind(1) != FUN) {
                // associated types and constants: parsed and dropped
                while (!at(SEMI) && !at(RBRACE) && !at(EOF) && !(peek().newlineBefore() && previous().kind() != EQ)) {
                    advance();
                }
                continue;
            }
            boolean async = eat(ASYNC);
            if (!at(FUN) && !at(FN)) {
                throw error(peek(), DiagnosticCode.EXPECTED.at(span(peek()), "`fun`", describe(peek())));
            }
            methods.add(function(memberAttributes, isPublic, async));
        }
        expectClose(RBRACE, open);
        return new Stmt.Impl(typeParams, trait, target, methods, spanFrom(keyword, previous()));
    }

    /** trait = ("trait" | "interface") name [generics] [":" bounds] "{" { method-signature-or-method } "}". */
    private Stmt trait() {
        Token keyword = advance();
        String name = name();
        List<String> typeParams = genericParams();
        if (eat(COLON)) {
            while (!at(LBRACE) && !at(EOF)) {
                advance();
            }
        }
        whereClause();
        Token open = expect(LBRACE, "`{`");
        List<Stmt.Fun> methods = new ArrayList<>();
        while (!at(RBRACE) && !at(EOF)) {
            if (eat(SEMI) || eat(COMMA)) {
                continue;
            }
            List<Attribute> memberAttributes = attributes();
            boolean isPublic = modifiers();
            if (at(TYPE) || at(CONST)) {
                while (!at(SEMI) && !at(RBRACE) && !at(EOF) && !peek().newlineBefore()) {
                    advance();
                }
                advance();
                continue;
            }
            boolean async = eat(ASYNC);
            if (!at(FUN) && !at(FN)) {
                throw error(peek(), DiagnosticCode.EXPECTED.at(span(peek()), "`fun`", describe(peek())));
            }
            methods.add(function(memberAttributes, isPublic, async));
        }
        expectClose(RBRACE, open);
        return new Stmt.Trait(name, typeParams, methods, spanFrom(keyword, previous()));
    }

    /**
     * class = "class" name [generics] [(":" | "extends") type] "{" members "}";
     * members are fields ({@code name: T [= v]}), constructors ({@code new(params) { }},
     * {@code init(...)}, {@code fun new(...)}) and methods.
     */
    private Stmt classDecl() {
        Token keyword = advance();
        String name = name();
        List<String> typeParams = genericParams();
        TypeRef parent = null;
        if (eat(COLON) || (at(IDENT) && peek().text().equals("extends") && advance() != null)) {
            parent = type();
            while (eat(COMMA) || eat(PLUS)) {
                type();
            }
        }
        if (at(IDENT) && peek().text().equals("implements")) {
            advance();
            type();
            while (eat(COMMA)) {
                type();
            }
        }
        Token open = expect(LBRACE, "`{`");
        List<Stmt.FieldDecl> fields = new ArrayList<>();
        List<Stmt.Fun> constructors = new ArrayList<>();
        List<Stmt.Fun> methods = new ArrayList<>();
        while (!at(RBRACE) && !at(EOF)) {
            if (eat(COMMA) || eat(SEMI)) {
                continue;
            }
            List<Attribute> memberAttributes = attributes();
            boolean isPublic = classModifiers();
            if (at(FUN) || at(FN) || at(ASYNC)) {
                boolean async = eat(ASYNC);
                Stmt.Fun fun = function(memberAttributes, isPublic, async);
                (fun.name().equals("new") || fun.name().equals("init") ? constructors : methods).add(fun);
            } else if ((at(IDENT) || at(CONST)) && peekKind(1) == LPAREN
                    && (peek().text().equals("new") || peek().text().equals("init") || peek().text().equals(name))) {
                Token ctor = advance();
                constructors.add(functionRest(memberAttributes, isPublic, false, ctor, ctor.text()));
            } else {
                fields.add(field());
            }
        }
        expectClose(RBRACE, open);
        return new Stmt.Class(name, typeParams, parent, fields, constructors, methods, spanFrom(keyword, previous()));
    }

    /** Modifiers in a class body: pub, private, protected, static, override, final, abstract. */
    private boolean classModifiers() {
        boolean isPublic = modifiers();
        while (at(STATIC) || at(IDENT) && Set.of("private", "protected", "override", "final", "abstract", "public")
                .contains(peek().text()) && peekKind(1) != COLON && peekKind(1) != LPAREN) {
            if (peek().text().equals("public")) {
                isPublic = true;
            }
            advance();
        }
        return isPublic;
    }

    /** actor = "actor" name "{" { ["state"] field | "receive" handlers | method } "}". */
    private Stmt actor() {
        Token keyword = advance();
        String name = name();
        Token open = expect(LBRACE, "`{`");
        List<Stmt.FieldDecl> fields = new ArrayList<>();
        List<Stmt.ReceiveArm> handlers = new ArrayList<>();
        List<Stmt.Fun> methods = new ArrayList<>();
        while (!at(RBRACE) && !at(EOF)) {
            if (eat(COMMA) || eat(SEMI)) {
                continue;
            }
            List<Attribute> memberAttributes = attributes();
            boolean isPublic = modifiers();
            if (at(FUN) || at(FN) || at(ASYNC)) {
                boolean async = eat(ASYNC);
                methods.add(function(memberAttributes, isPublic, async));
            } else if (at(RECEIVE)) {
                advance();
                if (at(LBRACE)) {
                    Token brace = advance();
                    while (!at(RBRACE) && !at(EOF)) {
                        if (eat(COMMA)) {
                            continue;
                        }
                        handlers.add(receiveArm());
                    }
                    expectClose(RBRACE, brace);
                } else {
                    handlers.add(receiveArm());
                }
            } else {
                if (at(IDENT) && peek().text().equals("state") && peekKind(1) != COLON) {
                    advance();
                    if (at(LBRACE)) {
                        Token brace = advance();
                        while (!at(RBRACE) && !at(EOF)) {
                            if (eat(COMMA) || eat(SEMI)) {
                                continue;
                            }
                            fields.add(field());
                        }
                        expectClose(RBRACE, brace);
                        continue;
                    }
                }
                fields.add(field());
            }
        }
        expectClose(RBRACE, open);
        return new Stmt.Actor(name, fields, handlers, methods, spanFrom(keyword, previous()));
    }

    /** receive-arm = pattern [":" type] ["if" expr] ("=>" expr | block). */
    private Stmt.ReceiveArm receiveArm() {
        Token first = peek();
        Pattern pattern = pattern();
        if (eat(COLON)) {
            type();
        }
        Expr guard = null;
        if (eat(IF)) {
            guard = guardExpression();
        }
        Expr body;
        if (eat(FAT_ARROW) || eat(ARROW)) {
            body = expression();
        } else {
            body = block();
        }
        return new Stmt.ReceiveArm(pattern, guard, body, spanFrom(first, previous()));
    }

    /** use = "use" path ["as" name | "::" "{" items "}" | "::" "*"] [";"]. */
    private Stmt use() {
        Token keyword = advance();
        List<Stmt.UseItem> items = new ArrayList<>();
        useTree(new ArrayList<>(), items);
        return new Stmt.Use(items, spanFrom(keyword, previous()));
    }

    private void useTree(List<String> prefix, List<Stmt.UseItem> items) {
        Token first = peek();
        List<String> path = new ArrayList<>(prefix);
        while (true) {
            if (at(LBRACE)) {
                Token open = advance();
                while (!at(RBRACE) && !at(EOF)) {
                    enter();
                    try {
                        useTree(path, items);
                    } finally {
                        depth--;
                    }
                    if (!eat(COMMA)) {
                        break;
                    }
                }
                expectClose(RBRACE, open);
                return;
            }
            if (at(STAR)) {
                advance();
                path.add("*");
                items.add(new Stmt.UseItem(path, null, spanFrom(first, previous())));
                return;
            }
            path.add(pathSegment());
            if (!eat(COLON_COLON) && !(at(DOT) && !peek().spaceBefore() && advance() != null)) {
                break;
            }
        }
        String alias = null;
        if (eat(AS)) {
            alias = name();
        }
        items.add(new Stmt.UseItem(path, alias, spanFrom(first, previous())));
    }

    /** import = "import" (path | string) ["as" name] | "import" "{" names "}" "from" string. */
    private Stmt importStmt() {
        Token keyword = advance();
        List<Stmt.UseItem> items = new ArrayList<>();
        if (at(STRING)) {
            Token s = advance();
            items.add(new Stmt.UseItem(List.of(s.text()), eat(AS) ? name() : null, span(s)));
        } else if (at(LBRACE)) {
            Token open = advance();
            List<String> names = new ArrayList<>();
            while (!at(RBRACE) && !at(EOF)) {
                names.add(name());
                if (eat(AS)) {
                    name();
                }
                if (!eat(COMMA)) {
                    break;
                }
            }
            expectClose(RBRACE, open);
            expect(FROM, "`from`");
            Token source = advance();
            for (String n : names) {
                items.add(new Stmt.UseItem(List.of(source.text(), n), null, span(source)));
            }
        } else {
            useTree(new ArrayList<>(), items);
        }
        return new Stmt.Use(items, spanFrom(keyword, previous()));
    }

    /** from-import = "from" path "import" names. */
    private Stmt fromImport() {
        Token keyword = advance();
        List<String> path = new ArrayList<>();
        path.add(pathSegment());
        while (eat(DOT) || eat(COLON_COLON)) {
            path.add(pathSegment());
        }
        expect(IMPORT, "`import`");
        List<Stmt.UseItem> items = new ArrayList<>();
        do {
            Token first = peek();
            List<String> itemPath = new ArrayList<>(path);
            itemPath.add(at(STAR) ? advance().kind().spelling() : name());
            items.add(new Stmt.UseItem(itemPath, eat(AS) ? name() : null, spanFrom(first, previous())));
        } while (eat(COMMA));
        return new Stmt.Use(items, spanFrom(keyword, previous()));
    }

    /** mod = ("mod" | "module") name ("{" statements "}" | [";"]). */
    private Stmt mod() {
        Token keyword = advance();
        String name = name();
        List<Stmt> body = null;
        if (at(LBRACE)) {
            Token open = advance();
            body = statementsUntil(RBRACE);
            expectClose(RBRACE, open);
        }
        return new Stmt.Mod(name, body, spanFrom(keyword, previous()));
    }

    /** type-alias = "type" name [generics] "=" type. */
    private Stmt typeAlias() {
        Token keyword = advance();
        String name = name();
        List<String> typeParams = genericParams();
        expect(EQ, "`=`");
        TypeRef type = type();
        return new Stmt.TypeAlias(name, typeParams, type, spanFrom(keyword, previous()));
    }

    // ================================================================================================
    // expressions

    /** expression = assignment. */
    private Expr expression() {
        try {
            return assignment();
        } catch (LetInFound e) {
            return e.expr;
        }
    }

    private Expr expressionNoStruct() {
        boolean saved = noStructLiteral;
        noStructLiteral = true;
        try {
            return expression();
        } finally {
            noStructLiteral = saved;
        }
    }

    private Expr expressionNoLambdaArrow() {
        boolean saved = noArrowLambda;
        noArrowLambda = true;
        try {
            return expression();
        } finally {
            noArrowLambda = saved;
        }
    }

    private Expr guardExpression() {
        boolean saved = noArrowLambda;
        boolean savedStruct = noStructLiteral;
        noArrowLambda = true;
        try {
            return expression();
        } finally {
            noArrowLambda = saved;
            noStructLiteral = savedStruct;
        }
    }

    /** assignment = ternary [("=" | op"=") assignment]; right-associative. */
    private Expr assignment() {
        Expr target = ternary();
        Token t = peek();
        BinaryOp compound = switch (t.kind()) {
            case PLUS_EQ -> BinaryOp.ADD;
            case MINUS_EQ -> BinaryOp.SUB;
            case STAR_EQ -> BinaryOp.MUL;
            case SLASH_EQ -> BinaryOp.DIV;
            case PERCENT_EQ -> BinaryOp.REM;
            case STAR_STAR_EQ -> BinaryOp.POW;
            case AMP_EQ -> BinaryOp.BIT_AND;
            case PIPE_EQ -> BinaryOp.BIT_OR;
            case CARET_EQ -> BinaryOp.BIT_XOR;
            case SHL_EQ -> BinaryOp.SHL;
            case SHR_EQ -> BinaryOp.SHR;
            default -> null;
        };
        if (!t.is(EQ) && compound == null) {
            return target;
        }
        advance();
        if (!isAssignable(target)) {
            error(t, DiagnosticCode.INVALID_ASSIGNMENT_TARGET.at(target.span()));
        }
        Expr value = nested(this::assignment);
        Span span = target.span().to(value.span());
        return compound == null ? new Expr.Assign(target, value, span) : new Expr.CompoundAssign(compound, target, value, span);
    }

    private static boolean isAssignable(Expr e) {
        return switch (e) {
            case Expr.Ident i -> true;
            case Expr.Field f -> true;
            case Expr.Index i -> true;
            case Expr.Path p -> true;
            case Expr.TupleLit t -> t.elements().stream().allMatch(Parser::isAssignable);
            case Expr.ArrayLit a -> a.elements().stream().allMatch(Parser::isAssignable);
            case Expr.Unary u -> u.op() == UnaryOp.DEREF;
            case Expr.Error er -> true;
            default -> false;
        };
    }

    /** ternary = binary(1) ["?" expression ":" ternary]. */
    private Expr ternary() {
        Expr condition = binary(1);
        if (at(QUESTION)) {
            advance();
            Expr then = nested(this::ternary);
            expect(COLON, "`:` of the conditional expression");
            Expr otherwise = nested(this::ternary);
            return new Expr.Ternary(condition, then, otherwise, condition.span().to(otherwise.span()));
        }
        return condition;
    }

    /**
     * binary(min) = unary { op unary } with precedence climbing; every Ruchy binary operator is
     * left-associative, {@code **} included (§3.4).
     */
    private Expr binary(int minPrecedence) {
        int linksBefore = links;
        try {
            return binaryBody(minPrecedence);
        } finally {
            links = linksBefore;
        }
    }

    private Expr binaryBody(int minPrecedence) {
        Expr left = unary();
        while (true) {
            Token t = peek();
            BinaryOp op = binaryOp(t);
            boolean range = (t.is(DOT_DOT) || t.is(DOT_DOT_EQ));
            int precedence = range ? 5 : op == null ? -1 : op.precedence();
            if (precedence < minPrecedence || precedence < 0) {
                return left;
            }
            advance();
            link(t);
            if (range) {
                Expr end = startsExpression(peek()) && !(at(LBRACE) && noStructLiteral) && !peek().newlineBefore()
                        ? binary(precedence + 1)
                        : null;
                left = new Expr.Range(left, end, t.is(DOT_DOT_EQ), end == null ? spanTo(left, t) : left.span().to(end.span()));
                continue;
            }
            Expr right = binary(precedence + 1);
            left = new Expr.Binary(op, left, right, left.span().to(right.span()));
        }
    }

    /** The binary operator a token stands for here, or null. */
    private BinaryOp binaryOp(Token t) {
        return switch (t.kind()) {
            case PIPE_PIPE -> BinaryOp.OR;
            case QUESTION_QUESTION -> BinaryOp.NULL_COALESCE;
            case AMP_AMP -> BinaryOp.AND;
            case PIPELINE -> BinaryOp.PIPELINE;
            case PIPE -> BinaryOp.BIT_OR;
            case CARET -> BinaryOp.BIT_XOR;
            case AMP -> BinaryOp.BIT_AND;
            case EQ_EQ -> BinaryOp.EQ;
            case BANG_EQ -> BinaryOp.NE;
            case LT -> BinaryOp.LT;
            case LT_EQ -> BinaryOp.LE;
            case GT -> BinaryOp.GT;
            case GT_EQ -> BinaryOp.GE;
            case SHL -> BinaryOp.SHL;
            case SHR -> BinaryOp.SHR;
            case PLUS -> BinaryOp.ADD;
            case MINUS -> BinaryOp.SUB;
            case STAR -> BinaryOp.MUL;
            case SLASH -> BinaryOp.DIV;
            case PERCENT -> BinaryOp.REM;
            case STAR_STAR -> BinaryOp.POW;
            case LARROW -> BinaryOp.SEND;
            case BANG -> !t.spaceBefore() && !t.newlineBefore() ? BinaryOp.SEND : null;
            default -> null;
        };
    }

    /** unary, one level of nesting deeper. */
    private Expr unary() {
        enter();
        try {
            return unaryBody();
        } finally {
            depth--;
        }
    }

    /** unary = ("-" | "!" | "~" | "&" ["mut"] | "*" | "++" | "--" | "await") unary | postfix. */
    private Expr unaryBody() {
        Token t = peek();
        UnaryOp op = switch (t.kind()) {
            case MINUS -> UnaryOp.NEG;
            case BANG -> UnaryOp.NOT;
            case TILDE -> UnaryOp.BIT_NOT;
            case AMP -> UnaryOp.REF;
            case STAR -> UnaryOp.DEREF;
            case PLUS_PLUS -> UnaryOp.PRE_INC;
            case MINUS_MINUS -> UnaryOp.PRE_DEC;
            default -> null;
        };
        if (op != null) {
            advance();
            if (op == UnaryOp.REF && eat(MUT)) {
                op = UnaryOp.REF_MUT;
            }
            Expr operand = unary();
            if (op == UnaryOp.NEG && operand instanceof Expr.IntLit i && operand.span().start() == t.end()) {
                return new Expr.IntLit(-i.value(), spanTo(t, operand));
            }
            if (op == UnaryOp.NEG && operand instanceof Expr.FloatLit f && operand.span().start() == t.end()) {
                return new Expr.FloatLit(-f.value(), spanTo(t, operand));
            }
            return new Expr.Unary(op, operand, spanTo(t, operand));
        }
        if (t.is(AWAIT)) {
            advance();
            Expr operand = unary();
            return new Expr.Await(operand, spanTo(t, operand));
        }
        if (t.is(DOT_DOT) || t.is(DOT_DOT_EQ)) {
            advance();
            Expr end = startsExpression(peek()) && !peek().newlineBefore() ? binary(6) : null;
            return new Expr.Range(null, end, t.is(DOT_DOT_EQ), end == null ? span(t) : spanTo(t, end));
        }
        return postfix(primary());
    }

    /**
     * postfix = primary { "(" args ")" | "[" expr "]" | "." name [call] | "?" | "as" type | "++" | "--" }.
     * A {@code (} or {@code [} on a new line does not continue the expression.
     */
    private Expr postfix(Expr expr) {
        int linksBefore = links;
        try {
            return postfixBody(expr);
        } finally {
            links = linksBefore;
        }
    }

    private Expr postfixBody(Expr expr) {
        while (true) {
            Token t = peek();
            switch (t.kind()) {
                case LPAREN -> {
                    if (t.newlineBefore()) {
                        return expr;
                    }
                    advance();
                    List<Expr.Arg> args = arguments(t);
                    expr = new Expr.Call(expr, args, spanTo(expr, previous()));
                }
                case LBRACKET -> {
                    if (t.newlineBefore()) {
                        return expr;
                    }
                    advance();
                    Expr index = withStructLiterals(this::expression);
                    expectClose(RBRACKET, t);
                    expr = new Expr.Index(expr, index, spanTo(expr, previous()));
                }
                case DOT, QUESTION_DOT -> {
                    advance();
                    expr = member(expr, t.is(QUESTION_DOT));
                }
                case QUESTION -> {
                    if (looksLikeTernary() || looksLikeTernaryWithoutColon()) {
                        return expr;
                    }
                    advance();
                    expr = new Expr.Try(expr, spanTo(expr, t));
                }
                case AS -> {
                    advance();
                    TypeRef type = type();
                    expr = new Expr.Cast(expr, type, expr.span().to(type.span()));
                }
                case PLUS_PLUS, MINUS_MINUS -> {
                    if (t.newlineBefore()) {
                        return expr;
                    }
                    advance();
                    expr = new Expr.Unary(t.is(PLUS_PLUS) ? UnaryOp.POST_INC : UnaryOp.POST_DEC, expr, spanTo(expr, t));
                }
                default -> {
                    return expr;
                }
            }
            link(t); // expr wraps the one before
        }
    }

    /** member = (name | integer) ["::" "<" types ">"] ["(" args ")"] | "await" ["(" ")"]. */
    private Expr member(Expr receiver, boolean optional) {
        Token nameToken = peek();
        if (!nameToken.is(INT) && !nameToken.is(FLOAT) && !nameToken.is(IDENT) && !nameToken.kind().isKeyword()) {
            throw error(nameToken, DiagnosticCode.EXPECTED.at(missingAt(nameToken), "a field or method name", describe(nameToken)));
        }
        advance();
        String name;
        if (nameToken.is(INT)) {
            name = Long.toString((Long) nameToken.value());
        } else if (nameToken.is(FLOAT)) {
            // t.0.1 lexed as t . 0.1: split into two tuple accesses
            String text = file.text().substring(nameToken.start(), nameToken.end());
            String[] parts = text.split("\\.");
            Expr inner = new Expr.Field(receiver, parts[0], optional, spanTo(receiver, nameToken));
            return new Expr.Field(inner, parts.length > 1 ? parts[1] : "0", false, spanTo(receiver, nameToken));
        } else if (nameToken.is(AWAIT)) {
            if (at(LPAREN) && peekKind(1) == RPAREN && !peek().newlineBefore()) {
                advance();
                advance();
            }
            return new Expr.Await(receiver, spanTo(receiver, previous()));
        } else if (nameToken.is(IDENT) || nameToken.kind().isKeyword()) {
            name = nameToken.text();
        } else {
            throw error(nameToken, DiagnosticCode.EXPECTED.at(span(nameToken), "a field or method name", describe(nameToken)));
        }
        List<TypeRef> typeArgs = List.of();
        if (at(COLON_COLON) && peekKind(1) == LT) {
            advance();
            typeArgs = typeArguments();
        }
        if (at(LPAREN) && !peek().newlineBefore()) {
            Token open = advance();
            List<Expr.Arg> args = arguments(open);
            return new Expr.MethodCall(receiver, name, typeArgs, args, optional, spanTo(receiver, previous()));
        }
        return new Expr.Field(receiver, name, optional, spanTo(receiver, nameToken));
    }

    /** args = [arg {"," arg} [","]] ")"; arg = [name "="] expression. */
    private List<Expr.Arg> arguments(Token open) {
        List<Expr.Arg> args = new ArrayList<>();
        boolean saved = noStructLiteral;
        noStructLiteral = false;
        try {
            while (!at(RPAREN) && !at(EOF) && !at(RBRACE) && !at(RBRACKET)) {
                Token first = peek();
                String name = null;
                if ((first.is(IDENT)) && peekKind(1) == EQ) {
                    name = first.text();
                    advance();
                    advance();
                }
                Expr value = expression();
                args.add(new Expr.Arg(name, value, spanTo(first, value)));
                if (!eat(COMMA)) {
                    missingSeparator(RPAREN);
                    break;
                }
            }
        } finally {
            noStructLiteral = saved;
        }
        expectClose(RPAREN, open);
        return args;
    }

    /**
     * Ruchy reads {@code ?} as the ternary operator when a {@code :} follows at the same bracket
     * depth within a few tokens, and as the try operator otherwise.
     */
    private boolean looksLikeTernary() {
        int depth = 0;
        for (int i = p + 1; i < tokens.size() && i < p + 40; i++) {
            Token t = tokens.get(i);
            switch (t.kind()) {
                case LPAREN, LBRACKET, LBRACE -> depth++;
                case RPAREN, RBRACKET, RBRACE -> {
                    if (--depth < 0) {
                        return false;
                    }
                }
                case COLON -> {
                    if (depth == 0) {
                        return true;
                    }
                }
                case ATOM -> {
                    if (depth == 0 && t.start() > 0) {
                        return true;
                    }
                }
                case SEMI, EOF, FAT_ARROW -> {
                    return false;
                }
                case COMMA -> {
                    if (depth == 0) {
                        return false;
                    }
                }
                default -> {
                    if (depth == 0 && t.newlineBefore() && i > p + 1 && STATEMENT_KEYWORDS.contains(t.kind())) {
                        return false;
                    }
                }
            }
        }
        return false;
    }

    /**
     * {@code cond ? "a"} with the {@code :} forgotten: a value on the same line cannot follow the try
     * operator, so the ternary reports the missing {@code :}.
     */
    private boolean looksLikeTernaryWithoutColon() {
        Token next = tokens.get(Math.min(p + 1, tokens.size() - 1));
        return !next.newlineBefore() && switch (next.kind()) {
            case INT, FLOAT, STRING, RAW_STRING, CHAR, FSTRING, TRUE, FALSE, NIL, NULL, IDENT -> true;
            default -> false;
        };
    }

    /** primary = literal | name | path | "(" ... ")" | "[" ... "]" | "{" ... "}" | lambda | keyword expression. */
    private Expr primary() {
        Token t = peek();
        if (t.kind().isKeyword() && peekKind(1) == COLON_COLON) {
            return identifierExpression();
        }
        if (isIdentifierKeyword(t.kind())) {
            advance();
            return new Expr.Ident(t.text(), span(t));
        }
        switch (t.kind()) {
            case INT:
                advance();
                return new Expr.IntLit((Long) t.value(), span(t));
            case FLOAT:
                advance();
                return new Expr.FloatLit((Double) t.value(), span(t));
            case STRING:
                advance();
                return new Expr.StringLit((String) t.value(), false, span(t));
            case RAW_STRING:
                advance();
                return new Expr.StringLit((String) t.value(), true, span(t));
            case CHAR:
                advance();
                return new Expr.CharLit((String) t.value(), span(t));
            case BYTE:
                advance();
                return new Expr.ByteLit((Long) t.value(), span(t));
            case ATOM:
                advance();
                return new Expr.AtomLit((String) t.value(), span(t));
            case FSTRING:
                advance();
                return fstring(t);
            case TRUE, FALSE:
                advance();
                return new Expr.BoolLit(t.is(TRUE), span(t));
            case NIL, NULL:
                advance();
                return new Expr.NilLit(span(t));
            case SELF:
                advance();
                return new Expr.Ident("self", span(t));
            case IDENT, SUPER, CRATE:
                return identifierExpression();
            case LPAREN:
                return parenthesized();
            case LBRACKET:
                return array();
            case LBRACE:
                return braced();
            case PIPE, PIPE_PIPE:
                return lambda(false);
            case BACKSLASH:
                return backslashLambda();
            case IF:
                return ifExpression();
            case MATCH:
                return match();
            case FOR:
                return forLoop(null);
            case WHILE:
                return whileLoop(null);
            case LOOP:
                return loop(null);
            case LABEL:
                return labelled();
            case BREAK:
                return breakExpression();
            case CONTINUE: {
                advance();
                String label = at(LABEL) && !peek().newlineBefore() ? (String) advance().value() : null;
                return new Expr.Continue(label, spanTo(t, previous()));
            }
            case RETURN: {
                advance();
                Expr value = valueFollows() ? expression() : null;
                return new Expr.Return(value, value == null ? span(t) : spanTo(t, value));
            }
            case THROW: {
                advance();
                Expr value = expression();
                return new Expr.Throw(value, spanTo(t, value));
            }
            case TRY:
                if (peekKind(1) == LBRACE) {
                    return tryCatch();
                }
                break;
            case FUN, FN:
                return anonymousFunction(false);
            case ASYNC:
                return asyncExpression();
            case SPAWN: {
                advance();
                Expr body = at(LBRACE) ? block() : expression();
                return new Expr.Spawn(body, spanTo(t, body));
            }
            case LAZY: {
                advance();
                Expr value = expression();
                return new Expr.Lazy(value, spanTo(t, value));
            }
            case UNSAFE:
                if (peekKind(1) == LBRACE) {
                    advance();
                    return block();
                }
                break;
            case LET:
                if (t.newlineBefore() && p > statementStart) {
                    // `let x =` and the value forgotten: this `let` starts the next statement
                    throw error(t, DiagnosticCode.EXPECTED_EXPRESSION.at(missingAt(t), describe(t)));
                }
                return letExpression();
            default:
                if (t.kind().isKeyword() && peekKind(1) == COLON_COLON) {
                    return identifierExpression();
                }
                break;
        }
        throw error(t, DiagnosticCode.EXPECTED_EXPRESSION.at(missingExpressionAt(t), describe(t)));
    }

    /**
     * Where a missing expression is reported: inside a statement, when the token found is on a later
     * line, just after the previous token ({@code let x =}, {@code a +}); at the token otherwise.
     */
    private Span missingExpressionAt(Token found) {
        return p > statementStart || found.is(EOF) ? missingAt(found) : span(found);
    }

    /** A {@code let} where an expression is expected: {@code let x = e in body}, or a statement wrapped for recovery. */
    private Expr letExpression() {
        Token t = peek();
        try {
            Stmt.Let let = (Stmt.Let) let();
            throw error(t, DiagnosticCode.EXPECTED_EXPRESSION.at(let.span(), "`let`")
                    .withHint("a `let` binding is a statement here; use `let ... in expr` or a block"));
        } catch (LetInFound e) {
            return e.expr;
        }
    }

    /**
     * name-expression = name ["!" macro-args] | path ["{" struct-fields "}"] | name "=>" lambda-body.
     */
    private Expr identifierExpression() {
        Token first = advance();
        String name = first.text();
        // macro: name!(...) name![...] name!{...}
        if (at(BANG) && !peek().spaceBefore() && (peekKind(1) == LPAREN || peekKind(1) == LBRACKET
                || peekKind(1) == LBRACE)) {
            advance();
            return macro(first);
        }
        // x => body
        if (at(FAT_ARROW) && !noArrowLambda && first.is(IDENT)) {
            advance();
            Expr body = expression();
            Param param = new Param(new Pattern.Binding(name, false, span(first)), null, null, span(first));
            return new Expr.Lambda(List.of(param), null, body, false, spanTo(first, body));
        }
        // move |x| ...
        if (name.equals("move") && (at(PIPE) || at(PIPE_PIPE)) && !peek().newlineBefore()) {
            return lambda(false);
        }
        if (name.equals("move") && at(LBRACE) && !peek().newlineBefore()) {
            return block();
        }
        List<String> segments = new ArrayList<>();
        segments.add(name);
        List<TypeRef> typeArgs = List.of();
        while (at(COLON_COLON)) {
            advance();
            if (at(LT)) {
                typeArgs = typeArguments();
                continue;
            }
            segments.add(pathSegment()); // Vec::<i64>::new keeps the <i64>
        }
        // a path directly followed by generic arguments: Vec<i64>::new() is written Vec::<i64>::new()
        Expr expr = segments.size() == 1 && typeArgs.isEmpty()
                ? new Expr.Ident(name, span(first))
                : new Expr.Path(List.copyOf(segments), typeArgs, spanTo(first, previous()));
        if (at(LBRACE) && !noStructLiteral && isStructName(segments)) {
            return structLiteral(first, segments);
        }
        return expr;
    }

    /** A struct literal follows a name that starts with an upper-case letter (§1.2). */
    private boolean isStructName(List<String> segments) {
        String last = segments.get(segments.size() - 1);
        if (last.isEmpty() || !Character.isUpperCase(last.codePointAt(0))) {
            return false;
        }
        // `Name {}` or `Name { field: ...` or `Name { field, ...` or `Name { ..base }`
        TokenKind k1 = peekKind(1);
        TokenKind k2 = peekKind(2);
        if (k1 == RBRACE || k1 == DOT_DOT) {
            return true;
        }
        return (k1 == IDENT || k1.isKeyword()) && (k2 == COLON || k2 == COMMA || k2 == RBRACE);
    }

    /** struct-literal = path "{" [field {"," field}] [".." expr] [","] "}"; field = name [":" expr]. */
    private Expr structLiteral(Token first, List<String> path) {
        Token open = advance();
        List<Expr.FieldInit> fields = new ArrayList<>();
        Expr base = null;
        while (!at(RBRACE) && !at(EOF)) {
            if (at(DOT_DOT)) {
                advance();
                base = expression();
                eat(COMMA);
                break;
            }
            Token nameToken = advance();
            if (!nameToken.is(IDENT) && !nameToken.kind().isKeyword() && !nameToken.is(INT)) {
                throw error(nameToken, DiagnosticCode.EXPECTED.at(span(nameToken), "a field name", describe(nameToken)));
            }
            String fieldName = nameToken.is(INT) ? String.valueOf(nameToken.value()) : nameToken.text();
            Expr value;
            if (eat(COLON)) {
                value = withStructLiterals(this::expression);
            } else {
                value = new Expr.Ident(fieldName, span(nameToken));
            }
            fields.add(new Expr.FieldInit(fieldName, value, spanTo(nameToken, value)));
            if (!eat(COMMA) && !(peek().newlineBefore() && looksLikeEntry(DOT_DOT))) {
                break;
            }
        }
        expectClose(RBRACE, open, "struct literal");
        return new Expr.StructLit(List.copyOf(path), fields, base, spanTo(first, previous()));
    }

    /** macro = name "!" ("(" args ")" | "[" elements "]" | "{" ... "}"), after the "!". */
    private Expr macro(Token name) {
        Token open = advance();
        TokenKind close = open.is(LPAREN) ? RPAREN : open.is(LBRACKET) ? RBRACKET : RBRACE;
        List<Expr> args = new ArrayList<>();
        boolean saved = noStructLiteral;
        noStructLiteral = false;
        try {
            while (!at(close) && !at(EOF)) {
                Expr arg = expression();
                if (at(FAT_ARROW)) {
                    // df![ "col" => [values], ... ]: a key-value pair
                    advance();
                    Expr value = expression();
                    arg = new Expr.TupleLit(List.of(arg, value), arg.span().to(value.span()));
                }
                if (at(SEMI) && args.isEmpty()) {
                    advance();
                    Expr count = expression();
                    arg = new Expr.ArrayRepeat(arg, count, arg.span().to(count.span()));
                }
                args.add(arg);
                if (!eat(COMMA) && !eat(SEMI)) {
                    break;
                }
            }
        } finally {
            noStructLiteral = saved;
        }
        expectClose(close, open);
        return new Expr.MacroCall(name.text(), args, spanTo(name, previous()));
    }

    /** "(" ")" unit | "(" expr ")" | "(" expr "," ... ")" tuple | "(" params ")" "=>" body lambda. */
    private Expr parenthesized() {
        Token open = advance();
        if (at(RPAREN)) {
            advance();
            if (at(FAT_ARROW) && !noArrowLambda) {
                advance();
                Expr body = expression();
                return new Expr.Lambda(List.of(), null, body, false, spanTo(open, body));
            }
            return new Expr.NilLit(spanTo(open, previous()));
        }
        if (isArrowLambdaAhead()) {
            List<Param> params = params(RPAREN, open);
            expect(FAT_ARROW, "`=>`");
            Expr body = expression();
            return new Expr.Lambda(params, null, body, false, spanTo(open, body));
        }
        List<Expr> elements = new ArrayList<>();
        boolean tuple = false;
        boolean saved = noStructLiteral;
        noStructLiteral = false;
        try {
            while (!at(RPAREN) && !at(EOF) && !at(RBRACE) && !at(RBRACKET)) {
                elements.add(expression());
                if (!eat(COMMA)) {
                    missingSeparator(RPAREN);
                    break;
                }
                tuple = true;
            }
        } finally {
            noStructLiteral = saved;
        }
        expectClose(RPAREN, open);
        if (!tuple && elements.size() == 1) {
            return elements.get(0);
        }
        return new Expr.TupleLit(elements, spanTo(open, previous()));
    }

    /** After {@code (}: {@code a, b) =>} or {@code a: T) =>}. */
    private boolean isArrowLambdaAhead() {
        if (noArrowLambda) {
            return false;
        }
        int depth = 0;
        for (int i = p; i < tokens.size(); i++) {
            TokenKind k = tokens.get(i).kind();
            if (k == LPAREN || k == LBRACKET || k == LBRACE) {
                depth++;
            } else if (k == RPAREN || k == RBRACKET || k == RBRACE) {
                if (depth == 0) {
                    return k == RPAREN && i + 1 < tokens.size() && tokens.get(i + 1).kind() == FAT_ARROW;
                }
                depth--;
            } else if (depth == 0 && k != IDENT && k != COMMA && k != COLON && k != LT && k != GT && k != MUT) {
                return false;
            } else if (k == EOF) {
                return false;
            }
        }
        return false;
    }

    /** array = "[" "]" | "[" expr ";" expr "]" | "[" expr "for" pattern "in" expr ["if" expr] "]" | "[" exprs "]". */
    private Expr array() {
        Token open = advance();
        List<Expr> elements = new ArrayList<>();
        boolean saved = noStructLiteral;
        noStructLiteral = false;
        try {
            if (at(RBRACKET)) {
                advance();
                return new Expr.ArrayLit(elements, spanTo(open, previous()));
            }
            Expr first = expression();
            if (at(SEMI)) {
                advance();
                Expr count = expression();
                expectClose(RBRACKET, open);
                return new Expr.ArrayRepeat(first, count, spanTo(open, previous()));
            }
            if (at(FOR)) {
                advance();
                Pattern pattern = pattern();
                expect(IN, "`in`");
                Expr iterable = binary(1);
                Expr condition = null;
                if (eat(IF)) {
                    condition = expression();
                }
                expectClose(RBRACKET, open);
                return new Expr.Comprehension(first, pattern, iterable, condition, spanTo(open, previous()));
            }
            elements.add(first);
            while (eat(COMMA)) {
                if (at(RBRACKET) || at(RBRACE) || at(RPAREN)) {
                    break;
                }
                elements.add(expression());
            }
            missingSeparator(RBRACKET);
        } finally {
            noStructLiteral = saved;
        }
        expectClose(RBRACKET, open);
        return new Expr.ArrayLit(elements, spanTo(open, previous()));
    }

    /** "{" ... "}": an object literal when it is empty or starts with {@code key:}, {@code key =>} or {@code ...}; a block otherwise. */
    private Expr braced() {
        if (isObjectLiteralAhead()) {
            return objectLiteral();
        }
        return block();
    }

    private boolean isObjectLiteralAhead() {
        TokenKind k1 = peekKind(1);
        TokenKind k2 = peekKind(2);
        if (k1 == RBRACE || k1 == ELLIPSIS) {
            return true;
        }
        boolean key = k1 == IDENT || k1 == STRING || k1 == INT || k1 == FLOAT || k1.isKeyword() && k1 != LET && k1 != IF
                && k1 != MATCH && k1 != FOR && k1 != WHILE && k1 != LOOP && k1 != RETURN;
        if (key && (k2 == COLON || k2 == FAT_ARROW)) {
            return true;
        }
        if (k1 == MINUS && (k2 == INT || k2 == FLOAT) && (peekKind(3) == COLON || peekKind(3) == FAT_ARROW)) {
            return true; // {-1: "below"}
        }
        // shorthand {a, b}
        return k1 == IDENT && k2 == COMMA && peekKind(3) == IDENT;
    }

    /** object = "{" [entry {("," | newline) entry} [","]] "}"; entry = key (":" | "=>") expr | "..." expr | name. */
    private Expr objectLiteral() {
        Token open = advance();
        List<Expr.ObjectEntry> entries = new ArrayList<>();
        boolean saved = noStructLiteral;
        noStructLiteral = false;
        try {
            while (!at(RBRACE) && !at(EOF)) {
                Token first = peek();
                if (eat(ELLIPSIS)) {
                    Expr value = expression();
                    entries.add(new Expr.Spread(value, spanTo(first, value)));
                } else {
                    boolean negative = at(MINUS) && (peekKind(1) == INT || peekKind(1) == FLOAT);
                    if (negative) {
                        advance();
                    }
                    Token keyToken = advance();
                    Object key;
                    if (keyToken.is(INT) || keyToken.is(FLOAT)) {
                        key = !negative ? keyToken.value()
                                : keyToken.value() instanceof Long l ? (Object) (-l) : (Object) (-(Double) keyToken.value());
                    } else if (keyToken.is(TRUE) || keyToken.is(FALSE)) {
                        key = keyToken.is(TRUE);
                    } else if (keyToken.is(IDENT) || keyToken.is(STRING) || keyToken.is(RAW_STRING) || keyToken.kind().isKeyword()) {
                        key = keyToken.text();
                    } else {
                        throw error(keyToken, DiagnosticCode.EXPECTED.at(span(keyToken), "an object key", describe(keyToken)));
                    }
                    Expr value;
                    if (eat(COLON) || eat(FAT_ARROW)) {
                        value = expression();
                    } else if (key instanceof String name && (at(COMMA) || at(RBRACE) || peek().newlineBefore())) {
                        value = new Expr.Ident(name, span(keyToken));
                    } else {
                        throw error(peek(), DiagnosticCode.EXPECTED.at(span(peek()), "`:`", describe(peek())));
                    }
                    entries.add(new Expr.KeyValue(key, value, spanTo(keyToken, value)));
                }
                if (!eat(COMMA) && !(peek().newlineBefore() && looksLikeEntry(ELLIPSIS))) {
                    break;
                }
            }
        } finally {
            noStructLiteral = saved;
        }
        expectClose(RBRACE, open, "object literal");
        return new Expr.ObjectLit(entries, spanTo(open, previous()));
    }

    /**
     * Whether the next line continues an object or struct literal written without commas: a
     * {@code key:}, {@code key =>}, a shorthand {@code key} before {@code ,}, {@code }} or a line
     * break, or the spread token. Anything else means the literal's {@code }} is missing.
     */
    private boolean looksLikeEntry(TokenKind spread) {
        TokenKind k = peekKind(0);
        if (k == RBRACE || k == spread) {
            return true;
        }
        boolean key = k == IDENT || k == STRING || k == RAW_STRING || k == INT || k == FLOAT || k.isKeyword();
        TokenKind next = peekKind(1);
        boolean alone = tokens.get(Math.min(p + 1, tokens.size() - 1)).newlineBefore();
        return key && (alone || next == COLON || next == FAT_ARROW || next == COMMA || next == RBRACE);
    }

    /** block = "{" statements "}". */
    private Expr.Block block() {
        Token open = expect(LBRACE, "`{`");
        boolean saved = noStructLiteral;
        boolean savedArrow = noArrowLambda;
        noStructLiteral = false;
        noArrowLambda = false;
        try {
            List<Stmt> statements = statementsUntil(RBRACE);
            expectClose(RBRACE, open);
            return new Expr.Block(statements, spanTo(open, previous()));
        } finally {
            noStructLiteral = saved;
            noArrowLambda = savedArrow;
        }
    }

    /** lambda = ("|" params "|" | "||") ["->" type] expression. */
    private Expr lambda(boolean async) {
        Token first = peek();
        if (first.is(IDENT) && first.text().equals("move")) {
            advance();
        }
        Token open = advance();
        List<Param> params = new ArrayList<>();
        if (open.is(PIPE)) {
            while (!at(PIPE) && !at(EOF)) {
                Token paramStart = peek();
                eat(AMP);
                Pattern pattern = lambdaParamPattern();
                TypeRef type = null;
                if (eat(COLON)) {
                    type = typeNoPipe();
                }
                Expr defaultValue = null;
                if (eat(EQ)) {
                    defaultValue = unary();
                }
                params.add(new Param(pattern, type, defaultValue, spanTo(paramStart, previous())));
                if (!eat(COMMA)) {
                    break;
                }
            }
            expectClose(PIPE, open);
        }
        TypeRef result = null;
        if (eat(ARROW)) {
            result = type();
        }
        Expr body = expression();
        return new Expr.Lambda(params, result, body, async, spanTo(first, body));
    }

    /** A lambda parameter: a pattern without top-level {@code |} alternatives. */
    private Pattern lambdaParamPattern() {
        return primaryPattern();
    }

    /** backslash-lambda = "\" params "->" expression. */
    private Expr backslashLambda() {
        Token first = advance();
        List<Param> params = new ArrayList<>();
        while (!at(ARROW) && !at(EOF)) {
            Pattern pattern = primaryPattern();
            params.add(new Param(pattern, null, null, pattern.span()));
            eat(COMMA);
        }
        expect(ARROW, "`->`");
        Expr body = expression();
        return new Expr.Lambda(params, null, body, false, spanTo(first, body));
    }

    /** anonymous-function = ("fun" | "fn") "(" params ")" ["->" type] block. */
    private Expr anonymousFunction(boolean async) {
        Token first = advance();
        if (at(IDENT)) {
            // a named function where an expression is expected (e.g. `let f = fun add(a) { }`)
            Token name = advance();
            Stmt.Fun fun = functionRest(List.of(), false, async, first, name.text());
            return new Expr.Lambda(fun.params(), fun.result(), fun.body(), async, fun.span());
        }
        Token open = expect(LPAREN, "`(`");
        List<Param> params = params(RPAREN, open);
        TypeRef result = null;
        if (eat(ARROW)) {
            result = type();
        }
        Expr.Block body = block();
        return new Expr.Lambda(params, result, body, async, spanTo(first, body));
    }

    /** async = "async" ( block | ["move"] lambda | "fun" ... ). */
    private Expr asyncExpression() {
        Token first = advance();
        if (at(IDENT) && peek().text().equals("move")) {
            advance();
        }
        if (at(LBRACE)) {
            Expr.Block body = block();
            return new Expr.AsyncBlock(body, spanTo(first, body));
        }
        if (at(PIPE) || at(PIPE_PIPE)) {
            Expr.Lambda lambda = (Expr.Lambda) lambda(true);
            return new Expr.Lambda(lambda.params(), lambda.result(), lambda.body(), true, spanTo(first, lambda));
        }
        if (at(FUN) || at(FN)) {
            return anonymousFunction(true);
        }
        throw error(peek(), DiagnosticCode.EXPECTED.at(span(peek()), "`{` or a closure after `async`", describe(peek())));
    }

    /** if = "if" ("let" pattern "=" expr | expr) block ["else" (if | block)]. */
    private Expr ifExpression() {
        Token first = advance();
        if (at(LET)) {
            advance();
            Pattern pattern = pattern();
            expect(EQ, "`=`");
            Expr value = expressionNoStruct();
            Expr.Block then = block();
            Expr otherwise = elseBranch();
            return new Expr.IfLet(pattern, value, then, otherwise, spanTo(first, previous()));
        }
        Expr condition = expressionNoStruct();
        Expr.Block then = block();
        Expr otherwise = elseBranch();
        return new Expr.If(condition, then, otherwise, spanTo(first, previous()));
    }

    private Expr elseBranch() {
        if (!at(ELSE)) {
            return null;
        }
        advance();
        if (at(IF)) {
            return nested(this::ifExpression); // an else-if chain nests
        }
        return block();
    }

    /** match = "match" expr "{" { pattern ["if" expr] ("=>" | "->") expr [","] } "}". */
    private Expr match() {
        Token first = advance();
        Expr scrutinee = expressionNoStruct();
        Token open = expect(LBRACE, "`{`");
        List<Expr.MatchArm> arms = new ArrayList<>();
        int matchIndent = indentOf(first);
        int firstArmColumn = -1;
        while (!at(RBRACE) && !at(EOF)) {
            if (eat(COMMA)) {
                continue;
            }
            if (peek().newlineBefore()) {
                int column = file.column(peek().start());
                if (firstArmColumn < 0) {
                    firstArmColumn = column;
                } else if (column < firstArmColumn && column <= matchIndent) {
                    break; // the next statement: this match's `}` is missing
                }
            }
            int armStart = p;
            try {
                Token armFirst = peek();
                eat(PIPE);
                Pattern pattern = pattern();
                Expr guard = null;
                if (eat(IF)) {
                    guard = guardExpression();
                }
                if (!eat(FAT_ARROW) && !eat(ARROW)) {
                    throw error(peek(), DiagnosticCode.EXPECTED.at(span(peek()), "`=>`", describe(peek())));
                }
                Expr body = expression();
                arms.add(new Expr.MatchArm(pattern, guard, body, spanTo(armFirst, body)));
                if (!eat(COMMA) && !at(RBRACE) && !peek().newlineBefore() && !endsWithBlock(
                        new Stmt.ExprStmt(body, false, body.span()))) {
                    throw error(peek(), DiagnosticCode.EXPECTED.at(span(peek()), "`,` or a new line after the match arm",
                            describe(peek())));
                }
            } catch (ParseError e) {
                synchronize(armStart);
                eat(COMMA);
            }
        }
        expectClose(RBRACE, open, "`match` body");
        return new Expr.Match(scrutinee, arms, spanTo(first, previous()));
    }

    /** The column of the first non-blank character on {@code t}'s line. */
    private int indentOf(Token t) {
        String line = file.lineText(file.line(t.start()));
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return i + 1;
    }

    /** labelled = label ":" (for | while | loop | block). */
    private Expr labelled() {
        Token label = advance();
        expect(COLON, "`:` after the label");
        return switch (peek().kind()) {
            case FOR -> forLoop(label);
            case WHILE -> whileLoop(label);
            case LOOP -> loop(label);
            case LBRACE -> block();
            default -> throw error(peek(), DiagnosticCode.EXPECTED.at(span(peek()), "a loop after the label", describe(peek())));
        };
    }

    /** for = "for" pattern "in" expr block; {@code labelToken} is the loop's label, or null. */
    private Expr forLoop(Token labelToken) {
        String label = labelName(labelToken);
        Token first = labelToken != null ? labelToken : peek();
        advance();
        Pattern pattern = pattern();
        expect(IN, "`in`");
        Expr iterable = expressionNoStruct();
        Expr.Block body = block();
        return new Expr.For(label, pattern, iterable, body, spanTo(first, body));
    }

    /** while = "while" ("let" pattern "=" expr | expr) block. */
    private Expr whileLoop(Token labelToken) {
        String label = labelName(labelToken);
        Token first = labelToken != null ? labelToken : peek();
        advance();
        if (eat(LET)) {
            Pattern pattern = pattern();
            expect(EQ, "`=`");
            Expr value = expressionNoStruct();
            Expr.Block body = block();
            return new Expr.WhileLet(label, pattern, value, body, spanTo(first, body));
        }
        Expr condition = expressionNoStruct();
        Expr.Block body = block();
        return new Expr.While(label, condition, body, spanTo(first, body));
    }

    /** loop = "loop" block. */
    private Expr loop(Token labelToken) {
        String label = labelName(labelToken);
        Token first = labelToken != null ? labelToken : peek();
        advance();
        Expr.Block body = block();
        return new Expr.Loop(label, body, spanTo(first, body));
    }

    private static String labelName(Token labelToken) {
        return labelToken == null ? null : (String) labelToken.value();
    }

    /** break = "break" [label] [expr]: the value must start on the same line. */
    private Expr breakExpression() {
        Token first = advance();
        String label = at(LABEL) && !peek().newlineBefore() ? (String) advance().value() : null;
        Expr value = valueFollows() ? expression() : null;
        return new Expr.Break(label, value, spanTo(first, previous()));
    }

    /** Whether a value follows {@code return} or {@code break} on the same line. */
    private boolean valueFollows() {
        Token t = peek();
        return !t.newlineBefore() && startsExpression(t) && !t.is(RBRACE);
    }

    /** try = "try" block { "catch" [pattern | "(" pattern [":" type] ")"] block } ["finally" block]. */
    private Expr tryCatch() {
        Token first = advance();
        Expr.Block body = block();
        List<Expr.CatchClause> catches = new ArrayList<>();
        while (at(CATCH)) {
            Token catchToken = advance();
            Pattern pattern = null;
            TypeRef type = null;
            if (at(LPAREN)) {
                Token open = advance();
                pattern = pattern();
                if (eat(COLON)) {
                    type = type();
                }
                expectClose(RPAREN, open);
            } else if (!at(LBRACE)) {
                pattern = pattern();
                if (eat(COLON)) {
                    type = type();
                }
            }
            Expr.Block handler = block();
            catches.add(new Expr.CatchClause(pattern, type, handler, spanTo(catchToken, handler)));
        }
        Expr.Block finallyBlock = null;
        if (eat(FINALLY)) {
            finallyBlock = block();
        }
        if (catches.isEmpty() && finallyBlock == null) {
            throw error(peek(), DiagnosticCode.TRY_WITHOUT_HANDLER.at(span(first)));
        }
        return new Expr.TryCatch(body, catches, finallyBlock, spanTo(first, previous()));
    }

    /** The parts of an f-string token; each embedded expression is lexed and parsed where it stands. */
    private Expr fstring(Token t) {
        @SuppressWarnings("unchecked")
        List<FStringPart> parts = (List<FStringPart>) t.value();
        List<Expr.FStringPart> result = new ArrayList<>();
        for (FStringPart part : parts) {
            switch (part) {
                case FStringPart.Text text -> result.add(new Expr.FStringText(text.text()));
                case FStringPart.Expr embedded -> {
                    List<Token> inner = Lexer.lexEmbedded(file, embedded.start(), embedded.end(), diagnostics);
                    Parser sub = new Parser(file, inner, diagnostics);
                    sub.lastErrorPos = lastErrorPos;
                    sub.depth = depth;
                    Expr expr;
                    if (inner.size() == 1) {
                        expr = new Expr.Error(file.span(embedded.start(), embedded.end()));
                    } else {
                        try {
                            expr = sub.expression();
                            if (!sub.at(EOF)) {
                                Token extra = sub.peek();
                                sub.error(extra, DiagnosticCode.EXPECTED.at(sub.span(extra), "`}`", describe(extra)));
                            }
                        } catch (ParseError e) {
                            expr = new Expr.Error(file.span(embedded.start(), embedded.end()));
                        }
                    }
                    errorCount += sub.errorCount;
                    lastErrorPos = Math.max(lastErrorPos, sub.lastErrorPos);
                    result.add(new Expr.FStringInterp(expr, embedded.spec()));
                }
            }
        }
        return new Expr.FString(result, span(t));
    }

    private Expr withStructLiterals(java.util.function.Supplier<Expr> parse) {
        boolean saved = noStructLiteral;
        noStructLiteral = false;
        try {
            return parse.get();
        } finally {
            noStructLiteral = saved;
        }
    }

    /** After an element of a list: a value on the same line means a {@code ,} was forgotten. */
    private void missingSeparator(TokenKind close) {
        Token t = peek();
        if (!t.is(close) && !t.newlineBefore() && startsExpression(t)) {
            throw error(t, DiagnosticCode.EXPECTED.at(span(t), "`,` or `" + close.spelling() + "`", describe(t)));
        }
    }

    /** Whether {@code t} can begin an expression. */
    private static boolean startsExpression(Token t) {
        return switch (t.kind()) {
            case INT, FLOAT, STRING, RAW_STRING, CHAR, BYTE, FSTRING, ATOM, IDENT, TRUE, FALSE, NIL, NULL, SELF, SUPER,
                    CRATE, LPAREN, LBRACKET, LBRACE, PIPE, PIPE_PIPE, BACKSLASH, IF, MATCH, FOR, WHILE, LOOP, LABEL,
                    BREAK, CONTINUE, RETURN, THROW, TRY, FUN, FN, ASYNC, SPAWN, LAZY, AWAIT, MINUS, BANG, TILDE, AMP,
                    STAR, DOT_DOT, DOT_DOT_EQ, PLUS_PLUS, MINUS_MINUS -> true;
            default -> false;
        };
    }

    // ================================================================================================
    // patterns

    /** pattern = primary-pattern {"|" primary-pattern}. */
    private Pattern pattern() {
        Pattern first = primaryPattern();
        if (!at(PIPE)) {
            return first;
        }
        List<Pattern> alternatives = new ArrayList<>();
        alternatives.add(first);
        while (eat(PIPE)) {
            alternatives.add(primaryPattern());
        }
        Pattern last = alternatives.get(alternatives.size() - 1);
        return new Pattern.Or(alternatives, first.span().to(last.span()));
    }

    /**
     * primary-pattern = "_" | literal [".." literal] | ["mut" | "ref"] name ["@" pattern] | path
     * ["(" patterns ")" | "{" field-patterns "}"] | "(" patterns ")" | "[" patterns "]" | ".." [name] | "&" pattern.
     */
    private Pattern primaryPattern() {
        enter();
        try {
            return primaryPatternBody();
        } finally {
            depth--;
        }
    }

    private Pattern primaryPatternBody() {
        Token t = peek();
        switch (t.kind()) {
            case IDENT:
                if (t.text().equals("_")) {
                    advance();
                    return new Pattern.Wildcard(span(t));
                }
                if (t.text().equals("ref") && peekKind(1) == IDENT) {
                    advance();
                    return primaryPattern();
                }
                return namePattern();
            case SELF:
                advance();
                return new Pattern.Binding("self", false, span(t));
            case MUT: {
                advance();
                Token name = advance();
                if (!name.is(IDENT) && !name.is(SELF)) {
                    throw error(name, DiagnosticCode.EXPECTED.at(span(name), "a name", describe(name)));
                }
                return new Pattern.Binding(name.text(), true, spanTo(t, name));
            }
            case AMP: {
                advance();
                eat(MUT);
                return primaryPattern();
            }
            case LPAREN: {
                Token open = advance();
                List<Pattern> elements = new ArrayList<>();
                boolean tuple = false;
                while (!at(RPAREN) && !at(EOF)) {
                    elements.add(pattern());
                    if (!eat(COMMA)) {
                        break;
                    }
                    tuple = true;
                }
                expectClose(RPAREN, open);
                if (elements.size() == 1 && !tuple) {
                    return elements.get(0);
                }
                if (elements.isEmpty()) {
                    return new Pattern.Literal(new Expr.NilLit(spanTo(open, previous())), spanTo(open, previous()));
                }
                return new Pattern.Tuple(elements, spanTo(open, previous()));
            }
            case LBRACKET: {
                Token open = advance();
                List<Pattern> elements = new ArrayList<>();
                while (!at(RBRACKET) && !at(EOF)) {
                    elements.add(pattern());
                    if (!eat(COMMA)) {
                        break;
                    }
                }
                expectClose(RBRACKET, open);
                return new Pattern.Array(elements, spanTo(open, previous()));
            }
            case DOT_DOT: {
                advance();
                String name = at(IDENT) ? advance().text() : null;
                return new Pattern.Rest(name, spanTo(t, previous()));
            }
            case ELLIPSIS: {
                advance();
                String name = at(IDENT) ? advance().text() : null;
                return new Pattern.Rest(name, spanTo(t, previous()));
            }
            case INT, FLOAT, STRING, RAW_STRING, CHAR, BYTE, TRUE, FALSE, NIL, NULL, MINUS, ATOM:
                return literalPattern();
            default:
                if (isIdentifierKeyword(t.kind())) {
                    advance();
                    return new Pattern.Binding(t.text(), false, span(t));
                }
                throw error(t, DiagnosticCode.EXPECTED_PATTERN.at(span(t), describe(t)));
        }
    }

    private Pattern literalPattern() {
        Token first = peek();
        Expr low = literalPatternValue();
        if (at(DOT_DOT_EQ) || at(DOT_DOT) || at(ELLIPSIS)) {
            boolean inclusive = !advance().is(DOT_DOT);
            Expr high = startsLiteral(peek()) ? literalPatternValue() : null;
            return new Pattern.Range(low, high, inclusive, spanTo(first, previous()));
        }
        return new Pattern.Literal(low, low.span());
    }

    private static boolean startsLiteral(Token t) {
        return switch (t.kind()) {
            case INT, FLOAT, STRING, CHAR, BYTE, MINUS -> true;
            default -> false;
        };
    }

    private Expr literalPatternValue() {
        Token t = peek();
        if (t.is(MINUS)) {
            advance();
            Token n = advance();
            if (n.is(INT)) {
                return new Expr.IntLit(-(Long) n.value(), spanTo(t, n));
            }
            if (n.is(FLOAT)) {
                return new Expr.FloatLit(-(Double) n.value(), spanTo(t, n));
            }
            throw error(n, DiagnosticCode.EXPECTED.at(span(n), "a number", describe(n)));
        }
        Expr e = primary();
        return e;
    }

    /** name-pattern = name ["@" pattern] | path ["(" patterns ")" | "{" fields "}"]. */
    private Pattern namePattern() {
        Token first = advance();
        List<String> path = new ArrayList<>();
        path.add(first.text());
        while (at(COLON_COLON)) {
            advance();
            path.add(pathSegment());
        }
        if (at(LPAREN)) {
            Token open = advance();
            List<Pattern> elements = new ArrayList<>();
            while (!at(RPAREN) && !at(EOF)) {
                elements.add(pattern());
                if (!eat(COMMA)) {
                    break;
                }
            }
            expectClose(RPAREN, open);
            return new Pattern.TupleStruct(path, elements, spanTo(first, previous()));
        }
        if (at(LBRACE) && Character.isUpperCase(path.get(path.size() - 1).codePointAt(0))) {
            Token open = advance();
            List<Pattern.FieldPattern> fields = new ArrayList<>();
            boolean hasRest = false;
            while (!at(RBRACE) && !at(EOF)) {
                if (eat(DOT_DOT)) {
                    hasRest = true;
                    eat(COMMA);
                    break;
                }
                Token fieldStart = peek();
                eat(MUT);
                Token fieldName = advance();
                if (!fieldName.is(IDENT) && !fieldName.kind().isKeyword()) {
                    throw error(fieldName, DiagnosticCode.EXPECTED.at(span(fieldName), "a field name", describe(fieldName)));
                }
                Pattern fieldPattern = null;
                if (eat(COLON)) {
                    fieldPattern = pattern();
                }
                fields.add(new Pattern.FieldPattern(fieldName.text(), fieldPattern, spanTo(fieldStart, previous())));
                if (!eat(COMMA)) {
                    break;
                }
            }
            expectClose(RBRACE, open);
            return new Pattern.Struct(path, fields, hasRest, spanTo(first, previous()));
        }
        if (path.size() > 1 || first.text().equals("None")) {
            return new Pattern.Path(path, spanTo(first, previous()));
        }
        if (at(AT)) {
            advance();
            Pattern inner = pattern();
            return new Pattern.At(first.text(), inner, spanTo(first, inner));
        }
        return new Pattern.Binding(first.text(), false, span(first));
    }

    // ================================================================================================
    // types

    /** type = "&" ["mut"] type | "(" types ")" ["->" type] | "[" type [";" expr] "]" | "fn" "(" types ")" ["->" type] | path [generics] | "_". */
    private TypeRef type() {
        enter();
        try {
            return typeBody();
        } finally {
            depth--;
        }
    }

    private TypeRef typeBody() {
        Token t = peek();
        switch (t.kind()) {
            case AMP, AMP_AMP: {
                advance();
                if (at(LABEL)) {
                    advance();
                }
                boolean mutable = eat(MUT);
                TypeRef inner = type();
                return new TypeRef.Ref(mutable, inner, spanTo(t, inner));
            }
            case STAR: {
                advance();
                if (!eat(MUT) && at(CONST)) {
                    advance();
                }
                return type();
            }
            case LPAREN: {
                Token open = advance();
                List<TypeRef> elements = new ArrayList<>();
                while (!at(RPAREN) && !at(EOF)) {
                    elements.add(type());
                    if (!eat(COMMA)) {
                        break;
                    }
                }
                expectClose(RPAREN, open);
                if (at(ARROW) || at(FAT_ARROW)) {
                    advance();
                    TypeRef result = type();
                    return new TypeRef.Function(elements, result, spanTo(open, result));
                }
                return new TypeRef.Tuple(elements, spanTo(open, previous()));
            }
            case LBRACKET: {
                Token open = advance();
                TypeRef element = type();
                Expr size = null;
                if (eat(SEMI)) {
                    size = expression();
                }
                expectClose(RBRACKET, open);
                return new TypeRef.Array(element, size, spanTo(open, previous()));
            }
            case FN, FUN:
                return functionType(advance());
            case IMPL:
                advance();
                return type();
            case IDENT, SELF, SUPER, CRATE: {
                if (t.text().equals("_")) {
                    advance();
                    return new TypeRef.Infer(span(t));
                }
                if (t.text().equals("dyn") && (peekKind(1) == IDENT || peekKind(1) == FN)) {
                    advance();
                    return type();
                }
                if ((t.text().equals("Fn") || t.text().equals("FnMut") || t.text().equals("FnOnce")) && peekKind(1) == LPAREN) {
                    return functionType(advance());
                }
                List<String> path = new ArrayList<>();
                path.add(advance().text());
                while (at(COLON_COLON) && peekKind(1) != LT) {
                    advance();
                    path.add(pathSegment());
                }
                eat(COLON_COLON);
                List<TypeRef> args = at(LT) ? typeArguments() : List.of();
                TypeRef named = new TypeRef.Named(path, args, spanTo(t, previous()));
                while (at(PLUS) && (peekKind(1) == IDENT || peekKind(1) == LABEL) && !peek().newlineBefore()) {
                    advance();
                    type(); // trait bounds: `impl Display + Clone`
                }
                return named;
            }
            case NIL, NULL:
                advance();
                return new TypeRef.Tuple(List.of(), span(t));
            default:
                throw error(t, DiagnosticCode.EXPECTED_TYPE.at(span(t), describe(t)));
        }
    }

    private TypeRef typeNoPipe() {
        return type();
    }

    private TypeRef functionType(Token first) {
        Token open = expect(LPAREN, "`(`");
        List<TypeRef> params = new ArrayList<>();
        while (!at(RPAREN) && !at(EOF)) {
            if (at(IDENT) && peekKind(1) == COLON) {
                advance();
                advance();
            }
            params.add(type());
            if (!eat(COMMA)) {
                break;
            }
        }
        expectClose(RPAREN, open);
        TypeRef result = null;
        if (eat(ARROW)) {
            result = type();
        }
        return new TypeRef.Function(params, result, spanTo(first, previous()));
    }

    /** type-args = "<" [type {"," type}] ">"; splits {@code >>} and {@code >=} when needed. */
    private List<TypeRef> typeArguments() {
        Token open = expect(LT, "`<`");
        List<TypeRef> args = new ArrayList<>();
        while (!atClosingAngle() && !at(EOF)) {
            if (at(LABEL)) {
                advance();
            } else {
                args.add(type());
            }
            if (!eat(COMMA)) {
                break;
            }
        }
        if (!closeAngle()) {
            Token found = peek();
            throw error(found, DiagnosticCode.UNCLOSED_DELIMITER.at(span(found), ">", "<", describe(found))
                    .withHint("to close the `<` opened at " + position(open)));
        }
        return args;
    }

    private boolean atClosingAngle() {
        return at(GT) || at(SHR) || at(GT_EQ) || at(SHR_EQ);
    }

    /** Consumes one {@code >}, splitting {@code >>}, {@code >=} or {@code >>=}. */
    private boolean closeAngle() {
        Token t = peek();
        TokenKind rest = switch (t.kind()) {
            case GT -> null;
            case SHR -> GT;
            case GT_EQ -> EQ;
            case SHR_EQ -> GT_EQ;
            default -> {
                yield EOF;
            }
        };
        if (rest == EOF) {
            return false;
        }
        if (rest == null) {
            advance();
            return true;
        }
        tokens.set(p, new Token(rest, t.start() + 1, t.end(), false, false, null));
        return true;
    }

    // ================================================================================================
    // helpers

    private String name() {
        Token t = advance();
        if (t.is(IDENT) || (t.kind().isKeyword() && t.kind() != LBRACE)) {
            if (t.kind().isKeyword() && !t.is(IDENT) && !isSoftKeyword(t.kind())) {
                throw error(t, DiagnosticCode.EXPECTED_ITEM_NAME.at(span(t), describe(t)));
            }
            return t.text();
        }
        throw error(t, DiagnosticCode.EXPECTED_ITEM_NAME.at(span(t), describe(t)));
    }

    /** Keywords that are plain names wherever a value is expected ({@code fn send(socket, type)}). */
    private static boolean isIdentifierKeyword(TokenKind k) {
        return switch (k) {
            case TYPE, FROM, MODULE, RECEIVE, INTERFACE, EXPORT, WHERE -> true;
            default -> false;
        };
    }

    /** Keywords that may still name a field, variant or parameter. */
    private static boolean isSoftKeyword(TokenKind k) {
        return switch (k) {
            case TYPE, FROM, MODULE, STATIC, RECEIVE, LAZY, INTERFACE, EXPORT, AWAIT, ASYNC, SPAWN, ACTOR, WHERE, UNSAFE,
                    CLASS, NIL, NULL, IMPORT, CONST, VAR, MATCH, LOOP, TRY, CATCH, FINALLY, THROW, SELF, SUPER, CRATE -> true;
            default -> false;
        };
    }

    private String pathSegment() {
        Token t = advance();
        if (t.is(IDENT) || t.kind().isKeyword()) {
            return t.text();
        }
        throw error(t, DiagnosticCode.EXPECTED.at(span(t), "a name after `::`", describe(t)));
    }

    private void skipBalanced(TokenKind open, TokenKind close) {
        int depth = 0;
        do {
            Token t = advance();
            if (t.is(open)) {
                depth++;
            } else if (t.is(close)) {
                depth--;
            }
        } while (depth > 0 && !at(EOF));
    }

    private Token peek() {
        return tokens.get(p);
    }

    private TokenKind peekKind(int ahead) {
        int i = Math.min(p + ahead, tokens.size() - 1);
        return tokens.get(i).kind();
    }

    private Token previous() {
        return tokens.get(Math.max(0, p - 1));
    }

    private boolean previousIs(TokenKind kind) {
        return p > 0 && tokens.get(p - 1).kind() == kind;
    }

    private boolean at(TokenKind kind) {
        return tokens.get(p).kind() == kind;
    }

    private Token advance() {
        Token t = tokens.get(p);
        if (p < tokens.size() - 1) {
            p++;
        }
        return t;
    }

    private boolean eat(TokenKind kind) {
        if (at(kind)) {
            advance();
            return true;
        }
        return false;
    }

    /** Consumes {@code kind} or reports "expected {what}, found ..." and unwinds the statement. */
    private Token expect(TokenKind kind, String what) {
        if (at(kind)) {
            return advance();
        }
        Token found = peek();
        throw error(found, DiagnosticCode.EXPECTED.at(missingAt(found), what, describe(found)));
    }

    /**
     * Where a missing token is reported: at the token found, or just after the previous token when
     * the one found is on a later line (or is the end of file), as javac and rustc do.
     */
    private Span missingAt(Token found) {
        if ((found.newlineBefore() || found.is(EOF)) && p > 0) {
            int end = previous().end();
            return file.span(end, end);
        }
        return span(found);
    }

    /** Consumes the closing delimiter of {@code open}, or reports it missing with a hint that points at {@code open}. */
    private Token expectClose(TokenKind close, Token open) {
        String what = switch (open.kind()) {
            case LBRACE -> "block";
            case LPAREN -> "parenthesis";
            case LBRACKET -> "bracket";
            case PIPE -> "closure parameters";
            default -> "`" + open.kind().spelling() + "`";
        };
        return expectClose(close, open, what);
    }

    /** As {@link #expectClose(TokenKind, Token)}, naming what {@code open} opened in the hint ("object literal"). */
    private Token expectClose(TokenKind close, Token open, String what) {
        if (at(close)) {
            return advance();
        }
        Token found = peek();
        throw error(found, DiagnosticCode.UNCLOSED_DELIMITER.at(missingAt(found), close.spelling(), open.kind().spelling(),
                describe(found)).withHint("to close the " + what + " opened at " + position(open)));
    }

    private String position(Token t) {
        return file.line(t.start()) + ":" + file.column(t.start());
    }

    /**
     * Counts one level of nesting; the caller undoes it with {@code depth--} in a {@code finally}.
     * Past {@link #MAX_DEPTH} levels the nesting is reported and the rest of the file skipped.
     */
    private void enter() {
        if (depth >= MAX_DEPTH) {
            Token t = peek();
            ParseError e = error(t, DiagnosticCode.EXPECTED.at(t.is(EOF) ? missingAt(t) : span(t), "less deeply nested code",
                    describe(t)).withHint("brackets, blocks or operators nest more than " + MAX_DEPTH
                    + " levels deep here; move inner parts into functions or variables"));
            giveUp();
            throw e;
        }
        depth++;
    }

    /**
     * Counts one more link of an operator or postfix chain at {@code t}; the caller restores
     * {@link #links} when the chain is done. Past {@link #MAX_CHAIN} the chain is reported and the
     * rest of the file skipped.
     */
    private void link(Token t) {
        if (links >= MAX_CHAIN) {
            ParseError e = error(t, DiagnosticCode.EXPECTED.at(span(t), "a shorter chain of operations", describe(t))
                    .withHint("more than " + MAX_CHAIN + " operators, calls or member accesses follow one another here;"
                            + " split the expression with variables"));
            giveUp();
            throw e;
        }
        links++;
    }

    /** Runs {@code parse} one level of nesting deeper. */
    private <T> T nested(java.util.function.Supplier<T> parse) {
        enter();
        try {
            return parse.get();
        } finally {
            depth--;
        }
    }

    /** Stops parsing: skips to the end of the file, where nothing more is reported. */
    private void giveUp() {
        p = tokens.size() - 1;
        lastErrorPos = Math.max(lastErrorPos, peek().start());
    }

    /** Reports {@code d} unless an error was already reported at or after this position; returns the unwinding exception. */
    private ParseError error(Token at, Diagnostic d) {
        if (at.is(ERROR) || at.is(EOF) && eofReported) {
            // the lexer has reported this token; a second message at the same place would only be noise
            lastErrorPos = Math.max(lastErrorPos, at.start());
            return new ParseError();
        }
        if (at.start() > lastErrorPos) {
            diagnostics.report(d);
            lastErrorPos = at.start();
            errorCount++;
        }
        return new ParseError();
    }

    private String describe(Token t) {
        return switch (t.kind()) {
            case IDENT -> "identifier `" + t.text() + "`";
            case INT, FLOAT, STRING, RAW_STRING, CHAR, BYTE, FSTRING, ATOM, LABEL -> t.kind().spelling();
            // inside an f-string's braces the embedded expression ends before the end of the file
            case EOF -> t.start() < file.length() ? "`" + file.text().charAt(t.start()) + "`" : "end of file";
            default -> t.kind().describe();
        };
    }

    private Span span(Token t) {
        return file.span(t.start(), t.end());
    }

    private Span spanTo(Token first, Token last) {
        return file.span(first.start(), Math.max(first.end(), last.end()));
    }

    private Span spanTo(Token first, Node last) {
        return file.span(first.start(), Math.max(first.end(), last.span().end()));
    }

    private Span spanTo(Expr first, Token last) {
        return file.span(first.span().start(), Math.max(first.span().end(), last.end()));
    }


    private Span spanFrom(Token first, Token last) {
        return spanTo(first, last);
    }

}
