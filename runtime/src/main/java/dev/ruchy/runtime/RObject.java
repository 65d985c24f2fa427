package dev.ruchy.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A Ruchy object/map {@code {name: "Ann", age: 7}}: string keys in insertion order, any values
 * (nil allowed). It has reference semantics (project Decisions): every holder sees every change.
 *
 * <p>Safe for many threads at once: each method is atomic (it holds the monitor of a private
 * {@link LinkedHashMap}, and calls no other code while holding it but {@link #update}'s function);
 * listings ({@link #keys}, {@link #values}, {@link #items}, {@link #snapshot}) are copies taken at one
 * instant. A read followed by a write is not atomic; use {@link #update}.
 *
 * <p>Display sorts keys by byte order, {@code {age: 7, name: "Ann"}} (ruchy-semantics §2.2). Two
 * objects are {@link #equals equal} when they hold equal entries, in any order (§3.5).
 */
public final class RObject {
    /** The entries; also the monitor every method holds while it reads or changes them. */
    private final Map<String, Object> entries = new LinkedHashMap<>();

    /** An empty object, {@code {}}. */
    public RObject() {
    }

    /**
     * An object literal: {@code RObject.of("name", "Ann", "age", 7L)}. A repeated key keeps its first
     * position and its last value.
     *
     * @param keysAndValues alternating keys ({@code String}) and values
     * @throws IllegalArgumentException if the count is odd or a key is not a string
     */
    public static RObject of(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("RObject.of needs key/value pairs, got " + keysAndValues.length + " arguments");
        }
        RObject object = new RObject();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (!(keysAndValues[i] instanceof String key)) {
                throw new IllegalArgumentException("key at argument " + i + " is not a string: " + keysAndValues[i]);
            }
            object.entries.put(key, keysAndValues[i + 1]);
        }
        return object;
    }

    /**
     * The value of field {@code key} ({@code obj.key}).
     *
     * @throws RuchyError {@code Runtime error: Object has no field named 'key'} (ruchy-semantics §6.2)
     *                    if there is no such key
     */
    public Object get(String key) {
        synchronized (entries) {
            Object value = entries.get(key);
            if (value == null && !entries.containsKey(key)) {
                throw RuchyError.runtime("Object has no field named '" + key + "'");
            }
            return value;
        }
    }

    /** The value of {@code key}, or {@code null} (nil) if absent or nil. */
    public Object getOrNull(String key) {
        synchronized (entries) {
            return entries.get(key);
        }
    }

    /**
     * Adds or replaces {@code key} ({@code obj.key = value}); a new key goes last.
     *
     * @return {@code value}, since a Ruchy assignment is an expression with that value
     */
    public <T> T set(String key, T value) {
        Objects.requireNonNull(key, "key == null");
        synchronized (entries) {
            entries.put(key, value);
            return value;
        }
    }

    /**
     * Adds or replaces {@code key}, as {@link #set}, and returns this object, for building an object
     * literal in one expression: {@code new RObject().with("a", 1L).withAll(rest)}.
     */
    public RObject with(String key, Object value) {
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
    public RObject withAll(Object other) {
        if (other == null) {
            return this;
        }
        if (!(other instanceof RObject source)) {
            throw RuchyError.type("Cannot spread " + Values.typeOf(other) + " into an object");
        }
        Map<String, Object> copy = source.snapshot(); // taken before locking this: a.withAll(a) is safe
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
    public Object update(String key, UnaryOperator<Object> f) {
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

    /** Whether {@code key} is present (its value may be nil). */
    public boolean has(String key) {
        synchronized (entries) {
            return entries.containsKey(key);
        }
    }

    /** Removes {@code key}; returns its value, or {@code null} if it was absent. */
    public Object remove(String key) {
        synchronized (entries) {
            return entries.remove(key);
        }
    }

    /** The keys in insertion order, as a new Ruchy array of strings. */
    public List<Object> keys() {
        synchronized (entries) {
            return new ArrayList<>(entries.keySet());
        }
    }

    /** The values in insertion order, as a new Ruchy array. */
    public List<Object> values() {
        synchronized (entries) {
            return new ArrayList<>(entries.values());
        }
    }

    /** The entries in insertion order, as a new Ruchy array of {@code (key, value)} {@link Tuple}s. */
    public List<Object> items() {
        List<Object> items = new ArrayList<>();
        snapshot().forEach((k, v) -> items.add(Tuple.of(k, v)));
        return items;
    }

    /** The number of entries. */
    public long len() {
        synchronized (entries) {
            return entries.size();
        }
    }

    public boolean isEmpty() {
        return len() == 0;
    }

    /** An unmodifiable copy of the entries, in insertion order. */
    public Map<String, Object> snapshot() {
        synchronized (entries) {
            return Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }
    }

    /**
     * The entries at one instant as {@code [key0, value0, key1, value1, ...]}, in insertion order: a
     * cheaper copy than {@link #snapshot} for code that only walks them (JSON writing).
     */
    Object[] flatEntries() {
        synchronized (entries) {
            Object[] flat = new Object[entries.size() * 2];
            int i = 0;
            for (Map.Entry<String, Object> e : entries.entrySet()) {
                flat[i++] = e.getKey();
                flat[i++] = e.getValue();
            }
            return flat;
        }
    }

    /** Equal entries, in any order (§3.5); values compare with {@link Object#equals}. */
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof RObject other && snapshot().equals(other.snapshot());
    }

    @Override
    public int hashCode() {
        return snapshot().hashCode();
    }

    /** The Display form, {@code {age: 7, name: "Ann"}}. */
    @Override
    public String toString() {
        return Fmt.display(this);
    }
}
