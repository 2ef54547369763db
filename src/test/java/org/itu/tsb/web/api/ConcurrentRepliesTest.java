package org.itu.tsb.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import org.itu.tsb.process.ProcessVariables;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.itu.tsb.memberstate.MemberState;
import org.itu.tsb.memberstate.MemberStateRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every Member State of the registry replies at the same moment, fifty of them revising straight away: nothing is
 * lost, no request fails, one current reply per Member State, and the tally matches an independent count.
 */
class ConcurrentRepliesTest extends ApiTestSupport {

    /** TSB officers record replies for any State and are not rate-limited. */
    private static final String OFFICER_LOGIN = "Basic " + java.util.Base64.getEncoder()
            .encodeToString("officer:officer".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    private static final List<String> QUESTIONS = List.of("Q7/17", "Q10/17", "Q16/17");
    private static final List<String> CHOICES = List.of("SUPPORTS", "DOES_NOT_SUPPORT", "");

    @Autowired MemberStateRegistry memberStates;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    @Test
    void allMemberStatesReplyingAtOnceLoseNothing() throws Exception {
        long id = createConsultation();
        assertThat(open(id, Instant.now().plusSeconds(3600)).status()).isEqualTo(200);

        Random random = new Random(20260403);
        List<MemberState> states = new ArrayList<>(memberStates.all());
        Map<String, Map<String, String>> first = new LinkedHashMap<>();
        Map<String, Map<String, String>> expected = new LinkedHashMap<>();
        for (MemberState state : states) {
            first.put(state.code(), randomPositions(random));
            expected.put(state.code(), first.get(state.code()));
        }
        List<String> revising = new ArrayList<>(first.keySet());
        java.util.Collections.shuffle(revising, random);
        revising = revising.subList(0, 50);
        for (String code : revising) {
            Map<String, String> revised;
            do {
                revised = randomPositions(random);
            } while (revised.equals(first.get(code)));
            expected.put(code, revised);
        }
        assertThat(states.size()).isGreaterThanOrEqualTo(193);

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(states.size());
        for (MemberState state : states) {
            String code = state.code();
            List<String> revisionsFirst = revising;
            pool.submit(() -> {
                start.await();
                send(client, id, code, first.get(code), failures);
                if (revisionsFirst.contains(code)) {
                    send(client, id, code, expected.get(code), failures); // the revision, after its first version
                }
                return null;
            });
        }
        start.countDown(); // all at once
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        assertThat(failures).isEmpty();
        long versions = jdbc.sql("select count(*) from reply_version where consultation_id = :id").param("id", id)
                .query(Long.class).single();
        assertThat(versions).isEqualTo(states.size() + revising.size());

        JsonNode replies = get("/api/consultations/" + id + "/replies").body();
        assertThat(replies).hasSize(states.size());
        Map<String, Map<String, String>> stored = new HashMap<>();
        for (JsonNode reply : replies) {
            Map<String, String> positions = new HashMap<>();
            reply.get("current").get("positions").fields().forEachRemaining(e -> positions.put(e.getKey(), e.getValue().asText()));
            stored.put(reply.get("memberState").asText(), positions);
            int expectedVersions = revising.contains(reply.get("memberState").asText()) ? 2 : 1;
            assertThat(reply.get("versions")).hasSize(expectedVersions);
            assertThat(reply.get("counted").asBoolean()).isTrue();
        }
        assertThat(stored).isEqualTo(withoutBlanks(expected));
        JsonNode progress = get("/api/consultations/" + id).body().get("replies");
        assertThat(progress.get("counted").asInt()).isEqualTo(states.size());
        assertThat(progress.get("memberStates").asInt()).isEqualTo(states.size());

        // the deadline passes now: the timer job runs the real tally
        String instance = runtime.createProcessInstanceQuery().processDefinitionKey(ProcessVariables.PROCESS_KEY).variableValueEquals(ProcessVariables.CONSULTATION_ID, id).singleResult().getId();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> management.createJobQuery().processInstanceId(instance).timers().count() == 1); // circular sent
        management.executeJob(management.createJobQuery().processInstanceId(instance).timers().singleResult().getId());

        JsonNode questions = get("/api/consultations/" + id).body().get("questions");
        for (int q = 0; q < QUESTIONS.size(); q++) {
            String question = QUESTIONS.get(q);
            long support = expected.values().stream().filter(p -> "SUPPORTS".equals(p.get(question))).count();
            long notSupport = expected.values().stream().filter(p -> "DOES_NOT_SUPPORT".equals(p.get(question))).count();
            JsonNode tally = questions.get(q).get("tally");
            assertThat(tally.get("support").asLong()).as(question).isEqualTo(support);
            assertThat(tally.get("notSupport").asLong()).as(question).isEqualTo(notSupport);
            boolean approved = support + notSupport == 0 || 100 * support >= 70 * (support + notSupport);
            assertThat(questions.get(q).get("decision").asText()).isEqualTo(approved ? "APPROVED" : "REFERRED_BACK");
        }
    }

    private void send(HttpClient client, long id, String code, Map<String, String> positions, ConcurrentLinkedQueue<String> failures) {
        StringBuilder json = new StringBuilder("{\"memberState\": \"" + code + "\", \"positions\": {");
        positions.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .forEach(e -> json.append('"').append(e.getKey()).append("\": \"").append(e.getValue()).append("\","));
        if (json.charAt(json.length() - 1) == ',') {
            json.setLength(json.length() - 1);
        }
        json.append("}}");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/consultations/" + id + "/replies"))
                .header("Content-Type", "application/json")
                .header("Authorization", OFFICER_LOGIN)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(json.toString()))
                .build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                failures.add(code + ": " + response.statusCode() + " " + response.body());
            }
        } catch (Exception e) {
            failures.add(code + ": " + e);
        }
    }

    private static Map<String, String> randomPositions(Random random) {
        Map<String, String> positions = new LinkedHashMap<>();
        for (String question : QUESTIONS) {
            positions.put(question, CHOICES.get(random.nextInt(CHOICES.size())));
        }
        return positions;
    }

    private static Map<String, Map<String, String>> withoutBlanks(Map<String, Map<String, String>> replies) {
        Map<String, Map<String, String>> result = new HashMap<>();
        replies.forEach((code, positions) -> {
            Map<String, String> taken = new HashMap<>();
            positions.forEach((q, p) -> {
                if (!p.isEmpty()) {
                    taken.put(q, p);
                }
            });
            result.put(code, taken);
        });
        return result;
    }
}
