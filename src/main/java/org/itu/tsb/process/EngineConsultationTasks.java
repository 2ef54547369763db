package org.itu.tsb.process;

import static org.itu.tsb.process.ProcessVariables.CONSULTATION_ID;
import static org.itu.tsb.process.ProcessVariables.ISSUE_CIRCULAR_TASK;
import static org.itu.tsb.process.ProcessVariables.REVIEW_TALLY_TASK;
import static org.itu.tsb.process.ProcessVariables.PROCESS_KEY;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.itu.tsb.consultation.ConsultationTasks;
import org.springframework.stereotype.Component;

/**
 * The consultation's waiting task and process instance, found by the process variable {@code consultationId} (not the
 * business key, which is the circular's identity to show in Cockpit, not a key to look things up by).
 */
@Component
class EngineConsultationTasks implements ConsultationTasks {

    private final RuntimeService runtime;
    private final TaskService tasks;

    EngineConsultationTasks(RuntimeService runtime, TaskService tasks) {
        this.runtime = runtime;
        this.tasks = tasks;
    }

    @Override
    public Optional<String> openTaskId(long consultationId) {
        return waiting().processVariableValueEquals(CONSULTATION_ID, consultationId)
                .orderByTaskCreateTime().asc()
                .listPage(0, 1).stream().findFirst().map(Task::getId);
    }

    @Override
    public Optional<String> processInstanceId(long consultationId) {
        return runtime.createProcessInstanceQuery()
                .processDefinitionKey(PROCESS_KEY)
                .variableValueEquals(CONSULTATION_ID, consultationId)
                .listPage(0, 1).stream().findFirst().map(ProcessInstance::getId);
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
