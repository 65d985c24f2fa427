package dev.ruchy.runtime;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JSON through Jackson (ruchy-semantics §5.7). Parsing: {@code null} → nil, integers that fit a
 * {@code long} → integer, other numbers → float (a number beyond a float's range, {@code 1e400}, is an
 * error), objects → {@link RObject} in document order.
 * Writing follows serde_json: compact {@code {"a":1,"b":[true,null]}}, floats in ryu's form
 * ({@code 3.0}, {@code 0.1}, {@code 1e21}, {@code 1.5e-7}), non-finite floats as {@code null}, and the
 * pretty form indented by two spaces with {@code "key": value}. Object keys keep insertion order; a
 * key that is not a string is written as its text, as JSON requires ({@code {21: "FTP"}} →
 * {@code {"21":"FTP"}}), so parsing it back gives string keys.
 */
final class Json {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final JsonFactory WRITER = JsonFactory.builder()
            .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE) // serde writes \u001f
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8) // UTF-8 output: 😀 as is, not \ud83d\ude00
            .build();

    private Json() {
    }

    /**
     * Parses one JSON document.
     *
     * @throws RuchyError {@code Runtime error: JSON parse error: <what> at line L column C}
     */
    static Object parse(String text) {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + " column " + at.getColumnNr();
            throw RuchyError.runtime("JSON parse error: " + e.getOriginalMessage().lines().findFirst().orElse("") + where);
        }
        if (root == null || root.isMissingNode()) {
            throw RuchyError.runtime("JSON parse error: EOF while parsing a value at line 1 column 0");
        }
        return value(root);
    }

    private static Object value(JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                RObject object = new RObject();
                for (Map.Entry<String, JsonNode> e : node.properties()) {
                    object.set(e.getKey(), value(e.getValue()));
                }
                return object;
            }
            case ARRAY -> {
                List<Object> items = new ArrayList<>(node.size());
                node.forEach(item -> items.add(value(item)));
                return items;
            }
            case STRING -> {
                return node.textValue();
            }
            case BOOLEAN -> {
                return node.booleanValue();
            }
            case NUMBER -> {
                if (node.isIntegralNumber() && node.canConvertToLong()) {
                    return node.longValue();
                }
                double d = node.doubleValue();
                if (Double.isInfinite(d)) {
                    // as serde_json: a number no float holds is an error, not infinity (written back as null)
                    throw RuchyError.runtime("JSON parse error: number out of range");
                }
                return d;
            }
            default -> {
                return null; // NULL; MISSING, BINARY and POJO do not come out of text
            }
        }
    }

    /**
     * The JSON text of {@code value}: nil, booleans, numbers, strings, arrays and objects.
     *
     * @throws RuchyError {@code Runtime error: Cannot convert <Debug> to JSON} for structs, tuples, enum
     *                    variants (Some/Ok included), ranges, functions, and containers that contain themselves
     */
    static String write(Object value, boolean pretty) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = WRITER.createGenerator(out)) {
            if (pretty) {
                g.setPrettyPrinter(new SerdePretty());
            }
            new Walk(g).write(value, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    /**
     * The compact JSON text of {@code value} as UTF-8 bytes, as {@link #write} would give it: for
     * bodies sent over the network, without the text in between.
     *
     * @throws RuchyError as {@link #write}
     */
    static byte[] writeUtf8(Object value) {
        // as Jackson's ObjectMapper.writeValueAsBytes: the builder's first block comes from the
        // factory's buffer recycler, so a small body is written without growing the builder
        BufferRecycler recycler = WRITER._getBufferRecycler();
        try (ByteArrayBuilder out = new ByteArrayBuilder(recycler)) {
            try (JsonGenerator g = WRITER.createGenerator(out, JsonEncoding.UTF8)) {
                new Walk(g).write(value, 0);
            }
            byte[] bytes = out.toByteArray();
            out.release();
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayBuilder does not fail
        } finally {
            recycler.releaseToPool();
        }
    }

    /**
     * One value written: a walk over nested containers. Cycles are looked for only below
     * {@link #TRUSTED_DEPTH} levels, so ordinary values are written without keeping a set of the
     * containers open; a value that contains itself still nests deeper and is caught there.
     */
    private static final class Walk {
        private static final int TRUSTED_DEPTH = 64;
        private final JsonGenerator g;
        private Set<Object> open;

        Walk(JsonGenerator g) {
            this.g = g;
        }

        void write(Object v, int depth) throws IOException {
            switch (v) {
                case null -> g.writeNull();
                case Boolean b -> g.writeBoolean(b);
                case Long l -> g.writeNumber(l);
                case Integer i -> g.writeNumber(i.longValue());
                case Short s -> g.writeNumber(s.longValue());
                case Double d -> writeFloat(g, d);
                case Float f -> writeFloat(g, f.doubleValue());
                case String s -> g.writeString(s);
                case Character c -> g.writeString(c.toString());
                case List<?> l -> {
                    enter(l, depth);
                    g.writeStartArray();
                    for (Object item : l.toArray()) {
                        write(item, depth + 1);
                    }
                    g.writeEndArray();
                    leave(l, depth);
                }
                case RObject o -> {
                    enter(o, depth);
                    Object[] flat = o.flatEntries();
                    g.writeStartObject();
                    for (int i = 0; i < flat.length; i += 2) {
                        g.writeFieldName(flat[i] instanceof String key ? key : RObject.keyText(flat[i]));
                        write(flat[i + 1], depth + 1);
                    }
                    g.writeEndObject();
                    leave(o, depth);
                }
                case Map<?, ?> m -> {
                    enter(m, depth);
                    g.writeStartObject();
                    for (Map.Entry<?, ?> e : m.entrySet()) {
                        g.writeFieldName(String.valueOf(e.getKey()));
                        write(e.getValue(), depth + 1);
                    }
                    g.writeEndObject();
                    leave(m, depth);
                }
                default -> throw RuchyError.runtime("Cannot convert " + Fmt.debug(v) + " to JSON");
            }
        }

        private void enter(Object container, int depth) {
            if (depth < TRUSTED_DEPTH) {
                return;
            }
            if (open == null) {
                open = Collections.newSetFromMap(new IdentityHashMap<>());
            }
            if (!open.add(container)) {
                throw RuchyError.runtime("Cannot convert a value that contains itself to JSON");
            }
        }

        private void leave(Object container, int depth) {
            if (depth >= TRUSTED_DEPTH) {
                open.remove(container);
            }
        }
    }

    private static void writeFloat(JsonGenerator g, double d) throws IOException {
        if (Double.isFinite(d)) {
            g.writeNumber(ryu(d));
        } else {
            g.writeNull();
        }
    }

    /**
     * A finite float as serde_json writes it (the ryu crate's format): shortest round-trip digits; a
     * whole number below 1e16 with {@code .0}, e.g. {@code 3.0}; plain decimals down to {@code 0.00001};
     * otherwise scientific, {@code 1e16}, {@code 1.5e-7}.
     */
    static String ryu(double d) {
        if (d == 0) {
            return FloatFormat.isNegative(d) ? "-0.0" : "0.0";
        }
        BigDecimal shortest = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int n = digits.length();
        int k = -shortest.scale(); // the value is digits × 10^k
        int kk = n + k;            // the decimal point sits after kk digits
        StringBuilder sb = new StringBuilder(d < 0 ? "-" : "");
        if (k >= 0 && kk <= 16) {
            sb.append(digits).append("0".repeat(k)).append(".0");
        } else if (kk > 0 && kk <= 16) {
            sb.append(digits, 0, kk).append('.').append(digits, kk, n);
        } else if (kk > -5 && kk <= 0) {
            sb.append("0.").append("0".repeat(-kk)).append(digits);
        } else {
            sb.append(digits.charAt(0));
            if (n > 1) {
                sb.append('.').append(digits, 1, n);
            }
            sb.append('e').append(kk - 1);
        }
        return sb.toString();
    }

    /** serde_json's pretty form: two-space indent, {@code "key": value}, empty containers as {@code []} and {@code {}}. */
    private static final class SerdePretty implements PrettyPrinter {
        private int depth;

        private void newline(JsonGenerator g) throws IOException {
            g.writeRaw('\n');
            g.writeRaw("  ".repeat(depth));
        }

        @Override
        public void writeRootValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw('\n');
        }

        @Override
        public void writeStartObject(JsonGenerator g) throws IOException {
            g.writeRaw('{');
            depth++;
        }

        @Override
        public void writeEndObject(JsonGenerator g, int entries) throws IOException {
            depth--;
            if (entries > 0) {
                newline(g);
            }
            g.writeRaw('}');
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(',');
            newline(g);
        }

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override
        public void writeStartArray(JsonGenerator g) throws IOException {
            g.writeRaw('[');
            depth++;
        }

        @Override
        public void writeEndArray(JsonGenerator g, int values) throws IOException {
            depth--;
            if (values > 0) {
                newline(g);
            }
            g.writeRaw(']');
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(',');
            newline(g);
        }

        @Override
        public void beforeArrayValues(JsonGenerator g) throws IOException {
            newline(g);
        }

        @Override
        public void beforeObjectEntries(JsonGenerator g) throws IOException {
            newline(g);
        }
    }
}
