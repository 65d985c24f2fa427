package dev.ruchy.transpiler.diag;

import dev.ruchy.transpiler.source.Span;
import java.text.MessageFormat;
import java.util.Locale;

/**
 * Every diagnostic the transpiler reports. Codes are stable and golden tests pin them; wording may
 * change. Each constant documents its arguments; {@code {n}} in the template is argument n.
 */
public enum DiagnosticCode {
    // lexical errors: R00xx
    /** 0: the character. */
    UNEXPECTED_CHARACTER("R0001", "unexpected character `{0}`"),
    UNTERMINATED_STRING("R0002", "unterminated string literal"),
    UNTERMINATED_BLOCK_COMMENT("R0003", "unterminated block comment"),
    /** 0: the literal text. */
    INVALID_NUMBER("R0004", "invalid number literal `{0}`"),
    /** 0: the literal text. */
    INTEGER_TOO_LARGE("R0005", "integer literal `{0}` does not fit in 64 bits"),
    UNTERMINATED_CHAR("R0006", "unterminated character literal"),
    UNTERMINATED_FSTRING_EXPR("R0007", "unterminated `'{'` in f-string"),
    UNMATCHED_FSTRING_BRACE("R0008", "unmatched `'}'` in f-string"),
    EMPTY_FSTRING_EXPR("R0009", "empty expression in f-string"),
    UNTERMINATED_RAW_STRING("R0010", "unterminated raw string literal"),
    /** 0: the literal text. */
    INVALID_BYTE_LITERAL("R0011", "byte literal `{0}` must hold exactly one character"),

    // syntax errors: R01xx
    /** 0: what was expected, 1: what was found. */
    EXPECTED("R0101", "expected {0}, found {1}"),
    /** 0: what was found. */
    EXPECTED_EXPRESSION("R0102", "expected an expression, found {0}"),
    /** 0: what was found. */
    EXPECTED_PATTERN("R0103", "expected a pattern, found {0}"),
    /** 0: what was found. */
    EXPECTED_TYPE("R0104", "expected a type, found {0}"),
    /** 0: what was found. */
    EXPECTED_ITEM_NAME("R0105", "expected a name, found {0}"),
    /** 0: the closing delimiter, 1: the opening delimiter, 2: what was found. */
    UNCLOSED_DELIMITER("R0106", "expected `{0}` to close `{1}`, found {2}"),
    /** 0: the stray closing delimiter. */
    UNEXPECTED_CLOSING("R0107", "unexpected closing `{0}`"),
    INVALID_ASSIGNMENT_TARGET("R0108", "invalid left-hand side of assignment"),
    /** 0: what was found. */
    EXPECTED_STATEMENT_END("R0109", "expected a new line or `;` after the statement, found {0}"),
    TRY_WITHOUT_HANDLER("R0110", "`try` needs a `catch` or a `finally` block"),
    /** 0: the keyword. */
    OUTSIDE_OF_LOOP("R0111", "`{0}` outside of a loop"),
    TOO_MANY_ERRORS("R0199", "too many errors; stopping"),

    // name resolution: R02xx
    /** 0: name. */
    UNDEFINED_FUNCTION("R0201", "cannot find function `{0}` in this scope"),
    /** 0: function name, 1: what it accepts ("2 arguments", "1-3 arguments"), 2: given count. */
    WRONG_ARITY("R0202", "`{0}` expects {1}, got {2}"),
    /** 0: name. */
    UNDEFINED_NAME("R0203", "cannot find `{0}` in this scope"),
    /** 0: type name. */
    UNDEFINED_TYPE("R0204", "cannot find type `{0}` in this scope"),
    SELF_OUTSIDE_METHOD("R0205", "`self` is only available inside methods"),
    /** 0: struct name, 1: field name. */
    UNKNOWN_FIELD("R0206", "struct `{0}` has no field `{1}`"),
    /** 0: struct name, 1: field name. */
    MISSING_FIELD("R0207", "missing field `{1}` in struct `{0}`"),
    /** 0: the path as written ({@code http::Srever::new}). */
    UNKNOWN_RUNTIME_PATH("R0208", "cannot find `{0}` in the runtime"),
    /** 0: the receiver's type ({@code string}, {@code array}, ...), 1: the method name. */
    UNKNOWN_METHOD("R0209", "no method `{1}` for type `{0}`"),
    /** 0: enum name, 1: the name after {@code ::}. */
    UNKNOWN_VARIANT("R0210", "no variant or associated function `{1}` in enum `{0}`"),
    /** 0: struct name, 1: the name after {@code ::}. */
    UNKNOWN_ASSOCIATED_FUNCTION("R0211", "no associated function `{1}` in struct `{0}`"),
    /** 0: the class as {@code use} names it ({@code java.util.UUDI}). */
    UNKNOWN_JAVA_CLASS("R0212", "cannot find Java class `{0}`"),
    /** 0: the class's simple name, 1: what is missing ({@code method}, {@code field}, {@code constructor}), 2: its name. */
    UNKNOWN_JAVA_MEMBER("R0213", "no {1} `{2}` in Java class `{0}`"),
    /** 0: the member ({@code Math::max}, {@code sb.append}), 1: the Ruchy types of the arguments. */
    JAVA_ARGUMENT_TYPES("R0214", "no overload of `{0}` takes arguments of types ({1})"),
    /** 0: the member, 1: the Java signatures that fit equally well. */
    AMBIGUOUS_JAVA_CALL("R0215", "the call of `{0}` is ambiguous: {1} fit equally well"),
    /** 0: the closure's parameter, 1: the Java member the closure is passed to ({@code Comparator::comparing}). */
    UNTYPED_JAVA_CLOSURE("R0216", "cannot infer the type of closure parameter `{0}` passed to `{1}`"),
    /** 0: the field as written ({@code p.x}), 1: why ({@code it is a double, the value a str}). */
    JAVA_FIELD_ASSIGNMENT("R0217", "cannot assign to Java field `{0}`: {1}"),

    // warnings: R09xx
    /** 0: what ends the code before it ({@code return}, an endless {@code loop}, ...), 1: its line. */
    UNREACHABLE_CODE("R0901", "unreachable code: it follows {0} on line {1}, so it never runs", Severity.WARNING);

    private final String code;
    private final String template;
    private final Severity severity;

    DiagnosticCode(String code, String template) {
        this(code, template, Severity.ERROR);
    }

    DiagnosticCode(String code, String template, Severity severity) {
        this.code = code;
        this.template = template;
        this.severity = severity;
    }

    /** The stable code, e.g. {@code R0101}. */
    public String code() {
        return code;
    }

    public String template() {
        return template;
    }

    /** The message with {@code args} filled in. */
    public String format(Object... args) {
        return new MessageFormat(template, Locale.ROOT).format(args);
    }

    /** This code's diagnostic at {@code span}: an error, or a warning for the {@code R09xx} codes. */
    public Diagnostic at(Span span, Object... args) {
        return new Diagnostic(this, severity, span, format(args), null);
    }
}
