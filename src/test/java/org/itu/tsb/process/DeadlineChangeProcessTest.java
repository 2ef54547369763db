package org.itu.tsb.process;

import static org.assertj.core.api.Assertions.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.itu.tsb.reply.Position.SUPPORTS;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.itu.tsb.ApplicationTest;
import org.itu.tsb.Sg17;
import org.itu.tsb.TestClock;
import org.itu.tsb.consultation.Consultation;
import org.itu.tsb.consultation.ConsultationHistory;
import org.itu.tsb.consultation.ConsultationService;
import org.itu.tsb.consultation.ConsultationStatus;
import org.itu.tsb.memberstate.MemberState;
import org.itu.tsb.memberstate.MemberStateRegistry;
import org.itu.tsb.kernel.ConsultationProperties;
import org.itu.tsb.notice.NoticeKind;
import org.itu.tsb.notice.NoticeOutbox;
import org.itu.tsb.reply.Channel;
import org.itu.tsb.reply.ReplyIntake;
import org.itu.tsb.reply.ReplySource;
import org.itu.tsb.reply.ReplySubmission;
import org.itu.tsb.tally.Tally;
import org.itu.tsb.tally.TallyService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A change of the deadline on the real engine, with the job executor off (the timers are driven by hand, the clock
 * set): the deadline timer and the reminder move, the Member States are told, the history keeps it, and a change
 * racing the deadline timer never leaves a consultation tallied with a changed deadline.
 */
@ApplicationTest
class DeadlineChangeProcessTest {

