package org.itu.tsb.reply;

import static org.itu.bench.BenchReport.line;
import org.itu.bench.BareInsert;
import org.itu.bench.BenchReport;
import org.itu.tsb.Sg17;
import org.itu.tsb.TestAccounts;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.itu.tsb.memberstate.MemberState;
import org.itu.tsb.memberstate.MemberStateRegistry;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Throughput and latency of our reply intake against the engine's own way of taking in a reply, a message
 * correlation into a waiting process instance, and against the floor of the same stack, a bare Spring MVC endpoint
 * doing one JDBC insert ({@link BareInsert}, test code): the same running application (same engine, same database),
 * over real HTTP from a client in a process of its own ({@link BenchClient}) with 16 connections. Run it with
 * {@code mvn -Pbench test -Dtest=ReplyIntakeBenchmark}; the report goes to stdout and to {@value #REPORT_FILE}; on
 * PostgreSQL ({@code .ci/with-postgres mvn -Pbench,postgres test -Dtest=ReplyIntakeBenchmark}, a fresh database) to
 * {@value #POSTGRES_REPORT_FILE}. System
 * properties {@code bench.requests}, {@code bench.clients}, {@code bench.warmup} and {@code bench.client-warmup}
 * override the size of a run, the connections and the warm-ups. It asserts only that every request succeeded, never
 * timings: those depend on the machine; the report states the goals and whether they were met.
 */
@Tag("bench")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("bench")
@Import(BareInsert.class)
class ReplyIntakeBenchmark {

    static final String REPORT_FILE = "target/bench/reply-intake.txt";
    /** On PostgreSQL (mvn -Pbench,postgres) the report goes here, so that the H2 one is kept beside it. */
    static final String POSTGRES_REPORT_FILE = "target/bench/reply-intake-postgresql.txt";

    private static final int REQUESTS = Integer.getInteger("bench.requests", 2000);
    private static final int CLIENTS = Integer.getInteger("bench.clients", 16);
    /**
     * Untimed requests per workload before the rounds. A few hundred are not enough: on a 2-core machine the
     * JIT was still compiling through round 1 (half the throughput of round 2, p99 up to 3x higher).
     */
    private static final int WARM_UP_REQUESTS = Integer.getInteger("bench.warmup", 2000);
    private static final int ROUNDS = 2;
    /** Fixed, so that every run of the benchmark sends the same replies. */
    private static final long SEED = 732L;

    private static final double TARGET_RATIO = 5.0;
    private static final double TARGET_P99_MS = 50;
    /** The bare insert at most this many times our throughput. */
    private static final double TARGET_FLOOR_RATIO = 1.5;

    private static final List<String> QUESTIONS = List.of("Q7/17", "Q10/17", "Q16/17");
    private static final List<String> COMMENTS = List.of(
            "Q16/17 overlaps with SG13 work.",
            "The scope of Q10/17 should mention decentralized identity.",
            "No further comments.");

    private static final String PROCESS_KEY = "benchReplyCorrelation";
    private static final String MESSAGE = "ReplyReceived";
    /** Camunda's administrator: the engine's authorizations let it correlate to any process instance. */
    private static final String ENGINE_REST_AUTH = basic(TestAccounts.ADMIN);
    private static final String OFFICER_AUTH = basic(TestAccounts.OFFICER);
    /** Requests each client process sends untimed before its timed ones: its own JIT and connections. */
    private static final int CLIENT_WARM_UP = Integer.getInteger("bench.client-warmup", 300);

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired JdbcTemplate jdbc;
    @Autowired DataSource dataSource;
    @Autowired MemberStateRegistry memberStates;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired ObjectMapper json;

    /** One client for all threads, as an integration would have; HTTP/1.1, so each thread holds its own connection. */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private int nextBusinessKey;

    /** A Member State's reply: JSON body for our intake, process variables for the engine. */
    record Reply(String memberState, Map<String, String> positions, String comments) {
    }

    /**
     * One measured run: {@code statuses} counts the responses by HTTP status; {@code drainMillis}, for ours, how long
     * after the client's end the acknowledgements of its replies were all composed (-1: not ours).
     */
    record Run(String workload, int round, int requests, int clients, long wallNanos, long p50Micros, long p99Micros,
               long maxMicros, Map<Integer, Integer> statuses, long drainMillis) {

        Run drained(long millis) {
            return new Run(workload, round, requests, clients, wallNanos, p50Micros, p99Micros, maxMicros, statuses, millis);
        }

        double perSecond() {
            return requests / (wallNanos / 1e9);
        }

        double p50Ms() {
            return p50Micros / 1000.0;
        }

        double p99Ms() {
            return p99Micros / 1000.0;
        }

        double maxMs() {
            return maxMicros / 1000.0;
        }
    }

    @Test
    void replyIntakeAgainstMessageCorrelationAndABareInsert() throws Exception {
        TestAccounts.ensure(context);
        long consultation = openConsultation();
        deployCorrelationModel();
        jdbc.execute("""
                create table if not exists bench_insert (id bigint generated by default as identity primary key,
                  member_state varchar(3) not null, body varchar(4000) not null, received_at timestamp not null)""");

        // untimed: JIT, connection pools and caches warm for every workload
        List<Reply> warmUp = replies(new Random(SEED), WARM_UP_REQUESTS);
        intake(consultation, 0, warmUp);
        correlation(0, warmUp);
        bare(0, warmUp);

        // alternating, so that a drift of the machine (or of the database growing) affects all alike
        List<Run> runs = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            List<Reply> replies = replies(new Random(SEED + round), REQUESTS);
            runs.add(intake(consultation, round, replies));
            runs.add(correlation(round, replies));
            runs.add(bare(round, replies));
        }
        report(runs);
    }

    private long openConsultation() throws Exception {
        String created = send(post("/api/consultations", Sg17.adoptJson()), 201);
        long id = json.readTree(created).get("id").asLong();
        Instant deadline = Instant.now().plus(1, ChronoUnit.HOURS);
        send(post("/api/consultations/" + id + "/open", """
                {"circularNumber": "101", "deadline": "%s"}""".formatted(deadline)), 200);
        // the circular to every Member State is an async job: let it finish before anything is timed
        await().atMost(Duration.ofMinutes(1)).until(() -> management.createJobQuery().executable().count() == 0);
        return id;
    }

    private void deployCorrelationModel() {
        BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS_KEY)
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .receiveTask("ReceiveTask_Reply").message(MESSAGE)
                .endEvent()
                .done();
        repository.createDeployment().name(PROCESS_KEY).addModelInstance(PROCESS_KEY + ".bpmn", model).deploy();
    }

    /** Cycles through the Member States; random positions make nearly every reply a new version of the last one. */
    private List<Reply> replies(Random random, int count) {
        List<MemberState> states = List.copyOf(memberStates.all());
        List<Reply> replies = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Map<String, String> positions = new LinkedHashMap<>();
            for (String question : QUESTIONS) {
                switch (random.nextInt(3)) {
                    case 0 -> positions.put(question, "SUPPORTS");
                    case 1 -> positions.put(question, "DOES_NOT_SUPPORT");
                    default -> { } // no position on this Question
                }
            }
            String comments = COMMENTS.get(random.nextInt(COMMENTS.size()));
            replies.add(new Reply(states.get(i % states.size()).code(), positions, comments));
        }
        return replies;
    }

    private List<String> bodies(List<Reply> replies) throws Exception {
        List<String> bodies = new ArrayList<>(replies.size());
        for (Reply reply : replies) {
            bodies.add(json.writeValueAsString(reply));
        }
        return bodies;
    }

    /**
     * Our intake, as a TSB officer: 201 for a new version, 200 if the intake found it identical to the last one. The
     * acknowledgements are composed apart from the requests (notice.AcknowledgementComposition): the run ends when the
     * last one is, so that no work the requests left behind overlaps the next run, and the report says how long that took.
     */
    private Run intake(long consultation, int round, List<Reply> replies) throws Exception {
        Run run = measure("ours", round, "/api/consultations/" + consultation + "/replies", OFFICER_AUTH, bodies(replies),
                Set.of(201, 200));
        long end = System.nanoTime();
        await().atMost(Duration.ofMinutes(5)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5))
                .until(() -> jdbc.queryForObject("select count(*) from acknowledgement_due", Integer.class) == 0);
        return run.drained((System.nanoTime() - end) / 1_000_000);
    }

    /** The floor of the same stack: the same filters and login, Spring MVC reads the JSON, one JDBC insert. */
    private Run bare(int round, List<Reply> replies) throws Exception {
        return measure("bare", round, BareInsert.PATH, OFFICER_AUTH, bodies(replies), Set.of(201));
    }

    /** The baseline: each reply correlated to a process instance of its own, waiting in a receive task. */
    private Run correlation(int round, List<Reply> replies) throws Exception {
        List<String> businessKeys = startWaitingInstances(replies.size());
        List<String> bodies = new ArrayList<>(replies.size());
        for (int i = 0; i < replies.size(); i++) {
            Reply reply = replies.get(i);
            Map<String, Object> body = Map.of(
                    "messageName", MESSAGE,
                    "businessKey", businessKeys.get(i),
                    "processVariables", Map.of(
                            "memberState", stringVariable(reply.memberState()),
                            "positions", stringVariable(json.writeValueAsString(reply.positions())),
                            "comments", stringVariable(reply.comments())));
            bodies.add(json.writeValueAsString(body));
        }
        return measure("baseline", round, "/engine-rest/message", ENGINE_REST_AUTH, bodies, Set.of(204, 200));
    }

    private List<String> startWaitingInstances(int count) {
        List<String> keys = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String key = "bench-" + nextBusinessKey++;
            runtime.startProcessInstanceByKey(PROCESS_KEY, key);
            keys.add(key);
        }
        return keys;
    }

    private static Map<String, String> stringVariable(String value) {
        return Map.of("value", value, "type", "String");
    }

    /**
     * Sends the bodies to the path from {@link #CLIENTS} connections of a client in a process of its own
     * ({@link BenchClient}, on this JVM's class path): what a separate client sees, not a thread sharing the
     * application's heap. The clock runs in the client, from releasing its connections until the last answer.
     */
    private Run measure(String workload, int round, String path, String authorization, List<String> bodies, Set<Integer> success)
            throws Exception {
        Path file = Files.createTempFile("bench-" + workload, ".jsonl");
        List<String> all = new ArrayList<>(bodies);
        Files.write(file, all);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process client = new ProcessBuilder(java, "-XX:+UseSerialGC", "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                BenchClient.class.getName(), uri(path).toString(), authorization, Integer.toString(CLIENTS),
                Integer.toString(CLIENT_WARM_UP), file.toString()).redirectErrorStream(true).start();
        String output = new String(client.getInputStream().readAllBytes(), UTF_8);
        client.waitFor();
        Files.deleteIfExists(file);
        String result = output.lines().filter(l -> l.startsWith("RESULT ")).findFirst()
                .orElseThrow(() -> new AssertionError(workload + ": the client said " + output));
        String[] f = result.split(" ");
        Map<Integer, Integer> statuses = new TreeMap<>();
        success.forEach(status -> statuses.put(status, 0)); // reported even when none came
        for (int i = 6; i < f.length; i++) {
            String[] kv = f[i].split("=");
            statuses.put(Integer.parseInt(kv[0]), Integer.parseInt(kv[1]));
        }
        if (!success.containsAll(statuses.keySet())) {
            throw new AssertionError(workload + " requests failed: " + output);
        }
        return new Run(workload, round, Integer.parseInt(f[1]), CLIENTS, Long.parseLong(f[2]),
                Long.parseLong(f[3]), Long.parseLong(f[4]), Long.parseLong(f[5]), statuses, -1);
    }

    private void report(List<Run> runs) throws IOException, SQLException {
        StringBuilder out = new StringBuilder();
        out.append(line("Reply intake benchmark, %s: %d cores, Java %s; %d warm-up requests per workload, untimed",
                Instant.now().truncatedTo(ChronoUnit.SECONDS), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), WARM_UP_REQUESTS));
        out.append(line("database = %s", BenchReport.database(dataSource)));
        out.append(line("ours     = POST /api/consultations/{id}/replies (one open consultation, three Questions)"));
        out.append(line("baseline = POST /engine-rest/message (one waiting process instance per reply)"));
        out.append(line("bare     = POST %s (test-only Spring MVC endpoint on the same stack: one JDBC insert)", BareInsert.PATH));
        out.append(line("client   = a separate java process (BenchClient), %d connections, %d untimed requests first",
                CLIENTS, CLIENT_WARM_UP));
        out.append(line("acks +ms  = ours: the acknowledgements of the run's replies were all composed into the outbox"
                + " so long after the client's end (they are composed apart from the requests)"));
        out.append(line("%-9s %5s %8s %7s %10s %8s %8s %8s %9s  %s",
                "run", "round", "requests", "clients", "replies/s", "p50 ms", "p99 ms", "max ms", "acks +ms", "HTTP status: count"));
        for (Run run : runs) {
            out.append(line("%-9s %5d %8d %7d %10.1f %8.1f %8.1f %8.1f %9s  %s", run.workload(), run.round(), run.requests(),
                    run.clients(), run.perSecond(), run.p50Ms(), run.p99Ms(), run.maxMs(),
                    run.drainMillis() < 0 ? "" : Long.toString(run.drainMillis()), statuses(run)));
        }
        double ratio = best(runs, "ours") / best(runs, "baseline");
        double floor = best(runs, "bare") / best(runs, "ours");
        double worstP99 = runs.stream().filter(r -> r.workload().equals("ours")).mapToDouble(Run::p99Ms).max().orElseThrow();
        out.append(line("summary: best-of-rounds throughput ours/baseline = %.2f, bare/ours = %.2f; our worst p99 = %.1f ms",
                ratio, floor, worstP99));
        out.append(line("goals: ours >= %.0fx baseline -> %s; p99 < %.0f ms at %d clients -> %s; bare <= %.1fx ours -> %s",
                TARGET_RATIO, ratio >= TARGET_RATIO ? "met" : "NOT met", TARGET_P99_MS, CLIENTS,
                worstP99 < TARGET_P99_MS ? "met" : "NOT met", TARGET_FLOOR_RATIO, floor <= TARGET_FLOOR_RATIO ? "met" : "NOT met"));

        BenchReport.write(BenchReport.postgres(dataSource) ? POSTGRES_REPORT_FILE : REPORT_FILE, out);
    }

    private static double best(List<Run> runs, String workload) {
        return runs.stream().filter(r -> r.workload().equals(workload)).mapToDouble(Run::perSecond).max().orElseThrow();
    }

    private static String statuses(Run run) {
        return run.statuses().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", "));
    }


    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(UTF_8));
    }

    private HttpRequest post(String path, String body) {
        return HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .header("Authorization", OFFICER_AUTH)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private String send(HttpRequest request, int expectedStatus) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expectedStatus) {
            throw new AssertionError(request.method() + " " + request.uri() + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
