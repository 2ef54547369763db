package org.itu.tsb.cluster;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One node: the packaged application ({@code target/consultation-workflow-*.jar}, built by {@code mvn package}) run by
 * {@code java -jar} as a process of its own, in a working directory of its own (its log is {@code app.log} there).
 */
final class AppNode implements AutoCloseable {

    /** A start on a busy 2-core machine took up to 11 minutes; a second node also waits for the first's start-up. */
    static final Duration START_TIMEOUT = Duration.ofSeconds(Long.getLong("cluster.start-timeout-seconds", 1500));

    /**
     * Two nodes, PostgreSQL and the test share two cores: a smaller heap, and the quick JIT tier only, which starts a
     * node sooner (the optimizing compiler's threads compete with the start-up).
     */
    private static final String JVM_OPTIONS = System.getProperty("cluster.jvm-options", "-Xmx384m -XX:TieredStopAtLevel=1");

    private final String name;
    private final int port;
    private final Path workDir;
    private final List<String> arguments;
    private final ApiClient api;
    private Process process;
    private Instant startedAt;

    AppNode(String name, int port, Path workDir, List<String> arguments) {
        this.name = name;
        this.port = port;
        this.workDir = workDir;
        this.arguments = List.copyOf(arguments);
        this.api = new ApiClient(port);
    }

    /** The jar {@code mvn package} built. */
    static Path jar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(f -> f.getFileName().toString().matches("consultation-workflow-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("no target/consultation-workflow-*.jar: run mvn package first "
                            + "(mvn -Pcluster verify does)"));
        }
    }

    /** Starts the process (not waiting for it to answer). */
    AppNode start() throws IOException {
        Files.createDirectories(workDir);
        String javaCommand = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(javaCommand));
        command.addAll(List.of(JVM_OPTIONS.split(" ")));
        command.addAll(List.of("-jar", jar().toAbsolutePath().toString(), "--server.port=" + port));
        command.addAll(arguments);
        Files.writeString(workDir.resolve("app.log"), "=== start " + Instant.now() + "\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        startedAt = Instant.now();
        process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(workDir.resolve("app.log").toFile())).start();
        return this;
    }

    /** Waits until the node answers an authenticated API call; returns when it did. */
    Instant awaitUp(Duration atMost) throws Exception {
        Instant giveUp = Instant.now().plus(atMost);
        while (Instant.now().isBefore(giveUp)) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " stopped (exit " + process.exitValue() + "): " + logTail());
            }
            try {
                HttpResponse<String> answer = api.get("/api/consultations");
                if (answer.statusCode() == 200) {
                    return Instant.now();
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError(name + " did not answer within " + atMost + ": " + logTail());
    }

    /**
     * {@code kill -9}: {@link Process#destroyForcibly()} sends SIGKILL on Linux (JDK's ProcessHandleImpl.destroy0 with
     * force), so nothing of the application runs after it: no shutdown hook, no graceful shutdown, no last flush.
     */
    void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor();
        }
    }

    /** A graceful stop (SIGTERM), as an operator's. */
    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    Instant startedAt() {
        return startedAt;
    }

    ApiClient api() {
        return api;
    }

    String name() {
        return name;
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(workDir.resolve("app.log"));
            return "\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
