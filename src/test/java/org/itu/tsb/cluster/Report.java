package org.itu.tsb.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The figures of a run: on stdout and appended to {@code target/cluster/report.txt}. */
final class Report {

    static final Path FILE = Path.of("target", "cluster", "report.txt");

    private Report() {}

    /** A directory of its own for one test class's run, under {@code target/cluster}. */
    static Path runDirectory(Class<?> test) {
        return FILE.getParent().resolve(test.getSimpleName() + "-" + System.currentTimeMillis());
    }

    static void line(String text) {
        System.out.println("[cluster] " + text);
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, text + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
