package dev.ruchy.runtime.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One connection used by every caller in turn, for an in-memory database (which lives exactly as
 * long as its one connection). The lock is reentrant, so a call made inside a transaction on the
 * same thread uses the transaction's connection.
 */
final class SharedConnectionSource implements ConnectionSource {
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock(true);

    SharedConnectionSource(Connection connection) {
        this.connection = connection;
    }

    @Override
    public Lease borrow() throws SQLException {
        lock.lock();
        if (connection.isClosed()) {
            lock.unlock();
            throw new SQLException("the database is closed");
        }
        return new Lease() {
            @Override
            public Connection connection() {
                return connection;
            }

            @Override
            public void close() {
                lock.unlock();
            }
        };
    }

    @Override
    public Lock writeGate() {
        return lock;
    }

    @Override
    public void close() {
        lock.lock();
        try {
            connection.close();
        } catch (SQLException e) {
            // closing on the way out: nothing left to do with it
        } finally {
            lock.unlock();
        }
    }
}
