package org.itu.tsb.kernel;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the application's correctness needs from each database session, set on every connection of the pool whatever
 * the URL says, so an operator who writes their own URL cannot lose it:
 * <ul>
 * <li>H2: {@code WRITE_DELAY 0}, a commit is on disk when it returns (with H2's default of up to half a second, a
 * killed process lost 57 of 60 acknowledged replies: ReplyDurabilityTest). It is a database setting that needs an
 * administrator: a URL whose user is not one fails at start rather than run without it.</li>
 * <li>PostgreSQL: {@code synchronous_commit on}, whatever the server's default, for the same reason.</li>
 * <li>Both: a lock is waited for at most {@link #LOCK_TIMEOUT_MILLIS}: a reply stored at the deadline waits for the
 * tally (reply.ReplySlots), which takes well under a second; H2's own default (one second) is too short for a
 * tally under load, PostgreSQL's (none) would let a stuck session hold request threads for good.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseSessions {

    static final int LOCK_TIMEOUT_MILLIS = 10_000;

    static final String H2 = "SET WRITE_DELAY 0; SET LOCK_TIMEOUT " + LOCK_TIMEOUT_MILLIS;
    static final String POSTGRESQL = "SET synchronous_commit = on; SET lock_timeout = " + LOCK_TIMEOUT_MILLIS;

    /** Static: a post-processor is made before the other beans, the data source among them. */
    @Bean
    static BeanPostProcessor databaseSessionSettings() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof HikariDataSource pool) {
                    apply(pool);
                }
                return bean;
            }
        };
    }

    /** Adds the settings of the pool's database to what each new connection runs first (before the pool starts). */
    public static void apply(HikariDataSource pool) {
        String url = pool.getJdbcUrl() == null ? "" : pool.getJdbcUrl();
        String settings = url.startsWith("jdbc:h2:") ? H2 : url.startsWith("jdbc:postgresql:") ? POSTGRESQL : null;
        if (settings != null) {
            String own = pool.getConnectionInitSql();
            pool.setConnectionInitSql(own == null || own.isBlank() ? settings : settings + "; " + own);
        }
    }
}
