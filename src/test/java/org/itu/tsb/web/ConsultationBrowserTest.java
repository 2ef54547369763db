package org.itu.tsb.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.itu.tsb.ApplicationTest;
import org.itu.tsb.Sg17;
import org.itu.tsb.TestAccounts;
import org.itu.tsb.consultation.Consultation;
import org.itu.tsb.consultation.ConsultationStatus;
import org.itu.tsb.process.ProcessVariables;
import org.itu.tsb.reply.Channel;
import org.itu.tsb.reply.Position;
import org.itu.tsb.reply.ReplyIntake;
import org.itu.tsb.reply.ReplySource;
import org.itu.tsb.reply.ReplySubmission;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The consultation as officers and representatives go through it, in headless Chromium against the application:
 * an officer records an adoption on the "New consultation" page, issues its circular in Camunda Tasklist with the
 * Camunda Form, records a fax and sees the chart and the margin change; a representative replies on the online form;
 * after the deadline a fax received in time is recorded during the review, changes the provisional tally, and the
 * officer announces the result in Tasklist. The job executor is off in the tests: the deadline passes by the test
 * clock and the deadline timer's job run here, as the engine would run it. Screenshots in target/screenshots/.
 */
@Tag("browser")
@ApplicationTest
class ConsultationBrowserTest extends BrowserTestSupport {

    /** Tasklist's date picker shows month/day/year. */
    static final DateTimeFormatter PICKER_DATE = DateTimeFormatter.ofPattern("M/d/yyyy");

    @Autowired ReplyIntake intake;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired ProcessEngine engine;

