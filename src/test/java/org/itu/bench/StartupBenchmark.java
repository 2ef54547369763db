package org.itu.bench;

import static org.itu.bench.BenchReport.line;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.itu.bench.bare.BareCamundaApplication;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Start-up time and memory after start of the application beside a bare Camunda Spring Boot starter application
 * ({@link BareCamundaApplication}) with the same engine, webapps, REST API and database (a fresh H2 file database
 * each), each in a JVM of its own with the same options and class path, alternately, {@value #ROUNDS} times each;
 * medians. Goal: within 1.2x. {@code mvn -Pbench test -Dtest=StartupBenchmark}; the report on stdout and in
 * {@value #REPORT_FILE}.
 */
@Tag("bench")
class StartupBenchmark {

    static final String REPORT_FILE = "target/bench/startup.txt";
    private static final int ROUNDS = Integer.getInteger("bench.startup.rounds", 3);
    private static final double GOAL = 1.2;

    private record Start(long millis, long heapBytes, long rssKiB) {}

    @Test
    void startUpAndMemoryAgainstABareCamundaApplication() throws Exception {
        List<Start> ours = new ArrayList<>();
        List<Start> bare = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            ours.add(start("org.itu.tsb.ConsultationApplication"));
            bare.add(start(BareCamundaApplication.class.getName(), "--spring.flyway.enabled=false"));
        }
        StringBuilder out = new StringBuilder();
        out.append(line("Start-up benchmark, %s: %d cores, Java %s; median of %d starts each, alternating",
                Instant.now().truncatedTo(ChronoUnit.SECONDS), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), ROUNDS));
        out.append(line("%-32s %10s %14s %10s", "", "start ms", "heap after GC", "RSS MiB"));
        Start o = median(ours);
        Start b = median(bare);
        out.append(line("%-32s %10d %12.1f M %10.1f", "ours", o.millis(), o.heapBytes() / 1048576.0, o.rssKiB() / 1024.0));
        out.append(line("%-32s %10d %12.1f M %10.1f", "bare Camunda starter app", b.millis(), b.heapBytes() / 1048576.0,
                b.rssKiB() / 1024.0));
        double time = (double) o.millis() / b.millis();
        double heap = (double) o.heapBytes() / b.heapBytes();
        double rss = (double) o.rssKiB() / b.rssKiB();
        out.append(line("ratios ours/bare: start %.2f, heap %.2f, RSS %.2f; goal <= %.1f -> start %s, memory %s", time, heap, rss,
                GOAL, time <= GOAL ? "met" : "NOT met", heap <= GOAL && rss <= GOAL ? "met" : "NOT met"));
        out.append(line("each start (ms): ours %s, bare %s", ours.stream().map(Start::millis).toList(),
                bare.stream().map(Start::millis).toList()));
        BenchReport.write(REPORT_FILE, out);
    }

    private static Start median(List<Start> starts) {
        List<Long> ms = starts.stream().map(Start::millis).sorted().toList();
        List<Long> heap = starts.stream().map(Start::heapBytes).sorted().toList();
        List<Long> rss = starts.stream().map(Start::rssKiB).sorted().toList();
        int m = starts.size() / 2;
        return new Start(ms.get(m), heap.get(m), rss.get(m));
    }

    /** The same JVM options, class path, engine settings and kind of database for both. */
    private static Start start(String application, String... extra) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                Measured.class.getName(), application, "--server.port=0",
                "--spring.datasource.url=jdbc:h2:file:./target/bench-data/" + UUID.randomUUID()
                        + "/db;LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0",
                "--logging.level.root=warn"));
        command.addAll(List.of(extra));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), UTF_8);
        process.waitFor();
        String[] f = output.lines().filter(l -> l.startsWith("MEASURED ")).findFirst()
                .orElseThrow(() -> new AssertionError(application + " did not start: " + output)).split(" ");
        return new Start(Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]));
    }

}
