package dev.ruchy.transpiler.resolve;

import dev.ruchy.transpiler.code.Type;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The builtin functions of Ruchy (ruchy-semantics §5.2 and the project's Decisions), as data: the
 * name a program calls, the runtime method that implements it, its result type and its arity.
 * The transpiler never links to the runtime; this table is its view of the runtime's API.
 */
public final class BuiltinFunctions {
    /**
     * One builtin.
     *
     * @param javaName the static method of {@code dev.ruchy.runtime.Builtins}
     * @param maxArgs  {@code -1} for variadic
     */
    public record Builtin(String name, String javaName, Type result, int minArgs, int maxArgs) {
        public boolean accepts(int count) {
            return count >= minArgs && (maxArgs < 0 || count <= maxArgs);
        }

        public String arity() {
            return maxArgs < 0 ? "at least " + minArgs : minArgs == maxArgs ? String.valueOf(minArgs) : minArgs + "-" + maxArgs;
        }
    }

    private static final Map<String, Builtin> BUILTINS = new HashMap<>();

    private static void add(String name, String javaName, Type result, int min, int max) {
        BUILTINS.put(name, new Builtin(name, javaName, result, min, max));
    }

    static {
        Type ints = Type.list(Type.INT);
        add("println", "println", Type.NIL, 0, -1);
        add("print", "print", Type.NIL, 0, -1);
        add("eprintln", "eprintln", Type.NIL, 0, -1);
        add("dbg", "dbg", Type.DYN, 1, -1);
        add("len", "len", Type.INT, 1, 1);
        add("range", "range", ints, 1, 3);
        add("type_of", "typeOf", Type.STR, 1, 1);
        add("typeof", "typeOf", Type.STR, 1, 1);
        add("type", "typeOf", Type.STR, 1, 1);
        add("is_nil", "isNil", Type.BOOL, 1, 1);
        add("str", "str", Type.STR, 1, 1);
        add("to_string", "toStringQuoted", Type.STR, 1, 1);
        add("int", "toInt", Type.INT, 1, 1);
        add("float", "toFloat", Type.FLOAT, 1, 1);
        add("bool", "toBool", Type.BOOL, 1, 1);
        add("parse_int", "parseInt", Type.INT, 1, 1);
        add("parse_float", "parseFloat", Type.FLOAT, 1, 1);
        add("sqrt", "sqrt", Type.FLOAT, 1, 1);
        add("abs", "abs", Type.DYN, 1, 1);
        add("floor", "floor", Type.INT, 1, 1);
        add("ceil", "ceil", Type.INT, 1, 1);
        add("round", "round", Type.INT, 1, 1);
        add("sin", "sin", Type.FLOAT, 1, 1);
        add("cos", "cos", Type.FLOAT, 1, 1);
        add("tan", "tan", Type.FLOAT, 1, 1);
        add("log", "log", Type.FLOAT, 1, 1);
        add("log10", "log10", Type.FLOAT, 1, 1);
        add("exp", "exp", Type.FLOAT, 1, 1);
        add("pow", "pow", Type.DYN, 2, 2);
        add("min", "min", Type.DYN, 2, 2);
        add("max", "max", Type.DYN, 2, 2);
        add("random", "random", Type.FLOAT, 0, 0);
        add("assert", "assertTrue", Type.NIL, 1, 2);
        add("assert_eq", "assertEq", Type.NIL, 2, 3);
        add("assert_ne", "assertNe", Type.NIL, 2, 3);
        add("reverse", "reverse", Type.DYN, 1, 1);
        add("sort", "sort", Type.DYN, 1, 1);
        add("push", "push", Type.DYN, 2, 2);
        add("pop", "pop", Type.DYN, 1, 1);
        add("zip", "zip", Type.list(Type.TUPLE), 2, 2);
        add("enumerate", "enumerate", Type.list(Type.TUPLE), 1, 1);
        add("sleep", "sleep", Type.NIL, 1, 1);
        add("timestamp", "currentTimeMs", Type.INT, 0, 0);
        add("get_time_ms", "currentTimeMs", Type.INT, 0, 0);
        add("current_time_ms", "currentTimeMs", Type.INT, 0, 0);
        add("current_datetime", "currentDatetime", Type.STR, 0, 0);
        add("generate_id", "generateId", Type.STR, 0, 0);
        add("read_file", "readFile", Type.STR, 1, 1);
        add("write_file", "writeFile", Type.DYN, 2, 2);
        add("append_file", "appendFile", Type.NIL, 2, 2);
        add("file_exists", "fileExists", Type.BOOL, 1, 1);
        add("delete_file", "deleteFile", Type.DYN, 1, 1);
        add("parse_json", "parseJson", Type.DYN, 1, 1);
        add("json_parse", "parseJson", Type.DYN, 1, 1);
        add("to_json", "toJson", Type.STR, 1, 1);
        add("json_stringify", "toJson", Type.STR, 1, 1);
        add("json", "toJson", Type.STR, 1, 1);
        add("json_pretty", "toJsonPretty", Type.STR, 1, 1);
        add("input", "input", Type.STR, 0, 1);
        add("env_var", "envVar", Type.DYN, 1, 1);
        add("env_args", "envArgs", Type.list(Type.STR), 0, 0);
        add("exit", "exit", Type.NIL, 0, 1);
        add("open", "open", Type.DYN, 1, 2);
        add("http_get", "httpGet", Type.STR, 1, 1);
        add("http_post", "httpPost", Type.STR, 2, 2);
        add("http_put", "httpPut", Type.STR, 2, 2);
        add("http_delete", "httpDelete", Type.STR, 1, 1);
        add("panic", "panic", Type.NIL, 0, 1);
    }

    private BuiltinFunctions() {
    }

    /** Every builtin function's name, for "did you mean" suggestions. */
    public static Set<String> names() {
        return Collections.unmodifiableSet(BUILTINS.keySet());
    }

    /** The builtin called {@code name}, or null. */
    public static Builtin lookup(String name) {
        return BUILTINS.get(name);
    }

    /** Constructors of Option and Result values: {@code Some}, {@code None}, {@code Ok}, {@code Err}. */
    public static boolean isVariantConstructor(String name) {
        return name.equals("Some") || name.equals("None") || name.equals("Ok") || name.equals("Err");
    }
}
