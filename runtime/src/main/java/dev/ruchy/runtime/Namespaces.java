package dev.ruchy.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Runtime namespaces reached by {@code a::b} paths (ruchy-semantics §4.15, §5.2): functions such as
 * {@code std::fs::read_to_string}, {@code Utc::now}, {@code HashMap::new}, and constants such as
 * {@code i64::MAX}. A leading {@code std::}, {@code chrono::} or {@code collections::} is optional;
 * {@code math::sqrt} (any builtin under {@code math::}) is the builtin. Paths defined outside this
 * package (networking: {@code http::}, {@code ws::}, {@code net::}) come from {@link PathProvider}s.
 */
final class Namespaces {
    private static final Map<String, FnN> FUNCTIONS = new HashMap<>();
    private static final Map<String, Object> CONSTANTS = new HashMap<>();

    static {
        fn("fs::read_to_string", 1, a -> {
            String p = path(a[0]);
            try {
                return Result.ok(FileIo.read(FileIo.resolve(p)));
            } catch (IOException e) {
                return Result.err("Failed to read file '" + p + "': " + FileIo.message(e));
            }
        });
        fn("fs::write", 2, a -> Builtins.writeFile(a[0], a[1]));
        fn("fs::exists", 1, a -> Builtins.fileExists(a[0]));
        fn("fs::remove_file", 1, a -> Builtins.deleteFile(a[0]));
        fn("fs::create_dir_all", 1, a -> {
            String p = path(a[0]);
            try {
                Files.createDirectories(FileIo.resolve(p));
                return Result.ok(null);
            } catch (IOException e) {
                return Result.err("Failed to create directory '" + p + "': " + FileIo.message(e));
            }
        });
        FUNCTIONS.put("fs::create_dir", FUNCTIONS.get("fs::create_dir_all"));
        fn("env::args", 0, a -> Builtins.envArgs());
        fn("env::var", 1, a -> Builtins.envVar(a[0]));
        FUNCTIONS.put("process::exit", a -> {
            Builtins.exit(a);
            return null;
        });
        fn("thread::sleep", 1, a -> {
            Builtins.sleep(a[0]);
            return null;
        });
        fn("async::wait_all", 1, a -> Task.waitAll(a[0]));
        FUNCTIONS.put("async::sleep", FUNCTIONS.get("thread::sleep"));
        fn("time::Duration::from_millis", 1, a -> a[0]);
        fn("time::Duration::from_secs", 1, a -> Arith.mul(a[0], 1000L));
        fn("String::from", 1, a -> Fmt.toStr(a[0]));
        fn("String::new", 0, a -> "");
        fn("HashMap::new", 0, a -> new RObject());
        fn("BTreeMap::new", 0, a -> new RObject());
        fn("Vec::new", 0, a -> new ArrayList<>());
        fn("Vec::with_capacity", 1, a -> new ArrayList<>());
        fn("Utc::now", 0, a -> Builtins.currentDatetime());
        fn("json::parse", 1, a -> Builtins.parseJson(a[0]));
        fn("json::stringify", 1, a -> Builtins.toJson(a[0]));
        fn("json::to_string", 1, a -> Builtins.toJson(a[0]));
        fn("json::to_string_pretty", 1, a -> Builtins.toJsonPretty(a[0]));
        FUNCTIONS.put("JSON::parse", FUNCTIONS.get("json::parse"));
        FUNCTIONS.put("JSON::stringify", FUNCTIONS.get("json::stringify"));
        FUNCTIONS.put("Duration::from_millis", FUNCTIONS.get("time::Duration::from_millis"));
        FUNCTIONS.put("Duration::from_secs", FUNCTIONS.get("time::Duration::from_secs"));
        fn("Some", 1, a -> Option.some(a[0]));
        fn("Ok", 1, a -> Result.ok(a[0]));
        fn("Err", 1, a -> Result.err(a[0]));
        // http::, ws::, net:: (networking) and any other paths defined outside this package
        for (PathProvider provider : ServiceLoader.load(PathProvider.class, PathProvider.class.getClassLoader())) {
            provider.register(FUNCTIONS::put);
        }

        CONSTANTS.put("None", Option.none());
        CONSTANTS.put("console", ConsoleObject.INSTANCE);
        CONSTANTS.put("i64::MAX", Long.MAX_VALUE);
        CONSTANTS.put("i64::MIN", Long.MIN_VALUE);
        CONSTANTS.put("i32::MAX", (long) Integer.MAX_VALUE);
        CONSTANTS.put("i32::MIN", (long) Integer.MIN_VALUE);
        CONSTANTS.put("u32::MAX", 0xFFFF_FFFFL);
        CONSTANTS.put("u8::MAX", 255L);
        CONSTANTS.put("f64::MAX", Double.MAX_VALUE);
        CONSTANTS.put("f64::MIN", -Double.MAX_VALUE);
        CONSTANTS.put("f64::MIN_POSITIVE", Double.MIN_NORMAL);
        CONSTANTS.put("f64::EPSILON", Math.ulp(1.0));
        CONSTANTS.put("f64::INFINITY", Double.POSITIVE_INFINITY);
        CONSTANTS.put("f64::NEG_INFINITY", Double.NEGATIVE_INFINITY);
        CONSTANTS.put("f64::NAN", Double.NaN);
        CONSTANTS.put("f64::consts::PI", Math.PI);
        CONSTANTS.put("f64::consts::E", Math.E);
        CONSTANTS.put("f64::consts::TAU", 2 * Math.PI);
        CONSTANTS.put("math::PI", Math.PI);
        CONSTANTS.put("math::E", Math.E);
    }

