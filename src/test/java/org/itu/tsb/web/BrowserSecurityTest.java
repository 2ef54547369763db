package org.itu.tsb.web;

import org.itu.tsb.ApplicationTest;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.itu.tsb.TestAccounts;
import org.itu.tsb.consultation.Consultation;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.HtmlUtils;

/**
 * The pages' security as a browser sees it: headless Chromium (Debian's chromium and chromium-driver, which .ci/run
 * installs; Selenium Manager never downloads anything here) against the application on a random port. Login and its
 * refusal, comments that look like script shown as text, a representative kept out of the officers' pages and bound
 * to its own State, forms posted from another origin refused for want of the CSRF token, and a notice's HTML version
 * loaded in its sandboxed frame. Each step leaves a screenshot in target/screenshots/ (the browser: BrowserTestSupport).
 */
@Tag("browser")
@ApplicationTest
class BrowserSecurityTest extends BrowserTestSupport {

    static final String XSS = "<script>document.title='pwned'</script><img src=x onerror=\"document.title='pwned'\">";

    @Autowired JdbcClient jdbc;

    @Test
    void anOfficersPageAsksForALoginAndAWrongPasswordIsRefused() throws Exception {
        open("/officer/consultations");
        screenshot("1-login-page");
        assertThat(path()).isEqualTo("/login");
        assertThat(heading()).isEqualTo("Log in");

        logIn(TestAccounts.OFFICER, "not-the-password");
        screenshot("2-wrong-password");
        assertThat(path()).isEqualTo("/login");
        assertThat(mainText()).contains("The user name or the password is not right.");

        logIn(TestAccounts.OFFICER, TestAccounts.OFFICER);
        screenshot("3-consultations");
        assertThat(path()).isEqualTo("/officer/consultations");
        assertThat(heading()).isEqualTo("Consultations");
        assertThat(driver.findElement(By.tagName("header")).getText()).contains("Log out");
    }

    @Test
    void commentsThatLookLikeScriptAreShownAsTextToTheRepresentativeAndToTheOfficer() throws Exception {
        Consultation c = openConsultation();

        open("/consultations/" + c.id() + "/reply");
        logIn(TestAccounts.FRA, TestAccounts.FRA);
        assertThat(path()).isEqualTo("/consultations/" + c.id() + "/reply");
        driver.findElement(By.cssSelector("input[name='positions.Q7/17'][value='SUPPORTS']")).click();
        driver.findElement(By.id("comments")).sendKeys(XSS);
        screenshot("1-reply-form-filled");
        driver.findElement(By.xpath("//main//form//button[@type='submit']")).click();
        await(ExpectedConditions.urlMatches("/consultations/" + c.id() + "/reply/\\d+$"));
        screenshot("2-confirmation");
        assertShownAsText();
        assertThat(jdbc.sql("select comments from reply_version where consultation_id = :id").param("id", c.id())
                .query(String.class).single()).as("stored as typed").isEqualTo(XSS);

        logOut();
        assertThat(mainText()).contains("You have logged out.");

        // the consultation's page lists the replies without their comments: France's versions show them
        open("/officer/consultations/" + c.id() + "/replies/FRA");
        logIn(TestAccounts.OFFICER, TestAccounts.OFFICER);
        assertThat(path()).isEqualTo("/officer/consultations/" + c.id() + "/replies/FRA");
        screenshot("3-officer-versions");
        assertThat(mainText()).contains("France (FRA)");
        assertShownAsText();
    }

    @Test
    void aRepresentativeIsKeptOutOfTheOfficersPagesAndRepliesForItsOwnStateOnly() throws Exception {
        Consultation c = openConsultation();

        open("/officer/consultations");
        logIn(TestAccounts.FRA, TestAccounts.FRA);
        screenshot("1-officers-page-refused");
        assertThat(path()).isEqualTo("/officer/consultations");
        assertThat(heading()).isEqualTo("Not allowed");
        assertThat(mainText()).containsIgnoringCase("Error 403").doesNotContain("TSB Circular");

        open("/consultations/" + c.id() + "/reply");
        screenshot("2-reply-form");
        assertThat(heading()).isEqualTo("Reply form");
        assertThat(driver.findElements(By.name("memberState"))).as("no choice of Member State").isEmpty();
        assertThat(driver.findElements(By.tagName("select"))).isEmpty();
        assertThat(mainText()).contains("France (FRA)").contains("You reply for this Member State only.");
    }

