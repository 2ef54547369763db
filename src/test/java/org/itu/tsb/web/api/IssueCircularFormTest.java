package org.itu.tsb.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.itu.tsb.consultation.ConsultationService;
import org.itu.tsb.consultation.ConsultationStatus;
import org.itu.tsb.process.ProcessVariables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The "Issue circular" form as Tasklist submits it, over HTTP through Camunda's REST API: a refused deadline is a 400
 * whose message says why in plain words, changes nothing, and is no server error in the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class IssueCircularFormTest extends ApiTestSupport {

    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired ConsultationService consultations;
    /** Tests name their engine uniquely: the REST API's paths name it. */
    @Autowired ProcessEngine engine;

    @Test
    void aDeadlineInThePastIsRefusedInPlainWordsAndChangesNothing(CapturedOutput log) {
        long id = createConsultation();
        Task task = issueCircularTask(id);
        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();

        Response refused = submit(task, "5" + id, yesterday);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("message").asText())
                .contains("The deadline " + LocalDate.parse(yesterday).getDayOfMonth() + " ")
                .contains("is not in the future (now ")
                .doesNotContain("Exception");
        assertThat(consultations.get(id).status()).isEqualTo(ConsultationStatus.ADOPTED);
        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).as("the task stays open").isOne();
        // neither the engine's "exception while closing command context" nor the REST API's server error
        assertThat(log.getOut() + log.getErr()).doesNotContain("ENGINE-16004").doesNotContain("HTTP500")
                .doesNotContain("FormFieldValidationException");

        Response notADate = submit(task, "5" + id, "3 April");
        assertThat(notADate.status()).isEqualTo(400);
        assertThat(notADate.body().get("message").asText()).contains("'3 April' is not a date such as 2026-04-03 (year-month-day).");
    }

    @Test
    void theProposedDeadlineIssuesTheCircularAndCockpitThenShowsItsNumber() {
        long id = createConsultation();
        Task task = issueCircularTask(id);
        String proposed = (String) runtime.getVariable(task.getProcessInstanceId(), ProcessVariables.DEADLINE_DATE);
        assertThat(proposed).isEqualTo(LocalDate.now(ZoneOffset.UTC).plusMonths(2).toString());

        assertThat(submit(task, "6" + id, proposed).status()).isEqualTo(204);

        assertThat(consultations.get(id).status()).isEqualTo(ConsultationStatus.OPEN);
        assertThat(consultations.get(id).deadline()).isEqualTo(LocalDate.parse(proposed).atTime(23, 59, 59, 999_000_000).toInstant(ZoneOffset.UTC));
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey())
                .isEqualTo("TSB Circular 6" + id);
    }

    private Task issueCircularTask(long id) {
        return tasks.createTaskQuery().processDefinitionKey(ProcessVariables.PROCESS_KEY)
                .processVariableValueEquals(ProcessVariables.CONSULTATION_ID, id)
                .taskDefinitionKey(ProcessVariables.ISSUE_CIRCULAR_TASK).singleResult();
    }

    /** What Tasklist posts for the form's two fields. */
    private Response submit(Task task, String circularNumber, String deadlineDate) {
        return post("/engine-rest/engine/" + engine.getName() + "/task/" + task.getId() + "/submit-form", """
                {"variables": {"circularNumber": {"value": "%s", "type": "String"},
                               "deadlineDate": {"value": "%s", "type": "String"}}}""".formatted(circularNumber, deadlineDate));
    }
}
