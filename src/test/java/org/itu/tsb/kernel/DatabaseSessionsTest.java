package org.itu.tsb.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A commit's durability and the lock timeout come from the application, not from the URL: an H2 file database opened
 * with a URL that asks for H2's default delay (as an operator's own URL would) still writes each commit at once.
 * ReplyDurabilityTest shows what that means for a killed process, with a URL that names neither.
 */
class DatabaseSessionsTest {

    @TempDir
    Path dir;

    @Test
    void anH2UrlWithoutTheSettingsStillGetsThem() {
        try (HikariDataSource pool = pool("jdbc:h2:file:" + dir.resolve("db") + ";WRITE_DELAY=500", null)) {
            JdbcClient jdbc = JdbcClient.create(pool);
            assertThat(writeDelay(jdbc)).containsOnly("0");
            assertThat(jdbc.sql("call lock_timeout()").query(Integer.class).single()).isEqualTo(DatabaseSessions.LOCK_TIMEOUT_MILLIS);
        }
    }

    @Test
    void theOperatorsOwnInitialStatementStillRuns() {
        try (HikariDataSource pool = pool("jdbc:h2:file:" + dir.resolve("db"), "SET LOCK_TIMEOUT 20000")) {
            JdbcClient jdbc = JdbcClient.create(pool);
            assertThat(writeDelay(jdbc)).containsOnly("0");
            assertThat(jdbc.sql("call lock_timeout()").query(Integer.class).single()).isEqualTo(20000);
        }
    }

    private static HikariDataSource pool(String url, String initSql) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername("sa");
        pool.setConnectionInitSql(initSql);
        pool.setMaximumPoolSize(1);
        DatabaseSessions.apply(pool);
        return pool;
    }

    /** The database's setting (once set, H2 lists it twice: in force, and as stored in the file). */
    private static List<String> writeDelay(JdbcClient jdbc) {
        return jdbc.sql("select setting_value from information_schema.settings where setting_name = 'WRITE_DELAY'")
                .query(String.class).list();
    }
}