    @Test
    void aFormPostedFromAnotherOriginWithoutTheCsrfTokenIsRefused() throws Exception {
        Consultation c = openConsultation();
        String reply = base() + "/consultations/" + c.id() + "/reply";
        String record = base() + "/officer/consultations/" + c.id() + "/replies/new";

        // the representative, on the one form its role may post: only the missing token can refuse it
        open("/consultations/" + c.id() + "/reply");
        logIn(TestAccounts.FRA, TestAccounts.FRA);
        assertThat(heading()).isEqualTo("Reply form");
        postFromForeignPage(reply, "application/x-www-form-urlencoded",
                "<input name='positions.Q7/17' value='SUPPORTS'><input name='comments' value='forged'>");
        screenshot("1-foreign-reply-refused");
        assertThat(driver.getCurrentUrl()).isEqualTo(reply);
        assertThat(heading()).isEqualTo("The form is out of date");
        assertThat(mainText()).contains("Nothing was recorded");
        assertThat(storedVersions(c)).isZero();

        // the same session, from a program: without the token refused, with it accepted (so the token is what counts)
        String session = "JSESSIONID=" + sessionCookie().getValue();
        String body = "positions.Q7%2F17=SUPPORTS&comments=forged";
        HttpResponse<String> forged = post(reply, session, body);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(storedVersions(c)).isZero();
        HttpResponse<String> genuine = post(reply, session, body + "&_csrf=" + URLEncoder.encode(csrfToken(reply, session), StandardCharsets.UTF_8));
        assertThat(genuine.statusCode()).isEqualTo(302);
        assertThat(storedVersions(c)).isOne();

        // an officer, on the form that records a reply received by fax
        logOut();
        open("/officer/consultations");
        logIn(TestAccounts.OFFICER, TestAccounts.OFFICER);
        assertThat(heading()).isEqualTo("Consultations");
        postFromForeignPage(record, "multipart/form-data",
                "<input name='memberState' value='CHE'><input name='receivedAt' value='2026-02-01T10:00'>"
                        + "<input name='channel' value='FAX'><input name='positions.Q7/17' value='SUPPORTS'>");
        screenshot("2-foreign-record-refused");
        assertThat(driver.getCurrentUrl()).isEqualTo(record);
        assertThat(heading()).isEqualTo("The form is out of date");
        assertThat(storedVersions(c)).as("still only France's genuine reply").isOne();

        HttpResponse<String> forgedRecord = post(record, "JSESSIONID=" + sessionCookie().getValue(),
                "memberState=CHE&receivedAt=2026-02-01T10%3A00&channel=FAX&positions.Q7%2F17=SUPPORTS");
        assertThat(forgedRecord.statusCode()).isEqualTo(403);
        assertThat(storedVersions(c)).isOne();
    }

    @Test
    void anOfficerReadsANoticeWithItsHtmlVersionInASandboxedFrame() throws Exception {
        Consultation c = openConsultation(); // its circular is recorded with the opening

        open("/officer/consultations/" + c.id() + "/notices");
        logIn(TestAccounts.OFFICER, TestAccounts.OFFICER);
        assertThat(heading()).isEqualTo("Notices of TSB Circular " + c.circularNumber());
        screenshot("1-outbox");
        driver.findElement(By.cssSelector("table.outbox tbody a")).click();
        await(ExpectedConditions.urlMatches("/officer/consultations/" + c.id() + "/notices/\\d+$"));
        assertThat(mainText()).contains("Message-ID").contains("@consultation-workflow>");

        WebElement frame = driver.findElement(By.cssSelector("iframe.notice-html"));
        assertThat(frame.getDomAttribute("sandbox")).as("sandboxed").isNotNull();
        new Actions(driver).scrollToElement(frame).perform();
        driver.switchTo().frame(frame);
        try {
            await(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), c.circularNumber()));
            assertThat(driver.findElement(By.tagName("body")).getText()).as("the notice, not the login page").doesNotContain("Log in");
        } finally {
            driver.switchTo().defaultContent();
        }
        screenshot("2-notice");
    }

    // --- the consultation, the browser, the assertions ---

    private long storedVersions(Consultation c) {
        return jdbc.sql("select count(*) from reply_version where consultation_id = :id").param("id", c.id())
                .query(Long.class).single();
    }

    /** The comments are on the page as the characters typed: no element, no script ran, no script on the page at all. */
    private void assertShownAsText() throws InterruptedException {
        Thread.sleep(300); // time for an injected onerror to have fired, were there one
        assertThat(mainText()).contains(XSS).contains("<script>");
        assertThat(driver.getTitle()).isNotEqualTo("pwned").doesNotContain("pwned");
        assertThat(driver.findElements(By.tagName("script"))).as("the pages have no script").isEmpty();
        assertThat(driver.findElements(By.cssSelector("img[src='x'], main img"))).isEmpty();
    }

    /**
     * A page of another origin (a local file) with a form aimed at the application, without the token, submitted by
     * a click as a lured user would. The pages' CSP does not apply to it. Whether Chromium sends the session cookie
     * along is the browser's affair (the cookie has no SameSite attribute: Lax by default, with an allowance for a
     * top-level POST just after login; Chromium 156 sent it): either way nothing may be stored. The HTTP checks that
     * follow send the cookie for certain.
     */
    private void postFromForeignPage(String action, String enctype, String fields) throws Exception {
        Path page = profile.resolveSibling(profile.getFileName() + "-" + testName + ".html");
        Files.writeString(page, "<!DOCTYPE html><html><head><title>Win a prize</title></head><body>"
                + "<form method='post' action='" + HtmlUtils.htmlEscape(action) + "' enctype='" + enctype + "'>" + fields
                + "<button type='submit' id='go'>Claim</button></form></body></html>");
        try {
            driver.get(page.toUri().toString());
            assertThat(driver.getTitle()).isEqualTo("Win a prize");
            driver.findElement(By.id("go")).click();
            await(ExpectedConditions.urlToBe(action));
            await(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
        } finally {
            Files.deleteIfExists(page);
        }
    }

    private Cookie sessionCookie() {
        Cookie cookie = driver.manage().getCookieNamed("JSESSIONID");
        assertThat(cookie).as("the browser's session cookie").isNotNull();
        return cookie;
    }

    private static HttpResponse<String> post(String url, String cookie, String form) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String csrfToken(String url, String cookie) throws Exception {
        String form = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
        assertThat(token.find()).as("the form carries a CSRF token").isTrue();
        return HtmlUtils.htmlUnescape(token.group(1));
    }
}
