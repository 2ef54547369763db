package org.itu.tsb.process;

import org.itu.tsb.ApplicationTest;
import org.itu.tsb.Sg17;

import static org.assertj.core.api.Assertions.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.itu.tsb.tally.Decision.APPROVED;
import static org.itu.tsb.tally.Decision.REFERRED_BACK;
import static org.itu.tsb.reply.Position.DOES_NOT_SUPPORT;
import static org.itu.tsb.reply.Position.SUPPORTS;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.itu.tsb.TestClock;
import org.itu.tsb.consultation.Consultation;
import org.itu.tsb.consultation.ConsultationRepository;
import org.itu.tsb.consultation.ConsultationService;
import org.itu.tsb.consultation.ConsultationStateException;
import org.itu.tsb.consultation.ConsultationStatus;
import org.itu.tsb.consultation.NewConsultation;
import org.itu.tsb.consultation.Question;
import org.itu.tsb.consultation.QuestionKind;
import org.itu.tsb.kernel.ConsultationProperties;
import org.itu.tsb.memberstate.MemberState;
import org.itu.tsb.memberstate.MemberStateRegistry;
import org.itu.tsb.notice.AcknowledgementComposition;
import org.itu.tsb.notice.NoticeKind;
import org.itu.tsb.notice.NoticeOutbox;
import org.itu.tsb.reply.Channel;
import org.itu.tsb.reply.ReplyIntake;
import org.itu.tsb.reply.ReplySource;
import org.itu.tsb.reply.ReplySubmission;
import org.itu.tsb.tally.Decision;
import org.itu.tsb.reply.Position;
import org.itu.tsb.tally.QuestionDecision;
import org.itu.tsb.tally.Tally;
import org.itu.tsb.tally.TallyService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every path through {@code question-approval-consultation.bpmn}, on the real delegates and services with the
 * job executor off: jobs, the deadline timer among them, are driven with {@code execute(job())}.
 */
@ApplicationTest
class QuestionApprovalConsultationProcessTest {

