package org.itu.tsb;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * On PostgreSQL (the suite run with the profile postgres, mvn -Ppostgres), each Spring test context gets a database of
 * its own, created on the configured server, as each gets an in-memory H2 database of its own otherwise: the shared
 * contexts' job executors and data never meet. Registered in META-INF/spring.factories; does nothing on H2.
 */
public class FreshPostgresDatabase implements ContextCustomizerFactory {

    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/?]*/)([^?]*)(.*)");

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return new Customizer();
    }

    /** One for every context: equal, so it never splits the context cache. */
    private static final class Customizer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            ConfigurableEnvironment environment = context.getEnvironment();
            String url = environment.getProperty("spring.datasource.url", "");
            Matcher parts = URL.matcher(url);
            if (!parts.matches()) {
                return;
            }
            String name = "test_" + UUID.randomUUID().toString().replace("-", "");
            try (Connection server = DriverManager.getConnection(url, environment.getProperty("spring.datasource.username"),
                    environment.getProperty("spring.datasource.password")); Statement create = server.createStatement()) {
                create.execute("create database " + name);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create a test database on " + url, e);
            }
            environment.getPropertySources().addFirst(new MapPropertySource("fresh-postgres-database",
                    Map.of("spring.datasource.url", parts.group(1) + name + parts.group(3))));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Customizer;
        }

        @Override
        public int hashCode() {
            return Customizer.class.hashCode();
        }
    }
}
