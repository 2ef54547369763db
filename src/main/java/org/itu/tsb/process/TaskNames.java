package org.itu.tsb.process;

import static org.itu.tsb.process.ProcessVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Names each officer's task after its consultation, so that Tasklist's list tells one consultation from another
 * ("Issue circular – SG17, TSAG, Geneva, 26-30 January 2026"); the model keeps the short names analysts read.
 */
@Component("nameTask")
class TaskNames implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        String studyGroup = (String) task.getVariable(STUDY_GROUP);
        Object circularNumber = task.getVariable(CIRCULAR_NUMBER);
        task.setName(circularNumber == null
                ? ProcessLabels.adoptionTask(task.getName(), studyGroup, (String) task.getVariable(MEETING))
                : ProcessLabels.circularTask(task.getName(), circularNumber.toString(), studyGroup));
    }
}
