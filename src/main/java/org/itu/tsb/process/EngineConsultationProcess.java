package org.itu.tsb.process;

import static org.itu.tsb.process.ProcessVariables.*;

import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.itu.tsb.consultation.Consultation;
import org.itu.tsb.consultation.ConsultationProcess;
import org.itu.tsb.consultation.ConsultationStateException;
import org.itu.tsb.kernel.ConsultationProperties;
import org.itu.tsb.notice.ReminderTime;
import org.springframework.stereotype.Component;

/**
 * The consultation's process instance on the Camunda engine. Found by its variable {@code consultationId}; its business
 * key is for people (Cockpit): the adoption until the circular is issued, then the circular ({@link ProcessLabels}).
 */
@Component
class EngineConsultationProcess implements ConsultationProcess {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final Duration remindBefore;
    private final Clock clock;

    EngineConsultationProcess(RuntimeService runtime, TaskService tasks, ManagementService management,
                              ConsultationProperties properties, Clock clock) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
        this.remindBefore = properties.notices().remindBefore();
        this.clock = clock;
    }

    @Override
    public void start(Consultation consultation) {
        runtime.startProcessInstanceByKey(PROCESS_KEY,
                ProcessLabels.adoptionKey(consultation.studyGroup(), consultation.createdAt(), consultation.id()), Map.of(
                CONSULTATION_ID, consultation.id(),
                // what the "Issue circular" form proposes; the officer's choice comes back under the same name
                DEADLINE_DATE, Consultation.proposedDeadlineDate(LocalDate.now(clock)).toString(),
                STUDY_GROUP, consultation.studyGroup(),
                MEETING, consultation.adoptedBy() + ", " + consultation.meeting(),
                QUESTIONS_SUMMARY, consultation.questions().stream()
                        .map(q -> q.number() + " \"" + q.title() + "\" (" + q.kind().name().toLowerCase() + ")")
                        .collect(Collectors.joining("\n"))));
    }

    /** Completes "Issue circular" exactly as an officer does in Tasklist. */
    @Override
    public void issueCircular(long consultationId, String circularNumber, Instant deadline, String officer) {
        tasks.complete(waitingTask(consultationId, ISSUE_CIRCULAR_TASK, "has no circular waiting to be issued").getId(),
                Map.of(CIRCULAR_NUMBER, circularNumber, DEADLINE, Date.from(deadline), OPENED_BY, officer));
    }

    /**
     * Moves the timer "Deadline reached" to the new deadline, and the reminder with it: a reminder waiting goes
     * {@code remind-before} ahead of the new deadline, or not at all if that moment has passed (the notice of the change,
     * to every Member State, then stands for it); a consultation that had none gets one if the new deadline leaves the
     * time for it; a reminder already sent is not sent again. In the caller's transaction: should the timer fire
     * meanwhile, the engine refuses the older of the two changes to its job (optimistic locking), and the whole
     * transaction of the one refused is rolled back.
     */
    @Override
    public void changeDeadline(long consultationId, Instant newDeadline, Instant changedAt) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .variableValueEquals(CONSULTATION_ID, consultationId).active().singleResult();
        Job deadlineTimer = instance == null ? null : timer(instance.getId(), DEADLINE_TIMER);
        if (deadlineTimer == null) {
            throw new ConsultationStateException("consultation " + consultationId + " has no deadline waiting to be reached");
        }
        try {
            runtime.setVariable(instance.getId(), DEADLINE, Date.from(newDeadline));
            management.setJobDuedate(deadlineTimer.getId(), Date.from(newDeadline));
            moveReminder(instance.getId(), newDeadline, changedAt);
        } catch (OptimisticLockingException e) {
            throw new ConsultationStateException("the deadline of consultation " + consultationId
                    + " was reached, or its reminder sent, while the change was made: nothing was changed; look at the"
                    + " consultation again before trying once more");
        }
    }

    private void moveReminder(String instanceId, Instant newDeadline, Instant changedAt) {
        Optional<Date> at = ReminderTime.of(changedAt, newDeadline, remindBefore).map(Date::from);
        Job reminder = timer(instanceId, REMINDER_TIMER);
        if (reminder != null) {
            runtime.setVariable(instanceId, REMINDER_AT, at.orElse(null));
            if (at.isPresent()) {
                management.setJobDuedate(reminder.getId(), at.get());
            } else {
                runtime.createProcessInstanceModification(instanceId).cancelAllForActivity(REMINDER_TIMER).execute();
            }
        } else if (at.isPresent() && runtime.getVariable(instanceId, REMINDER_AT) == null) {
            // none was due, and none went: the consultation is now long enough for one
            runtime.setVariable(instanceId, REMINDER_AT, at.get());
            runtime.createProcessInstanceModification(instanceId).startBeforeActivity(REMINDER_TIMER).execute();
        }
    }

    private Job timer(String instanceId, String activityId) {
        return management.createJobQuery().processInstanceId(instanceId).activityId(activityId).timers().singleResult();
    }

    /** Completes "Review tally and announce" exactly as an officer does in Tasklist. */
    @Override
    public void announce(long consultationId, String officer) {
        tasks.complete(waitingTask(consultationId, REVIEW_TALLY_TASK, "has no tally waiting for review").getId(),
                Map.of(ANNOUNCED_BY, officer));
    }

    private Task waitingTask(long consultationId, String taskKey, String otherwise) {
        Task task = tasks.createTaskQuery()
                .processDefinitionKey(PROCESS_KEY)
                .processVariableValueEquals(CONSULTATION_ID, consultationId)
                .taskDefinitionKey(taskKey)
                .singleResult();
        if (task == null) {
            throw new ConsultationStateException("consultation " + consultationId + " " + otherwise);
        }
        return task;
    }
}
