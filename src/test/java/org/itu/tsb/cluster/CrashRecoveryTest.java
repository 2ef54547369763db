package org.itu.tsb.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The packaged application killed with {@code kill -9} ({@link AppNode#kill}) and started again, on PostgreSQL (and on
 * its default H2 file database, {@link #databases}): every acknowledged reply is there after the restart, also those acknowledged while
 * other requests were in flight at the kill; and a deadline that passes while the node is down is tallied at once
 * after the restart (the figures go to {@code target/cluster/report.txt}).
 */
@Tag("cluster") // mvn -Pcluster verify (after the jar is packaged); never in mvn test
class CrashRecoveryTest {

    /** The nodes' directories and logs, kept for a look after a failure. */
    private final Path workDir = Report.runDirectory(getClass());

    /** Replies acknowledged before the kill, while the clients keep sending. */
    private static final int ACKNOWLEDGED_BEFORE_KILL = 120;
    /** "Within seconds of the first restart": the bound this test holds the tally to, once the node answers. */
    private static final long TALLY_WITHIN_SECONDS = Long.getLong("cluster.crash.tally-within-seconds", 30);

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void noAcknowledgedReplyIsLostToAKill(String database) throws Exception {
        AppNode node = node(database);
        long id;
        Map<Long, String> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger unanswered = new AtomicInteger();
        try {
            node.start().awaitUp(AppNode.START_TIMEOUT);
            id = node.api().adopt();
            node.api().open(id, "K-" + id, Instant.now().plus(Duration.ofDays(1)));

            // 8 clients keep sending replies (each Member State revising its own); the kill comes in the middle of them
            List<String> states = TwoNodesTest.memberStates();
            AtomicBoolean killed = new AtomicBoolean();
            ExecutorService clients = Executors.newFixedThreadPool(8);
            for (int c = 0; c < 8; c++) {
                int client = c;
                clients.submit(() -> {
                    Random random = new Random(client);
                    for (int i = client; !killed.get(); i += 8) {
                        String state = states.get(i % states.size());
                        try {
                            HttpResponse<String> answer = node.api().reply(id, state, TwoNodesTest.randomPositions(random));
                            if (answer.statusCode() == 201) {
                                acknowledged.put(ApiClient.parse(answer.body()).get("id").asLong(), state);
                            }
                        } catch (IOException cutOff) {
                            unanswered.incrementAndGet(); // in flight at the kill: may or may not be stored, never acknowledged
                        }
                    }
                    return null;
                });
            }
            while (acknowledged.size() < ACKNOWLEDGED_BEFORE_KILL) {
                Thread.sleep(5);
            }
            node.kill(); // SIGKILL with requests in flight
            killed.set(true);
            clients.shutdown();
            assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        } catch (Throwable t) {
            node.kill();
            throw t;
        }

        try (AppNode restarted = node.start()) {
            restarted.awaitUp(AppNode.START_TIMEOUT);
            Set<Long> stored = new HashSet<>();
            for (JsonNode state : restarted.api().getJson("/api/consultations/" + id + "/replies")) {
                state.get("versions").forEach(version -> stored.add(version.get("id").asLong()));
            }
            Report.line("kill -9 on " + database + ": " + acknowledged.size() + " replies acknowledged, " + unanswered.get()
                    + " in flight at the kill; after the restart " + stored.size() + " stored, of them every acknowledged one: "
                    + stored.containsAll(acknowledged.keySet()));
            assertThat(stored).as("stored after the restart").containsAll(acknowledged.keySet());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aDeadlinePassedWhileDownIsTalliedAtRestart(String database) throws Exception {
        long deadlineSeconds = Long.getLong("cluster.crash.deadline-seconds", 20);
        AppNode node = node(database);
        long id;
        Instant deadline;
        Map<String, Map<String, String>> last = new ConcurrentHashMap<>();
        try {
            node.start().awaitUp(AppNode.START_TIMEOUT);
            id = node.api().adopt();
            deadline = Instant.now().plusSeconds(deadlineSeconds);
            node.api().open(id, "D-" + id, deadline);
            Random random = new Random(7);
            for (String state : TwoNodesTest.memberStates().subList(0, 40)) {
                Map<String, String> positions = TwoNodesTest.randomPositions(random);
                HttpResponse<String> answer = node.api().reply(id, state, positions);
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
                assertThat(ApiClient.parse(answer.body()).get("late").asBoolean()).as("acknowledged after the deadline: raise "
                        + "-Dcluster.crash.deadline-seconds (now " + deadlineSeconds + ")").isFalse();
                last.put(state, positions);
            }
        } finally {
            node.kill(); // every node down before the deadline
        }
        assertThat(Instant.now()).as("killed before the deadline").isBefore(deadline);
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), deadline).toMillis()) + 2000); // a real deadline passes

        try (AppNode restarted = node.start()) {
            Instant up = restarted.awaitUp(AppNode.START_TIMEOUT);
            JsonNode tallied = TwoNodesTest.awaitStatus(restarted, id, "TALLIED", up.plusSeconds(TALLY_WITHIN_SECONDS));
            Instant seen = Instant.now();
            Instant decidedAt = Instant.parse(tallied.get("decidedAt").asText());
            Report.line("deadline passed while down, " + database + ": node restarted " + TwoNodesTest.seconds(deadline, restarted.startedAt())
                    + " s after the deadline; answering after " + TwoNodesTest.millis(restarted.startedAt(), up) + " ms; tally at "
                    + TwoNodesTest.millis(restarted.startedAt(), decidedAt) + " ms after the restart ("
                    + TwoNodesTest.millis(up, decidedAt) + " ms from answering; seen by a client after "
                    + TwoNodesTest.millis(up, seen) + " ms)");
            assertThat(decidedAt).as("tallied after the deadline").isAfter(deadline);
            JsonNode questions = tallied.get("questions");
            for (int q = 0; q < TwoNodesTest.QUESTIONS.size(); q++) {
                String question = TwoNodesTest.QUESTIONS.get(q);
                long support = last.values().stream().filter(p -> "SUPPORTS".equals(p.get(question))).count();
                assertThat(questions.get(q).get("tally").get("support").asLong()).as(question).isEqualTo(support);
            }
        }
    }

    /**
     * PostgreSQL by default ({@code ReplyDurabilityTest} kills the application on H2 in every {@code mvn test});
     * {@code -Dcluster.crash.databases=postgresql,h2} for both: each database costs two starts, a minute or more.
     */
    static List<String> databases() {
        return List.of(System.getProperty("cluster.crash.databases", "postgresql").split(","));
    }

    /** A fresh node: on the emptied PostgreSQL database, or on its default H2 file database in a new directory. */
    private AppNode node(String database) throws Exception {
        List<String> arguments = new ArrayList<>(List.of("--consultation.demo=true"));
        if ("postgresql".equals(database)) {
            ClusterDatabase db = ClusterDatabase.fromSettings();
            db.empty();
            arguments.addAll(db.nodeArguments());
        } // else the default: jdbc:h2:file:./data/consultation in the node's own directory
        return new AppNode(database, Integer.getInteger("cluster.port.a", 8171), workDir.resolve(database), arguments);
    }
}
