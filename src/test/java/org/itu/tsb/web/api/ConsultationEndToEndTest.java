package org.itu.tsb.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import org.itu.tsb.process.ProcessVariables;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.itu.tsb.memberstate.MemberStateRegistry;
import org.itu.tsb.notice.AcknowledgementComposition;
import org.itu.tsb.notice.NoticeKind;
import org.itu.tsb.notice.NoticeOutbox;
import org.itu.tsb.tally.DecisionRepository;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A consultation through the REST API, from TSAG adoption to decisions, with the deadline timer firing for real. */
@Tag("slow") // real deadlines and every notice through SMTP: part of mvn test
class ConsultationEndToEndTest extends ApiTestSupport {

    @Autowired MemberStateRegistry memberStates;
    @Autowired DecisionRepository decisions;
    @Autowired ManagementService management;
    @Autowired HistoryService history;
    @Autowired NoticeOutbox outbox;
    @Autowired AcknowledgementComposition acknowledgements;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void consultationIsDecidedAtTheDeadlineAndEveryoneConcernedIsTold() throws Exception {
        Response created = post("/api/consultations", CREATE_BODY);
        assertThat(created.status()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        assertThat(created.headers().getLocation()).hasToString("/api/consultations/" + id);
        assertThat(created.body().get("status").asText()).isEqualTo("ADOPTED");
        assertThat(created.body().has("deadline")).isFalse();

        Instant deadline = Instant.now().plusSeconds(8).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Response opened = open(id, deadline);
        assertThat(opened.status()).isEqualTo(200);
        assertThat(opened.body().get("status").asText()).isEqualTo("OPEN");
        assertThat(Instant.parse(opened.body().get("deadline").asText())).isEqualTo(deadline);
        String circular = "TSB Circular " + opened.body().get("circularNumber").asText();

        // Q7/17: 7 of 10 support (exactly 70 %): approved. Q10/17: 2 of 3: referred back. Q16/17: no position: approved.
        List<String> states = List.of("ARG", "BRA", "CAN", "DEU", "EGY", "FRA", "GHA", "IND", "JPN", "KEN");
        for (int i = 0; i < states.size(); i++) {
            String q7 = i < 7 ? "SUPPORTS" : "DOES_NOT_SUPPORT";
            String q10 = i < 2 ? ", \"Q10/17\": \"SUPPORTS\"" : i == 2 ? ", \"Q10/17\": \"DOES_NOT_SUPPORT\"" : "";
            Response reply = post("/api/consultations/" + id + "/replies", """
                    {"memberState": "%s", "positions": {"Q7/17": "%s"%s}, "comments": %s}"""
                    .formatted(states.get(i), q7, q10, i == 9 ? "\"Q7/17 overlaps Q10/17.\"" : "null"));
            assertThat(reply.status()).isEqualTo(201);
            assertThat(reply.body().get("late").asBoolean()).isFalse();
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> "TALLIED".equals(get("/api/consultations/" + id).body().get("status").asText()));
        Instant decidedAt = decisions.findByConsultation(id).values().iterator().next().decidedAt();
        System.out.printf("deadline-to-tally latency: %d ms%n", Duration.between(deadline, decidedAt).toMillis());
        assertThat(get("/api/consultations/" + id).body().get("provisional").asBoolean()).isTrue();
        assertThat(get("/api/consultations/" + id).body().get("questions").get(0).get("decision").asText()).isEqualTo("APPROVED");
        String seenByFrance = as(org.itu.tsb.TestAccounts.FRA).getForObject("/api/consultations/" + id, String.class);
        assertThat(seenByFrance).as("a provisional tally is TSB's until announced").contains("\"TALLIED\"")
                .doesNotContain("APPROVED").doesNotContain("REFERRED_BACK");

        // the officer reviews the tally and announces it, as Tasklist does
        Response announced = exchange(org.springframework.http.HttpMethod.POST, "/api/consultations/" + id + "/announce",
                org.springframework.http.HttpEntity.EMPTY);
        assertThat(announced.status()).isEqualTo(200);
        assertThat(announced.body().get("status").asText()).isEqualTo("DECIDED");
        assertThat(announced.body().get("announcedBy").asText()).isEqualTo("officer");
        assertThat(post("/api/consultations/" + id + "/announce", "{}").status()).as("announced once").isEqualTo(409);

        var decided = get("/api/consultations/" + id).body();
        var questions = decided.get("questions");
        assertThat(questions.get(0).get("decision").asText()).isEqualTo("APPROVED");
        assertThat(questions.get(0).get("tally").get("support").asInt()).isEqualTo(7);
        assertThat(questions.get(0).get("tally").get("notSupport").asInt()).isEqualTo(3);
        assertThat(questions.get(0).get("tally").get("counted").asInt()).isEqualTo(10);
        assertThat(questions.get(0).get("tally").get("percent").decimalValue()).isEqualByComparingTo("70.0");
        assertThat(questions.get(1).get("decision").asText()).isEqualTo("REFERRED_BACK");
        assertThat(questions.get(1).get("tally").get("counted").asInt()).isEqualTo(3);
        assertThat(questions.get(2).get("decision").asText()).isEqualTo("APPROVED");
        assertThat(questions.get(2).get("tally").get("counted").asInt()).isZero();

        Response late = reply(id, "CHE", "{\"Q10/17\": \"SUPPORTS\"}");
        assertThat(late.status()).isEqualTo(201);
        assertThat(late.body().get("late").asBoolean()).isTrue();

        // the notices after the announcement are recorded by one job, which also ends the process: wait for that
        // commit, or the delivery of the earlier notices could be over before those are recorded at all
        await().atMost(Duration.ofSeconds(20)).until(() -> history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(ProcessVariables.PROCESS_KEY).variableValueEquals(ProcessVariables.CONSULTATION_ID, id).finished().count() == 1);
        // every notice the procedure owes, once each (no reminder: the consultation is shorter than its lead time)
        deliveredOnceEach(id);
        Set<String> everyone = new java.util.HashSet<>(addresses(memberStates.all().stream().map(s -> s.code()).toList()));
        everyone.addAll(List.of("itu-t-sector-members@itu.example", "tsbsg17-associates@itu.example", "itu-academia@itu.example",
                "tsbsg17-chairs@itu.example", "bdtdirector@itu.example", "brmail@itu.example"));
        assertThat(recipients(id, NoticeKind.CIRCULAR)).containsExactlyInAnyOrderElementsOf(everyone);
        assertThat(recipients(id, NoticeKind.RESULT_ANNOUNCEMENT)).containsExactlyInAnyOrderElementsOf(everyone);
        List<String> replied = new java.util.ArrayList<>(states);
        replied.add("CHE"); // late, acknowledged as late
        assertThat(recipients(id, NoticeKind.ACKNOWLEDGEMENT)).containsExactlyInAnyOrderElementsOf(addresses(replied));
        // CAN did not support Q10/17, IND, JPN and KEN Q7/17, none with reasons
        assertThat(recipients(id, NoticeKind.REQUEST_FOR_REASONS))
                .containsExactlyInAnyOrderElementsOf(addresses(List.of("CAN", "IND", "JPN", "KEN")));
        assertThat(recipients(id, NoticeKind.TO_STUDY_GROUP)).containsExactly("tsbsg17@studygroups.example");
        assertThat(recipients(id, NoticeKind.TO_DIRECTOR)).containsExactly("tsbdir@itu.example");
        assertThat(recipients(id, NoticeKind.REMINDER)).isEmpty();
        assertThat(receivedFor(id).stream().map(ConsultationEndToEndTest::subject))
                .contains(circular + ": result of the consultation on Questions 7/17, 10/17 and 16/17");
    }

    @Test
    void aMailServerDownFromTheCircularOnHoldsNothingUpAndEveryNoticeGoesOutOnceItIsBack() {
        // not in the middle of a message the delivery is handing over (GreenMail fails the test on a cut transfer)
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from notice where status = 'SENDING'")
                .query(Long.class).single() == 0);
        smtp.stop(); // down before the circular goes out
        long id = createConsultation();
        Instant deadline = Instant.now().plusSeconds(4).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        String circular = "TSB Circular " + open(id, deadline).body().get("circularNumber").asText();
        reply(id, "CHE", "{\"Q7/17\": \"DOES_NOT_SUPPORT\"}");

        // the deadline is acted on at once, mail or no mail, and so is the announcement
        await().atMost(Duration.ofSeconds(20)).until(() -> "TALLIED".equals(get("/api/consultations/" + id).body().get("status").asText()));
        Instant decidedAt = decisions.findByConsultation(id).values().iterator().next().decidedAt();
        assertThat(Duration.between(deadline, decidedAt)).isLessThan(Duration.ofSeconds(1));
        assertThat(post("/api/consultations/" + id + "/announce", "{}").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(ProcessVariables.PROCESS_KEY).variableValueEquals(ProcessVariables.CONSULTATION_ID, id).finished().count() == 1);
        assertThat(management.createJobQuery().withException().count()).as("no job failed for the mail").isZero();
        // recorded, none delivered, none given up (a delivery round may be under way: PENDING or SENDING)
        assertThat(outbox.findByConsultation(id)).allSatisfy(n -> assertThat(n.status())
                        .isIn(NoticeOutbox.Status.PENDING, NoticeOutbox.Status.SENDING))
                .anySatisfy(n -> assertThat(n.lastError()).isNotBlank());

        smtp.start(); // back up: nobody has to retry anything by hand
        deliveredOnceEach(id);
        assertThat(recipients(id, NoticeKind.CIRCULAR)).hasSizeGreaterThan(memberStates.size());
        assertThat(recipients(id, NoticeKind.REQUEST_FOR_REASONS)).containsExactlyInAnyOrderElementsOf(addresses(List.of("CHE")));
        assertThat(receivedFor(id).stream().map(ConsultationEndToEndTest::subject))
                .contains(circular + ": result of the consultation on Questions 7/17, 10/17 and 16/17");
    }

    /** Every notice of the consultation sent, and received by the mail server exactly once (by its Message-ID). */
    private void deliveredOnceEach(long id) {
        acknowledgements.composeDue(); // composed apart from the replies: each reply's is in the outbox from here on
        await().atMost(Duration.ofSeconds(30)).until(() -> outbox.findByConsultation(id).stream()
                .allMatch(n -> n.status() == NoticeOutbox.Status.SENT));
        Set<String> ours = outbox.findByConsultation(id).stream().map(n -> "<notice-" + n.id() + "@consultation-workflow>")
                .collect(Collectors.toSet());
        List<String> received = receivedFor(id).stream().map(ApiTestSupport::messageId).toList();
        assertThat(received).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ours);
    }

    private List<String> recipients(long id, NoticeKind kind) {
        return outbox.findByConsultation(id).stream().filter(n -> n.notice().kind() == kind).map(n -> n.notice().recipient()).toList();
    }

    private List<String> addresses(List<String> codes) {
        return codes.stream().flatMap(code -> memberStates.find(code).orElseThrow().emails().stream()).toList();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String recipient(MimeMessage m) {
        try {
            return m.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
