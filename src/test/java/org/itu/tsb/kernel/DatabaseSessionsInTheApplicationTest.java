package org.itu.tsb.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.itu.tsb.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The application's own connections carry the settings (the tests' URL names none), on H2 and on PostgreSQL (whose
 * server in .ci/with-postgres defaults to synchronous_commit off).
 */
@ApplicationTest
class DatabaseSessionsInTheApplicationTest {

    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;

    @Test
    void everyConnectionWaitsForALockAtMostTheTimeout() throws SQLException {
        if (onPostgresql()) {
            assertThat(jdbc.sql("show lock_timeout").query(String.class).single()).isEqualTo("10s");
            assertThat(jdbc.sql("show synchronous_commit").query(String.class).single()).isEqualTo("on");
        } else {
            assertThat(jdbc.sql("call lock_timeout()").query(Integer.class).single()).isEqualTo(DatabaseSessions.LOCK_TIMEOUT_MILLIS);
        }
    }

    private boolean onPostgresql() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().equals("PostgreSQL");
        }
    }
}
