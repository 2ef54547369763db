package org.itu.tsb.web.api;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.ManagementService;
import org.itu.tsb.TestAccounts;
import org.itu.tsb.memberstate.MemberStateRegistry;
import org.itu.tsb.notice.AcknowledgementComposition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hostile and malformed requests against the API, generated from a fixed seed (a failure is reproducible) and from
 * fixed lists of nasty values, as an officer, a study group reader, France's representative and an anonymous client.
 * For every response: never a 5xx, never a stack trace or a class name in the body, and a refused request (4xx)
 * stored nothing (rows of consultation, reply_version, reply_position and notice counted before and after it) and
 * left the consultation it aimed at as it was (read back as an officer). Where the contract says what the answer must
 * be (415 for a body that is not JSON, 413 beyond the size limit, 401 anonymous, 403 for a role or another State, a
 * refusal for a number or a boolean given as a position or as text, …) that is checked too; a 429 is always a correct
 * answer (rate limits), but the plan keeps the limited accounts' changing requests under their limits.
 *
 * <p>Requests are sent with {@link HttpClient} (or a raw socket for what it refuses to send, such as a malformed
 * header), one at a time, so the counts around a refused request see only that request; after an accepted change the
 * test waits for the engine's asynchronous jobs (the circular notices) before it goes on.
 */
class ApiFuzzTest extends ApiTestSupport {

    private static final long SEED = 0x5617_2026L;
    private static final int AT_LEAST = 500;

    private static final String OFFICER = TestAccounts.OFFICER;
    private static final String READER = TestAccounts.READER;
    private static final String FRA = TestAccounts.FRA;
    private static final String ANONYMOUS = null;

    private static final List<String> TABLES = List.of("consultation", "reply_version", "reply_position", "notice");

