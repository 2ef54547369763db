package org.itu.tsb.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.itu.tsb.Sg17;
import org.itu.tsb.TestAccounts;
import org.itu.tsb.consultation.ConsultationService;
import org.itu.tsb.consultation.QuestionDocuments;
import org.itu.tsb.kernel.Attachment;
import org.itu.tsb.notice.NoticeOutbox;
import org.itu.tsb.reply.Channel;
import org.itu.tsb.reply.Position;
import org.itu.tsb.reply.ReplyIntake;
import org.itu.tsb.reply.ReplySource;
import org.itu.tsb.reply.ReplySubmission;
import org.itu.tsb.tally.TallyService;
import org.itu.tsb.web.api.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every endpoint and page, the Camunda webapps' API and {@code /engine-rest} included, as every role and as anonymous:
 * the expected status of each, from one table. Real HTTP: HTTP Basic for the API and the engine's REST API, the login
 * form and its session (with its CSRF token) for the pages and the webapps.
 */
class AccessMatrixTest extends ApiTestSupport {

    /** The columns of the table, in this order. */
    private static final List<String> WHO = List.of("anonymous", TestAccounts.OFFICER, TestAccounts.ADMIN, TestAccounts.READER,
            TestAccounts.FRA, TestAccounts.NOBODY);

    @Autowired ConsultationService consultations;
    @Autowired ReplyIntake intake;
    @Autowired TallyService tallies;
    @Autowired QuestionDocuments documents;
    @Autowired NoticeOutbox outbox;
    /** Tests name their engine uniquely: the webapps' and the REST API's paths name it. */
    @Autowired ProcessEngine engine;

    /**
     * One row: a request, and the status each of {@link #WHO} must get. {@code path} may name {open}, {decided}, {tallied}, {ghana},
     * {adopted}, {engine}, {notice} (a notice of {open}).
     */
    private record Row(String method, String path, Body body, int anonymous, int officer, int admin, int reader, int fra, int nobody) {
        int expected(int column) {
            return new int[] {anonymous, officer, admin, reader, fra, nobody}[column];
        }
    }

    private enum Body { NONE, ADOPT, REPLY_FRA, REPLY_AS_GHA, OPEN, PAGE_REPLY, PDF, PAGE_BUTTON, DEADLINE, PAGE_DEADLINE }

    private static final int LOGIN = 302; // a page sends an anonymous visitor to the login page
    private static final int REDIRECT = 302;

