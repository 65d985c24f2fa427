package dev.ruchy.runtime.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.Lock;
import javax.sql.DataSource;

/**
 * Connections from a HikariCP pool. Handlers run on virtual threads, so many may want a connection
 * at once: the pool stays small (a database serves few statements truly in parallel) and a handler
 * that finds none free waits for one, up to {@link #WAIT_MILLIS}.
 */
final class PooledSource implements ConnectionSource {
    /** The most connections a pool opens. */
    static final int MAX_CONNECTIONS = 8;
    /** How long a statement waits for a free connection before it fails. */
    static final long WAIT_MILLIS = 30_000;

    private final HikariDataSource pool;
    private final Lock gate;

    PooledSource(String name, DataSource connections, Lock gate) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setDataSource(connections);
        config.setMaximumPoolSize(MAX_CONNECTIONS);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(WAIT_MILLIS);
        config.setAutoCommit(true);
        this.pool = new HikariDataSource(config);
        this.gate = gate;
    }

    @Override
    public Lease borrow() throws SQLException {
        Connection c = pool.getConnection();
        return new Lease() {
            @Override
            public Connection connection() {
                return c;
            }

            @Override
            public void close() throws SQLException {
                c.close(); // back to the pool
            }
        };
    }

    @Override
    public Lock writeGate() {
        return gate;
    }

    @Override
    public void close() {
        pool.close();
    }
}
