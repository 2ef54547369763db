package org.itu.tsb.reply;

import org.itu.tsb.Sg17;

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
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;
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
 * correlation into a waiting process instance, on the same running application (same engine, same database),
 * over real HTTP with concurrent clients. Run it with {@code mvn -Pbench test}; the report goes to stdout and
 * to {@value #REPORT_FILE}. System properties {@code bench.requests}, {@code bench.clients} and
 * {@code bench.warmup} override the size of a run, the client threads and the warm-up. It asserts only that
 * every request succeeded, never timings: those depend on the machine, and the report states the targets and
 * whether they were met. The clients run in the application's JVM and share its cores, as on any one machine.
 */
@Tag("bench")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("bench")
class ReplyIntakeBenchmark {

    static final String REPORT_FILE = "target/bench/reply-intake.txt";

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

    private static final double TARGET_RATIO = 2.0;
    private static final double TARGET_P99_MS = 100;

    private static final List<String> QUESTIONS = List.of("Q7/17", "Q10/17", "Q16/17");
    private static final List<String> COMMENTS = List.of(
            "Q16/17 overlaps with SG13 work.",
            "The scope of Q10/17 should mention decentralized identity.",
            "No further comments.");

    private static final String PROCESS_KEY = "benchReplyCorrelation";
    private static final String MESSAGE = "ReplyReceived";
    private static final String ENGINE_REST_AUTH = "Basic " + Base64.getEncoder().encodeToString("demo:demo".getBytes(UTF_8));

    @LocalServerPort int port;
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

    /** One measured run: {@code statuses} counts the responses by HTTP status. */
    record Run(String workload, int round, int requests, int clients, long wallNanos, Histogram latencyMicros,
               Map<Integer, Integer> statuses) {

        double perSecond() {
            return requests / (wallNanos / 1e9);
        }

        double p50Ms() {
            return latencyMicros.getValueAtPercentile(50) / 1000.0;
        }

        double p99Ms() {
            return latencyMicros.getValueAtPercentile(99) / 1000.0;
        }

        double maxMs() {
            return latencyMicros.getMaxValue() / 1000.0;
        }
    }

    /** What one client thread saw. */
    private record ClientResult(Histogram latencyMicros, Map<Integer, Integer> statuses, List<String> failures) {
    }

    @Test
    void replyIntakeAgainstMessageCorrelation() throws Exception {
        long consultation = openConsultation();
        deployCorrelationModel();

        // untimed: JIT, connection pools and caches warm for both workloads
        List<Reply> warmUp = replies(new Random(SEED), WARM_UP_REQUESTS);
        intake(consultation, 0, warmUp);
        correlation(0, warmUp);

        // alternating, so that a drift of the machine (or of the database growing) affects both alike
        List<Run> runs = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            List<Reply> replies = replies(new Random(SEED + round), REQUESTS);
            runs.add(intake(consultation, round, replies));
            runs.add(correlation(round, replies));
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

    /** Our intake: 201 for a new version, 200 if the intake found it identical to the last one. */
    private Run intake(long consultation, int round, List<Reply> replies) throws Exception {
        List<HttpRequest> requests = new ArrayList<>(replies.size());
        for (Reply reply : replies) {
            requests.add(post("/api/consultations/" + consultation + "/replies", json.writeValueAsString(reply)));
        }
        return measure("ours", round, requests, Set.of(201, 200));
    }

    /** The baseline: each reply correlated to a process instance of its own, waiting in a receive task. */
    private Run correlation(int round, List<Reply> replies) throws Exception {
        List<String> businessKeys = startWaitingInstances(replies.size());
        List<HttpRequest> requests = new ArrayList<>(replies.size());
        for (int i = 0; i < replies.size(); i++) {
            Reply reply = replies.get(i);
            Map<String, Object> body = Map.of(
                    "messageName", MESSAGE,
                    "businessKey", businessKeys.get(i),
                    "processVariables", Map.of(
                            "memberState", stringVariable(reply.memberState()),
                            "positions", stringVariable(json.writeValueAsString(reply.positions())),
                            "comments", stringVariable(reply.comments())));
            requests.add(HttpRequest.newBuilder(uri("/engine-rest/message"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", ENGINE_REST_AUTH)
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                    .build());
        }
        return measure("baseline", round, requests, Set.of(204, 200));
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
     * Sends the requests from {@link #CLIENTS} threads, each taking the next request as soon as its previous
     * one is answered (a closed loop). The clock runs from the moment all threads are released until the last
     * answer.
     */
    private Run measure(String workload, int round, List<HttpRequest> requests, Set<Integer> success) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            AtomicInteger next = new AtomicInteger();
            List<Future<ClientResult>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                clients.add(pool.submit(() -> {
                    start.await();
                    return client(requests, next, success);
                }));
            }
            long begin = System.nanoTime();
            start.countDown();
            Histogram latency = new Histogram(3);
            Map<Integer, Integer> statuses = new TreeMap<>();
            success.forEach(status -> statuses.put(status, 0)); // reported even when none came
            List<String> failures = new ArrayList<>();
            for (Future<ClientResult> client : clients) {
                ClientResult result = client.get();
                latency.add(result.latencyMicros());
                result.statuses().forEach((status, n) -> statuses.merge(status, n, Integer::sum));
                failures.addAll(result.failures());
            }
            long wall = System.nanoTime() - begin;
            if (!failures.isEmpty()) {
                throw new AssertionError(failures.size() + " of " + requests.size() + " " + workload
                        + " requests failed, e.g. " + failures.subList(0, Math.min(3, failures.size())));
            }
            return new Run(workload, round, requests.size(), CLIENTS, wall, latency, statuses);
        } finally {
            pool.shutdownNow();
        }
    }

    private ClientResult client(List<HttpRequest> requests, AtomicInteger next, Set<Integer> success)
            throws IOException, InterruptedException {
        Histogram latency = new Histogram(3);
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (int i = next.getAndIncrement(); i < requests.size(); i = next.getAndIncrement()) {
            long sent = System.nanoTime();
            HttpResponse<String> response = http.send(requests.get(i), HttpResponse.BodyHandlers.ofString());
            latency.recordValue((System.nanoTime() - sent) / 1000);
            statuses.merge(response.statusCode(), 1, Integer::sum);
            if (!success.contains(response.statusCode())) {
                failures.add(response.statusCode() + " " + response.body());
            }
        }
        return new ClientResult(latency, statuses, failures);
    }

    private void report(List<Run> runs) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append(line("Reply intake benchmark, %s: %d cores, Java %s; %d warm-up requests per workload, untimed",
                Instant.now().truncatedTo(ChronoUnit.SECONDS), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), WARM_UP_REQUESTS));
        out.append(line("ours     = POST /api/consultations/{id}/replies (one open consultation, three Questions)"));
        out.append(line("baseline = POST /engine-rest/message (one waiting process instance per reply)"));
        out.append(line("%-9s %5s %8s %7s %10s %8s %8s %8s  %s",
                "run", "round", "requests", "clients", "replies/s", "p50 ms", "p99 ms", "max ms", "HTTP status: count"));
        for (Run run : runs) {
            out.append(line("%-9s %5d %8d %7d %10.1f %8.1f %8.1f %8.1f  %s", run.workload(), run.round(), run.requests(),
                    run.clients(), run.perSecond(), run.p50Ms(), run.p99Ms(), run.maxMs(), statuses(run)));
        }
        double ratio = best(runs, "ours") / best(runs, "baseline");
        double worstP99 = runs.stream().filter(r -> r.workload().equals("ours")).mapToDouble(Run::p99Ms).max().orElseThrow();
        out.append(line("summary: best-of-rounds throughput ours/baseline = %.2f; our worst p99 = %.1f ms", ratio, worstP99));
        out.append(line("target: ratio >= %.1f, p99 < %.0f ms -> ratio %s, p99 %s", TARGET_RATIO, TARGET_P99_MS,
                ratio >= TARGET_RATIO ? "met" : "NOT met", worstP99 < TARGET_P99_MS ? "met" : "NOT met"));

        System.out.print(out);
        Path file = Path.of(REPORT_FILE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, out);
    }

    private static double best(List<Run> runs, String workload) {
        return runs.stream().filter(r -> r.workload().equals(workload)).mapToDouble(Run::perSecond).max().orElseThrow();
    }

    private static String statuses(Run run) {
        return run.statuses().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", "));
    }

    private static String line(String format, Object... args) {
        return String.format(Locale.ROOT, format, args) + System.lineSeparator();
    }

    private HttpRequest post(String path, String body) {
        return HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
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
