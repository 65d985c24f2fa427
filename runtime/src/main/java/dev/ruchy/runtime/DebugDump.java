package dev.ruchy.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reference interpreter's Rust Debug dump of a value, as {@code dbg} prints it and error
 * messages quote it (ruchy-semantics §2.4, §6.2): {@code Integer(5)}, {@code Float(2.0)},
 * {@code String("hi")}, {@code Bool(true)}, {@code Nil}, {@code Array([Integer(1)])},
 * {@code Tuple([...])}, {@code EnumVariant { enum_name: "Option", variant_name: "Some", data: Some([Integer(1)]) }}.
 * Spellings for objects, structs, ranges, atoms, bytes and functions follow the interpreter's value
 * enum but are unconfirmed; object and struct fields are sorted.
 */
final class DebugDump {
    private final StringBuilder out = new StringBuilder();
    private final Set<Object> open = Collections.newSetFromMap(new IdentityHashMap<>());

    private DebugDump() {
    }

    static String of(Object value) {
        DebugDump d = new DebugDump();
        d.value(value);
        return d.out.toString();
    }

    /** A list dumped as Rust dumps a {@code Vec<Value>}: {@code [Integer(1), String("a")]}. */
    static String ofAll(List<?> values) {
        DebugDump d = new DebugDump();
        d.list(values);
        return d.out.toString();
    }

    /** Rust's Debug of a string: double quotes, with {@code \" \\ \n \r \t \0} and control characters escaped. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        s.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case 0 -> sb.append("\\0");
                default -> {
                    if (Character.isISOControl(c)) {
                        sb.append("\\u{").append(Integer.toHexString(c)).append('}');
                    } else {
                        sb.appendCodePoint(c);
                    }
                }
            }
        });
        return sb.append('"').toString();
    }

    private void value(Object v) {
        switch (v) {
            case null -> out.append("Nil");
            case Long l -> out.append("Integer(").append(l.longValue()).append(')');
            case Integer i -> out.append("Integer(").append(i.intValue()).append(')');
            case Short s -> out.append("Integer(").append(s.shortValue()).append(')');
            case Byte b -> out.append("Byte(").append(Byte.toUnsignedInt(b)).append(')');
            case Double d -> out.append("Float(").append(FloatFormat.debug(d)).append(')');
            case Float f -> out.append("Float(").append(FloatFormat.debug(f)).append(')');
            case Boolean b -> out.append("Bool(").append(b.booleanValue()).append(')');
            case String s -> out.append("String(").append(quote(s)).append(')');
            case Character c -> out.append("String(").append(quote(String.valueOf(c))).append(')');
            case Tuple t -> {
                out.append("Tuple(");
                list(t.elements());
                out.append(')');
            }
            case List<?> l -> {
                if (enter(l)) {
                    out.append("Array(");
                    list(l);
                    out.append(')');
                    open.remove(l);
                }
            }
            case RObject o -> {
                if (enter(o)) {
                    out.append("Object(");
                    map(o.toMap());
                    out.append(')');
                    open.remove(o);
                }
            }
            case Map<?, ?> m -> {
                if (enter(m)) {
                    out.append("Object(");
                    map(m);
                    out.append(')');
                    open.remove(m);
                }
            }
            case Option.Some<?> some -> variant("Option", "Some", Collections.singletonList(some.value()));
            case Option.None<?> none -> variant("Option", "None", List.of());
            case Result.Ok<?, ?> ok -> variant("Result", "Ok", Collections.singletonList(ok.value()));
            case Result.Err<?, ?> err -> variant("Result", "Err", Collections.singletonList(err.error()));
            case Range r -> {
                out.append("Range { start: ");
                value(r.start());
                out.append(", end: ");
                value(r.end());
                out.append(", inclusive: ").append(r.inclusive()).append(" }");
            }
            case Atom a -> out.append("Atom(").append(quote(a.name())).append(')');
            case RuchyEnum e -> variant(Records.enumName(e), e.variantName(), e instanceof Record r ? Records.values(r) : List.of());
            case Enum<?> e -> variant(Records.enumName(e), e.toString(), List.of());
            case RuchyStruct s -> {
                if (enter(s)) {
                    struct(s.structName(), s.fields());
                    open.remove(s);
                }
            }
            case Record r -> struct(Records.typeName(r.getClass()), Records.fields(r));
            default -> out.append(Values.isFunction(v) ? "Closure" : v.toString());
        }
    }

    private void list(List<?> items) {
        out.append('[');
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            value(items.get(i));
        }
        out.append(']');
    }

    /** {@code {"a": Integer(1)}}: string keys quoted, other keys dumped ({@code Integer(21)}), sorted by their text. */
    private void map(Map<?, ?> map) {
        List<Map.Entry<?, ?>> sorted = new ArrayList<>(map.entrySet());
        sorted.sort((a, b) -> Renderer.compareCodePoints(RObject.keyText(a.getKey()), RObject.keyText(b.getKey())));
        out.append('{');
        for (int i = 0; i < sorted.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            Object key = sorted.get(i).getKey();
            if (key instanceof String text) {
                out.append(quote(text));
            } else {
                value(key);
            }
            out.append(": ");
            value(sorted.get(i).getValue());
        }
        out.append('}');
    }

    private void variant(String enumName, String variantName, List<?> data) {
        out.append("EnumVariant { enum_name: ").append(quote(enumName))
                .append(", variant_name: ").append(quote(variantName)).append(", data: ");
        if (data.isEmpty()) {
            out.append("None");
        } else {
            out.append("Some(");
            list(data);
            out.append(')');
        }
        out.append(" }");
    }

    private void struct(String name, Map<String, Object> fields) {
        out.append("Struct { name: ").append(quote(name)).append(", fields: ");
        map(fields);
        out.append(" }");
    }

    private boolean enter(Object container) {
        if (open.add(container)) {
            return true;
        }
        out.append("...");
        return false;
    }
}
