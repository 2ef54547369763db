package org.itu.tsb.process;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.itu.tsb.notice.NoticeFailed;
import org.itu.tsb.notice.NoticeOutbox;
import org.itu.tsb.notice.NoticeResent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A notice refused at every attempt becomes an incident in Cockpit: an instance of {@code undelivered-notice} waits,
 * with the incident on it, until an officer re-sends the notice. The consultation's own process never waits for mail.
 */
@Component
class UndeliveredNotices {

    static final String PROCESS_KEY = "undelivered-notice";
    static final String INCIDENT_TYPE = "undeliveredNotice";
    static final String WAIT_TASK = "ReceiveTask_WaitForResend";
    static final String RESENT_MESSAGE = "NoticeResent";
    /** How the application finds the instance of a notice; the business key ("notice-42") is for Cockpit only. */
    static final String NOTICE_ID = "noticeId";

    private static final Logger log = LoggerFactory.getLogger(UndeliveredNotices.class);

    private final RuntimeService runtime;
    private final NoticeOutbox outbox;

    UndeliveredNotices(RuntimeService runtime, NoticeOutbox outbox) {
        this.runtime = runtime;
        this.outbox = outbox;
    }

    @EventListener
    public void failed(NoticeFailed failed) {
        for (long id : failed.noticeIds()) {
            try {
                raiseIncident(id, failed.error());
            } catch (RuntimeException e) {
                // the FAILED row is the record; the incident only points at it
                log.error("No incident could be raised for undelivered notice {}: {}", id, e.getMessage(), e);
            }
        }
    }

    @EventListener
    public void resent(NoticeResent resent) {
        ProcessInstance waiting = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .variableValueEquals(NOTICE_ID, resent.noticeId()).singleResult();
        if (waiting != null) {
            runtime.createIncidentQuery().processInstanceId(waiting.getId()).list()
                    .forEach(incident -> runtime.resolveIncident(incident.getId()));
            runtime.createMessageCorrelation(RESENT_MESSAGE).processInstanceId(waiting.getId()).correlate();
        }
    }

    private void raiseIncident(long noticeId, String error) {
        var notice = outbox.find(noticeId).orElseThrow().notice();
        ProcessInstance instance = runtime.startProcessInstanceByKey(PROCESS_KEY, businessKey(noticeId), Variables.createVariables()
                .putValue(NOTICE_ID, noticeId)
                .putValue(ProcessVariables.CONSULTATION_ID, notice.consultationId())
                .putValue("kind", notice.kind().name())
                .putValue("recipient", notice.recipient())
                .putValue("error", error));
        Execution waiting = runtime.createExecutionQuery().processInstanceId(instance.getId()).activityId(WAIT_TASK).singleResult();
        runtime.createIncident(INCIDENT_TYPE, waiting.getId(), "notice " + noticeId,
                "Notice " + noticeId + " (" + notice.kind() + " to " + notice.recipient() + ", consultation " + notice.consultationId()
                        + ") was refused at every attempt: " + error + ". Re-send it from the consultation's notices.");
    }

    static String businessKey(long noticeId) {
        return "notice-" + noticeId;
    }
}
