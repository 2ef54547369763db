package org.itu.tsb.process;

import static org.itu.tsb.process.ProcessVariables.*;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.itu.tsb.consultation.Consultation;
import org.itu.tsb.consultation.ConsultationProcess;
import org.itu.tsb.consultation.ConsultationStateException;
import org.springframework.stereotype.Component;

/**
 * The consultation's process instance on the Camunda engine. Found by its variable {@code consultationId}; its business
 * key is for people (Cockpit): the adoption until the circular is issued, then the circular ({@link ProcessLabels}).
 */
@Component
class EngineConsultationProcess implements ConsultationProcess {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final Clock clock;

    EngineConsultationProcess(RuntimeService runtime, TaskService tasks, Clock clock) {
        this.runtime = runtime;
        this.tasks = tasks;
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