    @Autowired ProcessEngine engine;
    @Autowired IdentityService identity;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired ConsultationService consultations;
    @Autowired ConsultationRepository consultationRows;
    @Autowired ReplyIntake intake;
    @Autowired TallyService tallies;
    @Autowired NoticeOutbox outbox;
    @Autowired AcknowledgementComposition acknowledgements;
    @Autowired TestClock clock;
    @Autowired MemberStateRegistry registry;
    @Autowired ConsultationProperties properties;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(engine);
        clock.set(Instant.parse("2026-02-02T09:00:00Z"));
    }

    @Test
    void waitsForTheCircularThenForTheDeadline() {
        Consultation c = adopt();
        ProcessInstance pi = instanceOf(c);
        assertThat(pi).isWaitingAt(ProcessVariables.ISSUE_CIRCULAR_TASK);
        assertThat(task()).hasCandidateGroup("tsb-officers");
        assertThat(consultations.get(c.id()).status()).isEqualTo(ConsultationStatus.ADOPTED);

        Instant deadline = Instant.parse("2026-04-03T23:59:59.999Z");
        consultations.open(c.id(), "101-" + c.id(), deadline, "officer");

        // the circular is recorded with the opening: nothing that can fail stands between the opening and the deadline timer
        assertThat(pi).hasPassed("ServiceTask_OpenConsultation", "SendTask_SendCircular")
                .isWaitingAt("TimerEvent_Deadline", "TimerEvent_ReminderDue");
        assertThat(consultations.get(c.id()).status()).isEqualTo(ConsultationStatus.OPEN);
        assertThat(timer(pi, "TimerEvent_Deadline").getDuedate()).isEqualTo(Date.from(deadline));
        assertThat(timer(pi, "TimerEvent_ReminderDue").getDuedate()).isEqualTo(Date.from(deadline.minus(Duration.ofDays(14))));
        assertThat(outbox.findByConsultation(c.id())).filteredOn(e -> e.notice().kind() == NoticeKind.CIRCULAR)
                .hasSize(addresses(registry.all().stream().map(MemberState::code).toList()) + properties.notices().informationCopies().size())
                .allSatisfy(e -> assertThat(e.status()).isEqualTo(NoticeOutbox.Status.PENDING)); // no mail server here
    }

    @Test
    void cockpitAndTasklistNameTheConsultationByItsAdoptionThenByItsCircular() {
        Consultation c = adopt();
        ProcessInstance pi = instanceOf(c);
        // no circular number yet: the study group, the day TSB recorded the adoption and the consultation's id
        assertThat(pi).hasBusinessKey("SG17 adoption 2026-02-02 #" + c.id());
        assertThat(task()).hasName("Issue circular – SG17, TSAG, Geneva, 26-30 January 2026");
        // the form proposes the procedure's two months
        assertThat(runtime.getVariable(pi.getId(), ProcessVariables.DEADLINE_DATE)).isEqualTo("2026-04-02");

        complete(task(), withVariables(ProcessVariables.CIRCULAR_NUMBER, "77" + c.id(), ProcessVariables.DEADLINE_DATE, "2026-04-02",
                ProcessVariables.OPENED_BY, "officer"));

        assertThat(pi).hasBusinessKey("TSB Circular 77" + c.id());
        assertThat(timer(pi, "TimerEvent_Deadline").getDuedate()).isEqualTo(Date.from(Instant.parse("2026-04-02T23:59:59.999Z")));
        clock.set(Instant.parse("2026-04-03T00:00:00Z"));
        execute(timer(pi, "TimerEvent_Deadline"));
        assertThat(pi).isWaitingAt(ProcessVariables.REVIEW_TALLY_TASK);
        assertThat(task()).hasName("Review tally and announce – TSB Circular 77" + c.id() + " (SG17)");
        // the application finds its instance by consultationId, whatever the business key says
        consultations.announce(c.id(), "officer");
        assertThat(pi).hasPassed("ServiceTask_AnnounceDecisions");
    }

    @Test
    void theReminderGoesOnlyToTheMemberStatesThatHaveNotReplied() {
        Consultation c = openConsultation();
        reply(c, "CHE", Map.of("Q7/17", SUPPORTS));
        reply(c, "FRA", Map.of());
        ProcessInstance pi = instanceOf(c);

        execute(timer(pi, "TimerEvent_ReminderDue"));

        assertThat(pi).hasPassed("SendTask_SendReminder", "EndEvent_ReminderSent").isWaitingAt("TimerEvent_Deadline");
        List<String> reminded = recipients(c, NoticeKind.REMINDER);
        assertThat(reminded).hasSize(addresses(registry.all().stream().map(MemberState::code).toList()) - addresses(List.of("CHE", "FRA")))
                .doesNotContainAnyElementsOf(registry.find("CHE").orElseThrow().emails())
                .doesNotContainAnyElementsOf(registry.find("FRA").orElseThrow().emails())
                .containsAll(registry.find("GHA").orElseThrow().emails());
    }

    @Test
    void aConsultationShorterThanTheReminderLeadTimeHasNoReminder() {
        Consultation c = adopt();
        consultations.open(c.id(), "101-" + c.id(), clock.instant().plus(Duration.ofDays(14)), "officer");

        ProcessInstance pi = instanceOf(c);
        assertThat(pi).hasPassed("EndEvent_NoReminder").hasNotPassed("TimerEvent_ReminderDue").isWaitingAt("TimerEvent_Deadline");
        runToTheEnd(consultations.get(c.id()));
        assertThat(kinds(c)).doesNotContainKey(NoticeKind.REMINDER);
    }

    @Test
    void aReminderDueOnlyAfterTheDeadlineWentByIsNotSent() {
        Consultation c = openConsultation();
        clock.set(deadlineOf(c).plusSeconds(1)); // every node was down over both moments: the deadline is what counts

        execute(timer(instanceOf(c), "TimerEvent_ReminderDue"));

        assertThat(instanceOf(c)).hasPassed("EndEvent_ReminderSent");
        assertThat(kinds(c)).doesNotContainKey(NoticeKind.REMINDER);
    }

    @Test
    void allQuestionsApproved() {
        Consultation c = openConsultation();
        reply(c, "CHE", Map.of("Q7/17", SUPPORTS, "Q10/17", SUPPORTS, "Q16/17", SUPPORTS));
        reply(c, "FRA", Map.of("Q7/17", SUPPORTS, "Q10/17", SUPPORTS, "Q16/17", SUPPORTS));

        ProcessInstance pi = runToTheEnd(c);

        assertThat(pi).hasPassed("SendTask_AnnounceResult", "SendTask_InformStudyGroup", "SendTask_RequestReasons",
                "SendTask_InformDirector", "EndEvent_ConsultationDecided").isEnded();
        assertDecisions(c, Map.of("Q7/17", APPROVED, "Q10/17", APPROVED, "Q16/17", APPROVED));
        // nobody did not support: no request for reasons, nothing for the Director
        assertThat(kinds(c)).containsOnlyKeys(NoticeKind.CIRCULAR, NoticeKind.ACKNOWLEDGEMENT, NoticeKind.RESULT_ANNOUNCEMENT,
                NoticeKind.TO_STUDY_GROUP);
        assertThat(recipients(c, NoticeKind.ACKNOWLEDGEMENT)).containsExactlyInAnyOrderElementsOf(emails("CHE", "FRA"));
        assertThat(recipients(c, NoticeKind.RESULT_ANNOUNCEMENT)).hasSameSizeAs(recipients(c, NoticeKind.CIRCULAR));
        assertThat(recipients(c, NoticeKind.TO_STUDY_GROUP)).containsExactly("tsbsg17@studygroups.example");
    }

    @Test
    void allQuestionsReferredBack() {
        Consultation c = openConsultation();
        reply(c, "CHE", Map.of("Q7/17", DOES_NOT_SUPPORT, "Q10/17", DOES_NOT_SUPPORT, "Q16/17", DOES_NOT_SUPPORT));
        intake.submit(c.id(), new ReplySubmission("USA", Map.of("Q7/17", SUPPORTS, "Q10/17", DOES_NOT_SUPPORT, "Q16/17", DOES_NOT_SUPPORT),
                "Q7/17 overlaps with Q10/17", "Q10/17 duplicates work of SG13"), ReplySource.now(Channel.API, "test"));

        ProcessInstance pi = runToTheEnd(c);

        assertThat(pi).hasPassed("SendTask_InformStudyGroup", "SendTask_RequestReasons", "SendTask_InformDirector").isEnded();
        assertDecisions(c, Map.of("Q7/17", REFERRED_BACK, "Q10/17", REFERRED_BACK, "Q16/17", REFERRED_BACK));
        // CHE gave no reasons and is asked for them; the USA gave reasons and is not
        assertThat(recipients(c, NoticeKind.REQUEST_FOR_REASONS)).containsExactlyInAnyOrderElementsOf(emails("CHE"));
        String toDirector = body(c, NoticeKind.TO_DIRECTOR);
        assertThat(toDirector).contains("Q10/17 duplicates work of SG13").contains("Switzerland").contains("No reasons given");
        String toStudyGroup = body(c, NoticeKind.TO_STUDY_GROUP);
        assertThat(toStudyGroup).contains("Q7/17 overlaps with Q10/17").contains("Q10/17 duplicates work of SG13")
                .contains("Did not support it without giving reasons (asked for them): Switzerland");
    }

    @Test
    void eachQuestionDecidedOnItsOwnReplies() {
        Consultation c = openConsultation();
        // Q7/17: 7 of 10 support, exactly 70 %: approved. Q10/17: 2 of 3: referred back. Q16/17: nobody took a position.
        List<String> states = List.of("ARG", "BRA", "CAN", "DEU", "EGY", "FRA", "GHA", "IND", "JPN", "KEN");
        for (int i = 0; i < states.size(); i++) {
            Map<String, Position> positions = new java.util.HashMap<>();
            positions.put("Q7/17", i < 7 ? SUPPORTS : DOES_NOT_SUPPORT);
            if (i < 3) {
                positions.put("Q10/17", i < 2 ? SUPPORTS : DOES_NOT_SUPPORT);
            }
            reply(c, states.get(i), positions);
        }

        ProcessInstance pi = runToTheEnd(c);

        assertThat(pi).isEnded();
        assertDecisions(c, Map.of("Q7/17", APPROVED, "Q10/17", REFERRED_BACK, "Q16/17", APPROVED));
        Map<String, QuestionDecision> decisions = tallies.decisionsOf(c.id());
        assertThat(decisions.get("Q7/17").tally()).isEqualTo(new Tally(7, 3));
        assertThat(decisions.get("Q10/17").tally()).isEqualTo(new Tally(2, 1));
        assertThat(decisions.get("Q16/17").tally()).isEqualTo(new Tally(0, 0));
        assertThat(body(c, NoticeKind.RESULT_ANNOUNCEMENT))
                .contains("Q7/17 \u201CSecure application services\u201D: approved")
                .contains("Supports: 7; Does not support: 3; Counted: 10; Support: 70.0%")
                .contains("Q10/17 \u201CManagement of digital identity, security and services\u201D: not approved: referred back to the study group")
                .contains("Supports: 2; Does not support: 1; Counted: 3; Support: 66.7%")
                .contains("Support: no counted replies");
    }

    @Test
    void noRepliesAtAllApprovesEveryQuestion() {
        Consultation c = openConsultation();

        ProcessInstance pi = runToTheEnd(c);

        assertThat(pi).isEnded();
        assertDecisions(c, Map.of("Q7/17", APPROVED, "Q10/17", APPROVED, "Q16/17", APPROVED));
        assertThat(body(c, NoticeKind.TO_STUDY_GROUP)).contains("No comments were received.");
        assertThat(body(c, NoticeKind.RESULT_ANNOUNCEMENT)).contains("No Member State replied by the deadline.");
    }

    @Test
    void onlyBlankRepliesApproveEveryQuestion() {
        Consultation c = openConsultation();
        reply(c, "CHE", Map.of());
        replyWithComments(c, "FRA", Map.of(), "No position at this stage.");

        runToTheEnd(c);

        assertDecisions(c, Map.of("Q7/17", APPROVED, "Q10/17", APPROVED, "Q16/17", APPROVED));
        assertThat(tallies.decisionsOf(c.id()).values()).allSatisfy(d -> assertThat(d.tally().counted()).isZero());
        assertThat(body(c, NoticeKind.TO_STUDY_GROUP)).contains("No position at this stage.");
    }

    @Test
    void lateReplyIsStoredButIgnoredByTheTally() {
        Consultation c = openConsultation();
        reply(c, "CHE", Map.of("Q7/17", SUPPORTS));
        reply(c, "FRA", Map.of("Q7/17", SUPPORTS));
        clock.set(deadlineOf(c)); // at the deadline instant: still on time
        assertThat(reply(c, "DEU", Map.of("Q7/17", SUPPORTS)).late()).isFalse();
        clock.set(deadlineOf(c).plusMillis(1));
        var late = List.of("USA", "GBR", "JPN", "IND");
        for (String state : late) {
            assertThat(replyWithComments(c, state, Map.of("Q7/17", DOES_NOT_SUPPORT), "Sent late by " + state).late()).isTrue();
        }

        runToTheEnd(c);

        assertThat(tallies.decisionsOf(c.id()).get("Q7/17").tally()).isEqualTo(new Tally(3, 0));
        assertDecisions(c, Map.of("Q7/17", APPROVED, "Q10/17", APPROVED, "Q16/17", APPROVED));
        assertThat(body(c, NoticeKind.TO_STUDY_GROUP)).contains("Sent late by USA")
                .contains("United States, reply version 1, received").contains("(LATE: received after the deadline, not counted)");
    }

    @Test
    void latestOnTimeRevisionCounts() {
        Consultation c = openConsultation();
        reply(c, "CHE", Map.of("Q7/17", DOES_NOT_SUPPORT));
        clock.advance(Duration.ofDays(1));
        reply(c, "CHE", Map.of("Q7/17", SUPPORTS)); // revised: this one counts
        clock.set(deadlineOf(c).plusSeconds(1));
        reply(c, "CHE", Map.of("Q7/17", DOES_NOT_SUPPORT)); // late revision: stored, not counted

        runToTheEnd(c);

        assertThat(tallies.decisionsOf(c.id()).get("Q7/17").tally()).isEqualTo(new Tally(1, 0));
    }

    @Test
    void officerIssuesTheCircularInTasklistWithADeadlineDate() {
        Consultation c = adopt();
        ProcessInstance pi = instanceOf(c);

        // Tasklist completes the task as the logged-in officer
        identity.setAuthentication("j.officer", List.of("tsb-officers"));
        try {
            complete(issueCircularTask(pi), withVariables(ProcessVariables.CIRCULAR_NUMBER, " 7" + c.id() + " ", ProcessVariables.DEADLINE_DATE, "2026-04-03"));
        } finally {
            identity.clearAuthentication();
        }

        Consultation open = consultations.get(c.id());
        assertThat(open.status()).isEqualTo(ConsultationStatus.OPEN);
        assertThat(open.circularNumber()).isEqualTo("7" + c.id());
        assertThat(open.openedBy()).as("the audit trail names the officer").isEqualTo("j.officer");
        assertThat(open.deadline()).isEqualTo(Instant.parse("2026-04-03T23:59:59.999Z"));
        assertThat(pi).isWaitingAt("TimerEvent_Deadline");
        assertThat(timer(pi, "TimerEvent_Deadline").getDuedate()).isEqualTo(Date.from(open.deadline()));
    }

    @Test
    void deadlineInThePastIsRefusedAndTheTaskStaysOpen() {
        Consultation c = adopt();
        ProcessInstance pi = instanceOf(c);
        String taskId = issueCircularTask(pi).getId();

        assertThatThrownBy(() -> tasks.complete(taskId, Map.of(ProcessVariables.CIRCULAR_NUMBER, "101-" + c.id(),
                ProcessVariables.DEADLINE_DATE, "2026-02-01", ProcessVariables.OPENED_BY, "officer")))
                // the one exception Camunda's REST API answers with 400 when a form is submitted: Tasklist shows its words
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessage("The deadline 1 February 2026, 23:59:59 UTC is not in the future (now 2 February 2026, 09:00:00 UTC).");
        assertThatThrownBy(() -> tasks.complete(taskId, Map.of(ProcessVariables.CIRCULAR_NUMBER, "101-" + c.id(),
                ProcessVariables.DEADLINE_DATE, "3 April", ProcessVariables.OPENED_BY, "officer")))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessage("'3 April' is not a date such as 2026-04-03 (year-month-day).");

        assertThat(pi).isWaitingAt(ProcessVariables.ISSUE_CIRCULAR_TASK);
        assertThat(consultations.get(c.id()).status()).isEqualTo(ConsultationStatus.ADOPTED);
    }

    @Test
    void tallyStartedMidModelDecidesFromTheStoredReplies() {
        Consultation c = adopt();
        consultationRows.recordOpening(c.id(), "101-" + c.id(), clock.instant().plusSeconds(60), clock.instant(), "officer");
        clock.advance(Duration.ofSeconds(10));
        reply(c, "CHE", Map.of("Q16/17", DOES_NOT_SUPPORT));

        ProcessInstance pi = runtime.createProcessInstanceByKey(ProcessVariables.PROCESS_KEY)
                .businessKey("mid-model-" + c.id())
                .startBeforeActivity("ServiceTask_TallyReplies")
                .setVariable(ProcessVariables.CONSULTATION_ID, c.id())
                .execute();

        assertThat(pi).isWaitingAt(ProcessVariables.REVIEW_TALLY_TASK);
        assertDecisions(c, Map.of("Q7/17", APPROVED, "Q10/17", APPROVED, "Q16/17", REFERRED_BACK));
        complete(tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult(), withVariables(ProcessVariables.ANNOUNCED_BY, "officer"));
        assertThat(pi).isWaitingAt("SendTask_AnnounceResult");
        executeAllJobs(pi);
        assertThat(pi).hasPassed("SendTask_InformDirector").isEnded();
    }

    @Test
    void aFaxReceivedOnTimeAndEnteredDuringTheReviewChangesTheDecisionAnnounced() {
        Consultation c = openConsultation();
        reply(c, "CHE", Map.of("Q7/17", SUPPORTS));
        reply(c, "FRA", Map.of("Q7/17", SUPPORTS));
        ProcessInstance pi = instanceOf(c);
        clock.set(deadlineOf(c).plusSeconds(1));
        execute(timer(pi, "TimerEvent_Deadline"));
        assertDecisions(c, Map.of("Q7/17", APPROVED, "Q10/17", APPROVED, "Q16/17", APPROVED));
        assertThat(kinds(c)).as("nothing announced while the tally is provisional").doesNotContainKey(NoticeKind.RESULT_ANNOUNCEMENT);

        clock.advance(Duration.ofHours(10)); // the fax of 23:50 is entered the next morning
        intake.submit(c.id(), new ReplySubmission("DEU", Map.of("Q7/17", DOES_NOT_SUPPORT), null, null),
                new ReplySource(Channel.FAX, "officer", deadlineOf(c).minus(Duration.ofMinutes(10)), null));
        assertDecisions(c, Map.of("Q7/17", REFERRED_BACK, "Q10/17", APPROVED, "Q16/17", APPROVED)); // 2 of 3: 66.7 %

        consultations.announce(c.id(), "officer");
        executeAllJobs(pi);

        assertThat(pi).hasPassed("ServiceTask_AnnounceDecisions", "SendTask_AnnounceResult").isEnded();
        assertDecisions(c, Map.of("Q7/17", REFERRED_BACK, "Q10/17", APPROVED, "Q16/17", APPROVED));
        assertThat(body(c, NoticeKind.RESULT_ANNOUNCEMENT)).contains("Supports: 2; Does not support: 1; Counted: 3; Support: 66.7%");
        assertThat(consultations.get(c.id()).announcedBy()).isEqualTo("officer");
    }

    @Test
    void officerAnnouncesTheResultInTasklist() {
        Consultation c = openConsultation();
        ProcessInstance pi = instanceOf(c);
        clock.set(deadlineOf(c).plusSeconds(1));
        execute(timer(pi, "TimerEvent_Deadline"));
        org.camunda.bpm.engine.task.Task review = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(review.getTaskDefinitionKey()).isEqualTo(ProcessVariables.REVIEW_TALLY_TASK);
        assertThat((String) runtime.getVariable(pi.getId(), ProcessVariables.PROVISIONAL_TALLY))
                .contains("Q7/17: 0 support, 0 do not support (no counted replies): APPROVED");

        identity.setAuthentication("j.officer", List.of("tsb-officers"));
        try {
            complete(review, withVariables("confirmed", true));
        } finally {
            identity.clearAuthentication();
        }

        Consultation announced = consultations.get(c.id());
        assertThat(announced.status()).isEqualTo(ConsultationStatus.DECIDED);
        assertThat(announced.announcedBy()).as("the audit trail names the officer").isEqualTo("j.officer");
        assertThat(pi).isWaitingAt("SendTask_AnnounceResult");
        assertThatThrownBy(() -> consultations.announce(c.id(), "officer")).isInstanceOf(ConsultationStateException.class);
    }

    @Test
    void aRetriedTallyKeepsTheDecisionsItTook() {
        Consultation c = openConsultation();
        reply(c, "CHE", Map.of("Q7/17", SUPPORTS));
        clock.set(deadlineOf(c).plusSeconds(1));
        List<QuestionDecision> first = tallies.tally(c.id());
        reply(c, "FRA", Map.of("Q7/17", DOES_NOT_SUPPORT)); // late, and after the tally

        assertThat(tallies.tally(c.id())).isEqualTo(first);
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private Consultation adopt() {
        return consultations.adopt(Sg17.adopted(), "officer");
    }

    private Consultation openConsultation() {
        Consultation c = adopt();
        consultations.open(c.id(), "101-" + c.id(), clock.instant().plus(Duration.ofDays(60)), "officer");
        assertThat(instanceOf(c)).isWaitingAt("TimerEvent_Deadline", "TimerEvent_ReminderDue");
        return consultations.get(c.id());
    }

    private ProcessInstance runToTheEnd(Consultation c) {
        ProcessInstance pi = instanceOf(c);
        assertThat(pi).isWaitingAt("TimerEvent_Deadline");
        if (!clock.instant().isAfter(deadlineOf(c))) {
            clock.set(deadlineOf(c).plusSeconds(1));
        }
        execute(timer(pi, "TimerEvent_Deadline")); // the deadline passes: the provisional tally
        assertThat(consultations.get(c.id()).status()).isEqualTo(ConsultationStatus.TALLIED);
        assertThat(pi).isWaitingAt(ProcessVariables.REVIEW_TALLY_TASK);
        assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult()).hasCandidateGroup("tsb-officers");
        consultations.announce(c.id(), "officer"); // as the API does; Tasklist: officerAnnouncesTheResultInTasklist
        assertThat(consultations.get(c.id()).status()).isEqualTo(ConsultationStatus.DECIDED);
        executeAllJobs(pi); // the notices' job
        assertThat(pi).isEnded();
        return pi;
    }

    private void executeAllJobs(ProcessInstance pi) {
        for (int i = 0; i < 20; i++) {
            List<Job> jobs = management.createJobQuery().processInstanceId(pi.getId()).list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(j -> management.executeJob(j.getId()));
        }
        throw new AssertionError("process instance " + pi.getId() + " keeps creating jobs");
    }

    private Job timer(ProcessInstance pi, String activityId) {
        return management.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).singleResult();
    }

    private int addresses(List<String> codes) {
        return codes.stream().mapToInt(code -> registry.find(code).orElseThrow().emails().size()).sum();
    }

    private List<String> emails(String... codes) {
        return java.util.Arrays.stream(codes).flatMap(code -> registry.find(code).orElseThrow().emails().stream()).toList();
    }

    private List<String> recipients(Consultation c, NoticeKind kind) {
        acknowledgements.composeDue();
        return outbox.findByConsultation(c.id()).stream().filter(e -> e.notice().kind() == kind).map(e -> e.notice().recipient()).toList();
    }

    /** The plain-text body of the one notice of this kind (to the study group, the Director) or the first. */
    private String body(Consultation c, NoticeKind kind) {
        return outbox.findByConsultation(c.id()).stream().filter(e -> e.notice().kind() == kind).findFirst().orElseThrow().notice().body();
    }

    private ProcessInstance instanceOf(Consultation c) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(ProcessVariables.PROCESS_KEY)
                .variableValueEquals(ProcessVariables.CONSULTATION_ID, c.id()).singleResult();
    }

    private org.camunda.bpm.engine.task.Task issueCircularTask(ProcessInstance pi) {
        return tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    }

    private Instant deadlineOf(Consultation c) {
        return consultations.get(c.id()).deadline();
    }

    private org.itu.tsb.reply.ReplyReceipt reply(Consultation c, String state, Map<String, Position> positions) {
        return replyWithComments(c, state, positions, null);
    }

    private org.itu.tsb.reply.ReplyReceipt replyWithComments(Consultation c, String state, Map<String, Position> positions, String comments) {
        return intake.submit(c.id(), new ReplySubmission(state, positions, comments, null), ReplySource.now(Channel.API, "test"));
    }

    private void assertDecisions(Consultation c, Map<String, Decision> expected) {
        Map<String, Decision> actual = new java.util.HashMap<>();
        tallies.decisionsOf(c.id()).forEach((q, d) -> actual.put(q, d.decision()));
        assertThat(actual).isEqualTo(expected);
    }

    private Map<NoticeKind, Long> kinds(Consultation c) {
        acknowledgements.composeDue(); // composed apart from the replies: those of the replies so far are in the outbox
        return outbox.findByConsultation(c.id()).stream()
                .collect(java.util.stream.Collectors.groupingBy(e -> e.notice().kind(), java.util.stream.Collectors.counting()));
    }
}
