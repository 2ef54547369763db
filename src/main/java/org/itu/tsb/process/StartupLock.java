package org.itu.tsb.process;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * Nodes sharing one PostgreSQL database start one at a time. The first start creates Camunda's tables, the
 * application's tables, the groups and authorizations (and the demo); two nodes doing that at once collide: two
 * {@code create table ACT_…} (one node then fails to start, as seen with two nodes started together on an empty
 * database), two inserts of one group. Replies, deadlines and notices need no such lock (row locks and claims);
 * only the start-up does.
 * <p>
 * A session-level advisory lock, taken before Flyway and the engine touch the database (see
 * {@link StartupLockConfiguration}) and released when the application is ready or has failed. A node killed while
 * holding it releases it with its connection. H2 needs none: its file database serves one process.
 */
public class StartupLock implements AutoCloseable {

    /** The lock's key among the database's advisory locks: "consultation-workflow start-up", any fixed number would do. */
    static final long KEY = 0x636f6e7375_6c74L;
    private static final Logger log = LoggerFactory.getLogger(StartupLock.class);

    private Connection held;
    /** The session's lock timeout while this lock waited without one, to put back; null if it never waited. */
    private String lockTimeout;

    public StartupLock(DataSource dataSource) throws SQLException {
        Connection connection = dataSource.getConnection();
        if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
            connection.close();
            return;
        }
        try (Statement statement = connection.createStatement()) {
            var tried = statement.executeQuery("select pg_try_advisory_lock(" + KEY + ")");
            tried.next();
            if (!tried.getBoolean(1)) {
                log.info("Another node is starting on this database: waiting for it to finish its start-up");
                // the other node's start takes longer than the lock timeout every session gets (DatabaseSessions): this
                // one wait has none; the setting is put back before the pool has the connection again (close)
                var current = statement.executeQuery("show lock_timeout");
                current.next();
                lockTimeout = current.getString(1);
                statement.execute("set lock_timeout = 0");
                statement.execute("select pg_advisory_lock(" + KEY + ")");
            }
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        held = connection;
    }

    @EventListener({ApplicationReadyEvent.class, ApplicationFailedEvent.class})
    public void started() {
        close();
    }

    @Override
    public synchronized void close() {
        if (held == null) {
            return;
        }
        try (Connection connection = held; Statement statement = connection.createStatement()) {
            statement.execute("select pg_advisory_unlock(" + KEY + ")");
            if (lockTimeout != null) {
                statement.execute("set lock_timeout = '" + lockTimeout.replace("'", "''") + "'");
            }
        } catch (SQLException e) {
            // closing the connection releases the lock anyway
            log.debug("start-up lock released with its connection: {}", e.getMessage());
        } finally {
            held = null;
        }
    }
}
