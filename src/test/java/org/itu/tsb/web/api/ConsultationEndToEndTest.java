package org.itu.tsb.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.itu.tsb.memberstate.MemberStateRegistry;
import org.itu.tsb.tally.DecisionRepository;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A consultation through the REST API, from TSAG adoption to decisions, with the deadline timer firing for real. */
@Tag("slow") // a JVM of its own or a real deadline: run by mvn test; -Dsurefire.excludedGroups=bench,slow skips it
class ConsultationEndToEndTest extends ApiTestSupport {

    @Autowired MemberStateRegistry memberStates;
    @Autowired DecisionRepository decisions;
    @Autowired ManagementService management;
    @Autowired HistoryService history;

    @Test
    void consultationIsDecidedAtTheDeadlineAndEveryoneConcernedIsTold() throws Exception {
        Response created = post("/api/consultations", CREATE_BODY);
        assertThat(created.status()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        assertThat(created.headers().getLocation()).hasToString("/api/consultations/" + id);
        assertThat(created.body().get("status").asText()).isEqualTo("ADOPTED");
        assertThat(created.body().has("deadline")).isFalse();

        Instant deadline = Instant.now().plusSeconds(5).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
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

        await().atMost(Duration.ofSeconds(20)).until(() -> "DECIDED".equals(get("/api/consultations/" + id).body().get("status").asText()));
        Instant decidedAt = decisions.findByConsultation(id).values().iterator().next().decidedAt();
        System.out.printf("deadline-to-decision latency: %d ms%n", Duration.between(deadline, decidedAt).toMillis());

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

        Set<String> memberStateAddresses = memberStates.all().stream().flatMap(s -> s.emails().stream()).collect(Collectors.toSet());
        int expected = memberStateAddresses.size() + 4; // circular to every address; 2 approvals, 1 referral, the comments
        await().atMost(Duration.ofSeconds(20)).until(() -> smtp.getReceivedMessages().length >= expected);
        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).hasSize(expected);

        List<MimeMessage> circulars = Arrays.stream(mails).filter(m -> subject(m).startsWith(circular + ":")).toList();
        assertThat(circulars.stream().map(ConsultationEndToEndTest::recipient).collect(Collectors.toSet()))
                .isEqualTo(memberStateAddresses);
        List<String> toStudyGroup = Arrays.stream(mails).filter(m -> recipient(m).equals("tsbsg17@studygroups.example"))
                .map(ConsultationEndToEndTest::subject).toList();
        assertThat(toStudyGroup).containsExactlyInAnyOrder(
                "Q7/17 approved: " + circular,
                "Q16/17 approved: " + circular,
                "Q10/17 not approved, referred back to SG17: " + circular,
                "Comments received on " + circular + " (SG17)");
        // the last notice is on the wire before its job commits the end of the process: wait for that commit
        await().atMost(Duration.ofSeconds(10)).until(() -> history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(Long.toString(id)).finished().count() == 1);
    }

    @Test
    void mailServerDownLosesNoNoticeAndRollsBackNoDecision() {
        long id = createConsultation();
        String circular = "TSB Circular " + open(id, Instant.now().plusSeconds(4)).body().get("circularNumber").asText();
        reply(id, "CHE", "{\"Q7/17\": \"DOES_NOT_SUPPORT\"}");
        int circulars = (int) memberStates.all().stream().mapToLong(s -> s.emails().size()).sum();
        await().atMost(Duration.ofSeconds(20)).until(() -> smtp.getReceivedMessages().length >= circulars);

        smtp.stop(); // the mail server goes down before the deadline

        await().atMost(Duration.ofSeconds(20)).until(() -> failedNoticeJob(id) != null);
        Job failed = failedNoticeJob(id);
        assertThat(failed.getRetries()).isEqualTo(5); // R6/PT10M: one try spent, five left, next in ten minutes
        assertThat(failed.getExceptionMessage()).containsIgnoringCase("mail");
        assertThat(get("/api/consultations/" + id).body().get("status").asText()).isEqualTo("DECIDED");
        assertThat(decisions.findByConsultation(id)).hasSize(3);

        smtp.start(); // back up; an operator retries now instead of waiting (Cockpit: "Retry")
        management.setJobDuedate(failed.getId(), java.util.Date.from(Instant.now()));

        await().atMost(Duration.ofSeconds(20)).until(() -> history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(Long.toString(id)).finished().count() == 1);
        assertThat(Arrays.stream(smtp.getReceivedMessages()).map(ConsultationEndToEndTest::subject))
                .contains("Q7/17 not approved, referred back to SG17: " + circular,
                        "Q10/17 approved: " + circular, "Q16/17 approved: " + circular);
    }

    private Job failedNoticeJob(long id) {
        String instance = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(Long.toString(id))
                .singleResult().getId();
        return management.createJobQuery().processInstanceId(instance).withException().singleResult();
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
