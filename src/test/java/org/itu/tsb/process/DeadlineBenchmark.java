package org.itu.tsb.process;

import static org.itu.bench.BenchReport.line;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.itu.bench.BenchReport;
import org.itu.tsb.ConsultationApplication;
import org.itu.tsb.Sg17;
import org.itu.tsb.consultation.ConsultationService;
import org.itu.tsb.consultation.ConsultationStatus;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * From the deadline to the decisions: how long after a consultation's deadline the tally has stored them (the
 * timer job acquired and run by the job executor), with the application's job executor settings and, in the same run,
 * with Camunda's defaults ({@code wait-time-in-millis} 5000, {@code max-wait} 60000). Each configuration is the whole
 * application, started here on a fresh H2 file database; {@value #CONSULTATIONS} consultations with deadlines
 * {@value #SPACING_MS} ms apart, the first {@value #FIRST_AFTER_S} s after they are opened, so the job executor is
 * idle in between as on a real day. Goal: p99 (here the slowest) under 1 s. {@code mvn -Pbench test
 * -Dtest=DeadlineBenchmark}; the report on stdout and in {@value #REPORT_FILE}.
 */
@Tag("bench")
class DeadlineBenchmark {

    static final String REPORT_FILE = "target/bench/deadline.txt";
    private static final int CONSULTATIONS = Integer.getInteger("bench.deadline.consultations", 10);
    private static final long SPACING_MS = 1700;
    private static final long FIRST_AFTER_S = 15;
    private static final double GOAL_MS = 1000;

    private record Latencies(String name, List<Long> ms) {
        long percentile(double p) {
            List<Long> sorted = ms.stream().sorted().toList();
            return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p / 100 * sorted.size()) - 1));
        }
    }

    @Test
    void deadlineToDecisionAgainstCamundasDefaults() throws Exception {
        Latencies ours = run("ours (wait-time 100 ms, max-wait 250 ms)");
        Latencies defaults = run("Camunda's defaults (5000 ms, 60000 ms)",
                "--camunda.bpm.job-execution.wait-time-in-millis=5000", "--camunda.bpm.job-execution.max-wait=60000");
        report(ours, defaults);
    }

    private Latencies run(String name, String... settings) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.profiles.active=bench",
                "--spring.datasource.url=jdbc:h2:file:./target/bench-data/" + UUID.randomUUID()
                        + "/db;LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0",
                "--camunda.bpm.generate-unique-process-engine-name=true",
                "--camunda.bpm.generate-unique-process-application-name=true"));
        args.addAll(List.of(settings));
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ConsultationApplication.class)
                .run(args.toArray(String[]::new))) {
            ConsultationService consultations = app.getBean(ConsultationService.class);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            Instant first = Instant.now().plusSeconds(FIRST_AFTER_S).truncatedTo(ChronoUnit.MILLIS);
            List<Long> ids = new ArrayList<>();
            List<Instant> deadlines = new ArrayList<>();
            for (int i = 0; i < CONSULTATIONS; i++) {
                // on a busy machine opening takes a while: a deadline is never less than a few seconds after its opening
                Instant planned = first.plusMillis(i * SPACING_MS);
                Instant soonest = Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.MILLIS);
                Instant deadline = planned.isBefore(soonest) ? soonest : planned;
                ids.add(consultations.open(consultations.adopt(Sg17.adopted(), "officer").id(), "deadline-" + i, deadline,
                        "officer").id());
                deadlines.add(deadline);
            }
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500)).until(() -> ids.stream()
                    .allMatch(id -> consultations.get(id).status() == ConsultationStatus.TALLIED));
            List<Long> ms = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                Instant decided = jdbc.queryForObject("select min(decided_at) from decision where consultation_id = ?",
                        java.time.OffsetDateTime.class, ids.get(i)).toInstant();
                ms.add(Duration.between(deadlines.get(i), decided).toMillis());
            }
            return new Latencies(name, ms);
        }
    }

    private static void report(Latencies ours, Latencies defaults) throws Exception {
        StringBuilder out = new StringBuilder();
        out.append(line("Deadline-to-decision benchmark, %s: %d cores, Java %s; %d consultations per configuration",
                Instant.now().truncatedTo(ChronoUnit.SECONDS), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), CONSULTATIONS));
        out.append(line("%-42s %8s %8s %8s  %s", "ms after the deadline", "p50", "p99", "max", "each"));
        for (Latencies l : List.of(ours, defaults)) {
            out.append(line("%-42s %8d %8d %8d  %s", l.name(), l.percentile(50), l.percentile(99), l.percentile(100), l.ms()));
        }
        out.append(line("ratio of p99, ours / defaults = %.3f; goal p99 < %.0f ms -> %s", (double) ours.percentile(99)
                / Math.max(1, defaults.percentile(99)), GOAL_MS, ours.percentile(99) < GOAL_MS ? "met" : "NOT met"));
        BenchReport.write(REPORT_FILE, out);
    }

}
