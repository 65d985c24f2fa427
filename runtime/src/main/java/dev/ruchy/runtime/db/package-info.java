/**
 * Databases for Ruchy programs: {@code db::connect(url)} gives a {@link dev.ruchy.runtime.db.Database}
 * whose methods ({@code query}, {@code execute}, {@code find}, {@code insert}, {@code update},
 * {@code delete}, {@code count}, {@code transaction}) run on JDBC.
 *
 * <p>URLs: {@code sqlite:FILE} (relative to the working directory, created if missing) and
 * {@code sqlite::memory:}, through sqlite-jdbc. A file database is a HikariCP pool in WAL mode with a
 * busy timeout, and its writes go through one lock in the JVM, so concurrent handlers (each on its own
 * virtual thread) wait their turn instead of failing with {@code SQLITE_BUSY}; an in-memory database
 * is one connection shared under a lock. Pools close when the JVM shuts down.
 *
 * <p>Safe by construction: values are always bound parameters ({@code ?}); table and column names
 * given to {@code find}, {@code insert}, {@code update}, {@code delete} and {@code count} (including
 * the keys of the objects passed to {@code insert} and {@code update}) must be names the database's own
 * metadata lists, and are quoted; an unknown one is a Ruchy error naming it, never SQL.
 *
 * <p>The core package ({@code dev.ruchy.runtime}) does not name this one: {@code DbPaths} registers
 * {@code db::connect} as a {@link dev.ruchy.runtime.PathProvider} service.
 */
package dev.ruchy.runtime.db;