    @Test
    void anOfficerStartsAConsultationIssuesItsCircularInTasklistRecordsAFaxAndSeesTheChartAndTheMarginChange() throws Exception {
        // Tasklist's date picker refuses days the browser's own calendar has passed: the application's clock agrees with it here
        clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        open("/officer/consultations/new");
        logIn(TestAccounts.OFFICER, TestAccounts.OFFICER);
        assertThat(heading()).isEqualTo("New consultation");
        type("studyGroup", "SG17");
        type("adoptedBy", "TSAG");
        type("meeting", Sg17.MEETING);
        type("circular", Sg17.CIRCULAR);
        question(0, "Q7/17", "REVISED", "Secure application services");
        question(1, "Q16/17", "NEW", "AI security");
        screenshot("1-new-consultation");
        driver.findElement(By.xpath("//main//form//button[normalize-space()='Record the adoption']")).click();
        await(ExpectedConditions.urlMatches("/officer/consultations$"));
        screenshot("2-recorded");
        String notice = driver.findElement(By.cssSelector("main .notice")).getText();
        Matcher recorded = Pattern.compile("Consultation (\\d+) \\(SG17, 2 Questions\\) recorded\\.").matcher(notice);
        assertThat(recorded.find()).as(notice).isTrue();
        long id = Long.parseLong(recorded.group(1));
        assertThat(consultations.get(id).status()).isEqualTo(ConsultationStatus.ADOPTED);

        // the notice's link names the task; Tasklist opens it, logged in by the application's login
        String taskId = tasks.createTaskQuery().processVariableValueEquals(ProcessVariables.CONSULTATION_ID, id).singleResult().getId();
        assertThat(driver.findElement(By.cssSelector("main .notice a")).getDomAttribute("href")).endsWith("#/?task=" + taskId);
        openTask(taskId);
        claim();
        WebElement number = await(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[id$='Field_circularNumber']")));
        WebElement date = driver.findElement(By.cssSelector("input[id*='Field_deadlineDate']"));
        LocalDate proposed = LocalDate.parse(date.getDomProperty("value"), PICKER_DATE);
        assertThat(proposed).as("two months from the adoption").isEqualTo(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusMonths(2));
        LocalDate chosen = proposed.plusDays(3);
        String circular = nextCircularNumber();
        number.sendKeys(circular);
        date.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        date.sendKeys(PICKER_DATE.format(chosen), Keys.ENTER);
        number.click(); // closes the calendar
        scrollTo(date);
        screenshot("3-tasklist-issue-circular");
        complete();
        await(d -> consultations.get(id).status() == ConsultationStatus.OPEN);
        Consultation opened = consultations.get(id);
        assertThat(opened.circularNumber()).isEqualTo(circular);
        assertThat(opened.deadline()).isEqualTo(chosen.atTime(23, 59, 59, 999_000_000).toInstant(ZoneOffset.UTC));

        open("/officer/consultations/" + id);
        assertThat(heading()).isEqualTo("TSB Circular " + circular + " (SG17)");
        screenshot("4-consultation-no-reply");
        assertThat(chart("Q7/17")).isEqualTo("Q7/17: no counted reply, so approved; the threshold is 70 %.");
        assertThat(chart("Q16/17")).isEqualTo("Q16/17: no counted reply, so approved; the threshold is 70 %.");
        assertThat(margin("Q16/17")).isEqualTo("Approved as it stands; 1 more “does not support” reply would refer it back.");

        driver.findElement(By.linkText("Record a reply received by e-mail, fax or letter")).click();
        await(ExpectedConditions.urlMatches("/officer/consultations/" + id + "/replies/new$"));
        new Select(driver.findElement(By.id("memberState"))).selectByValue("CHE");
        driver.findElement(By.id("receivedWhen-now")).click();
        driver.findElement(By.id("channel-fax")).click();
        driver.findElement(By.id("positions-Q7-17")).click();
        driver.findElement(By.id("positions-Q16-17-not")).click();
        screenshot("5-record-fax");
        driver.findElement(By.xpath("//main//form//button[normalize-space()='Record the reply']")).click();
        await(ExpectedConditions.not(ExpectedConditions.urlMatches("/replies/new$")));
        open("/officer/consultations/" + id);
        screenshot("6-consultation-after-fax");
        assertThat(mainText()).contains("Running tally, not a decision: the 1 reply counted so far");
        assertThat(chart("Q7/17")).isEqualTo("Q7/17: 1 support, 0 do not support: 100.0 % support among 1 counted replies; the threshold is 70 %.");
        assertThat(chart("Q16/17")).isEqualTo("Q16/17: 0 support, 1 do not support: 0.0 % support among 1 counted replies; the threshold is 70 %.");
        assertThat(margin("Q16/17")).isEqualTo("Referred back as it stands; 3 more “supports” would approve it.");
        assertThat(mainText()).contains("Switzerland (CHE)").contains("Fax");
    }

    @Test
    void aRepresentativeFillsInTheOnlineFormAndSeesTheConfirmation() throws Exception {
        Consultation c = openConsultation();
        open("/consultations/" + c.id() + "/reply");
        logIn(TestAccounts.FRA, TestAccounts.FRA);
        assertThat(heading()).isEqualTo("Reply form");
        driver.findElement(By.id("positions-Q7-17")).click();
        driver.findElement(By.id("positions-Q10-17-not")).click();
        driver.findElement(By.id("comments")).sendKeys("France supports Q7/17.");
        screenshot("1-reply-form");
        driver.findElement(By.xpath("//main//form//button[@type='submit']")).click();
        await(ExpectedConditions.urlMatches("/consultations/" + c.id() + "/reply/\\d+$"));
        screenshot("2-confirmation");
        assertThat(heading()).isEqualTo("Reply of France, version 1");
        assertThat(mainText()).contains("France (FRA)").contains("France supports Q7/17.");
    }

    @Test
    void afterTheDeadlineAFaxReceivedInTimeChangesTheProvisionalTallyAndTheOfficerAnnouncesInTasklist() throws Exception {
        Consultation c = openConsultation();
        intake.submit(c.id(), new ReplySubmission("CHE", Map.of("Q7/17", Position.SUPPORTS, "Q10/17", Position.SUPPORTS), null, null),
                ReplySource.now(Channel.API, "api"));
        clock.set(DEADLINE.plusSeconds(1));
        ProcessInstance pi = runtime.createProcessInstanceQuery().processDefinitionKey(ProcessVariables.PROCESS_KEY)
                .variableValueEquals(ProcessVariables.CONSULTATION_ID, c.id()).singleResult();
        management.executeJob(management.createJobQuery().processInstanceId(pi.getId()).activityId("TimerEvent_Deadline")
                .singleResult().getId());
        assertThat(consultations.get(c.id()).status()).isEqualTo(ConsultationStatus.TALLIED);
        clock.advance(Duration.ofHours(10)); // the fax of 23:50 is entered the next morning

        open("/officer/consultations/" + c.id());
        logIn(TestAccounts.OFFICER, TestAccounts.OFFICER);
        screenshot("1-provisional-tally");
        assertThat(mainText()).contains("Tallied, provisional");
        assertThat(chart("Q7/17")).isEqualTo("Q7/17: 1 support, 0 do not support: 100.0 % support among 1 counted replies; the threshold is 70 %.");
        assertThat(questionRow("Q7/17")).endsWith("Approved");

        driver.findElement(By.linkText("Record a reply received by e-mail, fax or letter")).click();
        new Select(driver.findElement(By.id("memberState"))).selectByValue("DEU");
        driver.findElement(By.id("receivedWhen-at")).click();
        driver.findElement(By.id("receivedDate")).sendKeys("04032026"); // Chromium's date field, in the en-US order the browser is started with
        driver.findElement(By.id("receivedTime")).sendKeys("23:50");
        driver.findElement(By.id("channel-fax")).click();
        driver.findElement(By.id("positions-Q7-17-not")).click();
        screenshot("2-record-fax-received-in-time");
        driver.findElement(By.xpath("//main//form//button[normalize-space()='Record the reply']")).click();
        await(ExpectedConditions.not(ExpectedConditions.urlMatches("/replies/new$")));
        open("/officer/consultations/" + c.id());
        screenshot("3-provisional-tally-changed");
        assertThat(chart("Q7/17")).isEqualTo("Q7/17: 1 support, 1 do not support: 50.0 % support among 2 counted replies; the threshold is 70 %.");
        assertThat(questionRow("Q7/17")).endsWith("Not approved: referred back to the study group");
        assertThat(margin("Q7/17")).isEqualTo("Referred back as it stands; 2 more “supports” would approve it.");
        assertThat(mainText()).contains("Germany (DEU)");

        String review = driver.findElement(By.linkText("Review the tally and announce (Tasklist)")).getDomAttribute("href");
        String reviewTask = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult().getId();
        assertThat(review).endsWith("#/?task=" + reviewTask);
        openTask(reviewTask);
        claim();
        WebElement confirmed = await(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[id$='Field_confirmed']")));
        await(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("textarea[id$='Field_provisionalTally']")));
        scrollTo(confirmed);
        confirmed.click();
        screenshot("4-tasklist-review");
        complete();
        await(d -> consultations.get(c.id()).status() == ConsultationStatus.DECIDED);
        assertThat(consultations.get(c.id()).announcedBy()).isEqualTo(TestAccounts.OFFICER);

        open("/officer/consultations/" + c.id() + "/result");
        scrollTo(driver.findElement(By.xpath("//main//table[.//th[normalize-space()='Decision']]")));
        screenshot("5-result");
        assertThat(mainText()).contains("Q7/17").contains("Not approved: referred back to the study group")
                .contains("Q10/17").contains("Approved").doesNotContain("provisional");
    }

    // --- the consultation, the pages ---

    /**
     * Tasklist showing the task, as the pages' links open it. The links name the engine "default", as it is named in
     * the application; the tests' engines have generated names, so the address here names the test's.
     */
    private void openTask(String taskId) {
        open("/camunda/app/tasklist/" + engine.getName() + "/#/?task=" + taskId);
    }

    /** Tasklist keeps a candidate's form disabled until the officer claims the task. */
    private void claim() {
        await(ExpectedConditions.elementToBeClickable(By.xpath("//*[self::a or self::button][normalize-space()='Claim']"))).click();
        await(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".disabled-form")));
    }

    /** Tasklist's "Complete", brought from under its footer first. */
    private void complete() {
        WebElement button = driver.findElement(By.xpath("//button[normalize-space()='Complete']"));
        scrollTo(button);
        await(ExpectedConditions.elementToBeClickable(button)).click();
    }

    private void scrollTo(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    }

    private void type(String id, String text) {
        driver.findElement(By.id(id)).clear();
        driver.findElement(By.id(id)).sendKeys(text);
    }

    private void question(int row, String number, String kind, String title) {
        type("questions-" + row + "--number", number);
        new Select(driver.findElement(By.id("questions-" + row + "--kind"))).selectByValue(kind);
        type("questions-" + row + "--title", title);
    }

    /** The chart's words for a Question: its aria-label, which carries the numbers. */
    private String chart(String question) {
        return driver.findElement(By.xpath("//*[local-name()='svg'][contains(@aria-label, '" + question + ":')]"))
                .getDomAttribute("aria-label");
    }

    /** The margin sentence under a Question's chart. */
    private String margin(String question) {
        List<WebElement> rows = driver.findElements(By.xpath("//tr[@class='chart-row'][.//*[local-name()='svg'][contains(@aria-label, '"
                + question + ":')]]//p[@class='margin']"));
        assertThat(rows).as("the margin of " + question).hasSize(1);
        return rows.get(0).getText();
    }

    /** A Question's line in the table of Questions: number, title, kind, counts, percentage, decision. */
    private String questionRow(String question) {
        return driver.findElement(By.xpath("//table[contains(@class,'questions')]//tr[th[normalize-space()='" + question + "']]")).getText();
    }
}