    private static final List<Row> TABLE = List.of(
            // the pages (login form, session, CSRF tokens)
            new Row("GET", "/", Body.NONE, LOGIN, 200, 200, 200, 200, 200),
            new Row("GET", "/login", Body.NONE, 200, 200, 200, 200, 200, 200),
            new Row("GET", "/officer/consultations", Body.NONE, LOGIN, 200, 403, 403, 403, 403),
            new Row("GET", "/officer/consultations/new", Body.NONE, LOGIN, 200, 403, 403, 403, 403),
            // an empty adoption: refused (400) for an officer, and nothing stored
            new Row("POST", "/officer/consultations/new", Body.PAGE_BUTTON, LOGIN, 400, 403, 403, 403, 403),
            new Row("GET", "/officer/consultations/{open}", Body.NONE, LOGIN, 200, 403, 403, 403, 403),
            new Row("GET", "/officer/consultations/{open}/replies", Body.NONE, LOGIN, 200, 403, 403, 403, 403),
            new Row("GET", "/officer/consultations/{open}/replies/GHA", Body.NONE, LOGIN, 200, 403, 403, 403, 403),
            new Row("GET", "/officer/consultations/{open}/replies/new", Body.NONE, LOGIN, 200, 403, 403, 403, 403),
            new Row("GET", "/officer/consultations/{open}/replies/{ghana}/attachment", Body.NONE, LOGIN, 200, 403, 403, 403, 403),
            new Row("GET", "/officer/consultations/{open}/notices", Body.NONE, LOGIN, 200, 403, 403, 403, 403),
            new Row("GET", "/officer/consultations/{open}/notices/{notice}", Body.NONE, LOGIN, 200, 403, 403, 403, 403),
            new Row("GET", "/officer/consultations/{open}/notices/{notice}/html", Body.NONE, LOGIN, 200, 403, 403, 403, 403),
            new Row("POST", "/officer/consultations/{open}/notices/{notice}/resend", Body.PAGE_BUTTON, LOGIN, REDIRECT, 403, 403, 403, 403),
            new Row("GET", "/officer/consultations/{open}/deadline", Body.NONE, LOGIN, 200, 403, 403, 403, 403),
            new Row("POST", "/officer/consultations/{open}/deadline", Body.PAGE_DEADLINE, LOGIN, REDIRECT, 403, 403, 403, 403),
            new Row("GET", "/consultations/{open}/reply", Body.NONE, LOGIN, 403, 403, 403, 200, 403),
            new Row("POST", "/consultations/{open}/reply", Body.PAGE_REPLY, LOGIN, 403, 403, 403, REDIRECT, 403),
            new Row("GET", "/consultations/{open}/reply/{ghana}", Body.NONE, LOGIN, 403, 403, 403, 404, 403),
            new Row("GET", "/consultations/{decided}/result", Body.NONE, LOGIN, 200, 200, 200, 200, 403),
            new Row("GET", "/consultations/{open}/result", Body.NONE, LOGIN, 409, 409, 409, 409, 403),
            new Row("GET", "/consultations/{tallied}/result", Body.NONE, LOGIN, 409, 409, 409, 409, 403),
            // the result announcement and the CSV downloads: officers (a draft while the tally is reviewed)
            new Row("GET", "/officer/consultations/{decided}/result", Body.NONE, LOGIN, 200, 403, 403, 403, 403),
            new Row("GET", "/officer/consultations/{tallied}/result", Body.NONE, LOGIN, 200, 403, 403, 403, 403),
            new Row("GET", "/officer/consultations/{open}/result", Body.NONE, LOGIN, 409, 403, 403, 403, 403),
            new Row("GET", "/officer/consultations/{decided}/result.pdf", Body.NONE, LOGIN, 200, 403, 403, 403, 403),
            new Row("GET", "/officer/consultations/{tallied}/tally.csv", Body.NONE, LOGIN, 200, 403, 403, 403, 403),
            new Row("GET", "/officer/consultations/{open}/replies.csv", Body.NONE, LOGIN, 200, 403, 403, 403, 403),
            // Annex 1 of the circular: public once the circular is issued, no page before
            new Row("GET", "/consultations/{open}/questions", Body.NONE, 200, 200, 200, 200, 200, 200),
            new Row("GET", "/consultations/{open}/questions/1/document", Body.NONE, 200, 200, 200, 200, 200, 200),
            new Row("GET", "/consultations/{adopted}/questions", Body.NONE, 404, 404, 404, 404, 404, 404),
            // the Camunda webapps (the pages' session)
            new Row("GET", "/camunda/app/tasklist/{engine}/", Body.NONE, LOGIN, 200, 200, 403, 403, 403),
            new Row("GET", "/camunda/app/cockpit/{engine}/", Body.NONE, LOGIN, 403, 200, 403, 403, 403),
            new Row("GET", "/camunda/api/admin/auth/user/{engine}", Body.NONE, LOGIN, 200, 200, 403, 403, 403),
            new Row("GET", "/camunda/api/engine/engine/{engine}/task/count", Body.NONE, LOGIN, 200, 200, 403, 403, 403),
            // Camunda's REST API (HTTP Basic; the engine's authorizations apply beyond this)
            new Row("GET", "/engine-rest/engine", Body.NONE, 401, 200, 200, 403, 403, 403),
            new Row("GET", "/engine-rest/engine/{engine}/history/variable-instance", Body.NONE, 401, 200, 200, 403, 403, 403),
            new Row("GET", "/engine-rest/engine/{engine}/user", Body.NONE, 401, 200, 200, 403, 403, 403),
            // Spring Boot Actuator (HTTP Basic): health for a load balancer, metrics for administrators, nothing else exposed
            new Row("GET", "/actuator/health", Body.NONE, 200, 200, 200, 200, 200, 200),
            new Row("GET", "/actuator/health/liveness", Body.NONE, 200, 200, 200, 200, 200, 200),
            new Row("GET", "/actuator/health/readiness", Body.NONE, 200, 200, 200, 200, 200, 200),
            new Row("GET", "/actuator/metrics", Body.NONE, 401, 403, 200, 403, 403, 403),
            new Row("GET", "/actuator/metrics/consultation.replies.received", Body.NONE, 401, 403, 200, 403, 403, 403),
            new Row("GET", "/actuator/prometheus", Body.NONE, 401, 403, 200, 403, 403, 403),
            new Row("GET", "/actuator/env", Body.NONE, 401, 403, 404, 403, 403, 403),
            new Row("GET", "/actuator/beans", Body.NONE, 401, 403, 404, 403, 403, 403),
            new Row("POST", "/actuator/shutdown", Body.NONE, 401, 403, 404, 403, 403, 403),
            // the application's API (HTTP Basic)
            new Row("GET", "/api/consultations", Body.NONE, 401, 200, 200, 200, 200, 403),
            new Row("GET", "/api/consultations/{open}", Body.NONE, 401, 200, 200, 200, 200, 403),
            new Row("POST", "/api/consultations", Body.ADOPT, 401, 201, 403, 403, 403, 403),
            new Row("POST", "/api/consultations/{adopted}/open", Body.OPEN, 401, 200, 403, 403, 403, 403),
            new Row("POST", "/api/consultations/{open}/announce", Body.NONE, 401, 409, 403, 403, 403, 403),
            new Row("PUT", "/api/consultations/{open}/deadline", Body.DEADLINE, 401, 200, 403, 403, 403, 403),
            new Row("POST", "/api/consultations/{open}/replies", Body.REPLY_FRA, 401, 201, 403, 403, 201, 403),
            new Row("POST", "/api/consultations/{open}/replies", Body.REPLY_AS_GHA, 401, 201, 403, 403, 403, 403),
            new Row("GET", "/api/consultations/{open}/replies", Body.NONE, 401, 200, 200, 403, 200, 403),
            new Row("GET", "/api/consultations/{open}/replies/{ghana}", Body.NONE, 401, 200, 200, 403, 404, 403),
            new Row("GET", "/api/consultations/{open}/replies/{ghana}/attachment", Body.NONE, 401, 200, 200, 403, 404, 403),
            new Row("GET", "/api/consultations/{decided}/result", Body.NONE, 401, 200, 200, 200, 200, 403),
            new Row("GET", "/api/consultations/{tallied}/result", Body.NONE, 401, 409, 409, 409, 409, 403),
            new Row("GET", "/api/consultations/{decided}/tally", Body.NONE, 401, 200, 200, 200, 200, 403),
            new Row("GET", "/api/consultations/{tallied}/tally", Body.NONE, 401, 200, 200, 409, 409, 403),
            new Row("GET", "/api/consultations/{open}/tally", Body.NONE, 401, 409, 409, 409, 409, 403),
            new Row("GET", "/api/consultations/{open}/notices", Body.NONE, 401, 200, 200, 403, 403, 403),
            new Row("PUT", "/api/consultations/{open}/questions/1/document", Body.PDF, 401, 200, 403, 403, 403, 403),
            new Row("GET", "/api/consultations/{open}/questions/1/document", Body.NONE, 401, 200, 200, 200, 200, 403),
            new Row("GET", "/api/consultations/{open}/result", Body.NONE, 401, 409, 409, 409, 409, 403));

