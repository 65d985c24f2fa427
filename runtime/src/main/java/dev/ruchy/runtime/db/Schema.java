package dev.ruchy.runtime.db;

import dev.ruchy.runtime.RuchyError;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tables and columns a database has, read from its JDBC {@link DatabaseMetaData}: the only
 * source of the names the generated SQL contains. Read once and again whenever a name is not found
 * (a table created since) or a statement may have changed the schema ({@link #invalidate}).
 */
final class Schema {
    /** A column: its name as the database spells it and its {@link Types JDBC type}. */
    record Column(String name, int type) {
        boolean integral() {
            return type == Types.INTEGER || type == Types.BIGINT || type == Types.SMALLINT || type == Types.TINYINT;
        }
    }

    /**
     * A table or view: its columns in order, and its key (the one-column primary key, else a column
     * named {@code id}, else null).
     */
    record Table(String name, Map<String, Column> columns, Column key) {
        /** The column {@code requested} names: the same spelling, else the only one equal ignoring case; or null. */
        Column column(String requested) {
            Column exact = columns.get(requested);
            if (exact != null) {
                return exact;
            }
            List<Column> folded = columns.values().stream().filter(c -> c.name().equalsIgnoreCase(requested)).toList();
            return folded.size() == 1 ? folded.get(0) : null;
        }
    }

    private volatile Map<String, Table> tables;

    /** Forgets what was read; the next lookup reads the metadata again. */
    void invalidate() {
        tables = null;
    }

    /**
     * The table {@code requested} names, matched as {@link Table#column} matches columns.
     *
     * @throws RuchyError {@code Runtime error: Unknown table 'postz'}
     */
    Table table(Connection c, String requested) throws SQLException {
        Table t = lookup(tables, requested);
        if (t == null) {
            t = lookup(load(c), requested);
        }
        if (t == null) {
            throw RuchyError.runtime("Unknown table " + shown(requested));
        }
        return t;
    }

    /**
     * The column of {@code table} that {@code requested} names.
     *
     * @throws RuchyError {@code Runtime error: Unknown column 'evil' in table 'posts'}
     */
    Column column(Connection c, Table table, String requested) throws SQLException {
        Column col = table.column(requested);
        if (col == null) {
            Table fresh = lookup(load(c), table.name());
            col = fresh == null ? null : fresh.column(requested);
        }
        if (col == null) {
            throw RuchyError.runtime("Unknown column " + shown(requested) + " in table " + shown(table.name()));
        }
        return col;
    }

    /** The names of every table and view, sorted. */
    List<String> names(Connection c) throws SQLException {
        Map<String, Table> all = tables;
        return new ArrayList<>((all == null ? load(c) : all).keySet());
    }

    private static Table lookup(Map<String, Table> all, String requested) {
        if (all == null) {
            return null;
        }
        Table exact = all.get(requested);
        if (exact != null) {
            return exact;
        }
        List<Table> folded = all.values().stream().filter(t -> t.name().equalsIgnoreCase(requested)).toList();
        return folded.size() == 1 ? folded.get(0) : null;
    }

    private Map<String, Table> load(Connection c) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        String catalog = c.getCatalog();
        String schema = c.getSchema();
        List<String> names = new ArrayList<>();
        try (ResultSet rs = md.getTables(catalog, schema, "%", new String[] {"TABLE", "VIEW"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME"));
            }
        }
        Map<String, Table> all = new TreeMap<>();
        for (String name : names) {
            Map<String, Column> columns = new LinkedHashMap<>();
            try (ResultSet rs = md.getColumns(catalog, schema, name, "%")) {
                while (rs.next()) {
                    if (name.equals(rs.getString("TABLE_NAME"))) { // the name is a pattern: `_` matches any character
                        String column = rs.getString("COLUMN_NAME");
                        columns.put(column, new Column(column, rs.getInt("DATA_TYPE")));
                    }
                }
            }
            List<String> primary = new ArrayList<>();
            try (ResultSet rs = md.getPrimaryKeys(catalog, schema, name)) {
                while (rs.next()) {
                    primary.add(rs.getString("COLUMN_NAME"));
                }
            }
            Column key = primary.size() == 1 ? columns.get(primary.get(0)) : null;
            if (key == null) {
                key = columns.values().stream().filter(col -> col.name().toLowerCase(Locale.ROOT).equals("id"))
                        .findFirst().orElse(null);
            }
            all.put(name, new Table(name, columns, key));
        }
        tables = all;
        return all;
    }

    /**
     * A name as a message quotes it, in single quotes: an identifier (letters, digits, {@code _} and
     * {@code $}) of at most 64 characters as itself ({@code 'color'}); anything else by its leading
     * identifier characters, at most 64, then {@code ...} and {@code (not an identifier)}
     * ({@code 'title...' (not an identifier)} for {@code title" = 'x' --}), so that SQL a client put
     * in a JSON key never comes back in an error message.
     */
    static String shown(String name) {
        int n = 0;
        while (n < name.length() && n < 64 && identifierPart(name.charAt(n))) {
            n++;
        }
        if (n == name.length() && n > 0) {
            return "'" + name + "'";
        }
        return "'" + name.substring(0, n) + "...'" + (n == 64 && allIdentifier(name) ? "" : " (not an identifier)");
    }

    private static boolean identifierPart(char ch) {
        return Character.isLetterOrDigit(ch) || ch == '_' || ch == '$';
    }

    private static boolean allIdentifier(String name) {
        return name.chars().allMatch(ch -> identifierPart((char) ch));
    }

    /** {@code name} as an SQL identifier: in double quotes, a double quote inside doubled. */
    static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
