import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.Fmt;
import dev.ruchy.runtime.RuchyEnum;
import dev.ruchy.runtime.RuchyError;
import dev.ruchy.runtime.Strings;

/**
 * Generated from match_switch.ruchy.
 */
public final class MatchSwitch {
    private MatchSwitch() {
    }

    static String describe(Token t) {
        return switch (t) {
            case Token.Num(var n) when n < 0 -> "negative";
            case Token.Num(var n2) -> {
                var twice = n2 * 2;
                yield "number doubling to " + twice;
            }
            case Token.Word(var w) when Strings.len(w) > 3 -> "long word " + w;
            case Token.Word(var w2) -> "word " + w2;
            case Token.Plus() -> "plus";
            case Token.Minus() -> "minus";
            case Token.End() -> "end";
            case null -> throw RuchyError.noMatch(t);
        };
    }

    static String weekday(long n) {
        return switch ((int) (n % 7)) {
            case 0 -> "sun";
            case 6 -> "sat";
            default -> "weekday";
        };
    }

    static void greet(String lang) {
        switch (lang) {
            case "fr" -> Builtins.println("bonjour");
            case "de", "at" -> Builtins.println("hallo");
            case null, default -> {
                Builtins.println("hello (" + lang + ")");
            }
        }
    }

    static String size(long n) {
        // a range, and an integer that may not fit an int: Java's switch cannot say these
        if (n == 0) {
            return "none";
        } else if (n >= 1 && n <= 9) {
            return "few";
        } else {
            return "many";
        }
    }

    public static void main(String[] args) {
        Builtins.println(describe(new Token.Num(-4L)), describe(new Token.Word("hey"))); // expect: negative word hey
        Builtins.println(describe(new Token.Num(21L))); // expect: number doubling to 42
        Builtins.println(describe(new Token.Word("hello")), describe(new Token.Minus()),
                describe(new Token.End())); // expect: long word hello minus end
        Builtins.println(weekday(14), weekday(13), weekday(3)); // expect: sun sat weekday
        greet("fr"); // expect: bonjour
        greet("at"); // expect: hallo
        greet("en"); // expect: hello (en)
        Builtins.println(size(0), size(5), size(5000000000L)); // expect: none few many
        // `continue` in an arm is fine in a switch statement; `break` would leave the switch instead of the
        // loop, so a match with one stays an if chain
        var i = 0L;
        var odd = 0L;
        while (true) {
            i += 1;
            var subject = i % 4;
            if (subject == 3) {
                break;
            } else {
            }
            switch ((int) (i % 2)) {
                case 0 -> {
                    continue;
                }
                default -> {
                    odd += 1;
                }
            }
        }
        Builtins.println(i, odd); // expect: 3 1
    }

    /**
     * A match becomes a Java switch wherever Java can say it: over an enum (record patterns for
     * variants with data, `when` for guards), a string, or an integer that surely fits an int.
     */
    sealed interface Token extends RuchyEnum permits Token.Num, Token.Word, Token.Plus, Token.Minus, Token.End {
        record Num(long value) implements Token {
            @Override
            public String toString() {
                return Fmt.display(this);
            }
        }

        record Word(String value) implements Token {
            @Override
            public String toString() {
                return Fmt.display(this);
            }
        }

        record Plus() implements Token {
            @Override
            public String toString() {
                return Fmt.display(this);
            }
        }

        record Minus() implements Token {
            @Override
            public String toString() {
                return Fmt.display(this);
            }
        }

        record End() implements Token {
            @Override
            public String toString() {
                return Fmt.display(this);
            }
        }
    }
}