    /** Each change of the deadline asks for another day. */
    private static final java.util.concurrent.atomic.AtomicInteger DEADLINE_CHANGES = new java.util.concurrent.atomic.AtomicInteger();

    private static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void everyRoleGetsExactlyWhatItsRoleAllows() throws Exception {
        long open = consultations.open(consultations.adopt(Sg17.adopted(), "officer").id(), "matrix-" + System.nanoTime(),
                Instant.now().plus(Duration.ofDays(30)), "officer").id();
        long ghana = intake.submit(open, new ReplySubmission("GHA", Map.of("Q7/17", Position.SUPPORTS), "Ghana's view", null),
                new ReplySource(Channel.FAX, "officer", Instant.now(), new Attachment("scan.pdf", "application/pdf", PDF))).id();
        long decided = consultations.open(consultations.adopt(Sg17.adopted(), "officer").id(), "matrix-d-" + System.nanoTime(),
                Instant.now().plus(Duration.ofDays(30)), "officer").id();
        tallies.tally(decided);
        tallies.announce(decided, "officer");
        long tallied = consultations.open(consultations.adopt(Sg17.adopted(), "officer").id(), "matrix-t-" + System.nanoTime(),
                Instant.now().plus(Duration.ofDays(30)), "officer").id();
        tallies.tally(tallied);
        documents.attach(open, 1, "Q7-17.pdf", PDF, "officer");
        long notice = outbox.find(open, null, null, 0, 1).get(0).id(); // the circular, recorded with the opening
        Map<String, Function<Body, String>> ids = Map.of(
                "{open}", b -> Long.toString(open), "{ghana}", b -> Long.toString(ghana), "{decided}", b -> Long.toString(decided),
                "{tallied}", b -> Long.toString(tallied),
                "{adopted}", b -> Long.toString(createConsultation()), "{engine}", b -> engine.getName(),
                "{notice}", b -> Long.toString(notice));

        List<String> wrong = new ArrayList<>();
        for (int column = 0; column < WHO.size(); column++) {
            String who = WHO.get(column);
            Client client = new Client(who);
            for (Row row : TABLE) {
                String path = row.path();
                for (var id : ids.entrySet()) {
                    if (path.contains(id.getKey())) {
                        path = path.replace(id.getKey(), id.getValue().apply(row.body()));
                    }
                }
                int status = client.send(row.method(), path, row.body(), open);
                if (status != row.expected(column)) {
                    wrong.add(row.method() + " " + row.path() + " " + row.body() + " as " + who + ": " + status
                            + " (expected " + row.expected(column) + ")");
                }
            }
        }
        assertThat(wrong).as("requests whose status is not what the role allows").isEmpty();
    }

