package org.itu.tsb.web.api;

import org.itu.tsb.Sg17;
import org.itu.tsb.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.springframework.context.ApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.itu.tsb.notice.NoticeOutbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.TestSocketUtils;

/**
 * The application as a client sees it: real HTTP on a random port, the job executor on, notices to the SMTP
 * server the tests start (GreenMail, on a port free when the test JVM starts them). Test classes extending it share one
 * Spring context. Tagged "database": run once more on PostgreSQL (mvn -Ppostgres).
 */
@Tag("database")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.mail.host=localhost",
                // without Nagle's wait on loopback: a consultation's 600 notices go out in seconds (see NoDelaySockets)
                "spring.mail.properties[mail.smtp.socketFactory.class]=org.itu.tsb.notice.NoDelaySockets",
                "spring.mail.properties[mail.smtp.socketFactory.fallback]=false"})
@ActiveProfiles("test")
public abstract class ApiTestSupport {

    private static final int SMTP_PORT = TestSocketUtils.findAvailableTcpPort();

    /**
     * The mail server lives as long as the Spring context the API tests share: one for the test JVM, up from the first
     * API test on, on one port for the whole run (stopped and started again, it is back where the application looks).
     * The notices a test leaves behind are delivered while later tests run, rather than refused and retried until they
     * fail and raise incidents, as when the server was up only during each test. It is everyone's: a test reads only
     * its own consultation's mail ({@link #receivedFor}).
     */
    protected static final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.port(SMTP_PORT));

    static {
        smtp.start();
        Runtime.getRuntime().addShutdownHook(new Thread(smtp::stop, "stop-greenmail"));
    }

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry properties) {
        properties.add("spring.mail.port", () -> SMTP_PORT);
    }

    protected static final String CREATE_BODY = Sg17.adoptJson();

    @Autowired private TestRestTemplate anonymous;
    @Autowired protected ObjectMapper json;
    @Autowired protected ApplicationContext context;

    /** The API as a TSB officer (HTTP Basic), unless a test says otherwise with {@link #as}. */
    protected TestRestTemplate http;

    @Autowired private NoticeOutbox outbox;

    /** Up for every test, even after one that took it down (to play an outage) and failed before bringing it back. */
    @BeforeEach
    void mailServerUp() {
        if (!smtp.isRunning()) {
            smtp.start();
        }
    }

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

    /** The messages the mail server received for this consultation's notices (by their own Message-IDs), and no others. */
    protected List<MimeMessage> receivedFor(long consultation) {
        Set<String> ours = outbox.findByConsultation(consultation).stream().map(NoticeOutbox.Entry::messageId)
                .collect(Collectors.toSet());
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> ours.contains(messageId(m))).toList();
    }

    protected static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new AssertionError(e);
        }
    }
}
