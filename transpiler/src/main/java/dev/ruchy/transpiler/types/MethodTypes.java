package dev.ruchy.transpiler.types;

import dev.ruchy.transpiler.code.Type;
import java.util.List;

/**
 * Result types of the builtin methods on strings, arrays, numbers and objects
 * (ruchy-semantics §5.3–5.6), as data for inference. Anything not listed is {@link Type#DYN}.
 */
final class MethodTypes {
    private MethodTypes() {
    }

    static Type result(Type receiver, String method, List<Type> args) {
        if (receiver.isUnknown()) {
            return Type.UNKNOWN;
        }
        return switch (receiver) {
            case Type.Str s -> string(method);
            case Type.ListType l -> list(l, method);
            case Type.Int i -> switch (method) {
                case "abs", "pow", "min", "max" -> Type.INT;
                case "to_string" -> Type.STR;
                case "to_f64", "to_float", "sqrt" -> Type.FLOAT;
                default -> Type.DYN;
            };
            case Type.Float f -> switch (method) {
                case "sqrt", "abs", "round", "floor", "ceil", "sin", "cos", "tan", "ln", "log10", "exp", "powf", "powi",
                        "min", "max" -> Type.FLOAT;
                case "to_int", "to_integer" -> Type.INT;
                case "to_string" -> Type.STR;
                default -> Type.DYN;
            };
            case Type.ObjectType o -> switch (method) {
                case "keys" -> Type.list(Type.STR);
                case "values" -> Type.list(Type.DYN);
                case "len" -> Type.INT;
                case "has_key", "contains_key", "is_empty" -> Type.BOOL;
                default -> Type.DYN;
            };
            case Type.OptionType o -> switch (method) {
                case "is_some", "is_none" -> Type.BOOL;
                case "unwrap", "expect" -> o.element();
                case "unwrap_or" -> args.size() == 1 ? Type.join(o.element(), args.get(0)) : Type.DYN;
                default -> Type.DYN;
            };
            case Type.ResultType r -> switch (method) {
                case "is_ok", "is_err" -> Type.BOOL;
                case "unwrap", "expect" -> r.ok();
                case "unwrap_or" -> args.size() == 1 ? Type.join(r.ok(), args.get(0)) : Type.DYN;
                default -> Type.DYN;
            };
            default -> method.equals("to_string") ? Type.STR : Type.DYN;
        };
    }

    private static Type string(String method) {
        return switch (method) {
            case "len", "length" -> Type.INT;
            case "to_upper", "to_uppercase", "upper", "to_lower", "to_lowercase", "lower", "trim", "trim_start",
                    "trim_end", "replace", "repeat", "substring", "slice", "to_string", "append", "format", "clone",
                    "to_owned", "as_str" -> Type.STR;
            case "is_empty", "is_numeric", "is_alphabetic", "is_alphanumeric", "contains", "starts_with",
                    "ends_with" -> Type.BOOL;
            case "chars", "lines", "split", "split_whitespace" -> Type.list(Type.STR);
            case "parse", "to_int", "to_integer" -> Type.INT;
            case "as_bytes", "bytes" -> Type.list(Type.INT);
            default -> Type.DYN;
        };
    }

    private static Type list(Type.ListType l, String method) {
        Type e = l.element();
        return switch (method) {
            case "len", "length" -> Type.INT;
            case "is_empty", "contains", "any", "all" -> Type.BOOL;
            // element or nil (§5.4): an integer list's `first()` may be nil, so the value is dynamic
            case "first", "last", "get", "find", "pop" -> e.isPrimitive() ? Type.DYN : e;
            case "push" -> Type.NIL;
            case "join" -> Type.STR;
            case "reverse", "sort", "filter", "slice", "take", "skip", "concat", "append", "unique", "clone" -> l;
            case "sum", "product" -> e instanceof Type.Int || e instanceof Type.Float ? e : Type.DYN;
            case "map" -> Type.list(Type.DYN);
            case "enumerate", "zip" -> Type.list(Type.TUPLE);
            case "to_string" -> Type.STR;
            default -> Type.DYN;
        };
    }
}
