package org.itu.tsb.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.itu.tsb.Sg17;
import org.itu.tsb.TestAccounts;
import org.itu.tsb.TestClock;
import org.itu.tsb.consultation.Consultation;
import org.itu.tsb.consultation.ConsultationService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * What the browser tests share: headless Chromium (Debian's chromium and chromium-driver, which .ci/run installs;
 * Selenium Manager never downloads anything here), one browser for all the browser test classes of the run (starting one costs seconds; each test
 * starts logged out, without cookies), the
 * application's address, a consultation opened on a fixed day (the test clock), the login page, explicit waits and a screenshot per step in target/screenshots/, named
 * after the class, the test and the step.
 */
abstract class BrowserTestSupport {

    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    static final Instant OPENED = Instant.parse("2026-02-02T09:00:00Z");
    static final Instant DEADLINE = Instant.parse("2026-04-03T23:59:59.999Z");

    /** Circular numbers are unique: each test's consultation gets its own. */
    private static final AtomicInteger CIRCULAR_NUMBERS = new AtomicInteger(701);

    static WebDriver driver;
    static Path profile;

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired ConsultationService consultations;
    @Autowired TestClock clock;
    String testName;

    @BeforeAll
    static synchronized void startBrowser() throws Exception {
        if (driver != null) {
            return; // started for an earlier browser test class
        }
        if (!Files.isExecutable(CHROMEDRIVER) || !Files.isExecutable(CHROMIUM)) {
            fail("The browser tests need Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "): apt-get install -y chromium chromium-driver (.ci/run does it), or leave them out with -Dsurefire.excludedGroups=bench,browser");
        }
        profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,1000", "--lang=en-US", "--user-data-dir=" + profile);
        // the driver named explicitly: Selenium Manager is not asked to find (or download) one
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
        Runtime.getRuntime().addShutdownHook(new Thread(BrowserTestSupport::stopBrowser, "stop-chromium"));
    }

    /** When the test JVM ends: the browser and its profile go. */
    private static synchronized void stopBrowser() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
        if (profile != null) {
            FileSystemUtils.deleteRecursively(profile.toFile());
        }
    }

    /** Each test starts on the day the circular went out, logged out, with no cookie. */
    @BeforeEach
    void loggedOut(TestInfo test) {
        testName = test.getTestMethod().orElseThrow().getName();
        clock.set(OPENED);
        TestAccounts.ensure(context);
        open("/login");
        driver.manage().deleteAllCookies();
    }

    /** The SG17 consultation, open since {@link #OPENED} until {@link #DEADLINE}, under a circular number of its own. */
    Consultation openConsultation() {
        Consultation adopted = consultations.adopt(Sg17.adopted(), "officer");
        return consultations.open(adopted.id(), String.valueOf(CIRCULAR_NUMBERS.getAndIncrement()), DEADLINE, "officer");
    }

    /** A unique circular number, for a consultation a test opens otherwise. */
    static String nextCircularNumber() {
        return String.valueOf(CIRCULAR_NUMBERS.getAndIncrement());
    }

    String base() {
        return "http://localhost:" + port;
    }

    void open(String path) {
        driver.get(base() + path);
    }

    String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    String mainText() {
        return driver.findElement(By.tagName("main")).getText();
    }

    /** On the login page: types the user name and the password and sends them. */
    void logIn(String user, String password) {
        assertThat(path()).isEqualTo("/login");
        driver.findElement(By.id("username")).clear();
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        String before = driver.getCurrentUrl();
        driver.findElement(By.xpath("//main//form//button[@type='submit']")).click();
        await(ExpectedConditions.not(ExpectedConditions.urlToBe(before)));
    }

    /** Clicks the header's "Log out" and waits for the login page to say so. */
    void logOut() {
        driver.findElement(By.xpath("//header//form//button[normalize-space()='Log out']")).click();
        await(ExpectedConditions.urlContains("/login?logout"));
    }

    /** Waits up to 10 s; on a timeout leaves the page as it was (screenshot and HTML) beside the screenshots. */
    <T> T await(ExpectedCondition<T> condition) {
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(10)).until(condition);
        } catch (TimeoutException e) {
            try {
                screenshot("timeout");
                Files.writeString(SCREENSHOTS.resolve(getClass().getSimpleName() + "-" + testName + "-timeout.html"), driver.getPageSource());
            } catch (Exception ignored) {
                e.addSuppressed(ignored);
            }
            throw e;
        }
    }

    void screenshot(String step) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(getClass().getSimpleName() + "-" + testName + "-" + step + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