    /** What a response body must never contain: stack traces, class and package names. */
    private static final List<String> LEAKS = List.of("Exception", "org.springframework", "org.itu", "java.lang", "java.util",
            "java.time", "java.io", "jakarta.", "at org.", "at java.", "com.fasterxml", "org.apache", "org.camunda", "org.h2",
            "\tat ", "JsonToken", "StreamReadConstraints", "JsonParser");
    /** A fully qualified Java class name, e.g. {@code com.example.Foo}. */
    private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.){2,}[A-Z][A-Za-z0-9_$]*");

    /** Wrong JSON types where text, a list, a map, an enum or an instant is expected. */
    private static final List<Object> WRONG_TYPES = List.of(1, -1, 0, 1.5, true, false, List.of(), List.of("x"), new Obj(),
            new Obj().put("a", 1), new Raw("1e309"), new Raw("99999999999999999999"), new Raw("-0"), new Raw("[[[]]]"));

    /** Texts people should not type, and texts that look like attacks but are just text. */
    private static final List<String> NASTY_TEXT = List.of("", " ", "\t", "\n", "\u0000", "\u0000FRA", "a\u0000b", "\uD800",
            "x\uDC00y", "abc\uDBFF", "\u202Eevil", "\u200D", "\u200B", "\u3000", "\uD83D\uDC4D\uD83C\uDFFD",
            "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67", "' OR 1=1 --", "'; DROP TABLE reply_version; --",
            "\" OR \"\"=\"", "<script>alert(1)</script>", "${jndi:ldap://x}", "#{7*7}", "{{7*7}}", "%s%s%n%x",
            "..\\..\\etc\\passwd", "../../etc/passwd", "\r\nSet-Cookie: x=y", "\u001B[31mred", "\u007F", "\u0085",
            "\uFEFF", "\uFFFF", "\uFFFE", "\uFF26\uFF32\uFF21", "null", "NaN", "-1", "9".repeat(400), "x".repeat(1001));

    /** Deadlines that overflow, do not exist, are in the past or too far ahead, or are not instants at all. */
    private static final List<Object> BAD_DEADLINES = List.of("+1000000000-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z",
            "+1000000001-01-01T00:00:00Z", "-1000000001-01-01T00:00:00Z", "2026-13-45T00:00:00Z", "2026-02-30T00:00:00Z",
            "2026-04-03T24:00:01Z", "2020-06-30T23:59:60Z", "+10000-01-01T00:00:00Z", "10000-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999999Z", new Raw("1e309"), new Raw("-1e309"), new Raw("1e308"),
            new Raw("9223372036854775807"), new Raw("-9223372036854775808"), new Raw("99999999999999999999999"), "1e309", "",
            " ", "now", "tomorrow", "2026-04-03", "2026-04-03T23:59:59", "2026-04-03T23:59:59+25:00", "2026-04-03 23:59:59Z",
            "1970-01-01T00:00:00Z", "2000-01-01T00:00:00Z", "P1D", "\u0000", "\u0000 ",
            "\uFF12\uFF10\uFF12\uFF17-04-03T00:00:00Z", "<script>alert(1)</script>", "' OR 1=1 --", "${jndi:ldap://x}",
            new Raw("[2027,4,3]"), new Raw("{\"seconds\": 1}"), new Raw("null"), new Raw("true"));

    /** Member State codes that are not one, or only nearly. */
    private static final List<String> MEMBER_STATES = List.of("\u0000FRA", "FRA\u0000", "fra ", " FRA", "FRAX", "", " ", "FR",
            "F\u200DRA", "FRA\u200B", "FRA\u202E", "\u202EARF", "\uFF26\uFF32\uFF21", "fra", "FrA", "XYZ", "UNK", "EU",
            "' OR 1=1 --", "<script>alert(1)</script>", "${jndi:ldap://x}", "\uD800", "FRA\uDC00", "\uD83D\uDC4D", "null",
            "FRA,CHE", "FRA;CHE", "F".repeat(10_000));

    /** Content types that are not JSON: always 415, whatever the body. */
    private static final List<String> NOT_JSON = List.of("text/plain", "text/plain; charset=UTF-8", "application/*", "*/*",
            "*/json", "multipart/form-data; boundary=fuzz", "application/x-www-form-urlencoded", "garbage", "",
            "application/xml", "text/json", "application/jsonx", "application/json; charset=garbage", "text/html",
            "application/octet-stream", "json");
    /** Content types that may or may not be read as JSON: no particular answer, but no 5xx either. */
    private static final List<String> ODD_JSON = List.of("application/ json", "application/json, text/plain", "APPLICATION/JSON",
            "application/vnd.itu+json", "application/json; charset=UTF-16", "application/json;;", "application/problem+json",
            "application/json; charset=ISO-8859-1");

    /** Path segments where a consultation id belongs that name no consultation (pre-encoded). */
    private static final List<String> ODD_IDS = List.of("-1", "0", "99999999999999999999", "9223372036854775807",
            "-9223372036854775808", "abc", "%00", "1%00", "..", "%2e%2e", "..%2F", "%2F", "1.5", "1e3", "0x10", "NaN", "null",
            "%E2%80%AE1", "%F0%9F%91%8D", "%27%20OR%201%3D1%20--", "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
            "%24%7Bjndi:ldap:%2F%2Fx%7D", "1".repeat(300), "9".repeat(9_000), "~", "%25", "%20");
    /** The odd ids every role tries. */
    private static final List<String> BRIEF_IDS = List.of("-1", "0", "99999999999999999999", "abc", "%00", "..", "1".repeat(300));
    /** Odd ids for reading only: these may name a real consultation (1) and are fine to read. */
    private static final List<String> ODD_READ_IDS = List.of("+1", "%2B1", "%201", "1;x", "01", "1%3B");

    @Autowired JdbcClient jdbc;
    @Autowired ManagementService management;
    @Autowired MemberStateRegistry memberStates;
    @Autowired AcknowledgementComposition acknowledgements;

    private final Random random = new Random(SEED);
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private final Map<String, Long> ids = new HashMap<>();
    private final Map<Long, JsonNode> snapshots = new HashMap<>();
    private HttpClient client;
    private String root;
    private int port;
    private int sent;
    private int circulars;

    // ---------------------------------------------------------------------------------------------------------------
    // the test

    @Test
    void hostileRequestsAreRefusedCleanlyAndChangeNothing() {
        root = http.getRootUri();
        port = URI.create(root).getPort();
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        prepareConsultations();

        List<Attack> attacks = plan();
        long fraWrites = attacks.stream().filter(a -> FRA.equals(a.role()) && a.writes()).count();
        long readerWrites = attacks.stream().filter(a -> READER.equals(a.role()) && a.writes()).count();
        long anonymous = attacks.stream().filter(a -> a.role() == null).count();
        assertThat(fraWrites).as("France's changing requests stay under its rate limit").isLessThanOrEqualTo(25);
        assertThat(readerWrites).as("the reader's changing requests stay under its rate limit").isLessThanOrEqualTo(25);
        assertThat(anonymous).as("anonymous requests stay under the per-address limit").isLessThanOrEqualTo(110);

        long start = System.nanoTime();
        for (Attack attack : attacks) {
            run(attack);
        }
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();

        long refused = statuses.entrySet().stream().filter(e -> e.getKey() >= 400 || e.getKey() < 0).mapToLong(Map.Entry::getValue).sum();
        System.out.printf("ApiFuzzTest: seed %d, %d requests sent in %d ms (officer %d, reader %d, fra %d, anonymous %d), "
                        + "statuses %s, %d refused, %d accepted, %d failed checks%n",
                SEED, sent, millis, attacks.stream().filter(a -> OFFICER.equals(a.role())).count(),
                attacks.stream().filter(a -> READER.equals(a.role())).count(),
                attacks.stream().filter(a -> FRA.equals(a.role())).count(), anonymous, statuses, refused, sent - refused,
                failures.size());
        failures.forEach(f -> System.out.println("ApiFuzzTest FAILED: " + f));

        assertThat(sent).as("requests sent").isGreaterThanOrEqualTo(AT_LEAST);
        // one example per kind of failure (all of them are on stdout)
        Map<String, List<String>> kinds = failures.stream().collect(Collectors.groupingBy(f -> f.substring(f.lastIndexOf(" => ") + 4),
                TreeMap::new, Collectors.toList()));
        assertThat(failures).as("%d of %d hostile requests were not answered cleanly; one of each kind:%n%s", failures.size(), sent,
                kinds.entrySet().stream().map(k -> "(" + k.getValue().size() + "x) " + k.getValue().get(0))
                        .collect(Collectors.joining("\n"))).isEmpty();
    }

    /** A (open, with a reply of CHE, FRA and GHA) for replies and reads; B (adopted only) for opening. */
    private void prepareConsultations() {
        long open = createConsultation();
        assertThat(open(open, Instant.now().plus(Duration.ofDays(30))).status()).isEqualTo(200);
        ids.put("{A}", open);
        ids.put("{B}", createConsultation());
        ids.put("{V_CHE}", setupReply(OFFICER, "{\"memberState\": \"CHE\", \"positions\": {\"Q7/17\": \"SUPPORTS\"}, \"comments\": \"setup\"}"));
        ids.put("{V_FRA}", setupReply(FRA, "{\"positions\": {\"Q10/17\": \"DOES_NOT_SUPPORT\"}, \"reasons\": \"setup\"}"));
        ids.put("{V_GHA}", setupReply(TestAccounts.GHA, "{\"positions\": {\"Q16/17\": \"SUPPORTS\"}}"));
        awaitQuietEngine(Duration.ofSeconds(60), Duration.ofSeconds(30)); // the circular of A is sent, no timer due soon
        snapshot(ids.get("{A}"));
        snapshot(ids.get("{B}"));
    }

    private long setupReply(String user, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(root + "/api/consultations/" + ids.get("{A}") + "/replies"))
                .header("Authorization", basic(user)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        Outcome outcome = exchange(request);
        assertThat(outcome.status()).as(outcome.body()).isIn(200, 201);
        try {
            return json.readTree(outcome.body()).get("id").asLong();
        } catch (IOException e) {
            throw new AssertionError(outcome.body(), e);
        }
    }

    private void run(Attack attack) {
        long[] before = counts();
        Outcome outcome = send(attack);
        long[] after = counts();
        sent++;
        statuses.merge(outcome.status(), 1, Integer::sum);

        List<String> problems = new ArrayList<>();
        int status = outcome.status();
        if (status < 0) {
            problems.add("no HTTP response (" + outcome.body() + ")");
        } else {
            if (status >= 500) {
                problems.add("server error " + status);
            }
            for (String leak : LEAKS) {
                if (outcome.body().contains(leak)) {
                    problems.add("body contains '" + leak.replace("\t", "\\t") + "'");
                }
            }
            var className = CLASS_NAME.matcher(outcome.body());
            if (className.find()) {
                problems.add("body names a class: " + className.group());
            }
            if (status != 429 && !attack.expect().allowed().test(status)) {
                problems.add("expected " + attack.expect().what());
            }
        }
        boolean refused = status >= 400 || status < 0;
        if (refused && !Arrays.equals(before, after)) {
            problems.add("refused, yet rows changed: " + IntStream.range(0, TABLES.size()).filter(i -> before[i] != after[i])
                    .mapToObj(i -> TABLES.get(i) + " " + before[i] + " -> " + after[i]).collect(Collectors.joining(", ")));
        }
        if (attack.writes()) {
            Long target = target(attack);
            if (refused && target != null) {
                JsonNode now = state(target);
                if (!now.equals(snapshots.get(target))) {
                    problems.add("refused, yet consultation " + target + " changed: " + snapshots.get(target) + " -> " + now);
                }
            } else if (!refused) {
                acceptedChange(target);
            }
        }
        if (FRA.equals(attack.role()) && "GET".equals(attack.method()) && status >= 200 && status < 300
                && attack.path().contains("/replies")) {
            try {
                List<String> states = json.readTree(outcome.body()).findValuesAsText("memberState");
                if (states.stream().anyMatch(s -> !"FRA".equals(s))) {
                    problems.add("France's representative sees another State's reply: " + states);
                }
            } catch (IOException e) {
                problems.add("not JSON");
            }
        }
        if (!problems.isEmpty()) {
            failures.add(describe(attack, outcome) + " => " + String.join("; ", problems));
        }
    }

    /**
     * After an accepted change: let the engine's jobs run (an opened consultation's circular), take a new snapshot of
     * the consultation it changed, and adopt a new B if B was opened.
     */
    private void acceptedChange(Long target) {
        awaitQuietEngine(Duration.ZERO, Duration.ofSeconds(10));
        if (target != null && !"ADOPTED".equals(snapshot(target).path("status").asText()) && target.equals(ids.get("{B}"))) {
            ids.put("{B}", createConsultation());
            snapshot(ids.get("{B}"));
        }
    }

    /** The consultation a changing request aims at (A if it names none of ours), or null for an adoption. */
    private Long target(Attack attack) {
        for (String id : List.of("{A}", "{B}")) {
            String path = "/api/consultations/" + id;
            if (attack.path().equals(path) || attack.path().startsWith(path + "/")) {
                return ids.get(id);
            }
        }
        return attack.path().equals("/api/consultations") ? null : ids.get("{A}");
    }

    private JsonNode snapshot(long id) {
        JsonNode state = state(id);
        snapshots.put(id, state);
        return state;
    }

    /** What a refused request must not change, as an officer reads it. */
    private JsonNode state(long id) {
        Outcome outcome = exchange(HttpRequest.newBuilder(URI.create(root + "/api/consultations/" + id))
                .header("Authorization", basic(OFFICER)).GET().build());
        assertThat(outcome.status()).as(outcome.body()).isEqualTo(200);
        try {
            JsonNode consultation = json.readTree(outcome.body());
            ObjectNode state = json.createObjectNode();
            for (String field : List.of("status", "circularNumber", "deadline", "openedBy", "decidedAt", "replies", "questions")) {
                state.set(field, consultation.has(field) ? consultation.get(field) : NullNode.getInstance());
            }
            return state;
        } catch (IOException e) {
            throw new AssertionError(outcome.body(), e);
        }
    }

    private long[] counts() {
        return TABLES.stream().mapToLong(table -> jdbc.sql("select count(*) from " + table).query(Long.class).single()).toArray();
    }

    /**
     * Composes the acknowledgements due, then waits (at most {@code atMost}) until no job of the engine is due now or
     * within {@code horizon}: the notices of an opened consultation are written by an asynchronous job, and a reply's
     * acknowledgement apart from the reply, neither of which must happen while a refused request is counted.
     */
    private void awaitQuietEngine(Duration horizon, Duration atMost) {
        acknowledgements.composeDue();
        long giveUp = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < giveUp) {
            long due = management.createJobQuery().executable().count()
                    + (horizon.isZero() ? 0 : management.createJobQuery().withRetriesLeft()
                    .duedateLowerThan(Date.from(Instant.now().plus(horizon))).count());
            if (due == 0) {
                return;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // sending

    private record Outcome(int status, String body) {}

    private Outcome send(Attack attack) {
        if (attack.raw() != null) {
            return sendRaw(resolve(attack.raw()).getBytes(ISO_8859_1));
        }
        String path = resolve(attack.path());
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(root + path)).timeout(Duration.ofSeconds(30));
            if (attack.role() != null) {
                builder.header("Authorization", basic(attack.role()));
            }
            if (attack.accept() != null) {
                builder.header("Accept", attack.accept());
            }
            Body body = attack.body();
            if (body == null) {
                builder.method(attack.method(), HttpRequest.BodyPublishers.noBody());
            } else {
                if (body.contentType() != null) {
                    builder.header("Content-Type", body.contentType());
                }
                byte[] bytes = body.bytes();
                builder.method(attack.method(), body.chunked()
                        ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))
                        : HttpRequest.BodyPublishers.ofByteArray(bytes));
            }
            return exchange(builder.build());
        } catch (IllegalArgumentException refusedByTheClient) {
            // a header or a URI java.net.http will not send: sent as written, on a socket
            return sendRaw(rawRequest(attack.method(), path, attack.role(), attack.accept(), attack.body()));
        }
    }

    private Outcome exchange(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Outcome(response.statusCode(), new String(response.body(), UTF_8));
        } catch (IOException e) {
            return new Outcome(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private byte[] rawRequest(String method, String path, String role, String accept, Body body) {
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: close\r\n");
        if (role != null) {
            head.append("Authorization: ").append(basic(role)).append("\r\n");
        }
        if (accept != null) {
            head.append("Accept: ").append(accept).append("\r\n");
        }
        byte[] bytes = body == null ? new byte[0] : body.bytes();
        if (body != null && body.contentType() != null) {
            head.append("Content-Type: ").append(body.contentType()).append("\r\n");
        }
        head.append("Content-Length: ").append(bytes.length).append("\r\n\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.toString().getBytes(UTF_8));
        out.writeBytes(bytes);
        return out.toByteArray();
    }

    private Outcome sendRaw(byte[] request) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            byte[] response = socket.getInputStream().readAllBytes();
            String text = new String(response, ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            if (!text.startsWith("HTTP/1.1 ") || end < 0) {
                return new Outcome(-1, "not an HTTP response: " + text);
            }
            int status = Integer.parseInt(text.substring(9, 12));
            String headers = text.substring(0, end).toLowerCase(Locale.ROOT);
            byte[] body = Arrays.copyOfRange(response, end + 4, response.length);
            if (headers.contains("\r\ntransfer-encoding: chunked")) {
                body = dechunk(body);
            }
            return new Outcome(status, new String(body, UTF_8));
        } catch (IOException | RuntimeException e) {
            return new Outcome(-1, e.toString());
        }
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String text = new String(chunked, ISO_8859_1);
        int at = 0;
        while (at < text.length()) {
            int eol = text.indexOf("\r\n", at);
            if (eol < 0) {
                break;
            }
            int size = Integer.parseInt(text.substring(at, eol).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            out.write(chunked, eol + 2, Math.min(size, chunked.length - eol - 2));
            at = eol + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private String resolve(String text) {
        String resolved = text;
        for (var id : ids.entrySet()) {
            resolved = resolved.replace(id.getKey(), Long.toString(id.getValue()));
        }
        return resolved;
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(UTF_8));
    }

    private String describe(Attack attack, Outcome outcome) {
        String request = attack.raw() != null ? "raw " + show(resolve(attack.raw()), 400)
                : attack.method() + " " + show(resolve(attack.path()), 200)
                + (attack.accept() == null ? "" : " Accept: " + show(attack.accept(), 100))
                + (attack.body() == null ? "" : " Content-Type: " + (attack.body().contentType() == null ? "(none)"
                : "'" + show(attack.body().contentType(), 100) + "'") + (attack.body().chunked() ? " (chunked)" : "")
                + " body: " + show(new String(attack.body().bytes(), UTF_8), 300));
        return "[" + (attack.role() == null ? "anonymous" : attack.role()) + "] " + attack.label() + ": " + request
                + " -> " + outcome.status() + " " + show(outcome.body(), 600);
    }

    /** The text with what cannot be read escaped, cut to {@code max} characters. */
    private static String show(String text, int max) {
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < text.length() && shown.length() < max; i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                shown.append(c).append(text.charAt(++i));
            } else if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || Character.isSurrogate(c) || (c >= 0x200B && c <= 0x200F)
                    || (c >= 0x202A && c <= 0x202E) || c == 0xFEFF || c == 0xFFFD || c >= 0xFFFE) {
                shown.append("\\u%04X".formatted((int) c));
            } else {
                shown.append(c);
            }
        }
        return text.length() > max ? shown + "…(" + text.length() + " chars)" : shown.toString();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // what is sent

    /** What a status must be, 429 aside. */
    private record Expect(String what, IntPredicate allowed) {
        static final Expect ANY = new Expect("any status", s -> true);
        static final Expect REFUSED = new Expect("a 4xx refusal", s -> s >= 400 && s < 500);

        static Expect only(int... statuses) {
            return new Expect("one of " + Arrays.toString(statuses), s -> Arrays.stream(statuses).anyMatch(t -> t == s));
        }
    }

    /** A request body: its content type (null: none sent) and bytes. */
    private record Body(String label, String contentType, byte[] bytes, boolean chunked, Expect expect) {
        Body expect(Expect expect) {
            return new Body(label, contentType, bytes, chunked, expect);
        }

        Body typed(String type) {
            return new Body(label + " as '" + type + "'", type, bytes, chunked, expect);
        }

        Body inChunks() {
            return new Body(label + " chunked", contentType, bytes, true, expect);
        }
    }

    /** One request: {@code raw} (if set) is sent on a socket as written. */
    private record Attack(String role, String method, String path, Body body, String accept, Expect expect, String raw, String label) {
        boolean writes() {
            return !List.of("GET", "HEAD", "OPTIONS").contains(method);
        }

        Attack withExpect(Expect expect) {
            return new Attack(role, method, path, body, accept, expect, raw, label);
        }
    }

    private List<Attack> plan() {
        List<Attack> attacks = new ArrayList<>();
        String adoptPath = "/api/consultations";
        String openPath = "/api/consultations/{B}/open";
        String repliesPath = "/api/consultations/{A}/replies";

        List<Body> adopt = adoptBodies();
        List<Body> open = openBodies();
        List<Body> reply = replyBodies();

        // the officer: everything, each body read by the real validation
        adopt.forEach(b -> attacks.add(post(OFFICER, adoptPath, b, b.expect())));
        open.forEach(b -> attacks.add(post(OFFICER, openPath, b, b.expect())));
        reply.forEach(b -> attacks.add(post(OFFICER, repliesPath, b, b.expect())));
        Body validOpen = json("valid opening", openBody()).expect(Expect.REFUSED);
        Body validReply = json("valid reply", replyBody("CHE"));
        for (String id : sample(BRIEF_IDS, ODD_IDS, 2)) {
            attacks.add(post(OFFICER, "/api/consultations/" + id + "/open", validOpen, Expect.REFUSED));
        }
        for (String id : sample(BRIEF_IDS, ODD_IDS, 2)) {
            attacks.add(post(OFFICER, "/api/consultations/" + id + "/replies", validReply, Expect.REFUSED));
        }
        attacks.add(post(OFFICER, "/api/consultations/{B}/replies", validReply.expect(Expect.only(409)), Expect.only(409)));
        attacks.add(post(OFFICER, "/api/consultations/{A}/open", json("opening an open one", openBody()), Expect.only(409)));
        attacks.add(post(OFFICER, "/api/consultations/{B}", validReply, Expect.REFUSED));
        for (String method : List.of("PUT", "PATCH", "DELETE")) {
            attacks.add(request(OFFICER, method, "/api/consultations/{A}", json("adoption", adopt()), null, Expect.REFUSED));
            attacks.add(request(OFFICER, method, "/api/consultations/{A}/replies/{V_CHE}", json("reply", replyBody("CHE")), null,
                    Expect.REFUSED));
        }
        attacks.add(request(OFFICER, "TRACE", "/api/consultations/{A}", null, null, Expect.REFUSED));
        attacks.add(request(OFFICER, "OPTIONS", "/api/consultations/{A}/replies", null, null, Expect.ANY));
        attacks.add(request(OFFICER, "HEAD", "/api/consultations/{A}", null, null, Expect.ANY));
        attacks.addAll(rawAttacks());
        attacks.addAll(reads(OFFICER, 30));

        // France's representative: its own replies, hostile, and another State's (≤ 25 changing requests)
        attacks.addAll(franceWrites());
        attacks.addAll(reads(FRA, 24));
        attacks.add(get(FRA, "/api/consultations/{A}/replies/{V_CHE}", Expect.only(404)));
        attacks.add(get(FRA, "/api/consultations/{A}/replies/{V_GHA}", Expect.only(404)));
        attacks.add(get(FRA, "/api/consultations/{A}/replies/{V_FRA}", Expect.only(200)));
        attacks.add(get(FRA, "/api/consultations/{B}/replies/{V_FRA}", Expect.only(404)));

        // the study group's reader: may change nothing, may not read replies (≤ 25 changing requests)
        Expect forbidden = Expect.only(400, 403);
        sample(adopt, 6).forEach(b -> attacks.add(post(READER, adoptPath, b, forbidden)));
        sample(open, 5).forEach(b -> attacks.add(post(READER, openPath, b, forbidden)));
        sample(reply, 7).forEach(b -> attacks.add(post(READER, repliesPath, b, forbidden)));
        attacks.add(post(READER, adoptPath, json("valid adoption", adopt()), forbidden));
        attacks.add(post(READER, openPath, json("valid opening", openBody()), forbidden));
        attacks.add(post(READER, repliesPath, json("valid reply", replyBody("CHE")), forbidden));
        attacks.add(post(READER, repliesPath, json("valid reply without State", replyBody(null)), forbidden));
        attacks.addAll(reads(READER, 20));
        attacks.add(get(READER, "/api/consultations/{A}/replies", forbidden));
        attacks.add(get(READER, "/api/consultations/{A}/replies/{V_CHE}", forbidden));

        // anonymous: a login is required for everything (≤ 120 requests a minute from one address)
        Expect login = Expect.only(400, 401);
        sample(adopt, 15).forEach(b -> attacks.add(post(ANONYMOUS, adoptPath, b, login)));
        sample(open, 12).forEach(b -> attacks.add(post(ANONYMOUS, openPath, b, login)));
        sample(reply, 15).forEach(b -> attacks.add(post(ANONYMOUS, repliesPath, b, login)));
        attacks.add(post(ANONYMOUS, repliesPath, json("valid reply", replyBody("CHE")), login));
        attacks.addAll(reads(ANONYMOUS, 25).stream().map(a -> a.withExpect(login)).toList());

        Collections.shuffle(attacks, random);
        return attacks;
    }

    private List<Attack> reads(String role, int n) {
        List<Attack> reads = new ArrayList<>();
        reads.add(get(role, "/api/consultations/{A}", Expect.ANY));
        reads.add(get(role, "/api/consultations/{B}", Expect.ANY));
        reads.add(get(role, "/api/consultations/{A}/replies", Expect.ANY));
        reads.add(get(role, "/api/consultations/{B}/replies", Expect.ANY));
        reads.add(get(role, "/api/consultations/{A}/replies/{V_CHE}", Expect.ANY));
        for (String id : BRIEF_IDS) {
            reads.add(get(role, pick(List.of("/api/consultations/" + id, "/api/consultations/" + id + "/replies",
                    "/api/consultations/{A}/replies/" + id)), Expect.ANY));
        }
        List<String> paths = new ArrayList<>();
        for (String id : concat(ODD_IDS, ODD_READ_IDS)) {
            paths.add("/api/consultations/" + id);
            paths.add("/api/consultations/" + id + "/replies");
            paths.add("/api/consultations/" + id + "/replies/{V_FRA}");
            paths.add("/api/consultations/{A}/replies/" + id);
        }
        for (String query : List.of("?id=%27%20OR%201%3D1%20--", "?%3Cscript%3E", "?a=%00", "?a=" + "b".repeat(5_000), "?positions=1")) {
            paths.add("/api/consultations/{A}" + query);
            paths.add("/api/consultations/{A}/replies" + query);
        }
        for (String path : sample(paths, n - reads.size() - 4)) {
            reads.add(get(role, path, Expect.ANY));
        }
        for (String accept : sample(List.of("text/html", "application/xml", "garbage", "*/*", "application/json;q=0", "text/plain",
                "application/problem+json", "", "application/json, */*;q=0.1", "*/json", "\u0000"), 4)) {
            reads.add(new Attack(role, "GET", pick(List.of("/api/consultations/{A}", "/api/consultations/{A}/replies",
                    "/api/consultations/abc")), null, accept, Expect.ANY, null, "Accept '" + show(accept, 40) + "'"));
        }
        return reads;
    }

    private List<Attack> franceWrites() {
        String path = "/api/consultations/{A}/replies";
        Expect refused = Expect.REFUSED;
        Expect anotherState = Expect.only(403);
        List<Attack> writes = new ArrayList<>();
        for (String state : List.of("GHA", "gha", " GHA ", "CHE")) {
            writes.add(post(FRA, path, json("replying as " + state, replyBody(state)), anotherState));
        }
        for (String state : List.of("\u0000FRA", "FRAX", "FRA\u200B", "\uFF26\uFF32\uFF21")) {
            writes.add(post(FRA, path, json("replying as " + show(state, 20), replyBody(state)), refused));
        }
        for (String state : List.of("fra ", "")) {
            writes.add(post(FRA, path, json("replying as " + show(state, 20), replyBody(state)), Expect.ANY));
        }
        for (Object position : List.of(1, "1", true, List.of("SUPPORTS"))) {
            writes.add(post(FRA, path, json("position " + show(String.valueOf(position), 20),
                    replyBody(null).set("positions", new Obj().put("Q7/17", position))), refused));
        }
        writes.add(post(FRA, path, json("unknown field recordedBy", replyBody(null).put("recordedBy", "officer")), refused));
        writes.add(post(FRA, path, json("memberState twice", new Obj().put("memberState", "FRA").put("memberState", "GHA")
                .put("positions", new Obj().put("Q7/17", "SUPPORTS"))), refused));
        writes.add(post(FRA, path, json("lone surrogate comments", replyBody(null).set("comments", "\uD800")), refused));
        writes.add(post(FRA, path, json("valid reply", replyBody(null)).typed("text/plain"), Expect.only(415)));
        String valid = toJson(replyBody(null));
        writes.add(post(FRA, path, text("truncated", valid.substring(0, valid.length() / 2)), refused));
        writes.add(post(FRA, "/api/consultations", json("valid adoption", adopt()), Expect.only(403)));
        writes.add(post(FRA, "/api/consultations/{B}/open", json("valid opening", openBody()), Expect.only(403)));
        writes.add(post(FRA, "/api/consultations/-1/replies", json("valid reply", replyBody(null)), refused));
        writes.add(post(FRA, path, json("huge comments", replyBody(null).set("comments", "x".repeat(300_000))), Expect.only(413)));
        return writes;
    }

    /** Requests HttpClient will not send as such: written on a socket. */
    private List<Attack> rawAttacks() {
        String auth = "Authorization: " + basic(OFFICER) + "\r\n";
        String reply = toJson(replyBody("CHE"));
        String host = "Host: localhost:{PORT}\r\nConnection: close\r\n";
        List<String[]> raw = List.of(
                new String[] {"space in the path", "GET /api/consultations/1 2 HTTP/1.1\r\n" + host + auth + "\r\n"},
                new String[] {"NUL in the path", "GET /api/consultations/1\u0000 HTTP/1.1\r\n" + host + auth + "\r\n"},
                new String[] {"raw UTF-8 in the path", "GET /api/consultations/\u00C3\u00A9 HTTP/1.1\r\n" + host + auth + "\r\n"},
                new String[] {"bad percent-encoding", "GET /api/consultations/%zz/replies HTTP/1.1\r\n" + host + auth + "\r\n"},
                new String[] {"backslashes", "GET /api/consultations/..\\..\\ HTTP/1.1\r\n" + host + auth + "\r\n"},
                new String[] {"Content-Type twice", "POST /api/consultations/{A}/replies HTTP/1.1\r\n" + host + auth
                        + "Content-Type: text/plain\r\nContent-Type: application/json\r\nContent-Length: " + reply.length() + "\r\n\r\n" + reply},
                new String[] {"NUL in Content-Type", "POST /api/consultations/{A}/replies HTTP/1.1\r\n" + host + auth
                        + "Content-Type: application/json\u0000\r\nContent-Length: " + reply.length() + "\r\n\r\n" + reply},
                new String[] {"Content-Type with a line break", "POST /api/consultations/{A}/replies HTTP/1.1\r\n" + host + auth
                        + "Content-Type: application/\r\n json\r\nContent-Length: " + reply.length() + "\r\n\r\n" + reply},
                new String[] {"bad chunk size", "POST /api/consultations/{A}/replies HTTP/1.1\r\n" + host + auth
                        + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n" + reply + "\r\n0\r\n\r\n"},
                new String[] {"huge chunk size", "POST /api/consultations/{A}/replies HTTP/1.1\r\n" + host + auth
                        + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFF\r\n" + reply + "\r\n0\r\n\r\n"},
                new String[] {"Content-Length and chunked", "POST /api/consultations/{A}/replies HTTP/1.1\r\n" + host + auth
                        + "Content-Type: application/json\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + Integer.toHexString(reply.length() - 2) + "\r\n" + reply.substring(0, reply.length() - 2) + "\r\n0\r\n\r\n"},
                new String[] {"negative Content-Length", "POST /api/consultations/{A}/replies HTTP/1.1\r\n" + host + auth
                        + "Content-Type: application/json\r\nContent-Length: -1\r\n\r\n" + reply},
                new String[] {"Basic login not Base64", "GET /api/consultations/{A} HTTP/1.1\r\n" + host
                        + "Authorization: Basic %%%not-base64\r\n\r\n"});
        return raw.stream().map(r -> new Attack(OFFICER, r[1].startsWith("POST") ? "POST" : "GET", "(raw)", null, null,
                r[1].startsWith("POST") && !r[0].startsWith("Content-Type twice") ? Expect.REFUSED : Expect.ANY,
                r[1].replace("{PORT}", Integer.toString(port)), r[0])).toList();
    }

    // adopting ------------------------------------------------------------------------------------------------------

    private static Obj adopt() {
        List<Object> questions = new ArrayList<>(List.of(question("Q7/17"), question("Q10/17"), question("Q16/17")));
        return new Obj().put("circular", "Member State consultation (fuzz)").put("studyGroup", "SG17").put("adoptedBy", "TSAG")
                .put("meeting", "Geneva, 26-30 January 2026").put("questions", questions);
    }

    private static Obj question(String number) {
        return new Obj().put("number", number).put("title", "Title of " + number).put("kind", "NEW");
    }

    private static Obj adoptWithQuestion(Obj question) {
        return adopt().set("questions", new ArrayList<>(List.of(question("Q7/17"), question)));
    }

    private List<Body> adoptBodies() {
        List<Body> bodies = new ArrayList<>();
        Map<String, Integer> textFields = Map.of("circular", 1000, "studyGroup", 50, "adoptedBy", 100, "meeting", 500);
        for (String field : List.of("circular", "studyGroup", "adoptedBy", "meeting", "questions")) {
            for (Object wrong : sample(concat(WRONG_TYPES, Collections.singletonList(null)), 4)) {
                bodies.add(json("adopt " + field + "=" + show(toJson(wrong), 30), adopt().set(field, wrong)).expect(Expect.REFUSED));
            }
            bodies.add(json("adopt without " + field, adopt().remove(field)).expect(Expect.REFUSED));
        }
        bodies.add(json("adopt studyGroup '\\u3000'", adopt().set("studyGroup", "\u3000")));
        for (var field : new TreeMap<>(textFields).entrySet()) {
            for (String text : sample(NASTY_TEXT, 4)) {
                bodies.add(json("adopt " + field.getKey() + "='" + show(text, 30) + "'", adopt().set(field.getKey(), text))
                        .expect(invalidRequired(text, field.getValue()) ? Expect.REFUSED : Expect.ANY));
            }
        }
        for (String field : List.of("number", "title", "kind")) {
            for (Object wrong : sample(concat(WRONG_TYPES, Collections.singletonList(null)), 3)) {
                Obj question = question("Q1/17").set(field, wrong);
                bodies.add(json("adopt question " + field + "=" + show(toJson(wrong), 30), adoptWithQuestion(question))
                        .expect(Expect.REFUSED));
            }
            bodies.add(json("adopt question without " + field, adoptWithQuestion(question("Q1/17").remove(field)))
                    .expect(Expect.REFUSED));
        }
        for (Object kind : List.of("", "OLD", "0", "1", "\uFF2E\uFF25\uFF37", "REVISED,NEW")) {
            bodies.add(json("adopt kind '" + show(kind.toString(), 20) + "'", adoptWithQuestion(question("Q1/17").set("kind", kind)))
                    .expect(Expect.REFUSED));
        }
        // Jackson reads an enum name with blanks or control characters around it (String.trim) as the name: lenient, not refused
        for (Object kind : List.of("new", "NEW ", " NEW", "NEW\u0000")) {
            bodies.add(json("adopt kind '" + show(kind.toString(), 20) + "'", adoptWithQuestion(question("Q1/17").set("kind", kind))));
        }
        for (String number : sample(List.of("Q7/17\u0000", "Q1/17 ", " Q1/17", "q1/17", "Q1234/17", "Q1/1717", "Q1\u202E/17", "Q\uFF11/17",
                "Q\u0661/17", "Q1/17' OR 1=1 --", "", " ", "Q/17", "Q1/", "Q1/17<script>", "Q7/17"), 6)) {
            bodies.add(json("adopt number '" + show(number, 20) + "'", adoptWithQuestion(question("Q1/17").set("number", number)))
                    .expect(Expect.REFUSED));
        }
        for (String title : sample(NASTY_TEXT, 4)) {
            bodies.add(json("adopt title '" + show(title, 20) + "'", adoptWithQuestion(question("Q1/17").set("title", title)))
                    .expect(invalidRequired(title, 500) ? Expect.REFUSED : Expect.ANY));
        }
        // a Question's text is optional: null or blank is no text; any other type, or a character no one types, is refused
        for (Object wrong : sample(WRONG_TYPES, 3)) {
            bodies.add(json("adopt question text=" + show(toJson(wrong), 30), adoptWithQuestion(question("Q1/17").set("text", wrong)))
                    .expect(Expect.REFUSED));
        }
        for (String text : sample(NASTY_TEXT, 4)) {
            bodies.add(json("adopt text '" + show(text, 20) + "'", adoptWithQuestion(question("Q1/17").set("text", text)))
                    .expect(invalidText(text) ? Expect.REFUSED : Expect.ANY));
        }
        List<Object> many = IntStream.rangeClosed(1, 51).mapToObj(i -> (Object) question("Q" + i + "/17")).toList();
        for (Object questions : List.of(Collections.singletonList(null), List.of(1), List.of("Q7/17"), List.of(List.of()),
                List.of(new Obj()), many, List.of(question("Q7/17"), question("Q7/17")))) {
            bodies.add(json("adopt questions " + show(toJson(questions), 40), adopt().set("questions", questions)).expect(Expect.REFUSED));
        }
        bodies.add(json("adopt question with unknown field", adoptWithQuestion(question("Q1/17").put("status", "APPROVED")))
                .expect(Expect.REFUSED));
        bodies.add(json("adopt question kind twice", adoptWithQuestion(question("Q1/17").put("kind", "REVISED"))).expect(Expect.REFUSED));
        bodies.addAll(structural("adopt", adopt(), adopt()));
        bodies.add(json("adopt huge circular", adopt().set("circular", "x".repeat(300_000))).expect(Expect.only(413)));
        bodies.add(json("adopt huge circular", adopt().set("circular", "x".repeat(300_000))).inChunks().expect(Expect.only(413)));
        bodies.add(json("adopt huge title", adoptWithQuestion(question("Q1/17").set("title", "t".repeat(300_000))))
                .expect(Expect.only(413)));
        bodies.add(json("adopt long circular", adopt().set("circular", "c".repeat(1001))).expect(Expect.REFUSED));
        return bodies;
    }

    // opening ---------------------------------------------------------------------------------------------------------

    private Obj openBody() {
        return new Obj().put("circularNumber", "FZ-" + (++circulars)).put("deadline", Instant.now().plus(Duration.ofDays(10)).toString());
    }

    /**
     * Openings sent to B: all invalid but one (a NUL after a valid deadline, read as the deadline: then B is opened,
     * and a new B adopted for the rest).
     */
    private List<Body> openBodies() {
        List<Body> bodies = new ArrayList<>();
        for (Object wrong : sample(concat(WRONG_TYPES, Collections.singletonList(null)), 6)) {
            bodies.add(json("open circularNumber=" + show(toJson(wrong), 30), openBody().set("circularNumber", wrong)));
        }
        for (Object wrong : sample(concat(WRONG_TYPES, Collections.singletonList(null)), 6)) {
            bodies.add(json("open deadline=" + show(toJson(wrong), 30), openBody().set("deadline", wrong)));
        }
        for (String text : sample(NASTY_TEXT, 8)) {
            Object deadline = pick(BAD_DEADLINES);
            bodies.add(json("open circularNumber='" + show(text, 30) + "' deadline=" + show(toJson(deadline), 40),
                    openBody().set("circularNumber", text).set("deadline", deadline)));
        }
        for (Object deadline : concat(BAD_DEADLINES, List.of(Instant.now().minusSeconds(1).toString(),
                Instant.now().plus(Duration.ofDays(3 * 366)).toString()))) {
            bodies.add(json("open deadline=" + show(toJson(deadline), 40), openBody().set("deadline", deadline)));
        }
        bodies.add(json("open without circularNumber", openBody().remove("circularNumber")));
        bodies.add(json("open without deadline", openBody().remove("deadline")));
        bodies.add(json("open {}", new Obj()));
        bodies.add(json("open with status", openBody().put("status", "OPEN")));
        bodies.add(json("open with openedBy", openBody().put("openedBy", "admin")));
        bodies.add(json("open deadline twice", openBody().put("deadline", Instant.now().plus(Duration.ofDays(20)).toString())));
        bodies.add(json("open circularNumber twice", openBody().put("circularNumber", "FZ-twice")));
        bodies.add(json("open circularNumber of 51", openBody().set("circularNumber", "5".repeat(51))));
        List<Body> refused = new ArrayList<>(bodies.stream().map(b -> b.expect(Expect.REFUSED)).toList());
        // Jackson's Instant reader trims the text (String.trim drops control characters too): this one opens B
        refused.add(json("open deadline with a NUL after it", openBody().set("deadline",
                Instant.now().plus(Duration.ofDays(12)).toString() + "\u0000")));
        // the well-formed bodies here have a past deadline, so that none opens B
        refused.addAll(structural("open", openBody(), openBody().set("deadline", "2020-01-01T00:00:00Z")));
        refused.add(json("open huge circularNumber", openBody().set("circularNumber", "1".repeat(300_000))).expect(Expect.only(413)));
        return refused;
    }

    // replying ---------------------------------------------------------------------------------------------------------

    private static Obj replyBody(String memberState) {
        Obj reply = new Obj();
        if (memberState != null) {
            reply.put("memberState", memberState);
        }
        return reply.put("positions", new Obj().put("Q7/17", "SUPPORTS").put("Q16/17", "DOES_NOT_SUPPORT"))
                .put("comments", "Fuzz comments").put("reasons", "Fuzz reasons");
    }

    private List<Body> replyBodies() {
        List<Body> bodies = new ArrayList<>();
        for (String state : sample(List.of("\u0000FRA", "fra ", "FRAX", "", "' OR 1=1 --", "<script>alert(1)</script>"),
                MEMBER_STATES, 12)) {
            boolean valid = !invalidText(state) && memberStates.find(state.trim()).isPresent();
            bodies.add(json("reply as '" + show(state, 20) + "'", replyBody(state)).expect(valid ? Expect.ANY : Expect.REFUSED));
        }
        for (Object wrong : sample(concat(WRONG_TYPES, Collections.singletonList(null)), 8)) {
            bodies.add(json("reply memberState=" + show(toJson(wrong), 30), replyBody("CHE").set("memberState", wrong))
                    .expect(Expect.REFUSED));
        }
        for (Object position : List.of(1, "1", "0", 0, -1, 1.5, true, false, List.of("SUPPORTS"), new Obj().put("a", 1),
                new Raw("1e309"), "MAYBE", "\uFF33UPPORTS", "DOES_NOT_SUPPORT\u202E", "<script>alert(1)</script>", "' OR 1=1 --",
                "DOES NOT SUPPORT", "ABSTAINS", "${jndi:ldap://x}")) {
            bodies.add(json("reply position " + show(toJson(position), 30),
                    replyBody("CHE").set("positions", new Obj().put("Q7/17", position))).expect(Expect.REFUSED));
        }
        // no box ticked, lower case, and (Jackson trims enum names) blanks or a control character around the name
        for (Object position : Arrays.asList("", null, "supports", "SUPPORTS ", " SUPPORTS", "SUPPORTS\u0000")) {
            bodies.add(json("reply position " + show(toJson(position), 30), replyBody("CHE").set("positions", new Obj().put("Q7/17", position))));
        }
        for (String question : sample(List.of("Q9/17", "", " ", "\u0000", "Q7/17\u0000", "q7/17", " Q7/17", "Q7/17 ", "Q07/17", "<script>",
                "' OR 1=1 --", "\uD800", "k".repeat(1000), "${jndi:ldap://x}", "Q7/17\u202E", "Q7/17,Q10/17"), 6)) {
            bodies.add(json("reply position for '" + show(question, 20) + "'",
                    replyBody("CHE").set("positions", new Obj().put(question, "SUPPORTS"))).expect(Expect.REFUSED));
        }
        Obj thousand = new Obj();
        IntStream.range(0, 1000).forEach(i -> thousand.put("Q" + i + "/99", "SUPPORTS"));
        for (Object positions : List.of(List.of(), List.of("Q7/17"), "SUPPORTS", 1, true, thousand,
                new Obj().put("Q7/17", new Obj().put("Q7/17", "SUPPORTS")), new Obj().put("Q7/17", "SUPPORTS").put("Q7/17", "SUPPORTS"))) {
            bodies.add(json("reply positions=" + show(toJson(positions), 40), replyBody("CHE").set("positions", positions))
                    .expect(Expect.REFUSED));
        }
        for (String field : List.of("comments", "reasons")) {
            for (Object wrong : sample(WRONG_TYPES, 4)) {
                bodies.add(json("reply " + field + "=" + show(toJson(wrong), 30), replyBody("CHE").set(field, wrong)).expect(Expect.REFUSED));
            }
            for (String text : sample(List.of("\u0000", "\uD800", "\u202Eevil", "\u200D", "\uD83D\uDC4D\uD83C\uDFFD",
                    "' OR 1=1 --", "<script>alert(1)</script>", "${jndi:ldap://x}"), NASTY_TEXT, 2)) {
                String comments = text + " " + field + " " + random.nextInt(1_000_000); // a new version when accepted
                bodies.add(json("reply " + field + "='" + show(text, 30) + "'", replyBody("CHE").set(field, comments))
                        .expect(invalidText(comments) ? Expect.REFUSED : Expect.ANY));
            }
            bodies.add(json("reply " + field + " of 20001", replyBody("CHE").set(field, "y".repeat(20_001))).expect(Expect.REFUSED));
            bodies.add(json("reply huge " + field, replyBody("CHE").set(field, "y".repeat(300_000))).expect(Expect.only(413)));
        }
        bodies.add(json("reply huge comments", replyBody("CHE").set("comments", "z".repeat(300_000))).inChunks().expect(Expect.only(413)));
        String padded = toJson(replyBody("CHE"));
        bodies.add(text("reply padded past the limit", padded + " ".repeat(262_145 - padded.length())).expect(Expect.only(413)));
        for (String field : sample(List.of("receivedAt", "channel", "recordedBy", "late", "id", "version", "memberstate", "Positions",
                "attachment", "contentHash", "__proto__", "@class"), 6)) {
            bodies.add(json("reply with " + field, replyBody("CHE").put(field, "x")).expect(Expect.REFUSED));
        }
        bodies.add(json("reply memberState twice", replyBody("CHE").put("memberState", "FRA")).expect(Expect.REFUSED));
        bodies.add(json("reply positions twice", replyBody("CHE").put("positions", new Obj())).expect(Expect.REFUSED));
        bodies.add(json("reply comments twice", replyBody("CHE").put("comments", "again")).expect(Expect.REFUSED));
        for (byte[] bad : List.of(new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                new byte[] {(byte) 0xE2, (byte) 0x82}, new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80})) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes("{\"memberState\": \"CHE\", \"comments\": \"bad ".getBytes(UTF_8));
            body.writeBytes(bad);
            body.writeBytes(" UTF-8\"}".getBytes(UTF_8));
            bodies.add(bytes("reply comments with invalid UTF-8 " + hex(bad), "application/json", body.toByteArray()).expect(Expect.REFUSED));
        }
        // an overlong encoding of '/' (C0 AF): Jackson decodes it as '/' and the reply is stored with it
        bodies.add(bytes("reply comments with overlong UTF-8 C0AF", "application/json",
                "{\"memberState\": \"CHE\", \"comments\": \"overlong \u00C0\u00AF\"}".getBytes(ISO_8859_1)));
        bodies.add(json("reply deeply nested positions", replyBody("CHE").set("positions",
                new Raw("{\"Q7/17\":".repeat(5_000) + "\"SUPPORTS\"" + "}".repeat(5_000)))).expect(Expect.REFUSED));
        bodies.add(json("reply deeply nested comments", replyBody("CHE").set("comments", new Raw("[".repeat(10_000) + "]".repeat(10_000))))
                .expect(Expect.REFUSED));
        bodies.addAll(structural("reply", replyBody("CHE"), replyBody("CHE")));
        return bodies;
    }

    // any body ---------------------------------------------------------------------------------------------------------

    /**
     * Broken, non-JSON and oddly typed versions of a body, a sample of each kind: {@code valid} is broken; {@code sound}
     * (well-formed, valid or not) is sent with content types that are not JSON, and in other encodings.
     */
    private List<Body> structural(String what, Obj valid, Obj sound) {
        List<Body> bodies = new ArrayList<>();
        String text = toJson(valid);
        String well = toJson(sound);
        Expect refused = Expect.REFUSED;
        for (int i = 0; i < 3; i++) {
            int cut = 1 + random.nextInt(text.length() - 1);
            bodies.add(text(what + " truncated at " + cut, text.substring(0, cut)).expect(refused));
        }
        for (String suffix : sample(List.of(" x", "{}", "]", ",", "\u0000"), 2)) {
            bodies.add(text(what + " followed by '" + show(suffix, 5) + "'", text + suffix).expect(refused));
        }
        List<Body> odd = List.of(
                text(what + " with a comment", "/* c */ " + text).expect(refused),
                text(what + " in single quotes", text.replace('"', '\'')).expect(refused),
                text(what + " unquoted names", text.replaceAll("\"(\\w+)\":", "$1:")).expect(refused),
                text(what + " with NaN", text.replaceFirst(":\\s*\"[^\"]*\"", ": NaN")).expect(refused),
                text(what + " with an unknown field", text.replaceFirst("\\{", "{\"unknownField\": 1, ")).expect(refused),
                text(what + " with a huge unknown field name", text.replaceFirst("\\{", "{\"" + "u".repeat(60_000) + "\": 1, "))
                        .expect(refused),
                text(what + " as an array", "[" + text + "]").expect(refused),
                text(what + " with a BOM", "\uFEFF" + well),
                bytes(what + " in UTF-16", "application/json", well.getBytes(Charset.forName("UTF-16BE"))),
                bytes(what + " in UTF-32", "application/json", well.getBytes(Charset.forName("UTF-32LE"))));
        bodies.addAll(sample(odd, 5));
        for (String body : sample(List.of("", "circular=x&studyGroup=SG17"), List.of(" ", "null", "true", "1", "\"x\"", "[]", "{}", "[null]", "{\"\": null}", "{", "}", "[",
                "\"", "circular=x&studyGroup=SG17", "<consultation/>", "\u0000", "\u0000\u0000\u0000{", "{'a': 1}", "NaN", "-", "1e309",
                "9".repeat(5_000), "{\"a\":}", "{\"a\" 1}", "{,}"), 4)) {
            bodies.add(text(what + " body '" + show(body, 20) + "'", body).expect(refused));
        }
        byte[] noise = new byte[1 + random.nextInt(200)];
        random.nextBytes(noise);
        bodies.add(bytes(what + " random bytes " + hex(Arrays.copyOf(noise, Math.min(8, noise.length))), "application/json", noise)
                .expect(refused));
        List<Body> deep = List.of(
                text(what + " 10000 [", "[".repeat(10_000) + "]".repeat(10_000)).expect(refused),
                text(what + " 10000 [ unclosed", "[".repeat(10_000)).expect(refused),
                text(what + " 10000 {", "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000)).expect(refused),
                text(what + " 10000 [ in a field", text.replaceFirst("\\{", "{\"deep\": " + "[".repeat(10_000) + "]".repeat(10_000) + ", "))
                        .expect(refused));
        bodies.addAll(sample(deep.subList(0, 1), deep, 1));
        for (String type : sample(List.of("text/plain", "application/*", "*/*", "multipart/form-data; boundary=fuzz",
                "application/x-www-form-urlencoded", "garbage"), NOT_JSON, 2)) {
            bodies.add(text(what + " (well-formed)", well).typed(type).expect(Expect.only(415)));
        }
        bodies.add(new Body(what + " (well-formed) without Content-Type", null, well.getBytes(UTF_8), false, Expect.only(415)));
        for (String type : sample(ODD_JSON, 2)) {
            bodies.add(text(what + " (well-formed)", well).typed(type));
        }
        bodies.add(pick(List.of(
                text(what + " (well-formed) form-encoded", "a=" + well).typed("application/x-www-form-urlencoded").expect(Expect.only(415)),
                text(what + " (well-formed) multipart", "--fuzz\r\nContent-Disposition: form-data; name=\"body\"\r\n"
                        + "Content-Type: application/json\r\n\r\n" + well + "\r\n--fuzz--\r\n").typed("multipart/form-data; boundary=fuzz")
                        .expect(Expect.only(415)))));
        return bodies;
    }

    private Body json(String label, Object value) {
        return new Body(label, "application/json", toJson(value).getBytes(UTF_8), false, Expect.ANY);
    }

    private Body text(String label, String text) {
        return bytes(label, "application/json", text.getBytes(UTF_8));
    }

    private Body bytes(String label, String contentType, byte[] bytes) {
        return new Body(label, contentType, bytes, false, Expect.ANY);
    }

    private Attack post(String role, String path, Body body, Expect expect) {
        return request(role, "POST", path, body, null, expect);
    }

    private Attack get(String role, String path, Expect expect) {
        return request(role, "GET", path, null, null, expect);
    }

    private Attack request(String role, String method, String path, Body body, String accept, Expect expect) {
        return new Attack(role, method, path, body, accept, expect, null, body == null ? method + " " + show(path, 60) : body.label());
    }

    /** Control characters other than line breaks and tabs, or a broken UTF-16 surrogate: never accepted in any text. */
    private static boolean invalidText(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c) || (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
                return true;
            }
        }
        return false;
    }

    private static boolean invalidRequired(String text, int max) {
        // blank as Bean Validation's @NotBlank sees it (String.trim): "\u3000" is not, and is accepted
        return text.trim().isEmpty() || invalidText(text) || text.length() > max;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** All of {@code always}, and {@code n} more of {@code values}. */
    private <T> List<T> sample(List<T> always, List<T> values, int n) {
        List<T> rest = new ArrayList<>(values);
        rest.removeAll(always);
        return concat(always, sample(rest, n));
    }

    private <T> List<T> sample(List<T> values, int n) {
        List<T> copy = new ArrayList<>(values);
        Collections.shuffle(copy, random);
        return copy.subList(0, Math.min(n, copy.size()));
    }

    private static <T> List<T> concat(List<? extends T> a, List<? extends T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String hex(byte[] bytes) {
        StringBuilder hex = new StringBuilder();
        for (byte b : bytes) {
            hex.append("%02X".formatted(b & 0xFF));
        }
        return hex.toString();
    }

    // a small JSON writer: keeps duplicate keys, writes raw numbers, escapes broken surrogates ------------------------

    /** JSON text written as is (numbers Java cannot hold, nesting, …). */
    private record Raw(String json) {}

    /** A JSON object keeping its fields in order; a key may be repeated. */
    private static final class Obj {
        private final List<Map.Entry<String, Object>> fields = new ArrayList<>();

        Obj put(String key, Object value) {
            fields.add(new AbstractMap.SimpleEntry<>(key, value));
            return this;
        }

        Obj set(String key, Object value) {
            for (var field : fields) {
                if (field.getKey().equals(key)) {
                    field.setValue(value);
                    return this;
                }
            }
            return put(key, value);
        }

        Obj remove(String key) {
            fields.removeIf(f -> f.getKey().equals(key));
            return this;
        }
    }

    private static String toJson(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value);
        return out.toString();
    }

    private static void write(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Raw raw) {
            out.append(raw.json());
        } else if (value instanceof String text) {
            quote(out, text);
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Obj obj) {
            out.append('{');
            for (int i = 0; i < obj.fields.size(); i++) {
                out.append(i == 0 ? "" : ", ");
                quote(out, obj.fields.get(i).getKey());
                out.append(": ");
                write(out, obj.fields.get(i).getValue());
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ", ");
                write(out, list.get(i));
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException(value.getClass().getName());
        }
    }

    /** Control characters and broken surrogates as \\u escapes (so the JSON is well-formed and carries them); the rest as is. */
    private static void quote(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                out.append(c).append(text.charAt(++i));
            } else if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                out.append("\\u%04X".formatted((int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

}
