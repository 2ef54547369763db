package org.itu.tsb.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.itu.tsb.Sg17;
import org.itu.tsb.TestAccounts;
import org.itu.tsb.web.api.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the security layer promises, seen from outside: slowed logins, strict input, the headers, and who is recorded. */
class SecurityBehaviourTest extends ApiTestSupport {

    @Autowired IdentityService identity;
    @Autowired JdbcClient jdbc;

    @Test
    void failedLoginsAreSlowedButTheAccountIsNeverLocked() {
        String user = "throttled" + System.nanoTime();
        User account = identity.newUser(user);
        account.setPassword("right");
        identity.saveUser(account);

        for (int i = 0; i < 6; i++) {
            assertThat(http("wrong", user).getStatusCode().value()).isEqualTo(401);
        }
        ResponseEntity<String> slowed = http("right", user);
        assertThat(slowed.getStatusCode().value()).isEqualTo(429);
        assertThat(Long.parseLong(slowed.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1L, 300L);
        assertThat(slowed.getBody()).contains("Too many failed logins");

        // Camunda's own permanent lock after ten failures is switched off
        for (int i = 0; i < 12; i++) {
            identity.checkPassword(user, "wrong");
        }
        assertThat(identity.checkPassword(user, "right")).isTrue();
    }

    @Test
    void withoutTheDemoNoAccountHasAKnownPassword() {
        for (String demo : new String[] {"demo", "camunda"}) { // "admin" is the tests' own account (TestAccounts)
            if (identity.createUserQuery().userId(demo).count() > 0) {
                assertThat(identity.checkPassword(demo, demo)).as(demo).isFalse();
            }
        }
        assertThat(identity.createUserQuery().userId("demo").count()).as("the demo accounts come only with --consultation.demo=true").isZero();
    }

    @Test
    void theApiSaysWhoMustLogIn() {
        ResponseEntity<String> anonymous = as(null).getForEntity("/api/consultations", String.class);
        assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
        assertThat(anonymous.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
        assertThat(anonymous.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
    }

    @Test
    void pagesAndApiSendTheSecurityHeaders() {
        ResponseEntity<String> login = as(null).getForEntity("/login", String.class);
        assertThat(login.getHeaders().getFirst("Content-Security-Policy")).contains("script-src 'self'").contains("frame-ancestors 'none'");
        assertThat(login.getHeaders().getFirst("X-Frame-Options")).isEqualTo("DENY");
        assertThat(login.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(login.getHeaders().getFirst("Referrer-Policy")).isEqualTo("same-origin");

        ResponseEntity<String> api = http.getForEntity("/api/consultations", String.class);
        assertThat(api.getHeaders().getFirst("Content-Security-Policy")).contains("default-src 'none'");
        assertThat(api.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(api.getHeaders().getFirst("Referrer-Policy")).isEqualTo("no-referrer");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"positions\": {\"Q7/17\": 1}}",                       // a number read as the enum constant at index 1
            "{\"positions\": {\"Q7/17\": 0}}",
            "{\"positions\": {\"Q7/17\": \"1\"}}",
            "{\"positions\": {\"Q7/17\": true}}",
            "{\"positions\": {\"Q7/17\": \"SUPPORTS \"}}",                // a position is its exact name
            "{\"positions\": {\"Q7/17\": \"SUPPORTS\\u0000\"}}",
            "{\"positions\": {\"Q7/17\": [\"SUPPORTS\"]}}",
            "{\"memberState\": 250, \"positions\": {}}",             // a number is not a code
            "{\"memberState\": true}",
            "{\"memberState\": \"\\u0000FRA\"}",
            "{\"memberState\": \"FRA\", \"comments\": \"a\\u0000b\"}",
            "{\"memberState\": \"FRA\", \"comments\": \"broken \\ud800 surrogate\"}",
            "{\"memberState\": \"FRA\", \"reasons\": [\"a\"]}",
            "{\"memberState\": \"FRA\"} trailing"})
    void hostileRepliesAreRefusedAndStoreNothing(String body) {
        long consultation = openConsultation();
        long before = versions(consultation);

        Response response = post("/api/consultations/" + consultation + "/replies", body);

        assertThat(response.status()).as(body).isEqualTo(400);
        assertThat(versions(consultation)).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\u3000", "\\u200B\\u200D", " \\t ", "\\uFFFE"})
    void textWithNothingVisibleIsNoTextAtAll(String studyGroup) {
        long consultations = jdbc.sql("select count(*) from consultation").query(Long.class).single();

        Response response = post("/api/consultations", Sg17.adoptJson().replace("\"studyGroup\": \"SG17\"", "\"studyGroup\": \"" + studyGroup + "\""));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().get("detail").asText()).startsWith("studyGroup");
        assertThat(jdbc.sql("select count(*) from consultation").query(Long.class).single()).isEqualTo(consultations);
    }

    @Test
    void refusalsNeverNameTheApplicationsClasses() {
        long consultation = openConsultation();
        for (String body : new String[] {"{\"positions\": [\"Q7/17\"]}", "{\"positions\": {\"Q7/17\": [\"SUPPORTS\"]}}",
                "[{\"positions\": {}}]", "42", "{\"comments\": {\"a\": 1}}", "{} {}"}) {
            Response response = post("/api/consultations/" + consultation + "/replies", body);
            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.body().toString()).as(body).doesNotContain("org.itu", "java.", "com.fasterxml", "Exception", "`");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/*", "*/*", "application/x-www-form-urlencoded", "application/xml"})
    void onlyJsonIsRead(String contentType) {
        long consultation = openConsultation();
        long before = versions(consultation);
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.CONTENT_TYPE, contentType);

        Response response = exchange(HttpMethod.POST, "/api/consultations/" + consultation + "/replies",
                new HttpEntity<>("{\"memberState\": \"FRA\", \"positions\": {}}", headers));

        assertThat(response.status()).isEqualTo(415);
        assertThat(versions(consultation)).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+1000000000-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z", "10000-01-01T00:00:00Z", "2026-13-45T00:00:00Z"})
    void absurdDeadlinesAreRefused(String deadline) {
        long adopted = createConsultation();

        Response response = post("/api/consultations/" + adopted + "/open",
                "{\"circularNumber\": \"d-" + System.nanoTime() + "\", \"deadline\": \"" + deadline + "\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(get("/api/consultations/" + adopted).body().get("status").asText()).isEqualTo("ADOPTED");
    }

    @Test
    void aDeadlineMoreThanTwoYearsAheadIsRefused() {
        long adopted = createConsultation();
        assertThat(open(adopted, Instant.now().plus(Duration.ofDays(2 * 366 + 1))).status()).isEqualTo(400);
        assertThat(open(adopted, Instant.now().plus(Duration.ofDays(700))).status()).isEqualTo(200);
    }

    @Test
    void eachReplyAndEachOpeningNamesTheLoggedInUser() {
        long adopted = createConsultation();
        open(adopted, Instant.now().plus(Duration.ofDays(30)));
        assertThat(get("/api/consultations/" + adopted).body().get("createdBy").asText()).isEqualTo(TestAccounts.OFFICER);
        assertThat(get("/api/consultations/" + adopted).body().get("openedBy").asText()).isEqualTo(TestAccounts.OFFICER);

        http = as(TestAccounts.FRA);
        assertThat(post("/api/consultations/" + adopted + "/replies", "{\"positions\": {\"Q7/17\": \"SUPPORTS\"}}").status())
                .isEqualTo(201);
        assertThat(jdbc.sql("select recorded_by from reply_version where consultation_id = :id").param("id", adopted)
                .query(String.class).single()).isEqualTo(TestAccounts.FRA);
    }

    /** One open consultation for every hostile request: each refused one must leave it as it was. */
    private static Long open;

    private long openConsultation() {
        if (open == null) {
            long id = createConsultation();
            assertThat(open(id, Instant.now().plus(Duration.ofDays(30))).status()).isEqualTo(200);
            open = id;
        }
        return open;
    }

    private long versions(long consultation) {
        return jdbc.sql("select count(*) from reply_version where consultation_id = :id").param("id", consultation)
                .query(Long.class).single();
    }

    private ResponseEntity<String> http(String password, String user) {
        return as(null).withBasicAuth(user, password).getForEntity("/api/consultations", String.class);
    }
}
