package org.itu.tsb.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.itu.tsb.ApplicationTest;
import org.itu.tsb.Sg17;
import org.itu.tsb.consultation.ConsultationService;
import org.itu.tsb.notice.NoticeFailed;
import org.itu.tsb.notice.NoticeOutbox;
import org.itu.tsb.notice.NoticeSender;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

/** The one path of {@code undelivered-notice}: a notice failed at every attempt waits, as an incident, for an officer's re-send. */
@ApplicationTest
class UndeliveredNoticeProcessTest {

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired ConsultationService consultations;
    @Autowired NoticeOutbox outbox;
    @Autowired NoticeSender notices;
    @Autowired ApplicationEventPublisher events;

    @Test
    void aFailedNoticeIsAnIncidentInCockpitUntilAnOfficerSendsItAgain() {
        AbstractAssertions.init(engine);
        long consultationId = consultations.open(consultations.adopt(Sg17.adopted(), "officer").id(), "undelivered-" + System.nanoTime() % 100_000,
                Instant.parse("2026-04-03T23:59:59.999Z"), "officer").id();
        long noticeId = outbox.findByConsultation(consultationId).get(0).id();
        outbox.claim(List.of(noticeId), Instant.now());
        outbox.markFailed(List.of(noticeId), "550 5.1.1 mailbox unavailable");

        events.publishEvent(new NoticeFailed(List.of(noticeId), "550 5.1.1 mailbox unavailable"));

        ProcessInstance waiting = runtime.createProcessInstanceQuery().processDefinitionKey(UndeliveredNotices.PROCESS_KEY)
                .variableValueEquals(UndeliveredNotices.NOTICE_ID, noticeId).singleResult();
        assertThat(waiting).isWaitingAt(UndeliveredNotices.WAIT_TASK).hasBusinessKey("notice-" + noticeId); // for Cockpit
        Incident incident = runtime.createIncidentQuery().processInstanceId(waiting.getId()).singleResult();
        assertThat(incident.getIncidentType()).isEqualTo(UndeliveredNotices.INCIDENT_TYPE);
        assertThat(incident.getIncidentMessage()).contains("Notice " + noticeId, "CIRCULAR", "550 5.1.1 mailbox unavailable");

        assertThat(notices.resend(noticeId)).isTrue();

        assertThat(waiting).hasPassed("EndEvent_NoticeResent").isEnded();
        assertThat(runtime.createIncidentQuery().processInstanceId(waiting.getId()).count()).isZero();
        assertThat(outbox.find(noticeId).orElseThrow().status()).isEqualTo(NoticeOutbox.Status.PENDING);
        assertThat(notices.resend(noticeId)).as("only a failed notice is sent again").isFalse();
    }
}
