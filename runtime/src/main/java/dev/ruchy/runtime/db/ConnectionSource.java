package dev.ruchy.runtime.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.Lock;

/** Where a database's connections come from: a pool, or one connection shared under a lock. */
interface ConnectionSource extends AutoCloseable {
    /** A connection held until the lease is closed. */
    interface Lease extends AutoCloseable {
        Connection connection();

        @Override
        void close() throws SQLException;
    }

    /** A connection for one statement or transaction; blocks until one is free. */
    Lease borrow() throws SQLException;

    /**
     * The lock every write takes before it borrows a connection, so writers wait in the JVM (a
     * virtual thread unmounts) instead of in the database; a lock that never blocks where the
     * database handles concurrent writers itself.
     */
    Lock writeGate();

    @Override
    void close();
}
