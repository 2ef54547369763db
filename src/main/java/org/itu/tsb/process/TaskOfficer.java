package org.itu.tsb.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.itu.tsb.kernel.InvalidInputException;

/** Who completed the user task before this step: the one home of that answer for the audit trail. */
final class TaskOfficer {

    private TaskOfficer() {
    }

    /**
     * The user Tasklist (or /engine-rest) authenticated to the engine, or else the officer the application's API named
     * in {@code variable}.
     */
    static String of(DelegateExecution execution, String variable) {
        var authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        Object officer = execution.getVariable(variable);
        if (officer == null) {
            throw new InvalidInputException(variable, "the officer who completed the task is not known");
        }
        return officer.toString();
    }
}
