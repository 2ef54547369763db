package org.itu.tsb.web.page;

import org.itu.tsb.ApplicationTest;
import org.itu.tsb.Sg17;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.itu.tsb.TestAccounts;
import org.itu.tsb.TestClock;
import org.itu.tsb.consultation.Consultation;
import org.itu.tsb.consultation.ConsultationService;
import org.itu.tsb.consultation.NewConsultation;
import org.itu.tsb.consultation.Question;
import org.itu.tsb.consultation.QuestionKind;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.util.HtmlUtils;

/**
 * The pages through MockMvc on the real services, with a clock the tests set. Test classes extending it share one
 * Spring context; each test works on a consultation of its own.
 */
@ApplicationTest
abstract class PageTestSupport {

    static final Instant OPENED = Instant.parse("2026-02-02T09:00:00Z");
    static final Instant DEADLINE = Instant.parse("2026-04-03T23:59:59.999Z");
    static final String DEADLINE_SHOWN = "3 April 2026, 23:59:59 UTC";

    /** Requests as a TSB officer with a CSRF token, unless a test acts as someone else ({@link #actAs}). */
    MockMvc mvc;
    @Autowired WebApplicationContext context;
    @Autowired ConsultationService consultations;
    @Autowired TestClock clock;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void startAtTheOpening() {
        clock.set(OPENED);
        actAs(TestAccounts.OFFICER);
    }

    /** From now on, requests come from this user (logged in, with a CSRF token). */
    void actAs(String user) {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity())
                .defaultRequest(get("/").with(TestAccounts.as(context, user)).with(csrf())).build();
    }

    /** A single request as another user. */
    RequestPostProcessor as(String user) {
        return TestAccounts.as(context, user);
    }

    /** Circular numbers are unique: each test's consultation gets its own. */
    private static final AtomicInteger CIRCULAR_NUMBERS = new AtomicInteger(101);

    /** TSAG adopts the three SG17 Questions of Circular 101; TSB issues a circular (101, 102, ...) with its deadline. */
    Consultation openConsultation() {
        return open(adopt());
    }

    /** TSB issues the circular of this adopted consultation (101, 102, ...) with its deadline. */
    Consultation open(Consultation adopted) {
        return consultations.open(adopted.id(), String.valueOf(CIRCULAR_NUMBERS.getAndIncrement()), DEADLINE, "officer");
    }

    Consultation adopt() {
        return consultations.adopt(Sg17.adopted(), "officer");
    }

    /** Rows of reply_version stored for the consultation. */
    long storedVersions(long consultationId) {
        return jdbc.sql("select count(*) from reply_version where consultation_id = :id").param("id", consultationId)
                .query(Long.class).single();
    }

    static String text(String html) {
        return PageText.text(html);
    }

    static String checked(String html, String name) {
        return PageText.checked(html, name);
    }

    static String link(String html, String regex) {
        return PageText.link(html, regex);
    }
}
