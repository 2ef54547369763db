package org.itu.tsb.web.api;

import org.itu.tsb.Sg17;
import org.itu.tsb.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.springframework.context.ApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.extension.RegisterExtension;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * The application as a client sees it: real HTTP on a random port, the job executor on, notices to the SMTP
 * server the tests start (GreenMail on port 3025). Test classes extending it share one Spring context. Tagged
 * "database": run once more on PostgreSQL (mvn -Ppostgres).
 */
@Tag("database")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.mail.host=localhost", "spring.mail.port=3025",
                // without Nagle's wait on loopback: a consultation's 600 notices go out in seconds (see NoDelaySockets)
                "spring.mail.properties[mail.smtp.socketFactory.class]=org.itu.tsb.notice.NoDelaySockets",
                "spring.mail.properties[mail.smtp.socketFactory.fallback]=false"})
@ActiveProfiles("test")
public abstract class ApiTestSupport {

    /** Every API test has the SMTP server up, so the notices the procedure sends are delivered, not retried. */
    @RegisterExtension
    protected static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    protected static final String CREATE_BODY = Sg17.adoptJson();

    @Autowired private TestRestTemplate anonymous;
    @Autowired protected ObjectMapper json;
    @Autowired protected ApplicationContext context;

    /** The API as a TSB officer (HTTP Basic), unless a test says otherwise with {@link #as}. */
    protected TestRestTemplate http;

    @BeforeEach
    void asAnOfficer() {
        TestAccounts.ensure(context);
        http = as(TestAccounts.OFFICER);
    }

    /** The API as this user (password = user name), or anonymous for null. */
    protected TestRestTemplate as(String user) {
        return user == null ? anonymous : anonymous.withBasicAuth(user, user);
    }

    protected record Response(int status, JsonNode body, HttpHeaders headers) {}

    protected Response post(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return exchange(HttpMethod.POST, path, new HttpEntity<>(body, headers));
    }

    /** A body that is not JSON: a Question's document. */
    protected Response put(String path, byte[] body, MediaType type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        return exchange(HttpMethod.PUT, path, new HttpEntity<>(body, headers));
    }

    protected Response get(String path) {
        return exchange(HttpMethod.GET, path, HttpEntity.EMPTY);
    }

    protected Response exchange(HttpMethod method, String path, HttpEntity<?> entity) {
        ResponseEntity<String> response = http.exchange(path, method, entity, String.class);
        try {
            JsonNode body = response.getBody() == null ? json.nullNode() : json.readTree(response.getBody());
            return new Response(response.getStatusCode().value(), body, response.getHeaders());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.getBody(), e);
        }
    }

    protected long createConsultation() {
        return post("/api/consultations", CREATE_BODY).body().get("id").asLong();
    }

    protected Response open(long id, Instant deadline) {
        return post("/api/consultations/" + id + "/open", """
                {"circularNumber": "%d", "deadline": "%s"}""".formatted(1000 + id, deadline));
    }

    protected Response reply(long id, String memberState, String positions) {
        return post("/api/consultations/" + id + "/replies", """
                {"memberState": "%s", "positions": %s}""".formatted(memberState, positions));
    }
}
