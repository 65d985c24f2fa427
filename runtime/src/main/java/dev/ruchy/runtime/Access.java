package dev.ruchy.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Field access, indexing, slicing and destructuring of dynamic values (ruchy-semantics §5.3–5.6, §4.5). */
final class Access {
    private Access() {
    }

    static Object field(Object obj, String name) {
        switch (obj) {
            case null -> throw RuchyError.runtime("Cannot access field '" + name + "' on nil");
            case RObject o -> {
                return o.get(name);
            }
            case Tuple t -> {
                return t.get(tupleIndex(t, name));
            }
            case Range r when name.equals("start") || name.equals("end") -> {
                return name.equals("start") ? r.start() : r.end();
            }
            case Option<?> o -> throw noField(obj, name);
            case Result<?, ?> r -> throw noField(obj, name);
            case Range r -> throw noField(obj, name);
            case Atom a -> throw noField(obj, name);
            case RuchyStruct s -> {
                Map<String, Object> fields = s.fields();
                if (fields.containsKey(name)) {
                    return fields.get(name);
                }
                throw RuchyError.runtime("Field '" + name + "' not found in struct " + s.structName());
            }
            case Record r -> {
                Map<String, Object> fields = Records.fields(r);
                if (fields.containsKey(name)) {
                    return fields.get(name);
                }
                String kind = r instanceof RuchyEnum e ? "variant " + e.variantName() : "struct " + Records.typeName(r.getClass());
                throw RuchyError.runtime("Field '" + name + "' not found in " + kind);
            }
            case Map<?, ?> m -> {
                if (m.containsKey(name)) {
                    return m.get(name);
                }
                throw RuchyError.runtime("Object has no field named '" + name + "'");
            }
            default -> {
                if (isPlainValue(obj)) {
                    throw noField(obj, name);
                }
                Object v = Reflect.get(obj, name);
                if (v == Reflect.NONE) {
                    throw noField(obj, name);
                }
                return v;
            }
        }
    }

    private static int tupleIndex(Tuple t, String name) {
        try {
            return Integer.parseInt(name);
        } catch (NumberFormatException e) {
            throw noField(t, name);
        }
    }

    private static RuchyError noField(Object obj, String name) {
        return RuchyError.runtime("Cannot access field '" + name + "' on " + Values.typeOf(obj));
    }

    /** Values the runtime represents with JDK types, which are never searched by reflection. */
    private static boolean isPlainValue(Object v) {
        return v instanceof Number || v instanceof String || v instanceof Boolean || v instanceof Character
                || v instanceof List<?> || Values.isFunction(v);
    }

    static void setField(Object obj, String name, Object value) {
        switch (obj) {
            case RObject o -> o.set(name, value);
            case null -> throw RuchyError.runtime("Cannot assign field '" + name + "' on nil");
            case Record r when !(r instanceof Tuple) && !(r instanceof Option<?>) && !(r instanceof Result<?, ?>)
                    && !(r instanceof Range) && !(r instanceof Atom) -> throw RuchyError.runtime(
                    "Cannot assign field '" + name + "' of " + Records.typeName(r.getClass()) + ": its fields are immutable");
            case Map<?, ?> m -> {
                @SuppressWarnings("unchecked")
                Map<Object, Object> writable = (Map<Object, Object>) m;
                writable.put(name, value);
            }
            default -> {
                if (isPlainValue(obj) || obj instanceof Record || !Reflect.set(obj, name, value)) {
                    throw RuchyError.runtime("Cannot assign field '" + name + "' on " + Values.typeOf(obj));
                }
            }
        }
    }

    static Object index(Object container, Object index) {
        if (index instanceof Range r) {
            return switch (container) {
                case List<?> l -> {
                    int[] b = bounds(r, l.size());
                    yield new ArrayList<Object>(l.subList(b[0], b[1]));
                }
                case String s -> substring(s, r);
                case Character c -> substring(c.toString(), r);
                case null, default -> throw badIndex(container, index);
            };
        }
        switch (container) {
            case List<?> l when Arith.isInt(index) -> {
                return l.get(Lists.position(Arith.longOf(index), l.size(), "array"));
            }
            case String s when Arith.isInt(index) -> {
                return charAt(s, Arith.longOf(index));
            }
            case Tuple t when Arith.isInt(index) -> {
                return t.elements().get(Lists.position(Arith.longOf(index), t.elements().size(), "tuple"));
            }
            case RObject o when index instanceof String key -> { // the common case, without key conversion
                if (!o.has(key)) {
                    throw RuchyError.runtime("Key '" + key + "' not found in object");
                }
                return o.getOrNull(key);
            }
            case RObject o when RObject.keyOrNull(index) != null -> {
                if (!o.has(index)) {
                    throw RuchyError.runtime("Key '" + RObject.keyText(index) + "' not found in object");
                }
                return o.getOrNull(index);
            }
            case Map<?, ?> m when index instanceof String key -> {
                if (!m.containsKey(key)) {
                    throw RuchyError.runtime("Key '" + key + "' not found in object");
                }
                return m.get(key);
            }
            case null, default -> throw badIndex(container, index);
        }
    }

    private static RuchyError badIndex(Object container, Object index) {
        return RuchyError.runtime("Cannot index " + Values.typeOf(container) + " with " + Values.typeOf(index));
    }

