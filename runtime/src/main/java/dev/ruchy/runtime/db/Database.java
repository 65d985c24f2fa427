package dev.ruchy.runtime.db;

import dev.ruchy.runtime.RObject;
import dev.ruchy.runtime.RuchyError;
import java.util.List;

/**
 * A database as Ruchy programs use it ({@code let db = db::connect("sqlite:data.db")}), and the
 * transaction handed to {@link #transaction}'s closure, which has the same methods.
 *
 * <p>Values go to SQL as bound parameters only: integers, floats, strings, booleans and nil as
 * themselves, arrays and objects as their JSON text. Rows come back as objects from column name to
 * value: INTEGER as an integer, REAL as a float, TEXT as a string, NULL as nil, a BLOB as an array of
 * byte values. Table and column names are checked against the database's metadata and quoted.
 *
 * <p>Every method throws {@link RuchyError}: {@code Runtime error: Unknown table 'postz'},
 * {@code Runtime error: Unknown column 'evil' in table 'posts'}, or
 * {@code Runtime error: Database error: ...} with the driver's message for a failing statement.
 */
public interface Database {
    /**
     * Opens a database ({@code db::connect(url)}): {@code sqlite:FILE}, {@code sqlite::memory:} or
     * {@code postgres://USER:PASSWORD@HOST:PORT/NAME}.
     *
     * @param url the database URL
     * @return the database
     * @throws RuchyError {@code Runtime error: db::connect(): unsupported database URL ...}, or
     *                    {@code ...: cannot open sqlite database: ...}
     */
    static Database connect(String url) {
        return Connect.open(url);
    }

    /**
     * Runs a query without parameters ({@code db.query("SELECT * FROM posts")}).
     *
     * @param sql the statement
     * @return an array of row objects, in the order the database gives them
     */
    List<RObject> query(Object sql);

    /**
     * Runs a query with {@code ?} placeholders ({@code db.query("SELECT * FROM posts LIMIT ?", [10])}).
     *
     * @param sql    the statement
     * @param params an array of values, one for each {@code ?}, or nil for none
     * @return an array of row objects
     */
    List<RObject> query(Object sql, Object params);

    /**
     * Runs a statement without parameters ({@code db.execute("CREATE TABLE ...")}).
     *
     * @param sql the statement
     * @return the number of rows it changed (0 for DDL)
     */
    long execute(Object sql);

    /**
     * Runs a statement with {@code ?} placeholders ({@code db.execute("DELETE FROM t WHERE a = ?", [1])}).
     *
     * @param sql    the statement
     * @param params an array of values, or nil
     * @return the number of rows it changed
     */
    long execute(Object sql, Object params);

    /**
     * The number of rows of a table ({@code db.count("posts")}).
     *
     * @param table a table the database has
     * @return the count
     */
    long count(Object table);

    /**
     * The row of a table with the given key ({@code db.find("posts", 3)}). The key column is the
     * table's one-column primary key, else its column {@code id}; a key given as a string of digits
     * ({@code req.params.id}) matches an integer key.
     *
     * @param table a table the database has
     * @param id    the key value
     * @return the row object, or nil when there is none
     */
    RObject find(Object table, Object id);

    /**
     * Inserts a row ({@code db.insert("posts", {title: "Hi"})}); every key of the object must be a
     * column of the table.
     *
     * @param table  a table the database has
     * @param values an object from column name to value
     * @return the new row's key (an integer for an integer key), or nil for a table without a key
     */
    Object insert(Object table, Object values);

    /**
     * Changes the columns named by an object's keys in the row with the given key
     * ({@code db.update("posts", 3, {title: "New"})}).
     *
     * @param table  a table the database has
     * @param id     the key value
     * @param values an object from column name to new value
     * @return the number of rows changed (0 or 1)
     */
    long update(Object table, Object id, Object values);

    /**
     * Deletes the row with the given key ({@code db.delete("posts", 3)}).
     *
     * @param table a table the database has
     * @param id    the key value
     * @return the number of rows deleted (0 or 1)
     */
    long delete(Object table, Object id);

    /**
     * Runs {@code body} in a transaction ({@code db.transaction(|tx| { tx.insert(...); ... })}): the
     * closure gets a database on the transaction's connection, and the transaction commits when the
     * closure returns and rolls back when it throws (the error then goes on). Inside a transaction
     * this runs {@code body} under a savepoint, so a nested failure undoes only its own part. Use
     * {@code tx}, not the outer database, inside the closure.
     *
     * @param body a function of zero or one parameter
     * @return what {@code body} returned
     */
    Object transaction(Object body);

    /**
     * The names of the database's tables and views, sorted ({@code db.tables()}).
     *
     * @return an array of strings
     */
    List<Object> tables();

    /**
     * Closes the database's connections; later calls fail. Databases still open close when the
     * program ends.
     */
    void close();
}
