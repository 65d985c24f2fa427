package dev.ruchy.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A Ruchy object/map {@code {name: "Ann", age: 7}} or {@code {21: "FTP", 22: "SSH"}}: keys in insertion
 * order, any values (nil allowed). It has reference semantics (project Decisions): every holder sees
 * every change.
 *
 * <p>Keys keep their type (Decisions): a key is a {@code String}, a {@code Long} (integer), a
 * {@code Double} (float) or a {@code Boolean}, so the integer key {@code 21} and the string key
 * {@code "21"} are different keys. The {@link #key} rule turns other Java forms of these into them
 * ({@code Integer} into {@code Long}, {@code Character} into {@code String}, {@code -0.0} into
 * {@code 0.0}). The {@code String} methods ({@link #get(String)}, {@link #set(String, Object)}, ...)
 * are the fast path field access and string-keyed code use; the {@code Object} ones take any key.
 *
 * <p>Safe for many threads at once: each method is atomic (it holds the monitor of a private
 * {@link LinkedHashMap}, and calls no other code while holding it but {@link #update}'s function);
 * listings ({@link #keys}, {@link #values}, {@link #items}, {@link #snapshot}) are copies taken at one
 * instant. A read followed by a write is not atomic; use {@link #update}.
 *
 * <p>Display sorts keys by the byte order of their text, {@code {age: 7, name: "Ann"}},
 * {@code {100: "a", 21: "b"}} (ruchy-semantics §2.2); JSON writes every key as a string. Two objects
 * are {@link #equals equal} when they hold equal entries, in any order (§3.5).
 *
 * <p>Not final so that a value of the runtime's typed API can be an object too (the packet a capture
 * hands its handler adds typed getters of its keys): a subclass adds methods and changes nothing of
 * the object's behaviour (every method here is final).
 */
public class RObject {
    /** The entries; also the monitor every method holds while it reads or changes them. */
    private final Map<Object, Object> entries = new LinkedHashMap<>();

    /** An empty object, {@code {}}. */
    public RObject() {
    }

    /**
     * An object literal: {@code RObject.of("name", "Ann", "age", 7L)}, {@code RObject.of(21L, "FTP")}. A
     * repeated key keeps its first position and its last value.
     *
     * @param keysAndValues alternating keys (as {@link #key} accepts them) and values
     * @throws IllegalArgumentException if the count is odd or a key is not a string, integer, float or boolean
     */
    public static RObject of(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("RObject.of needs key/value pairs, got " + keysAndValues.length + " arguments");
        }
        RObject object = new RObject();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object key = keysAndValues[i] instanceof String text ? text : keyOrNull(keysAndValues[i]);
            if (key == null) {
                throw new IllegalArgumentException("key at argument " + i + " is not a string, integer, float or boolean: "
                        + keysAndValues[i]);
            }
            object.entries.put(key, keysAndValues[i + 1]);
        }
        return object;
    }

    /**
     * {@code value} as a key: a {@code String}, {@code Long}, {@code Double} or {@code Boolean} as it is;
     * {@code Integer}, {@code Short} and {@code Byte} as a {@code Long}; {@code Float} as a
     * {@code Double}; {@code -0.0} as {@code 0.0}; a {@code Character} as a one-character string.
     *
     * @param what the operation, for the message: {@code "get()"}
     * @throws RuchyError {@code Type error: get() expects a string, integer, float or boolean key, got array}
     */
    public static Object key(Object value, String what) {
        Object key = keyOrNull(value);
        if (key == null) {
            throw RuchyError.type(what + " expects a string, integer, float or boolean key, got " + Values.typeOf(value));
        }
        return key;
    }

    /** {@code value} as a key, as {@link #key(Object, String)} makes it, or {@code null} if it cannot be one. */
    static Object keyOrNull(Object value) {
        return switch (value) {
            case String s -> s;
            case Long l -> l;
            case Boolean b -> b;
            case Double d -> d == 0.0 ? (Double) 0.0 : d;
            case Integer i -> i.longValue();
            case Short s -> s.longValue();
            case Byte b -> b.longValue();
            case Float f -> f == 0.0f ? (Double) 0.0 : (Double) f.doubleValue();
            case Character c -> c.toString();
            case null, default -> null;
        };
    }

    /**
     * The text of a key as Display and JSON write it: a string as it is, an integer in decimal, a float
     * in Display form ({@code 1.0}), a boolean as {@code true}/{@code false}.
     */
    public static String keyText(Object key) {
        return switch (key) {
            case String s -> s;
            case Double d -> FloatFormat.display(d);
            case Float f -> FloatFormat.display(f);
            case null -> "nil";
            default -> key.toString();
        };
    }

    /**
     * {@code value} as an object, for a value parsed from JSON that a program only uses as one
     * ({@code let msg = parse_json(data)} then {@code msg.room}): checked once, where it is bound.
     *
     * @param field the first field the program reads or writes, named by the error
     * @throws RuchyError {@code Runtime error: Cannot access field 'room' on array} (the error that
     *                    field access gives, ruchy-semantics §6.2) when {@code value} is not an object
     */
    public static RObject expect(Object value, String field) {
        if (value instanceof RObject o) {
            return o;
        }
        throw RuchyError.runtime("Cannot access field '" + field + "' on " + Values.typeOf(value));
    }

    /**
     * The value of field {@code key} ({@code obj.key}).
     *
     * @throws RuchyError {@code Runtime error: Object has no field named 'key'} (ruchy-semantics §6.2)
     *                    if there is no such key
     */
    public final Object get(String key) {
        synchronized (entries) {
            Object value = entries.get(key);
            if (value == null && !entries.containsKey(key)) {
                throw RuchyError.runtime("Object has no field named '" + key + "'");
            }
            return value;
        }
    }

    /**
     * The value of field {@code key} of an object that may be nil ({@code post.title} where
     * {@code post = db.find(...)}).
     *
     * @throws RuchyError {@code Runtime error: Cannot access field 'key' on nil} when {@code object}
     *                    is null, else as {@link #get(String)}
     */
    public static Object fieldOf(RObject object, String key) {
        if (object == null) {
            throw RuchyError.runtime("Cannot access field '" + key + "' on nil");
        }
        return object.get(key);
    }

    /** The value of {@code key}, or {@code null} (nil) if absent or nil. */
    public final Object getOrNull(String key) {
        synchronized (entries) {
            return entries.get(key);
        }
    }

    /**
     * The value of {@code key} of any key type ({@code m[21]}, {@code m.get(21)}), or {@code null} (nil)
     * if absent or nil; a value that cannot be a key is absent.
     */
    public final Object getOrNull(Object key) {
        Object k = keyOrNull(key);
        synchronized (entries) {
            return entries.get(k);
        }
    }

    /**
     * The value of {@code key} of any key type, or {@code fallback} if there is no such key
     * ({@code m.get(k, fallback)}); a key holding nil gives nil, and a value that cannot be a key is absent.
     */
    public final Object getOrDefault(Object key, Object fallback) {
        Object k = keyOrNull(key);
        synchronized (entries) {
            return k != null && entries.containsKey(k) ? entries.get(k) : fallback;
        }
    }

    /**
     * Adds or replaces {@code key} ({@code obj.key = value}); a new key goes last.
     *
     * @return {@code value}, since a Ruchy assignment is an expression with that value
     */
    public final <T> T set(String key, T value) {
        Objects.requireNonNull(key, "key == null");
        synchronized (entries) {
            entries.put(key, value);
            return value;
        }
    }

    /**
     * Adds or replaces {@code key} of any key type ({@code m[80] = "HTTP"}, {@code m.insert(80, "HTTP")});
     * a new key goes last.
     *
     * @return {@code value}
     * @throws RuchyError {@code Type error: insert() expects a string, integer, float or boolean key, got array}
     */
    public final <T> T set(Object key, T value) {
        Object k = key(key, "insert()");
        synchronized (entries) {
            entries.put(k, value);
            return value;
        }
    }

    /**
     * Adds or replaces {@code key}, as {@link #set}, and returns this object, for building an object
     * literal in one expression: {@code new RObject().with("a", 1L).withAll(rest)}.
     */
    public final RObject with(String key, Object value) {
        set(key, value);
        return this;
    }

    /** Adds or replaces {@code key} of any key type, as {@link #set(Object, Object)}, and returns this object. */
    public final RObject with(Object key, Object value) {
        set(key, value);
        return this;
    }

    /**
     * The spread {@code {...other}} in an object literal: copies every entry of {@code other} (a
     * snapshot) into this object, replacing keys already present, and returns this object.
     *
     * @param other an {@code RObject}; nil spreads nothing
     * @throws RuchyError {@code Type error: Cannot spread integer into an object} for anything else
     */
    public final RObject withAll(Object other) {
        if (other == null) {
            return this;
        }
        if (!(other instanceof RObject source)) {
            throw RuchyError.type("Cannot spread " + Values.typeOf(other) + " into an object");
        }
        Map<Object, Object> copy = source.toMap(); // taken before locking this: a.withAll(a) is safe
        synchronized (entries) {
            entries.putAll(copy);
            return this;
        }
    }

    /**
     * Atomically replaces the value of an existing {@code key} with {@code f(old)}, e.g. for
     * {@code obj.count += 1} on an object shared between threads. {@code f} runs under the lock: keep it short.
     *
     * @return the new value
     * @throws RuchyError {@code Runtime error: Object has no field named 'key'} if there is no such key
     */
    public final Object update(String key, UnaryOperator<Object> f) {
        Objects.requireNonNull(f, "f == null");
        synchronized (entries) {
            if (!entries.containsKey(key)) {
                throw RuchyError.runtime("Object has no field named '" + key + "'");
            }
            Object value = f.apply(entries.get(key));
            entries.put(key, value);
            return value;
        }
    }

    /**
     * {@code m[key] op= value} for a key of any key type, atomically, as {@link #update(String, UnaryOperator)}.
     *
     * @return the new value
     * @throws RuchyError {@code Runtime error: Key '21' not found in object} if there is no such key
     */
    public final Object update(Object key, UnaryOperator<Object> f) {
        Objects.requireNonNull(f, "f == null");
        Object k = keyOrNull(key);
        synchronized (entries) {
            if (k == null || !entries.containsKey(k)) {
                throw RuchyError.runtime("Key '" + keyText(key) + "' not found in object");
            }
            Object value = f.apply(entries.get(k));
            entries.put(k, value);
            return value;
        }
    }

    /** Whether {@code key} is present (its value may be nil). */
    public final boolean has(String key) {
        synchronized (entries) {
            return entries.containsKey(key);
        }
    }

    /** Whether {@code key}, of any key type, is present; a value that cannot be a key never is. */
    public final boolean has(Object key) {
        Object k = keyOrNull(key);
        synchronized (entries) {
            return k != null && entries.containsKey(k);
        }
    }

    /** Removes {@code key}; returns its value, or {@code null} if it was absent. */
    public final Object remove(String key) {
        synchronized (entries) {
            return entries.remove(key);
        }
    }

    /** Removes {@code key} of any key type; returns its value, or {@code null} if it was absent. */
    public final Object remove(Object key) {
        Object k = keyOrNull(key);
        synchronized (entries) {
            return entries.remove(k);
        }
    }

    /** The keys in insertion order, each of its own type, as a new Ruchy array. */
    public final List<Object> keys() {
        synchronized (entries) {
            return new ArrayList<>(entries.keySet());
        }
    }

    /** The values in insertion order, as a new Ruchy array. */
    public final List<Object> values() {
        synchronized (entries) {
            return new ArrayList<>(entries.values());
        }
    }

    /** The entries in insertion order, as a new Ruchy array of {@code (key, value)} {@link Tuple}s. */
    public final List<Object> items() {
        List<Object> items = new ArrayList<>();
        toMap().forEach((k, v) -> items.add(Tuple.of(k, v)));
        return items;
    }

    /** The number of entries. */
    public final long len() {
        synchronized (entries) {
            return entries.size();
        }
    }

    public final boolean isEmpty() {
        return len() == 0;
    }

    /** An unmodifiable copy of the entries, in insertion order, each key of its own type. */
    public final Map<Object, Object> toMap() {
        synchronized (entries) {
            return Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }
    }

    /**
     * An unmodifiable copy of the entries, in insertion order, with every key as its {@link #keyText
     * text} ({@code 21} as {@code "21"}): the view of code that wants string keys, such as a struct's
     * fields or HTTP headers. Keys with the same text ({@code 1} and {@code "1"}) give one entry, the
     * later one's value in the earlier one's place; {@link #toMap} keeps them apart.
     */
    public final Map<String, Object> snapshot() {
        synchronized (entries) {
            Map<String, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<Object, Object> e : entries.entrySet()) {
                copy.put(e.getKey() instanceof String s ? s : keyText(e.getKey()), e.getValue());
            }
            return Collections.unmodifiableMap(copy);
        }
    }

    /**
     * The entries at one instant as {@code [key0, value0, key1, value1, ...]}, in insertion order, keys
     * of their own type: a
     * cheaper copy than {@link #snapshot} for code that only walks them (JSON writing).
     */
    Object[] flatEntries() {
        synchronized (entries) {
            Object[] flat = new Object[entries.size() * 2];
            int i = 0;
            for (Map.Entry<Object, Object> e : entries.entrySet()) {
                flat[i++] = e.getKey();
                flat[i++] = e.getValue();
            }
            return flat;
        }
    }

    /** Equal entries, in any order (§3.5); values compare with {@link Object#equals}. */
    @Override
    public final boolean equals(Object o) {
        return o == this || o instanceof RObject other && toMap().equals(other.toMap());
    }

    @Override
    public final int hashCode() {
        return toMap().hashCode();
    }

    /** The Display form, {@code {age: 7, name: "Ann"}}. */
    @Override
    public final String toString() {
        return Fmt.display(this);
    }
}