    static void setIndex(Object container, Object index, Object value) {
        switch (container) {
            case List<?> l when Arith.isInt(index) -> {
                @SuppressWarnings("unchecked")
                List<Object> writable = (List<Object>) l;
                writable.set(Lists.position(Arith.longOf(index), l.size(), "array"), value);
            }
            case RObject o when index instanceof String key -> o.set(key, value);
            case RObject o when RObject.keyOrNull(index) != null -> o.set(index, value);
            case null, default -> throw RuchyError.runtime(
                    "Cannot assign to " + Values.typeOf(container) + " indexed with " + Values.typeOf(index));
        }
    }

    /** {@code s[i]}: the character (code point) at {@code i}, negative from the end, as a one-character string. */
    static String charAt(String s, long index) {
        int chars = s.codePointCount(0, s.length());
        int at = Lists.position(index, chars, "string");
        if (chars == s.length()) {
            return String.valueOf(s.charAt(at));
        }
        int from = s.offsetByCodePoints(0, at);
        return s.substring(from, s.offsetByCodePoints(from, 1));
    }

    /** {@code s[a..b]}: characters (code points), bounds as for arrays. */
    static String substring(String s, Range r) {
        int chars = s.codePointCount(0, s.length());
        int[] b = bounds(r, chars);
        if (chars == s.length()) {
            return s.substring(b[0], b[1]);
        }
        int from = s.offsetByCodePoints(0, b[0]);
        return s.substring(from, s.offsetByCodePoints(from, b[1] - b[0]));
    }

    /**
     * The {@code [from, to)} positions a slice range designates in a sequence of {@code length}: negative
     * bounds count from the end, {@code ..=} includes its end, an open end is past every position, and
     * both are then clamped to {@code [0, length]} (§5.4: "end clamped"; {@code xs[7..]} of 5 elements is empty).
     *
     * @throws RuchyError {@code Runtime error: Invalid range: start 4 is greater than end 2} (§6.2)
     */
    static int[] bounds(Range r, int length) {
        long from = r.start() < 0 ? r.start() + length : r.start();
        long to;
        if (r.openEnd()) {
            to = Long.MAX_VALUE;
        } else {
            to = r.end() < 0 ? r.end() + length : r.end();
            if (r.inclusive() && to != Long.MAX_VALUE) {
                to++;
            }
        }
        if (from > to) {
            throw RuchyError.runtime("Invalid range: start " + r.start() + " is greater than end " + r.end());
        }
        return new int[] {Math.clamp(from, 0, length), Math.clamp(to, 0, length)};
    }

    /**
     * Element {@code index} of a tuple, array, Some/Ok/Err (index 0) or enum-variant/struct record (its
     * components in order), as destructuring patterns read them; negative counts from the end.
     */
    static Object element(Object value, long index) {
        return switch (value) {
            case Tuple t -> t.elements().get(Lists.position(index, t.elements().size(), "tuple"));
            case List<?> l -> l.get(Lists.position(index, l.size(), "array"));
            case Option.Some<?> s when index == 0 || index == -1 -> s.value();
            case Result.Ok<?, ?> ok when index == 0 || index == -1 -> ok.value();
            case Result.Err<?, ?> err when index == 0 || index == -1 -> err.error();
            case Option<?> o -> throw RuchyError.runtime("Index " + index + " out of bounds for " + Fmt.display(o));
            case Result<?, ?> r -> throw RuchyError.runtime("Index " + index + " out of bounds for " + Fmt.display(r));
            case Range r -> throw cannotDestructure(r);
            case Atom a -> throw cannotDestructure(a);
            case Record r -> {
                List<Object> parts = Records.values(r);
                yield parts.get(Lists.position(index, parts.size(), Records.typeName(r.getClass())));
            }
            case null, default -> throw cannotDestructure(value);
        };
    }

    private static RuchyError cannotDestructure(Object value) {
        return RuchyError.runtime("Cannot destructure " + Values.typeOf(value));
    }

    /** The elements between the first {@code before} and the last {@code after}, as a new array ({@code [a, ..rest, z]}). */
    static List<Object> restOf(Object list, int before, int after) {
        if (!(list instanceof List<?> l) || before < 0 || after < 0 || l.size() < before + after) {
            throw RuchyError.runtime("Cannot take the rest of " + Values.typeOf(list) + " after "
                    + before + " and before " + after + " elements");
        }
        return new ArrayList<>(l.subList(before, l.size() - after));
    }

    /**
     * What {@code for x in value} visits (§4.6): an array's elements (a snapshot, so the body may change
     * the array), a range's integers; project extensions: an object's keys and any Java
     * {@link Iterable}.
     *
     * @throws RuchyError {@code Type error: For loop requires an iterable}
     */
    static Iterable<Object> iterate(Object value) {
        return switch (value) {
            case List<?> l -> {
                synchronized (l) { // a snapshot, consistent with ArrayMethods' locking of shared arrays
                    yield Arrays.asList(l.toArray());
                }
            }
            case Range r -> () -> {
                Iterator<Long> longs = r.iterator();
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return longs.hasNext();
                    }

                    @Override
                    public Object next() {
                        return longs.next();
                    }
                };
            };
            case RObject o -> o.keys();
            case Map<?, ?> m -> new ArrayList<>(m.keySet()); // a Java map, as an object: its keys, as they are now
            case Iterable<?> it -> {
                List<Object> copy = new ArrayList<>();
                it.forEach(copy::add);
                yield copy;
            }
            case null, default -> throw RuchyError.type("For loop requires an iterable");
        };
    }
}