    /** One user's client: HTTP Basic for /api, /engine-rest and /actuator, a logged-in session for the rest. */
    private final class Client {
        private final String user;
        private final HttpClient http;
        private final String base = "http://localhost:" + port();

        Client(String user) throws Exception {
            this.user = "anonymous".equals(user) ? null : user;
            this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            if (this.user != null) {
                HttpResponse<String> login = send(form("/login", Map.of("username", user, "password", user)));
                assertThat(login.statusCode()).as("login of " + user).isEqualTo(302);
                assertThat(login.headers().firstValue("Location").orElse("")).as("login of " + user).doesNotContain("error");
            }
        }

        int send(String method, String path, Body body, long open) throws Exception {
            boolean basic = path.startsWith("/api/") || path.startsWith("/engine-rest/") || path.startsWith("/actuator/");
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
            if (body == Body.PAGE_REPLY) {
                return send(form(path, Map.of("positions.Q7/17", "SUPPORTS", "comments", "from " + user))).statusCode();
            }
            if (body == Body.PAGE_DEADLINE) { // a day further each time: the same deadline again is refused
                return send(form(path, Map.of("deadlineDate", java.time.LocalDate.now(java.time.ZoneOffset.UTC)
                        .plusDays(40 + DEADLINE_CHANGES.incrementAndGet()).toString(), "reason", "from " + user))).statusCode();
            }
            if (body == Body.PAGE_BUTTON) { // a form with nothing but its button (and the CSRF token)
                return send(form(path, Map.of())).statusCode();
            }
            String json = switch (body) {
                case ADOPT -> Sg17.adoptJson();
                case OPEN -> "{\"circularNumber\": \"m-%d\", \"deadline\": \"%s\"}".formatted(System.nanoTime(),
                        Instant.now().plus(Duration.ofDays(20)));
                case DEADLINE -> "{\"deadline\": \"%s\", \"reason\": \"from %s\"}".formatted(
                        Instant.now().plus(Duration.ofDays(50 + DEADLINE_CHANGES.incrementAndGet())), user);
                case REPLY_FRA -> "{\"memberState\": \"FRA\", \"positions\": {\"Q7/17\": \"SUPPORTS\"}, \"comments\": \"API, from " + user + "\"}";
                case REPLY_AS_GHA -> "{\"memberState\": \"GHA\", \"positions\": {\"Q7/17\": \"DOES_NOT_SUPPORT\"}, \"comments\": \"from " + user + "\"}";
                default -> null;
            };
            if (json != null) {
                request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
            } else if (body == Body.PDF) {
                request.header("Content-Type", "application/pdf").method(method, HttpRequest.BodyPublishers.ofByteArray(PDF));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            if (basic && user != null) {
                request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (!basic && response.statusCode() == 302 && user != null
                    && response.headers().firstValue("Location").orElse("").endsWith("/login")) {
                return -1; // a logged-in user sent to the login page: its session was lost
            }
            return response.statusCode();
        }

        /** A form POST with this session's CSRF token, as the page would send it. */
        private HttpRequest form(String path, Map<String, String> fields) throws Exception {
            Map<String, String> all = new LinkedHashMap<>(fields);
            all.put("_csrf", csrfToken());
            StringBuilder body = new StringBuilder();
            all.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
            return HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        }

        private String csrfToken() throws Exception {
            String page = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
            assertThat(token.find()).as("the login page carries a CSRF token").isTrue();
            return token.group(1);
        }

        private HttpResponse<String> send(HttpRequest request) throws Exception {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    private int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}
