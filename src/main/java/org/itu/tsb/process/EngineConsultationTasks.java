package org.itu.tsb.process;

import static org.itu.tsb.process.ProcessVariables.CONSULTATION_ID;
import static org.itu.tsb.process.ProcessVariables.PROCESS_KEY;

import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
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
        return tasks.createTaskQuery()
                .processDefinitionKey(PROCESS_KEY)
                .processVariableValueEquals(CONSULTATION_ID, consultationId)
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
}
