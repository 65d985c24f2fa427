package dev.ruchy.runtime;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a value into text in one of three forms. {@link Mode#DISPLAY} is ruchy-semantics §2.2;
 * {@link Mode#INTERPOLATE} is the f-string variant of §2.5 (strings raw inside arrays, tuples and
 * objects, Display again inside structs, enum variants, Some/Ok/Err); {@link Mode#DEBUG} serves the
 * {@code {:?}} format spec (Display, but strings quoted with escapes and floats in Rust's Debug form).
 *
 * <p>A container that contains itself prints {@code [...]} / {@code {...}} at the repeat.
 */
final class Renderer {
    enum Mode { DISPLAY, INTERPOLATE, DEBUG }

    private final StringBuilder out = new StringBuilder();
    private final Set<Object> open = Collections.newSetFromMap(new IdentityHashMap<>());

    private Renderer() {
    }

    static String render(Object value, Mode mode) {
        Renderer r = new Renderer();
        r.value(value, mode);
        return r.out.toString();
    }

    private void value(Object v, Mode mode) {
        switch (v) {
            case null -> out.append("nil");
            case String s -> string(s, mode);
            case Character c -> string(String.valueOf(c), mode);
            case Long l -> out.append(l.longValue());
            case Integer i -> out.append(i.intValue());
            case Short s -> out.append(s.shortValue());
            case Byte b -> out.append(Byte.toUnsignedInt(b));
            case Double d -> out.append(mode == Mode.DEBUG ? FloatFormat.debug(d) : FloatFormat.display(d));
            case Float f -> out.append(mode == Mode.DEBUG ? FloatFormat.debug(f) : FloatFormat.display(f));
            case Boolean b -> out.append(b.booleanValue());
            case Tuple t -> sequence("(", t.elements(), ")", mode);
            case List<?> l -> {
                if (enter(l, "[...]")) {
                    sequence("[", l, "]", mode);
                    open.remove(l);
                }
            }
            case RObject o -> {
                if (enter(o, "{...}")) {
                    entries("{", o.toMap(), mode);
                    open.remove(o);
                }
            }
            case Map<?, ?> m -> {
                if (enter(m, "{...}")) {
                    entries("{", m, mode);
                    open.remove(m);
                }
            }
            case Option.Some<?> some -> wrapped("Some", Collections.singletonList(some.value()), mode);
            case Option.None<?> none -> out.append("None");
            case Result.Ok<?, ?> ok -> wrapped("Ok", Collections.singletonList(ok.value()), mode);
            case Result.Err<?, ?> err -> wrapped("Err", Collections.singletonList(err.error()), mode);
            case Range r -> out.append(r);
            case Atom a -> out.append(a);
            case RuchyEnum e -> wrapped(e.variantName(), e instanceof Record r ? Records.values(r) : List.of(), mode);
            case Enum<?> e -> out.append(e);
            case RuchyStruct s -> {
                if (enter(s, s.structName() + " {...}")) {
                    entries(s.structName() + " {", s.fields(), inner(mode));
                    open.remove(s);
                }
            }
            case Record r -> entries(Records.typeName(r.getClass()) + " {", Records.fields(r), inner(mode));
            default -> out.append(Values.isFunction(v) ? "<function>" : v.toString());
        }
    }

    private void string(String s, Mode mode) {
        switch (mode) {
            case DISPLAY -> out.append('"').append(s).append('"');
            case INTERPOLATE -> out.append(s);
            case DEBUG -> out.append(DebugDump.quote(s));
        }
    }

    private void sequence(String open, List<?> items, String close, Mode mode) {
        out.append(open);
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            value(items.get(i), mode);
        }
        out.append(close);
    }

    /** {@code Name(a, b)}, or just {@code Name} without data; the data in Display form (§2.5). */
    private void wrapped(String name, List<?> data, Mode mode) {
        out.append(name);
        if (!data.isEmpty()) {
            sequence("(", data, ")", inner(mode));
        }
    }

    /**
     * {@code open}, then {@code k: v} pairs joined by {@code ", "} with keys unquoted and in the byte (code
     * point) order of their text ({@code {100: "a", 21: "b"}}, as the interpreter, whose keys are strings,
     * prints them), then a closing brace.
     */
    private void entries(String open, Map<?, ?> map, Mode mode) {
        List<Map.Entry<String, Object>> sorted = new ArrayList<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            sorted.add(new AbstractMap.SimpleImmutableEntry<>(RObject.keyText(e.getKey()), e.getValue()));
        }
        sorted.sort((a, b) -> compareCodePoints(a.getKey(), b.getKey()));
        out.append(open);
        for (int i = 0; i < sorted.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            out.append(sorted.get(i).getKey()).append(": ");
            value(sorted.get(i).getValue(), mode);
        }
        out.append('}');
    }

    private boolean enter(Object container, String repeat) {
        if (open.add(container)) {
            return true;
        }
        out.append(repeat);
        return false;
    }

    /** Inside structs and enum variants, f-string rendering falls back to Display (§2.5). */
    private static Mode inner(Mode mode) {
        return mode == Mode.INTERPOLATE ? Mode.DISPLAY : mode;
    }

    /** UTF-8 byte order, which is code point order (Java's {@code compareTo} is UTF-16 order). */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
