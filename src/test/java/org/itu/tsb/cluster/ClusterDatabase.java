package org.itu.tsb.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The PostgreSQL database the cluster tests give their nodes: {@code -Dcluster.db.url}, {@code .user},
 * {@code .password}, else the environment's {@code CONSULTATION_DB_URL}, {@code _USER}, {@code _PASSWORD} (set by
 * {@code .ci/run}). The tests empty it (its {@code public} schema) before each test: a database of its own, never one
 * that holds anything of value.
 */
record ClusterDatabase(String url, String user, String password) {

    static ClusterDatabase fromSettings() {
        String url = setting("cluster.db.url", "CONSULTATION_DB_URL");
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            throw new AssertionError("the cluster tests need a PostgreSQL database of their own: -Dcluster.db.url=jdbc:postgresql://… "
                    + "(or CONSULTATION_DB_URL), with cluster.db.user and cluster.db.password");
        }
        return new ClusterDatabase(url, setting("cluster.db.user", "CONSULTATION_DB_USER"),
                setting("cluster.db.password", "CONSULTATION_DB_PASSWORD"));
    }

    private static String setting(String property, String environment) {
        String value = System.getProperty(property);
        return value == null || value.isBlank() ? System.getenv(environment) : value;
    }

    /** The node's command-line arguments for this database. */
    List<String> nodeArguments() {
        return List.of("--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + (password == null ? "" : password));
    }

    /** Drops everything: the engine's tables and the application's, as on a database never used. */
    void empty() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("drop schema public cascade");
            s.execute("create schema public");
        }
    }

    long count(String sql, Object... parameters) throws SQLException {
        return rows(sql, parameters).stream().mapToLong(row -> ((Number) row.get(0)).longValue()).findFirst().orElseThrow();
    }

    List<List<Object>> rows(String sql, Object... parameters) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        row.add(rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }
}