    private Namespaces() {
    }

    /** Every function's path ({@code fs::read_to_string}), without the optional prefixes; for the catalog check. */
    static Set<String> functionNames() {
        return Collections.unmodifiableSet(FUNCTIONS.keySet());
    }

    /** Every constant's path ({@code i64::MAX}); for the catalog check. */
    static Set<String> constantNames() {
        return Collections.unmodifiableSet(CONSTANTS.keySet());
    }

    /**
     * The value of {@code path}: a constant, or a function value that calls the path.
     *
     * @throws RuchyError {@code Runtime error: Undefined: a::b}
     */
    static Object value(String path) {
        String key = normalize(path);
        if (CONSTANTS.containsKey(key)) {
            return CONSTANTS.get(key);
        }
        FnN f = function(key);
        if (f == null) {
            throw RuchyError.undefined(path);
        }
        return f;
    }

    /**
     * Calls the function at {@code path}.
     *
     * @throws RuchyError {@code Runtime error: Undefined: a::b}; the function's own arity error
     */
    static Object call(String path, Object[] args) {
        FnN f = function(normalize(path));
        if (f == null) {
            throw RuchyError.undefined(path);
        }
        return f.call(args == null ? new Object[] {null} : args);
    }

    private static FnN function(String key) {
        FnN f = FUNCTIONS.get(key);
        if (f == null && key.startsWith("math::")) {
            f = BuiltinTable.get(key.substring("math::".length()));
        }
        return f;
    }

    private static String normalize(String path) {
        String key = path;
        for (String prefix : new String[] {"std::", "chrono::", "collections::"}) {
            if (key.startsWith(prefix)) {
                key = key.substring(prefix.length());
            }
        }
        return key;
    }

    private static void fn(String name, int arity, FnN f) {
        FUNCTIONS.put(name, args -> {
            BuiltinTable.checkArity(name, arity, args.length);
            return f.call(args);
        });
    }


    private static String path(Object p) {
        if (p instanceof String s) {
            return s;
        }
        throw RuchyError.type("expected a path string, got " + Values.typeOf(p));
    }
}
