package org.itu.tsb.web.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.itu.tsb.consultation.Consultation;
import org.itu.tsb.reply.Channel;
import org.itu.tsb.reply.Position;
import org.itu.tsb.reply.ReplyIntake;
import org.itu.tsb.reply.ReplySource;
import org.itu.tsb.reply.ReplySubmission;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The officers' list of consultations: where each stands, what was counted, and the way forward from each status. */
class OfficerConsultationListTest extends PageTestSupport {

    @Autowired ReplyIntake intake;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;

    @Test
    void anAdoptedConsultationLinksToItsIssueCircularTaskInTasklist() throws Exception {
        Consultation adopted = adopt();

        String html = list();
        String row = row(html, "Consultation " + adopted.id() + ", circular not issued");
        assertThat(text(row)).contains("Adopted (circular not issued)").contains("set when the circular is issued")
                .contains("Issue circular in Tasklist").doesNotContain("Record a reply").doesNotContain("Replies");
        String taskId = link(row, "/camunda/app/tasklist/default/#/\\?task=[^\"]+").replaceAll(".*task=", "");
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        assertThat(task.getTaskDefinitionKey()).isEqualTo("UserTask_IssueCircular");
        assertThat(runtime.getVariable(task.getProcessInstanceId(), "consultationId")).isEqualTo(adopted.id());
    }

    @Test
    void anOpenConsultationShowsTheTimeLeftAndItsActions() throws Exception {
        Consultation c = openConsultation();
        clock.set(Instant.parse("2026-03-22T19:00:00Z"));

        String row = text(row(list(), "TSB Circular " + c.circularNumber()));

        assertThat(row).contains("Open for replies " + DEADLINE_SHOWN + " 12 days 4 hours left")
                .contains("0 of 194 Member States replied.")
                .contains("not decided yet")
                .contains("Replies for TSB Circular " + c.circularNumber())
                .contains("Record a reply for TSB Circular " + c.circularNumber())
                .contains("Notices for TSB Circular " + c.circularNumber())
                .doesNotContain("Tasklist");
    }

    /** The reported "5 of 194 Member States replied (1 late)" when 6 had replied, 5 of them by the deadline. */
    @Test
    void sixStatesThatRepliedFiveByTheDeadlineAndOneOnlyAfterItAreSaidSo() throws Exception {
        Consultation c = openConsultation();
        for (String state : new String[] {"ARG", "CHE", "FRA", "GHA", "MEX"}) {
            reply(c, state, Position.SUPPORTS);
        }
        clock.set(DEADLINE.plusMillis(1));
        reply(c, "USA", Position.SUPPORTS); // only late
        reply(c, "CHE", Position.DOES_NOT_SUPPORT); // a late change: Switzerland's reply received in time stands
        clock.set(DEADLINE.plus(Duration.ofDays(3).plusHours(2)));

        String row = text(row(list(), "TSB Circular " + c.circularNumber()));

        assertThat(row).contains(DEADLINE_SHOWN + " closed 3 days ago")
                .contains("6 of 194 Member States replied: 5 counted (received by the deadline), 1 only after the deadline (not counted). "
                        + "1 of the counted States also sent a reply too late to count; its reply received in time stands.");
        assertThat(text(mvc.perform(get("/officer/consultations/{id}/replies", c.id())).andReturn().getResponse().getContentAsString()))
                .contains("6 of 194 Member States replied: 5 counted (received by the deadline), 1 only after the deadline (not counted).");
    }

    @Test
    void aTalliedConsultationShowsItsProvisionalDecisionsAndLinksToTheReviewTask() throws Exception {
        Consultation c = openConsultation();
        reply(c, "CHE", Position.SUPPORTS);
        deadlinePasses(c);

        String row = row(list(), "TSB Circular " + c.circularNumber());

        assertThat(text(row)).contains("Tallied, under review")
                .contains("Provisional, under review: Q7/17 approved Q10/17 approved Q16/17 approved")
                .contains("Record a reply received by the deadline for TSB Circular " + c.circularNumber())
                .contains("Review tally and announce in Tasklist");
        String taskId = link(row, "/camunda/app/tasklist/default/#/\\?task=[^\"]+").replaceAll(".*task=", "");
        assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getTaskDefinitionKey()).isEqualTo("UserTask_ReviewTally");
    }

    @Test
    void aDecidedConsultationShowsEachQuestionsDecisionAndOffersNoWayToRecordOrReviseAReply() throws Exception {
        Consultation c = openConsultation();
        intake.submit(c.id(), new ReplySubmission("CHE", Map.of("Q7/17", Position.SUPPORTS, "Q10/17", Position.DOES_NOT_SUPPORT), null, null),
                ReplySource.now(Channel.API, "api"));
        deadlinePasses(c);
        consultations.announce(c.id(), "officer");

        String row = row(list(), "TSB Circular " + c.circularNumber());

        assertThat(text(row)).contains("Decided").contains("Q7/17 approved Q10/17 referred back Q16/17 approved")
                .contains("Replies for TSB").contains("Result for TSB").contains("Notices for TSB")
                .doesNotContain("Record a reply").doesNotContain("Tasklist");
        assertThat(row).doesNotContain("/replies/new");
        String replies = mvc.perform(get("/officer/consultations/{id}/replies", c.id())).andReturn().getResponse().getContentAsString();
        assertThat(replies).doesNotContain("/replies/new");
        assertThat(text(replies)).contains("The result was announced on");
    }

    @Test
    void theListLinksToTheNewConsultationPageAndItsTableIsLabelled() throws Exception {
        openConsultation();
        String html = list();
        assertThat(link(html, "/officer/consultations/new")).isEqualTo("/officer/consultations/new");
        assertThat(html).contains("<caption>Every consultation, oldest first. Deadlines and times are in UTC.</caption>")
                .contains("<th scope=\"col\">Deadline (UTC)</th>").contains("<th scope=\"row\">");
    }

    private void reply(Consultation c, String state, Position q7) {
        intake.submit(c.id(), new ReplySubmission(state, Map.of("Q7/17", q7), null, null), ReplySource.now(Channel.API, "api"));
    }

    /** The deadline timer fires, as the job executor would: the tally is provisional and waits for review. */
    private void deadlinePasses(Consultation c) {
        clock.set(DEADLINE.plusSeconds(1));
        String instance = runtime.createProcessInstanceQuery().processDefinitionKey("question-approval-consultation")
                .variableValueEquals("consultationId", c.id()).singleResult().getId();
        Job timer = management.createJobQuery().processInstanceId(instance).activityId("TimerEvent_Deadline").singleResult();
        management.executeJob(timer.getId());
    }

    private String list() throws Exception {
        return mvc.perform(get("/officer/consultations")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** The table row whose header cell names {@code name}. */
    private static String row(String html, String name) {
        Matcher rows = Pattern.compile("(?s)<tr>.*?</tr>").matcher(html);
        while (rows.find()) {
            if (text(rows.group()).startsWith(name + " ")) {
                return rows.group();
            }
        }
        throw new AssertionError("no row for " + name + " in " + text(html));
    }
}
