package dev.ruchy.runtime;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The builtins by Ruchy name, as function values ({@link Ops#builtin}: {@code xs.map(sqrt)}). Each
 * checks its arity with the message of §6.2: {@code sqrt() expects exactly 1 argument, got 2}.
 */
final class BuiltinTable {
    private static final Map<String, FnN> TABLE = new HashMap<>();

    static {
        any(a -> {
            Builtins.println(a);
            return null;
        }, "println");
        any(a -> {
            Builtins.print(a);
            return null;
        }, "print");
        any(a -> {
            Builtins.eprintln(a);
            return null;
        }, "eprintln");
        any(Builtins::dbg, "dbg");
        one(Builtins::len, "len");
        any(Builtins::range, "range");
        one(Builtins::typeOf, "type_of", "type", "typeof");
        one(Builtins::isNil, "is_nil");
        one(Builtins::str, "str");
        one(Builtins::toStringQuoted, "to_string");
        one(Builtins::toInt, "int");
        one(Builtins::toFloat, "float");
        one(Builtins::toBool, "bool");
        one(Builtins::parseInt, "parse_int");
        one(Builtins::parseFloat, "parse_float");
        one(Builtins::sqrt, "sqrt");
        one(Builtins::abs, "abs");
        one(Builtins::floor, "floor");
        one(Builtins::ceil, "ceil");
        one(Builtins::round, "round");
        one(Builtins::sin, "sin");
        one(Builtins::cos, "cos");
        one(Builtins::tan, "tan");
        one(Builtins::log, "log");
        one(Builtins::log10, "log10");
        one(Builtins::exp, "exp");
        two(Builtins::pow, "pow");
        two(Builtins::min, "min");
        two(Builtins::max, "max");
        fixed(0, a -> Builtins.random(), "random");
        any(a -> {
            Builtins.assertTrue(a);
            return null;
        }, "assert");
        any(a -> {
            Builtins.assertEq(a);
            return null;
        }, "assert_eq");
        any(a -> {
            Builtins.assertNe(a);
            return null;
        }, "assert_ne");
        one(Builtins::reverse, "reverse");
        one(Builtins::sort, "sort");
        two(Builtins::push, "push");
        one(Builtins::pop, "pop");
        two(Builtins::zip, "zip");
        one(Builtins::enumerate, "enumerate");
        one(ms -> {
            Builtins.sleep(ms);
            return null;
        }, "sleep");
        fixed(0, a -> Builtins.currentTimeMs(), "timestamp", "get_time_ms", "current_time_ms");
        fixed(0, a -> Builtins.currentDatetime(), "current_datetime");
        fixed(0, a -> Builtins.generateId(), "generate_id");
        one(Builtins::readFile, "read_file");
        two(Builtins::writeFile, "write_file");
        two((p, t) -> {
            Builtins.appendFile(p, t);
            return null;
        }, "append_file");
        one(Builtins::fileExists, "file_exists");
        one(Builtins::deleteFile, "delete_file");
        one(Builtins::parseJson, "parse_json", "json_parse");
        one(Builtins::toJson, "to_json", "json_stringify", "json");
        one(Builtins::toJsonPretty, "json_pretty", "to_json_pretty");
        any(Builtins::input, "input");
        one(Builtins::envVar, "env_var");
        fixed(0, a -> Builtins.envArgs(), "env_args");
        any(a -> {
            Builtins.exit(a);
            return null;
        }, "exit");
        any(a -> {
            Builtins.panic(a);
            return null;
        }, "panic");
        any(Builtins::formatMacro, "format");
        any(a -> Builtins.open(a == null ? new Object[] {null} : a), "open");
        one(Builtins::httpGet, "http_get");
        two(Builtins::httpPost, "http_post");
        two(Builtins::httpPut, "http_put");
        one(Builtins::httpDelete, "http_delete");
    }

    private BuiltinTable() {
    }

    /** Every builtin's name, for the check that the transpiler's catalog lists the same ones. */
    static Set<String> names() {
        return Collections.unmodifiableSet(TABLE.keySet());
    }

    /** The builtin named {@code name} as a function value, or {@code null} if there is none. */
    static FnN get(String name) {
        return TABLE.get(name);
    }

    private static void any(FnN f, String... names) {
        for (String name : names) {
            TABLE.put(name, f);
        }
    }

    private static void one(Function<Object, Object> f, String... names) {
        fixed(1, a -> f.apply(a[0]), names);
    }

    private static void two(BiFunction<Object, Object, Object> f, String... names) {
        fixed(2, a -> f.apply(a[0], a[1]), names);
    }

    private static void fixed(int arity, FnN f, String... names) {
        for (String name : names) {
            TABLE.put(name, args -> {
                Object[] a = args == null ? new Object[] {null} : args;
                checkArity(name, arity, a.length);
                return f.call(a);
            });
        }
    }

    /**
     * Checks that builtin {@code name} got {@code expected} arguments.
     *
     * @throws RuchyError {@code Runtime error: sqrt() expects exactly 1 argument, got 2}
     */
    static void checkArity(String name, int expected, int got) {
        if (got != expected) {
            throw RuchyError.runtime(name + "() expects exactly " + expected + " argument" + (expected == 1 ? "" : "s")
                    + ", got " + got);
        }
    }
}
