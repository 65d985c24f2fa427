package dev.ruchy.runtime.db;

import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.RObject;
import dev.ruchy.runtime.RuchyError;
import dev.ruchy.runtime.Values;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Ruchy values to bound parameters, and result rows to Ruchy objects. */
final class SqlValues {
    private SqlValues() {
    }

    /**
     * The parameters of a statement: an array, or nil (or nothing) for none.
     *
     * @throws RuchyError {@code Type error: query() params must be an array, got object}
     */
    static List<Object> params(Object params, String what) {
        return switch (params) {
            case null -> List.of();
            case List<?> list -> new ArrayList<>(list);
            default -> throw RuchyError.type(what + " params must be an array, got " + Values.typeOf(params));
        };
    }

    /** Binds {@code values} to the statement's {@code ?}s in order. */
    static void bind(PreparedStatement ps, List<Object> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            bind(ps, i + 1, values.get(i));
        }
    }

    /**
     * Binds one value: integers, floats, strings, booleans and nil as themselves, arrays and objects
     * as JSON text.
     *
     * @throws RuchyError {@code Type error: an SQL parameter cannot be a function}
     */
    static void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        switch (value) {
            case null -> ps.setNull(index, Types.NULL);
            case Long l -> ps.setLong(index, l);
            case Integer i -> ps.setLong(index, i);
            case Short s -> ps.setLong(index, s);
            case Byte b -> ps.setLong(index, b);
            case Double d -> ps.setDouble(index, d);
            case Float f -> ps.setDouble(index, f);
            case Boolean b -> ps.setBoolean(index, b);
            case String s -> ps.setString(index, s);
            case Character c -> ps.setString(index, c.toString());
            case RObject o -> ps.setString(index, Builtins.toJson(o));
            case List<?> l -> ps.setString(index, Builtins.toJson(l));
            default -> throw RuchyError.type("an SQL parameter cannot be " + article(Values.typeOf(value)) + " "
                    + Values.typeOf(value));
        }
    }

    private static String article(String type) {
        return "aeiou".indexOf(type.isEmpty() ? 'x' : type.charAt(0)) >= 0 ? "an" : "a";
    }

    /**
     * Every row of {@code rs} as an object from column label to value; {@code zonedColumns}: some
     * columns may be {@code timestamptz} ones (only PostgreSQL's driver names a type so), read with
     * their offset.
     */
    static List<RObject> rows(ResultSet rs, boolean zonedColumns) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        String[] labels = new String[n];
        boolean[] zoned = new boolean[n];
        for (int i = 0; i < n; i++) {
            labels[i] = md.getColumnLabel(i + 1);
            zoned[i] = zonedColumns && "timestamptz".equals(md.getColumnTypeName(i + 1));
        }
        List<RObject> rows = new ArrayList<>();
        while (rs.next()) {
            RObject row = new RObject();
            for (int i = 0; i < n; i++) {
                Object v = zoned[i] ? rs.getObject(i + 1, OffsetDateTime.class) : rs.getObject(i + 1);
                row.set(labels[i], value(v));
            }
            rows.add(row);
        }
        return rows;
    }

    /**
     * A column value as a Ruchy value: integers as integers, REAL and DOUBLE PRECISION as floats, a
     * NUMERIC with no digits after the point that fits 64 bits as an integer and any other NUMERIC as
     * the nearest float, TEXT as a string, booleans as booleans, NULL as nil, timestamps, dates and
     * times as ISO 8601 strings ({@code 2024-01-02T03:04:05}, with the offset for a
     * {@code timestamptz}: {@code 2024-01-02T03:04:05Z}), anything else as its text.
     */
    static Object value(Object v) {
        return switch (v) {
            case null -> null;
            case Long l -> l;
            case Integer i -> i.longValue();
            case Short s -> s.longValue();
            case Byte b -> b.longValue();
            case Double d -> d;
            case Float f -> f.doubleValue();
            case BigInteger b -> b.bitLength() < 64 ? (Object) b.longValue() : b.doubleValue();
            case BigDecimal b -> b.scale() <= 0 && b.precision() - b.scale() < 19 ? (Object) b.longValueExact() : b.doubleValue();
            case Boolean b -> b;
            case String s -> s;
            case Timestamp t -> DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(t.toLocalDateTime());
            case Date d -> d.toLocalDate().toString();
            case Time t -> DateTimeFormatter.ISO_LOCAL_TIME.format(t.toLocalTime());
            case OffsetDateTime t -> DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
            case byte[] bytes -> {
                List<Object> list = new ArrayList<>(bytes.length);
                for (byte b : bytes) {
                    list.add((long) (b & 0xff));
                }
                yield list;
            }
            default -> v.toString(); // dates, times, UUIDs, ...: their text
        };
    }

    /** The entries of an object passed to insert or update. */
    static Map<String, Object> entries(Object values, String what) {
        if (values instanceof RObject o) {
            return o.snapshot();
        }
        throw RuchyError.type(what + " values must be an object, got " + Values.typeOf(values));
    }
}
