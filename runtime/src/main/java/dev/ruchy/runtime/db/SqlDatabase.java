package dev.ruchy.runtime.db;

import dev.ruchy.runtime.RObject;
import dev.ruchy.runtime.RuchyError;
import dev.ruchy.runtime.net.Args;
import dev.ruchy.runtime.net.Callbacks;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.locks.Lock;

/**
 * A {@link Database} on JDBC: a database ({@code transaction} null), whose every call borrows a
 * connection for itself, or the database of one transaction, whose calls all run on that
 * transaction's connection. Writes of a database take its source's {@link ConnectionSource#writeGate
 * write gate} first, then a connection.
 */
final class SqlDatabase implements Database {
    /** One call's work on a connection. */
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** What {@link #keyValue} gives for a key that cannot match any row ({@code "abc"} for an integer key). */
    private static final Object NO_ROW = new Object();

    private final String name;
    private final ConnectionSource source;
    private final Schema schema;
    /** Whether result columns may be {@code timestamptz} ones (PostgreSQL), read with their offset. */
    private final boolean zonedColumns;
    private final Connection transaction;
    private volatile boolean ended;

    /**
     * A database named {@code name} (for messages) on {@code source}; {@code zonedColumns} when the
     * database has {@code timestamptz} columns (PostgreSQL), whose type is then looked up for each
     * column of a result, a lookup SQLite spares.
     */
    SqlDatabase(String name, ConnectionSource source, boolean zonedColumns) {
        this(name, source, new Schema(), zonedColumns, null);
    }

    private SqlDatabase(String name, ConnectionSource source, Schema schema, boolean zonedColumns, Connection transaction) {
        this.name = name;
        this.source = source;
        this.schema = schema;
        this.zonedColumns = zonedColumns;
        this.transaction = transaction;
    }

    @Override
    public List<RObject> query(Object sql) {
        return query(sql, null);
    }

    @Override
    public List<RObject> query(Object sql, Object params) {
        String text = Args.string(sql, "query() sql");
        List<Object> values = SqlValues.params(params, "query()");
        return run(false, c -> {
            try (PreparedStatement ps = c.prepareStatement(text)) {
                SqlValues.bind(ps, values);
                if (ps.execute()) {
                    try (ResultSet rs = ps.getResultSet()) {
                        return SqlValues.rows(rs, zonedColumns);
                    }
                }
                schema.invalidate();
                return new ArrayList<RObject>();
            }
        });
    }

    @Override
    public long execute(Object sql) {
        return execute(sql, null);
    }

    @Override
    public long execute(Object sql, Object params) {
        String text = Args.string(sql, "execute() sql");
        List<Object> values = SqlValues.params(params, "execute()");
        return run(true, c -> {
            try (PreparedStatement ps = c.prepareStatement(text)) {
                SqlValues.bind(ps, values);
                boolean rows = ps.execute();
                int count = rows ? 0 : ps.getUpdateCount();
                schema.invalidate(); // it may have created, altered or dropped a table
                return (long) Math.max(count, 0);
            }
        });
    }

    @Override
    public long count(Object table) {
        String t = Args.string(table, "count() table");
        return run(false, c -> {
            Schema.Table found = schema.table(c, t);
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + Schema.quote(found.name()));
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Override
    public RObject find(Object table, Object id) {
        String t = Args.string(table, "find() table");
        return run(false, c -> {
            Schema.Table found = schema.table(c, t);
            Schema.Column key = key(found, "find()");
            Object value = keyValue(key, id);
            if (value == NO_ROW) {
                return null;
            }
            String sql = "SELECT * FROM " + Schema.quote(found.name()) + " WHERE " + Schema.quote(key.name()) + " = ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                SqlValues.bind(ps, 1, value);
                try (ResultSet rs = ps.executeQuery()) {
                    List<RObject> rows = SqlValues.rows(rs, zonedColumns);
                    return rows.isEmpty() ? null : rows.get(0);
                }
            }
        });
    }

    @Override
    public Object insert(Object table, Object values) {
        String t = Args.string(table, "insert() table");
        Map<String, Object> entries = SqlValues.entries(values, "insert()");
        return run(true, c -> {
            Schema.Table found = schema.table(c, t);
            StringJoiner columns = new StringJoiner(", ", " (", ")");
            StringJoiner marks = new StringJoiner(", ", " VALUES (", ")");
            List<Object> bound = new ArrayList<>();
            for (Map.Entry<String, Object> e : entries.entrySet()) {
                Schema.Column column = schema.column(c, found, e.getKey());
                columns.add(Schema.quote(column.name()));
                marks.add("?");
                bound.add(columnValue(found, column, e.getValue(), "insert()"));
            }
            StringBuilder sql = new StringBuilder("INSERT INTO ").append(Schema.quote(found.name()));
            sql.append(entries.isEmpty() ? " DEFAULT VALUES" : columns.toString() + marks);
            if (found.key() == null) {
                try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                    SqlValues.bind(ps, bound);
                    ps.executeUpdate();
                    return null;
                }
            }
            sql.append(" RETURNING ").append(Schema.quote(found.key().name()));
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                SqlValues.bind(ps, bound);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? SqlValues.value(rs.getObject(1)) : null;
                }
            }
        });
    }

    @Override
    public long update(Object table, Object id, Object values) {
        String t = Args.string(table, "update() table");
        Map<String, Object> entries = SqlValues.entries(values, "update()");
        return run(true, c -> {
            Schema.Table found = schema.table(c, t);
            Schema.Column key = key(found, "update()");
            StringJoiner sets = new StringJoiner(", ");
            List<Object> bound = new ArrayList<>();
            for (Map.Entry<String, Object> e : entries.entrySet()) {
                Schema.Column column = schema.column(c, found, e.getKey());
                sets.add(Schema.quote(column.name()) + " = ?");
                bound.add(columnValue(found, column, e.getValue(), "update()"));
            }
            Object value = keyValue(key, id);
            if (entries.isEmpty() || value == NO_ROW) {
                return 0L;
            }
            bound.add(value);
            String sql = "UPDATE " + Schema.quote(found.name()) + " SET " + sets + " WHERE " + Schema.quote(key.name()) + " = ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                SqlValues.bind(ps, bound);
                return (long) ps.executeUpdate();
            }
        });
    }

    @Override
    public long delete(Object table, Object id) {
        String t = Args.string(table, "delete() table");
        return run(true, c -> {
            Schema.Table found = schema.table(c, t);
            Schema.Column key = key(found, "delete()");
            Object value = keyValue(key, id);
            if (value == NO_ROW) {
                return 0L;
            }
            String sql = "DELETE FROM " + Schema.quote(found.name()) + " WHERE " + Schema.quote(key.name()) + " = ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                SqlValues.bind(ps, 1, value);
                return (long) ps.executeUpdate();
            }
        });
    }

    @Override
    public Object transaction(Object body) {
        Callbacks.function(body, "transaction() body");
        if (transaction != null) {
            return nested(body);
        }
        Lock gate = source.writeGate();
        gate.lock();
        try (ConnectionSource.Lease lease = source.borrow()) {
            Connection c = lease.connection();
            c.setAutoCommit(false);
            SqlDatabase tx = new SqlDatabase(name, source, schema, zonedColumns, c);
            try {
                Object result = Callbacks.callLenient(body, tx);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollback(c, e);
                throw e;
            } finally {
                tx.ended = true;
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw error(e);
        } finally {
            gate.unlock();
        }
    }

    /** {@code tx.transaction(body)}: {@code body} under a savepoint of the running transaction. */
    private Object nested(Object body) {
        checkOpen();
        Savepoint savepoint;
        try {
            savepoint = transaction.setSavepoint();
        } catch (SQLException e) {
            throw error(e);
        }
        try {
            Object result = Callbacks.callLenient(body, this);
            transaction.releaseSavepoint(savepoint);
            return result;
        } catch (SQLException e) {
            throw error(e);
        } catch (RuntimeException | Error e) {
            try {
                transaction.rollback(savepoint);
            } catch (SQLException rollbackFailed) {
                e.addSuppressed(rollbackFailed);
            }
            throw e;
        }
    }

    private static void rollback(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public List<Object> tables() {
        return run(false, c -> new ArrayList<Object>(schema.names(c)));
    }

    @Override
    public void close() {
        if (transaction != null) {
            throw RuchyError.runtime("close() is not for a transaction: it ends when its closure returns");
        }
        ended = true;
        Connect.closed(this);
        source.close();
    }

    @Override
    public String toString() {
        return (transaction != null ? "Transaction(" : "Database(") + name + ")";
    }

    // ---- helpers --------------------------------------------------------------------------------

    private <T> T run(boolean write, Work<T> work) {
        checkOpen();
        try {
            if (transaction != null) {
                return work.run(transaction);
            }
            Lock gate = write ? source.writeGate() : null;
            if (gate != null) {
                gate.lock();
            }
            try (ConnectionSource.Lease lease = source.borrow()) {
                return work.run(lease.connection());
            } finally {
                if (gate != null) {
                    gate.unlock();
                }
            }
        } catch (SQLException e) {
            throw error(e);
        }
    }

    private void checkOpen() {
        if (ended) {
            throw RuchyError.runtime(transaction != null ? "This transaction has ended: use it only inside its closure"
                    : "The database " + name + " is closed");
        }
    }

    private static Schema.Column key(Schema.Table table, String what) {
        if (table.key() == null) {
            throw RuchyError.runtime(what + ": table " + Schema.shown(table.name())
                    + " has no key (a one-column primary key, or a column named id)");
        }
        return table.key();
    }

    /**
     * The key value to bind for {@code id}: a string of digits or an integral float as an integer when
     * the key column is an integer one; {@link #NO_ROW} for a value no such key can have.
     */
    private static Object keyValue(Schema.Column key, Object id) {
        if (!key.integral()) {
            return id;
        }
        return switch (id) {
            case String s -> {
                try {
                    yield Long.parseLong(s.trim());
                } catch (NumberFormatException e) {
                    yield NO_ROW;
                }
            }
            case Double d -> d == Math.rint(d) && !d.isInfinite() ? (Object) d.longValue() : NO_ROW;
            case null -> NO_ROW;
            default -> id;
        };
    }

    /**
     * The value to bind for {@code column} of an {@code insert} or {@code update}: for an integer
     * column a string of digits as that integer ({@code "42"}, as a form or a path gives it), any
     * other value as itself.
     *
     * @throws RuchyError {@code Type error: insert(): column 'author_id' of table 'posts' holds integers,
     *                    got a string that is not one} (the string is not repeated: it may be a
     *                    client's SQL, and the message may reach the client)
     */
    private static Object columnValue(Schema.Table table, Schema.Column column, Object value, String what) {
        if (!column.integral() || !(value instanceof String s)) {
            return value;
        }
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw RuchyError.type(what + ": column " + Schema.shown(column.name()) + " of table "
                    + Schema.shown(table.name()) + " holds integers, got a string that is not one");
        }
    }

    private static RuchyError error(SQLException e) {
        return RuchyError.runtime("Database error: " + e.getMessage());
    }
}
