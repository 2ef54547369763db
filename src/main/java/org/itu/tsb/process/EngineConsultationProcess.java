package org.itu.tsb.process;

import static org.itu.tsb.process.ProcessVariables.*;

import java.time.Instant;
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

/** The consultation's process instance on the Camunda engine: business key = consultation id. */
@Component
class EngineConsultationProcess implements ConsultationProcess {

    private final RuntimeService runtime;
    private final TaskService tasks;

    EngineConsultationProcess(RuntimeService runtime, TaskService tasks) {
        this.runtime = runtime;
        this.tasks = tasks;
    }

    @Override
    public void start(Consultation consultation) {
        runtime.startProcessInstanceByKey(PROCESS_KEY, businessKey(consultation.id()), Map.of(
                CONSULTATION_ID, consultation.id(),
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
                .processInstanceBusinessKey(businessKey(consultationId))
                .processDefinitionKey(PROCESS_KEY)
                .taskDefinitionKey(taskKey)
                .singleResult();
        if (task == null) {
            throw new ConsultationStateException("consultation " + consultationId + " " + otherwise);
        }
        return task;
    }

    public static String businessKey(long consultationId) {
        return Long.toString(consultationId);
    }
}
