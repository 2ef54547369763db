package org.itu.tsb.web;

import org.itu.tsb.ApplicationTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.itu.tsb.Sg17;
import org.itu.tsb.TestAccounts;
import org.itu.tsb.TestClock;
import org.itu.tsb.consultation.Consultation;
import org.itu.tsb.consultation.ConsultationService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.util.HtmlUtils;

/**
 * The pages' security as a browser sees it: headless Chromium (Debian's chromium and chromium-driver, which .ci/run
 * installs; Selenium Manager never downloads anything here) against the application on a random port. Login and its
 * refusal, comments that look like script shown as text, a representative kept out of the officers' pages and bound
 * to its own State, forms posted from another origin refused for want of the CSRF token, and a notice's HTML version
 * loaded in its sandboxed frame. Each step leaves a screenshot in target/screenshots/.
 */
@Tag("browser")
@ApplicationTest
class BrowserSecurityTest {

    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    static final Instant OPENED = Instant.parse("2026-02-02T09:00:00Z");
    static final Instant DEADLINE = Instant.parse("2026-04-03T23:59:59.999Z");
    static final String XSS = "<script>document.title='pwned'</script><img src=x onerror=\"document.title='pwned'\">";

    /** Circular numbers are unique: each test's consultation gets its own. */
    private static final AtomicInteger CIRCULAR_NUMBERS = new AtomicInteger(701);

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired ConsultationService consultations;
    @Autowired TestClock clock;
    @Autowired JdbcClient jdbc;

    /** One browser for the class (starting one costs seconds); each test starts logged out, with no cookie. */
    static WebDriver driver;
    static Path profile;
    String testName;

    @BeforeAll
    static void startBrowser() throws Exception {
        if (!Files.isExecutable(CHROMEDRIVER) || !Files.isExecutable(CHROMIUM)) {
            fail("The browser tests need Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "): apt-get install -y chromium chromium-driver (.ci/run does it), or leave them out with -Dsurefire.excludedGroups=bench,browser");
        }
        profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,1000", "--user-data-dir=" + profile);
        // the driver named explicitly: Selenium Manager is not asked to find (or download) one
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            FileSystemUtils.deleteRecursively(profile.toFile());
        }
    }

    @BeforeEach
    void loggedOut(TestInfo test) {
        testName = test.getTestMethod().orElseThrow().getName();
        clock.set(OPENED);
        TestAccounts.ensure(context);
        open("/login");
        driver.manage().deleteAllCookies();
    }

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

        driver.findElement(By.xpath("//header//form//button[normalize-space()='Log out']")).click();
        await(ExpectedConditions.urlContains("/login?logout"));
        assertThat(mainText()).contains("You have logged out.");

        // the officer reads the comments where they are shown: France's versions, opened from the consultation page
        open("/officer/consultations/" + c.id() + "/replies/FRA");
        logIn(TestAccounts.OFFICER, TestAccounts.OFFICER);
        assertThat(path()).isEqualTo("/officer/consultations/" + c.id() + "/replies/FRA");
        screenshot("3-officer-replies");
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
        driver.findElement(By.xpath("//header//form//button[normalize-space()='Log out']")).click();
        await(ExpectedConditions.urlContains("/login?logout"));
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

    private Consultation openConsultation() {
        Consultation adopted = consultations.adopt(Sg17.adopted(), "officer");
        return consultations.open(adopted.id(), String.valueOf(CIRCULAR_NUMBERS.getAndIncrement()), DEADLINE, "officer");
    }

    private long storedVersions(Consultation c) {
        return jdbc.sql("select count(*) from reply_version where consultation_id = :id").param("id", c.id())
                .query(Long.class).single();
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private void open(String path) {
        driver.get(base() + path);
    }

    private String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    private String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    private String mainText() {
        return driver.findElement(By.tagName("main")).getText();
    }

    /** On the login page: types the user name and the password and sends them. */
    private void logIn(String user, String password) {
        assertThat(path()).isEqualTo("/login");
        driver.findElement(By.id("username")).clear();
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        String before = driver.getCurrentUrl();
        driver.findElement(By.xpath("//main//form//button[@type='submit']")).click();
        await(ExpectedConditions.not(ExpectedConditions.urlToBe(before)));
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

    private void await(org.openqa.selenium.support.ui.ExpectedCondition<?> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(condition);
    }

    private void screenshot(String step) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve("BrowserSecurityTest-" + testName + "-" + step + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
