package org.itu.tsb.process;

import static org.itu.tsb.process.ProcessVariables.CONSULTATION_ID;
import static org.itu.tsb.process.ProcessVariables.ISSUE_CIRCULAR_TASK;
import static org.itu.tsb.process.ProcessVariables.PROCESS_KEY;
import static org.itu.tsb.process.ProcessVariables.REVIEW_TALLY_TASK;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.itu.tsb.consultation.OfficerTasks;
import org.springframework.stereotype.Component;

/**
 * The officers' waiting tasks, found on the engine by the process variable {@code consultationId} (not by the business
 * key, which is for people to read).
 */
@Component
class EngineOfficerTasks implements OfficerTasks {

    private final TaskService tasks;
    private final RuntimeService runtime;

    EngineOfficerTasks(TaskService tasks, RuntimeService runtime) {
        this.tasks = tasks;
        this.runtime = runtime;
    }

    @Override
    public Optional<String> waitingTask(long consultationId) {
        return waiting().processVariableValueEquals(CONSULTATION_ID, consultationId).list().stream().findFirst().map(Task::getId);
    }

    @Override
    public Map<Long, String> waitingTasks() {
        List<Task> waiting = waiting().list();
        if (waiting.isEmpty()) {
            return Map.of();
        }
        Map<String, String> taskByInstance = new HashMap<>();
        waiting.forEach(t -> taskByInstance.putIfAbsent(t.getProcessInstanceId(), t.getId()));
        Map<Long, String> byConsultation = new HashMap<>();
        for (VariableInstance v : runtime.createVariableInstanceQuery().variableName(CONSULTATION_ID)
                .processInstanceIdIn(taskByInstance.keySet().toArray(String[]::new)).list()) {
            if (v.getValue() instanceof Number id && v.getProcessInstanceId() != null) {
                byConsultation.putIfAbsent(id.longValue(), taskByInstance.get(v.getProcessInstanceId()));
            }
        }
        return byConsultation;
    }

    private TaskQuery waiting() {
        return tasks.createTaskQuery().processDefinitionKey(PROCESS_KEY)
                .taskDefinitionKeyIn(ISSUE_CIRCULAR_TASK, REVIEW_TALLY_TASK).active();
    }
}
