package dev.ruchy.runtime.db;

import com.zaxxer.hikari.pool.HikariPool;
import dev.ruchy.runtime.RuchyError;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * {@code db::connect(url)}: the URL's scheme picks the driver. Each scheme is one branch of
 * {@link #open}, which builds a {@link ConnectionSource}; everything above it (SQL, metadata checks,
 * transactions) is the same JDBC code for every database.
 */
final class Connect {
    /** How long a statement waits for SQLite's lock (another process writing) before it fails. */
    static final int BUSY_TIMEOUT_MILLIS = 30_000;

    private static final Set<SqlDatabase> OPEN = ConcurrentHashMap.newKeySet();
    /** Held, since the logging framework keeps loggers only weakly. */
    private static final Logger POOL_LOGGER = Logger.getLogger("com.zaxxer.hikari");

    static {
        // the pool's start and stop notes stay out of a program's standard error, unless the JVM was
        // given a logging configuration
        if (System.getProperty("java.util.logging.config.file") == null
                && System.getProperty("java.util.logging.config.class") == null) {
            POOL_LOGGER.setLevel(Level.WARNING);
        }
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> OPEN.forEach(SqlDatabase::close)));
    }

    private Connect() {
    }

    /**
     * A database for {@code url}.
     *
     * @throws RuchyError an unknown scheme, a malformed URL, or a database that cannot be opened (for
     *                    PostgreSQL: which of connection refused, authentication failed, database
     *                    missing; never the password)
     */
    static Database open(String url) {
        String rest = url.startsWith("jdbc:") ? url.substring(5) : url;
        int colon = rest.indexOf(':');
        String scheme = colon < 0 ? "" : rest.substring(0, colon).toLowerCase(Locale.ROOT);
        String target = colon < 0 ? "" : rest.substring(colon + 1);
        try {
            SqlDatabase db = switch (scheme) {
                case "sqlite" -> sqlite(target);
                case "postgres", "postgresql" -> PostgresUrl.parse(target).open();
                default -> throw RuchyError.runtime("db::connect(): unsupported database URL "
                        + (scheme.isEmpty() ? "(no scheme)" : "scheme '" + scheme + "'")
                        + "; expected sqlite:FILE, sqlite::memory: or postgres://USER:PASSWORD@HOST:PORT/NAME");
            };
            OPEN.add(db);
            return db;
        } catch (SQLException e) {
            throw RuchyError.runtime("db::connect(): cannot open " + scheme + " database: " + e.getMessage());
        } catch (HikariPool.PoolInitializationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw RuchyError.runtime("db::connect(): cannot open " + scheme + " database: " + cause.getMessage());
        }
    }

    static void closed(SqlDatabase db) {
        OPEN.remove(db);
    }

    /** {@code sqlite:FILE}, {@code sqlite://FILE}, {@code sqlite::memory:}. */
    private static SqlDatabase sqlite(String target) throws SQLException {
        String file = target.startsWith("//") ? target.substring(2) : target;
        if (file.isEmpty()) {
            throw RuchyError.runtime("db::connect(): a sqlite: URL needs a file name (sqlite:data.db) or :memory:");
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.enforceForeignKeys(true);
        // a transaction takes the write lock when it begins, so it never has to upgrade a read lock
        // (which SQLite refuses with SQLITE_BUSY rather than wait)
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        // the generated keys of an INSERT come back through RETURNING: without this the driver
        // matches every statement it runs against an INSERT pattern, for getGeneratedKeys()
        config.setGetGeneratedKeys(false);
        if (file.equals(":memory:")) {
            SQLiteDataSource source = new SQLiteDataSource(config);
            source.setUrl("jdbc:sqlite::memory:");
            return new SqlDatabase("sqlite::memory:", new SharedConnectionSource(source.getConnection()), false);
        }
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        Path path = Path.of(System.getProperty("user.dir", "")).resolve(file).toAbsolutePath().normalize();
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl("jdbc:sqlite:" + path);
        PooledSource pool = new PooledSource("ruchy-sqlite", source, new ReentrantLock(true));
        return new SqlDatabase("sqlite:" + file, pool, false);
    }
}