    private static final Instant OPENED = Instant.parse("2026-02-02T09:00:00Z");
    private static final Instant DEADLINE = Instant.parse("2026-04-03T23:59:59.999Z");
    private static final Instant EXTENDED = Instant.parse("2026-04-24T23:59:59.999Z");
    private static final String REASON = "Several administrations asked for more time: the Questions' texts were late.";

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired ConsultationService consultations;
    @Autowired ConsultationHistory history;
    @Autowired ReplyIntake intake;
    @Autowired TallyService tallies;
    @Autowired NoticeOutbox outbox;
    @Autowired MemberStateRegistry registry;
    @Autowired ConsultationProperties properties;
    @Autowired TestClock clock;
    @Autowired PlatformTransactionManager transactions;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(engine);
        clock.set(OPENED);
    }

    @Test
    void afterAnExtensionTheTallyHappensAtTheNewDeadlineNotTheOld() {
        Consultation c = open(DEADLINE);
        ProcessInstance pi = instanceOf(c);
        clock.advance(Duration.ofDays(10));

        consultations.changeDeadline(c.id(), EXTENDED, REASON, "officer");

        assertThat(consultations.get(c.id()).deadline()).isEqualTo(EXTENDED);
        assertThat(timer(pi, ProcessVariables.DEADLINE_TIMER).getDuedate()).isEqualTo(Date.from(EXTENDED));
        assertThat(runtime.getVariable(pi.getId(), ProcessVariables.DEADLINE)).isEqualTo(Date.from(EXTENDED));
        // the old deadline passes: no timer of the consultation is due, so the job executor tallies nothing
        clock.set(DEADLINE.plusSeconds(1));
        assertThat(due(pi)).isEmpty();
        assertThat(consultations.get(c.id()).status()).isEqualTo(ConsultationStatus.OPEN);
        // a reply after the old deadline and before the new one is on time, and counts
        assertThat(reply(c, "FRA").late()).isFalse();

        clock.set(EXTENDED.plusSeconds(1));
        assertThat(due(pi)).extracting(Job::getId).contains(timer(pi, ProcessVariables.DEADLINE_TIMER).getId());
        execute(timer(pi, ProcessVariables.DEADLINE_TIMER));

        assertThat(pi).isWaitingAt(ProcessVariables.REVIEW_TALLY_TASK);
        assertThat(consultations.get(c.id()).status()).isEqualTo(ConsultationStatus.TALLIED);
        assertThat(tallies.decisionsOf(c.id()).get("Q7/17").tally()).isEqualTo(new Tally(1, 0));
        assertThat(history.of(c.id())).extracting(ConsultationHistory.Event::kind).containsExactly(ConsultationHistory.Kind.ADOPTED,
                ConsultationHistory.Kind.OPENED, ConsultationHistory.Kind.DEADLINE_CHANGED, ConsultationHistory.Kind.TALLIED);
    }

    @Test
    void theReminderMovesWithTheDeadline() {
        Consultation c = open(DEADLINE);
        ProcessInstance pi = instanceOf(c);
        assertThat(timer(pi, ProcessVariables.REMINDER_TIMER).getDuedate()).isEqualTo(Date.from(DEADLINE.minus(Duration.ofDays(14))));

        consultations.changeDeadline(c.id(), EXTENDED, REASON, "officer");

        Date remindAt = Date.from(EXTENDED.minus(properties.notices().remindBefore()));
        assertThat(timer(pi, ProcessVariables.REMINDER_TIMER).getDuedate()).isEqualTo(remindAt);
        assertThat(runtime.getVariable(pi.getId(), ProcessVariables.REMINDER_AT)).isEqualTo(remindAt);
    }

    @Test
    void aShortConsultationExtendedGetsTheReminderOfALongOne() {
        Consultation c = open(OPENED.plus(Duration.ofDays(10)));
        ProcessInstance pi = instanceOf(c);
        assertThat(pi).hasPassed("EndEvent_NoReminder");
        reply(c, "FRA");

        consultations.changeDeadline(c.id(), EXTENDED, REASON, "officer");

        Instant remindAt = EXTENDED.minus(properties.notices().remindBefore());
        assertThat(pi).isWaitingAt(ProcessVariables.DEADLINE_TIMER, ProcessVariables.REMINDER_TIMER);
        assertThat(timer(pi, ProcessVariables.REMINDER_TIMER).getDuedate()).isEqualTo(Date.from(remindAt));
        clock.set(remindAt);
        execute(timer(pi, ProcessVariables.REMINDER_TIMER));
        assertThat(pi).hasPassed("SendTask_SendReminder").isWaitingAt(ProcessVariables.DEADLINE_TIMER);
        assertThat(recipients(c, NoticeKind.REMINDER)).hasSize(addresses(registry.all()) - registry.find("FRA").orElseThrow().emails().size())
                .doesNotContainAnyElementsOf(registry.find("FRA").orElseThrow().emails());
    }

    @Test
    void aReminderSentIsNotSentAgain() {
        Consultation c = open(DEADLINE);
        ProcessInstance pi = instanceOf(c);
        clock.set(DEADLINE.minus(Duration.ofDays(14)));
        execute(timer(pi, ProcessVariables.REMINDER_TIMER));
        int reminders = recipients(c, NoticeKind.REMINDER).size();

        consultations.changeDeadline(c.id(), EXTENDED, REASON, "officer");

        assertThat(pi).isWaitingAt(ProcessVariables.DEADLINE_TIMER);
        assertThat(timer(pi, ProcessVariables.REMINDER_TIMER)).isNull();
        assertThat(recipients(c, NoticeKind.REMINDER)).hasSize(reminders);
    }

    @Test
    void aDeadlineBroughtCloserThanTheReminderLeadTimeDropsTheReminderWaiting() {
        Consultation c = open(DEADLINE);
        ProcessInstance pi = instanceOf(c);
        Instant sooner = Instant.parse("2026-02-09T23:59:59.999Z"); // a week ahead: the notice of the change is the reminder

        consultations.changeDeadline(c.id(), sooner, "The circular gave the wrong date.", "officer");

        assertThat(pi).isWaitingAt(ProcessVariables.DEADLINE_TIMER);
        assertThat(timer(pi, ProcessVariables.REMINDER_TIMER)).isNull();
        assertThat(runtime.getVariable(pi.getId(), ProcessVariables.REMINDER_AT)).isNull();
        assertThat(bodyOf(c, NoticeKind.DEADLINE_CHANGED, "en")).contains("The deadline for replies is corrected");
        clock.set(sooner.plusSeconds(1));
        execute(timer(pi, ProcessVariables.DEADLINE_TIMER));
        assertThat(consultations.get(c.id()).status()).isEqualTo(ConsultationStatus.TALLIED);
    }

    @Test
    void everyAddressIsToldOnceInItsLanguageWithBothDeadlinesAndTheReason() {
        Consultation c = open(DEADLINE);
        int before = outbox.findByConsultation(c.id()).size();

        consultations.changeDeadline(c.id(), EXTENDED, REASON, "officer");

        var told = outbox.findByConsultation(c.id()).stream().filter(e -> e.notice().kind() == NoticeKind.DEADLINE_CHANGED)
                .map(NoticeOutbox.Entry::notice).toList();
        assertThat(outbox.findByConsultation(c.id())).hasSize(before + told.size());
        assertThat(told).extracting(n -> n.recipient()).doesNotHaveDuplicates()
                .hasSize(addresses(registry.all()) + properties.notices().informationCopies().size())
                .containsAll(registry.find("FRA").orElseThrow().emails())
                .contains("itu-academia@itu.example");
        assertThat(told).extracting(n -> n.language()).containsOnly("en", "fr", "es").contains("en", "fr", "es");
        assertThat(told).filteredOn(n -> registry.find("FRA").orElseThrow().emails().contains(n.recipient())).allSatisfy(n -> {
            assertThat(n.language()).isEqualTo("fr");
            assertThat(n.subject()).isEqualTo("Circulaire TSB " + c.circularNumber()
                    + " : le délai de réponse est désormais fixé à 23:59 heures UTC le 24 avril 2026");
            assertThat(n.body()).contains("au plus tard à 23:59 heures UTC le 24 avril 2026 sont comptées, au lieu de 23:59 heures UTC le 3 avril 2026")
                    .contains(REASON);
            assertThat(n.htmlBody()).contains("24 avril 2026").contains("Several administrations asked for more time: the Questions&#39;");
        });
        assertThat(bodyOf(c, NoticeKind.DEADLINE_CHANGED, "en"))
                .contains("The deadline for replies is extended: replies received by 23:59 hours UTC on 24 April 2026 are counted,"
                        + " instead of 23:59 hours UTC on 3 April 2026 as announced before.")
                .contains("Reason given by TSB: " + REASON);
        assertThat(bodyOf(c, NoticeKind.DEADLINE_CHANGED, "es")).contains("a más tardar a las 23:59 horas UTC del 24 de abril de 2026");

        // a second change is a second notice to each, not a repeat dropped by the outbox
        consultations.changeDeadline(c.id(), EXTENDED.plus(Duration.ofDays(7)), "One more week.", "officer");
        assertThat(outbox.findByConsultation(c.id())).filteredOn(e -> e.notice().kind() == NoticeKind.DEADLINE_CHANGED)
                .hasSize(2 * told.size());
    }

    @Test
    void theHistoryTellsWhatHappenedInTimeOrder() {
        Consultation c = open(DEADLINE);
        clock.advance(Duration.ofDays(3));
        consultations.changeDeadline(c.id(), EXTENDED, REASON, "j.officer");
        clock.advance(Duration.ofDays(1));
        consultations.changeDeadline(c.id(), DEADLINE.plus(Duration.ofDays(7)), "Corrected: one week, not three.", "k.officer");
        clock.set(DEADLINE.plus(Duration.ofDays(7)).plusSeconds(2));
        execute(timer(instanceOf(c), ProcessVariables.DEADLINE_TIMER));
        clock.advance(Duration.ofHours(10));
        consultations.announce(c.id(), "l.officer");

        List<ConsultationHistory.Event> events = history.of(c.id());

        assertThat(events).extracting(ConsultationHistory.Event::kind).containsExactly(ConsultationHistory.Kind.ADOPTED,
                ConsultationHistory.Kind.OPENED, ConsultationHistory.Kind.DEADLINE_CHANGED, ConsultationHistory.Kind.DEADLINE_CHANGED,
                ConsultationHistory.Kind.TALLIED, ConsultationHistory.Kind.ANNOUNCED);
        assertThat(events).extracting(ConsultationHistory.Event::at).isSorted();
        assertThat(events.get(1)).satisfies(e -> {
            assertThat(e.deadline()).as("the circular's deadline").isEqualTo(DEADLINE);
            assertThat(e.circularNumber()).isEqualTo(c.circularNumber());
            assertThat(e.by()).isEqualTo("officer");
        });
        assertThat(events.get(2)).satisfies(e -> {
            assertThat(e.oldDeadline()).isEqualTo(DEADLINE);
            assertThat(e.deadline()).isEqualTo(EXTENDED);
            assertThat(e.reason()).isEqualTo(REASON);
            assertThat(e.by()).isEqualTo("j.officer");
            assertThat(e.at()).isEqualTo(OPENED.plus(Duration.ofDays(3)));
        });
        assertThat(events.get(3)).satisfies(e -> {
            assertThat(e.oldDeadline()).isEqualTo(EXTENDED);
            assertThat(e.deadline()).isEqualTo(DEADLINE.plus(Duration.ofDays(7)));
            assertThat(e.by()).isEqualTo("k.officer");
        });
        assertThat(events.get(4)).satisfies(e -> {
            assertThat(e.at()).isEqualTo(DEADLINE.plus(Duration.ofDays(7)).plusSeconds(2));
            assertThat(e.by()).as("the deadline timer, not an officer").isNull();
        });
        assertThat(events.get(5).by()).isEqualTo("l.officer");
    }

    /**
     * The deadline timer fires at the old deadline while a change is being committed: the tally waits for the
     * consultation's lock, then the engine refuses its stale job; the consultation stays open with its new deadline, and
     * is tallied at that one.
     */
    @Test
    void aChangeRacingTheDeadlineTimerNeverLeavesATallyWithAChangedDeadline() throws Exception {
        Consultation c = open(DEADLINE);
        ProcessInstance pi = instanceOf(c);
        String timerId = timer(pi, ProcessVariables.DEADLINE_TIMER).getId();
        Instant later = DEADLINE.plus(Duration.ofDays(7));
        clock.set(DEADLINE.minusSeconds(1));
        CountDownLatch changed = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> change = threads.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
                consultations.changeDeadline(c.id(), later, REASON, "officer");
                changed.countDown();
                awaitQuietly(commit); // the change is made, not yet committed
            }));
            assertThat(changed.await(10, TimeUnit.SECONDS)).isTrue();
            clock.set(DEADLINE.plusSeconds(1));
            Future<?> tally = threads.submit(() -> management.executeJob(timerId)); // the timer as loaded at the old deadline
            // the tally waits for the consultation's lock, held by the change
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> blockedSessions() > 0);
            commit.countDown();
            change.get(10, TimeUnit.SECONDS);

            assertThatThrownBy(() -> tally.get(20, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(OptimisticLockingException.class);
        } finally {
            threads.shutdownNow();
        }

        Consultation after = consultations.get(c.id());
        assertThat(after.status()).isEqualTo(ConsultationStatus.OPEN);
        assertThat(after.deadline()).isEqualTo(later);
        assertThat(tallies.decisionsOf(c.id())).isEmpty();
        assertThat(timer(pi, ProcessVariables.DEADLINE_TIMER).getDuedate()).isEqualTo(Date.from(later));
        assertThat(history.of(c.id())).extracting(ConsultationHistory.Event::kind).doesNotContain(ConsultationHistory.Kind.TALLIED);

        clock.set(later.plusSeconds(1));
        execute(timer(pi, ProcessVariables.DEADLINE_TIMER));
        assertThat(consultations.get(c.id()).status()).isEqualTo(ConsultationStatus.TALLIED);
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private Consultation open(Instant deadline) {
        Consultation c = consultations.adopt(Sg17.adopted(), "officer");
        return consultations.open(c.id(), "dl-" + c.id(), deadline, "officer");
    }

    private ProcessInstance instanceOf(Consultation c) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(ProcessVariables.PROCESS_KEY).variableValueEquals(ProcessVariables.CONSULTATION_ID, c.id()).singleResult();
    }

    private Job timer(ProcessInstance pi, String activityId) {
        return management.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).singleResult();
    }

    /** The jobs of this instance a job executor would run now (due by the test's clock). */
    private List<Job> due(ProcessInstance pi) {
        return management.createJobQuery().processInstanceId(pi.getId()).list().stream()
                .filter(j -> !j.getDuedate().toInstant().isAfter(clock.instant())).toList();
    }

    private org.itu.tsb.reply.ReplyReceipt reply(Consultation c, String state) {
        return intake.submit(c.id(), new ReplySubmission(state, Map.of("Q7/17", SUPPORTS), null, null), ReplySource.now(Channel.API, "test"));
    }

    private int addresses(java.util.Collection<MemberState> states) {
        return states.stream().mapToInt(s -> s.emails().size()).sum();
    }

    private List<String> recipients(Consultation c, NoticeKind kind) {
        return outbox.findByConsultation(c.id()).stream().filter(e -> e.notice().kind() == kind).map(e -> e.notice().recipient()).toList();
    }

    private String bodyOf(Consultation c, NoticeKind kind, String language) {
        return outbox.findByConsultation(c.id()).stream().filter(e -> e.notice().kind() == kind && e.notice().language().equals(language))
                .findFirst().orElseThrow().notice().body();
    }

    /** Sessions waiting for a lock another holds, as the database tells (H2 for the tests, PostgreSQL too). */
    private long blockedSessions() {
        boolean postgres = Boolean.TRUE.equals(jdbc.sql("select 1").query((rs, n) -> rs.getStatement().getConnection().getMetaData()
                .getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres")).single());
        return jdbc.sql(postgres ? "select count(*) from pg_locks where not granted"
                : "select count(*) from information_schema.sessions where blocker_id is not null").query(Long.class).single();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never let the change commit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
