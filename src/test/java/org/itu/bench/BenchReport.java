package org.itu.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/** The benchmarks' reports: lines in one locale, the machine's load stated, on stdout and in a file under target/bench. */
public final class BenchReport {

    private BenchReport() {
    }

    public static String line(String format, Object... args) {
        return String.format(Locale.ROOT, format, args) + System.lineSeparator();
    }

    /** The database a benchmark ran on, for its report's header: "PostgreSQL 15.14", "H2 2.3.232 (2024-08-11)". */
    public static String database(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
        }
    }

    /** Whether the database is PostgreSQL (the report then goes to a file of its own). */
    public static boolean postgres(DataSource dataSource) throws SQLException {
        return database(dataSource).startsWith("PostgreSQL");
    }

    /** Adds the load of the machine (a figure means little on a busy one), prints the report and writes it to the file. */
    public static void write(String file, StringBuilder out) throws java.io.IOException {
        out.append(line("machine: load average %.1f over the last minute at the end (other processes share the cores)",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        System.out.print(out);
        Path path = Path.of(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, out);
    }
}
