package org.itu.tsb.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two nodes of the packaged application on one PostgreSQL database, started at the same moment on an empty
 * database, both with the job executor on (Camunda's homogeneous cluster), as {@code docker/compose.yaml} runs them.
 * A consultation whose deadline is a few seconds ahead; every Member State replies, half of them twice, from many
 * threads, each request to either node. Then: one deployment, one tally, one decision per Question agreeing with the
 * acknowledged replies, every acknowledged reply stored, and each notice once per recipient and kind, each message
 * received once.
 */
@Tag("cluster") // mvn -Pcluster verify (after the jar is packaged); never in mvn test
class TwoNodesTest {

    static final List<String> QUESTIONS = List.of("Q7/17", "Q10/17", "Q16/17");
    static final String PROCESS = "question-approval-consultation";

    /** The nodes' directories and logs, kept for a look after a failure. */
    private final Path workDir = Report.runDirectory(getClass());

    @Test
    void twoNodesOneDatabase() throws Exception {
        ClusterDatabase db = ClusterDatabase.fromSettings();
        db.empty();
        int clients = Integer.getInteger("cluster.clients", 16);
        long deadlineSeconds = Long.getLong("cluster.deadline-seconds", 45);
        try (MailCatcher mail = new MailCatcher();
             AppNode a = node("node-a", Integer.getInteger("cluster.port.a", 8171), db, mail);
             AppNode b = node("node-b", Integer.getInteger("cluster.port.b", 8172), db, mail)) {
            // both at once, on an empty database: the start-up lock makes the second wait for the first
            a.start();
            b.start();
            Instant upA = a.awaitUp(AppNode.START_TIMEOUT);
            Instant upB = b.awaitUp(AppNode.START_TIMEOUT);
            Report.line("two nodes: started together; up after " + seconds(a.startedAt(), upA) + " s and "
                    + seconds(b.startedAt(), upB) + " s");

            // one deployment, one version of each model, one demo consultation, though both nodes deployed and loaded it
            assertThat(db.count("select count(*) from act_re_deployment")).as("deployments").isEqualTo(1);
            assertThat(db.count("select count(*) from act_re_procdef where key_ = ?", PROCESS)).as("versions").isEqualTo(1);
            assertThat(db.count("select count(*) from consultation where circular_number = '101'")).as("demo consultations").isEqualTo(1);
            assertThat(db.count("select count(*) from act_id_group where id_ = 'tsb-officers'")).isEqualTo(1);

            long id = a.api().adopt();
            Instant deadline = Instant.now().plusSeconds(deadlineSeconds);
            b.api().open(id, "C-" + id, deadline);

            // every Member State replies, half of them twice; each request to either node, from many threads at once
            List<String> states = memberStates();
            Random random = new Random(20261128);
            List<List<Sent>> perState = new ArrayList<>();
            for (String state : states) {
                List<Sent> versions = new ArrayList<>();
                int count = random.nextBoolean() ? 2 : 1;
                for (int v = 0; v < count; v++) {
                    Map<String, String> positions;
                    do { // a revision differs from the version before (the same content again is no new version)
                        positions = randomPositions(random);
                    } while (!versions.isEmpty() && positions.equals(versions.get(v - 1).positions()));
                    versions.add(new Sent(state, positions, random.nextBoolean() ? a : b));
                }
                perState.add(versions);
            }
            Map<Long, Sent> acknowledged = new ConcurrentHashMap<>();
            Map<String, Sent> lastAcknowledged = new ConcurrentHashMap<>();
            ConcurrentLinkedQueue<String> refused = new ConcurrentLinkedQueue<>();
            Instant sendingFrom = Instant.now();
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            List<Future<?>> sending = new ArrayList<>();
            for (List<Sent> versions : perState) {
                sending.add(pool.submit(() -> {
                    for (Sent sent : versions) { // a Member State's versions one after the other, the States all at once
                        HttpResponse<String> answer = sent.node().api().reply(id, sent.state(), sent.positions());
                        if (answer.statusCode() == 201) {
                            JsonNode receipt = ApiClient.parse(answer.body());
                            acknowledged.put(receipt.get("id").asLong(), sent);
                            lastAcknowledged.put(sent.state(), sent);
                            assertThat(receipt.get("late").asBoolean()).as("a reply acknowledged after the deadline: raise "
                                    + "-Dcluster.deadline-seconds (now " + deadlineSeconds + ")").isFalse();
                        } else {
                            refused.add(sent.state() + " on " + sent.node().name() + ": " + answer.statusCode() + " " + answer.body());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : sending) {
                f.get();
            }
            pool.shutdown();
            Instant sendingUntil = Instant.now();
            int sentCount = perState.stream().mapToInt(List::size).sum();
            Report.line("two nodes: " + sentCount + " replies of " + states.size() + " Member States from " + clients + " clients to both nodes in "
                    + millis(sendingFrom, sendingUntil) + " ms; " + acknowledged.size() + " acknowledged");
            assertThat(refused).as("replies refused").isEmpty();
            assertThat(sendingUntil).as("replies done before the deadline").isBefore(deadline);

            // every acknowledged reply is stored
            Set<Long> stored = db.rows("select id from reply_version where consultation_id = ?", id).stream()
                    .map(row -> ((Number) row.get(0)).longValue()).collect(Collectors.toSet());
            assertThat(stored).as("stored reply versions").isEqualTo(acknowledged.keySet());

            // the deadline: the timer fires on one node, the tally runs once
            JsonNode tallied = awaitStatus(a, id, "TALLIED", deadline.plusSeconds(120));
            Instant decidedAt = db.rows("select min(decided_at) from decision where consultation_id = ?", id).stream()
                    .map(row -> instant(row.get(0))).findFirst().orElseThrow();
            Report.line("two nodes: tally " + millis(deadline, decidedAt) + " ms after the deadline");
            // found by its variable consultationId, as the application finds it (the business key is for people)
            String instance = (String) db.rows("select proc_inst_id_ from act_hi_varinst where name_ = 'consultationId' and long_ = ?"
                    + " and proc_def_key_ = ?", id, PROCESS).get(0).get(0);
            assertThat(activityRuns(db, instance, "TimerEvent_Deadline")).as("deadline timer fired").isEqualTo(1);
            assertThat(activityRuns(db, instance, "ServiceTask_TallyReplies")).as("tallies").isEqualTo(1);
            assertThat(db.count("select count(*) from act_ru_incident")).as("incidents").isZero();

            // one decision per Question, agreeing with the acknowledged replies (each State's last one)
            assertThat(db.rows("select question_number, count(*) from decision where consultation_id = ? group by question_number", id))
                    .as("decisions").hasSize(QUESTIONS.size()).allMatch(row -> ((Number) row.get(1)).longValue() == 1);
            JsonNode questions = tallied.get("questions");
            for (int q = 0; q < QUESTIONS.size(); q++) {
                String question = QUESTIONS.get(q);
                long support = lastAcknowledged.values().stream().filter(s -> "SUPPORTS".equals(s.positions().get(question))).count();
                long notSupport = lastAcknowledged.values().stream().filter(s -> "DOES_NOT_SUPPORT".equals(s.positions().get(question))).count();
                assertThat(questions.get(q).get("tally").get("support").asLong()).as(question + " support").isEqualTo(support);
                assertThat(questions.get(q).get("tally").get("notSupport").asLong()).as(question + " not support").isEqualTo(notSupport);
            }

            // the officer announces on the other node; the notices follow, whichever node sends them
            b.api().announce(id);
            awaitEnded(db, instance, Instant.now().plusSeconds(120));
            awaitAllSent(db, id, Instant.now().plusSeconds(180));
            Map<Long, List<String>> received = awaitReceived(db, mail, id, Instant.now().plusSeconds(60));

            Map<String, Long> perKind = new LinkedHashMap<>();
            for (List<Object> row : db.rows("select kind, count(*) from notice where consultation_id = ? group by kind order by kind", id)) {
                perKind.put((String) row.get(0), ((Number) row.get(1)).longValue());
            }
            Report.line("two nodes: notices of the consultation per kind " + perKind + "; messages received " +
                    received.values().stream().mapToInt(List::size).sum() + " (the demo's included)");
            assertThat(db.rows("""
                    select kind, reference, recipient from notice where consultation_id = ?
                     group by kind, reference, recipient having count(*) > 1""", id)).as("notices recorded twice").isEmpty();
            List<List<Object>> notices = db.rows("select id, recipient from notice where consultation_id = ?", id);
            for (List<Object> notice : notices) {
                long noticeId = ((Number) notice.get(0)).longValue();
                assertThat(received.get(noticeId)).as("messages for notice " + noticeId).containsExactly((String) notice.get(1));
            }
            assertThat(received.values()).as("any message received twice").allMatch(recipients -> recipients.size() == 1);
            long recipientsOfCircular = perKind.get("CIRCULAR");
            assertThat(perKind.get("RESULT_ANNOUNCEMENT")).isEqualTo(recipientsOfCircular);
            assertThat(perKind.get("TO_STUDY_GROUP")).isEqualTo(1);
            // an acknowledgement of each acknowledged version ("v1", "v2" of its Member State) to each of the State's addresses
            Map<String, Long> versionsPerState = acknowledged.values().stream().collect(Collectors.groupingBy(Sent::state, Collectors.counting()));
            Map<String, List<String>> addresses = memberStateAddresses();
            Set<String> expectedAcknowledgements = new HashSet<>();
            versionsPerState.forEach((state, versions) -> addresses.get(state).forEach(address -> {
                for (long v = 1; v <= versions; v++) {
                    expectedAcknowledgements.add(address + " v" + v);
                }
            }));
            Set<String> acknowledgements = db.rows("select recipient, reference from notice where consultation_id = ? and kind = 'ACKNOWLEDGEMENT'", id)
                    .stream().map(row -> row.get(0) + " " + row.get(1)).collect(Collectors.toSet());
            assertThat(acknowledgements).as("an acknowledgement for each acknowledged reply").isEqualTo(expectedAcknowledgements);
            assertThat(perKind).doesNotContainKey("REMINDER"); // a consultation of seconds has none
        }
    }

    private AppNode node(String name, int port, ClusterDatabase db, MailCatcher mail) {
        List<String> arguments = new ArrayList<>(db.nodeArguments());
        arguments.addAll(mail.nodeArguments());
        arguments.add("--consultation.demo=true");
        return new AppNode(name, port, workDir.resolve(name), arguments);
    }

    record Sent(String state, Map<String, String> positions, AppNode node) {}

    static List<String> memberStates() throws java.io.IOException {
        return Files.readAllLines(Path.of("src/main/resources/memberstate/member-states.csv")).stream().skip(1)
                .filter(line -> !line.isBlank()).map(line -> line.substring(0, 3)).toList();
    }

    /** Each Member State's notice addresses, as the registry lists them. */
    private static Map<String, List<String>> memberStateAddresses() throws java.io.IOException {
        return Files.readAllLines(Path.of("src/main/resources/memberstate/member-states.csv")).stream().skip(1)
                .filter(line -> !line.isBlank()).map(line -> line.split(","))
                .collect(Collectors.toMap(f -> f[0], f -> List.of(f[f.length - 1].split(";"))));
    }

    static Map<String, String> randomPositions(Random random) {
        Map<String, String> positions = new HashMap<>();
        for (String question : QUESTIONS) {
            int choice = random.nextInt(4);
            if (choice < 2) {
                positions.put(question, "SUPPORTS");
            } else if (choice == 2) {
                positions.put(question, "DOES_NOT_SUPPORT");
            } // else no position on it
        }
        return positions.isEmpty() ? randomPositions(random) : positions; // a reply takes a position on something
    }

    static long activityRuns(ClusterDatabase db, String instance, String activity) throws Exception {
        return db.count("select count(*) from act_hi_actinst where proc_inst_id_ = ? and act_id_ = ?", instance, activity);
    }

    static JsonNode awaitStatus(AppNode node, long id, String status, Instant giveUp) throws Exception {
        while (true) {
            JsonNode consultation = node.api().getJson("/api/consultations/" + id);
            if (status.equals(consultation.get("status").asText())) {
                return consultation;
            }
            if (Instant.now().isAfter(giveUp)) {
                throw new AssertionError("consultation " + id + " is " + consultation.get("status") + ", not " + status + node.logTail());
            }
            Thread.sleep(100);
        }
    }

    private static void awaitEnded(ClusterDatabase db, String instance, Instant giveUp) throws Exception {
        while (db.count("select count(*) from act_hi_procinst where id_ = ? and end_time_ is not null", instance) == 0) {
            if (Instant.now().isAfter(giveUp)) {
                throw new AssertionError("the process did not end; incidents: " + db.rows("select incident_msg_ from act_ru_incident"));
            }
            Thread.sleep(200);
        }
    }

    /** Every notice sent, the acknowledgements included: composed apart from the replies, by either node. */
    private static void awaitAllSent(ClusterDatabase db, long id, Instant giveUp) throws Exception {
        while (db.count("select count(*) from notice where consultation_id = ? and status <> 'SENT'", id)
                + db.count("select count(*) from acknowledgement_due where consultation_id = ?", id) > 0) {
            if (Instant.now().isAfter(giveUp)) {
                throw new AssertionError("notices not sent: " + db.rows(
                        "select status, count(*), max(last_error) from notice where consultation_id = ? group by status", id));
            }
            Thread.sleep(200);
        }
    }

    private static Map<Long, List<String>> awaitReceived(ClusterDatabase db, MailCatcher mail, long id, Instant giveUp) throws Exception {
        Set<Long> expected = db.rows("select id from notice where consultation_id = ?", id).stream()
                .map(row -> ((Number) row.get(0)).longValue()).collect(Collectors.toCollection(HashSet::new));
        while (true) {
            Map<Long, List<String>> received = mail.receivedByNotice();
            if (received.keySet().containsAll(expected) || Instant.now().isAfter(giveUp)) {
                return received;
            }
            Thread.sleep(200);
        }
    }

    static Instant instant(Object column) {
        return column instanceof OffsetDateTime odt ? odt.toInstant() : ((java.sql.Timestamp) column).toInstant();
    }

    static long seconds(Instant from, Instant to) {
        return Duration.between(from, to).toSeconds();
    }

    static long millis(Instant from, Instant to) {
        return Duration.between(from, to).toMillis();
    }
}
