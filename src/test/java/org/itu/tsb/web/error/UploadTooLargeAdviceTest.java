package org.itu.tsb.web.error;

import org.itu.tsb.ApplicationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.itu.tsb.Sg17;
import org.itu.tsb.TestAccounts;
import org.springframework.context.ApplicationContext;
import org.springframework.web.util.HtmlUtils;
import org.itu.tsb.web.page.PageText;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.itu.tsb.TestClock;
import org.itu.tsb.consultation.Consultation;
import org.itu.tsb.consultation.ConsultationService;
import org.itu.tsb.consultation.NewConsultation;
import org.itu.tsb.consultation.Question;
import org.itu.tsb.consultation.QuestionKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * An upload over the multipart limits is refused by the server before any controller runs (MockMvc does not apply
 * those limits, hence real HTTP here): the officer gets a page that says so, not a white-label error. The client
 * reads the answer while it is still sending, as browsers do: over max-request-size, Tomcat answers at once.
 */
@ApplicationTest
class UploadTooLargeAdviceTest {

    @LocalServerPort int port;
    @Autowired ConsultationService consultations;
    @Autowired TestClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationContext context;

    @Test
    void aScanOverTheLimitGetsAClearPageAndNothingIsStored() throws Exception {
        clock.set(Instant.parse("2026-02-02T09:00:00Z"));
        Consultation c = consultations.adopt(Sg17.adopted(Sg17.Q7), "officer");
        consultations.open(c.id(), "901", Instant.parse("2026-04-03T23:59:59.999Z"), "officer");
        clock.set(Instant.parse("2026-02-10T08:30:00Z"));

        TestAccounts.ensure(context);
        String session = logIn(TestAccounts.OFFICER);
        String form = page("/officer/consultations/" + c.id() + "/replies/new", session);
        Matcher action = Pattern.compile("action=\"([^\"]*_csrf=[^\"]*)\"").matcher(form);
        assertThat(action.find()).as("the form's address carries its CSRF token").isTrue();
        String path = HtmlUtils.htmlUnescape(action.group(1));

        for (int megabytes : new int[] {10, 12}) { // over max-file-size (10 MB); over max-request-size (11 MB) too
            String response = postForm(path, session, megabytes * 1024 * 1024 + 1);

            assertThat(response).startsWith("HTTP/1.1 413").containsIgnoringCase("Content-Type: text/html");
            assertThat(PageText.text(response.substring(response.indexOf("\r\n\r\n"))))
                    .contains("The file is too large")
                    .contains("The scanned reply form may be at most 10 MB. Nothing was recorded.")
                    .contains("Back to the form")
                    .doesNotContain("Whitelabel");
        }
        assertThat(jdbc.sql("select count(*) from reply_version where consultation_id = :id").param("id", c.id())
                .query(Long.class).single()).isZero();
    }

    /** Logs in through the login page, as a browser does; returns the session cookie. */
    private String logIn(String user) throws Exception {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login.body());
        assertThat(token.find()).isTrue();
        HttpResponse<String> loggedIn = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user + "&_csrf=" + token.group(1)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        assertThat(loggedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        return loggedIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    }

    private String page(String path, String session) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Cookie", session).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Sends the form with a scan of {@code scanBytes} bytes and returns the raw response, headers included. */
    private String postForm(String path, String session, int scanBytes) throws Exception {
        String boundary = "----pages" + System.nanoTime();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        for (String[] field : new String[][] {{"memberState", "CHE"}, {"receivedAt", "2026-02-09T10:15"}, {"channel", "FAX"},
                {"positions.Q7/17", "SUPPORTS"}}) {
            head.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n"
                    + field[1] + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        head.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"attachment\"; filename=\"scan.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.4\n").getBytes(StandardCharsets.UTF_8));
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        long length = head.size() + (scanBytes - 9L) + tail.length;

        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nAccept: text/html\r\nConnection: close\r\nCookie: " + session + "\r\n"
                    + "Content-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: " + length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            Thread sender = new Thread(() -> {
                try {
                    out.write(head.toByteArray());
                    byte[] chunk = new byte[64 * 1024];
                    for (long left = scanBytes - 9L; left > 0; left -= chunk.length) {
                        out.write(chunk, 0, (int) Math.min(chunk.length, left));
                    }
                    out.write(tail);
                    out.flush();
                } catch (IOException e) {
                    // the server answered and stopped reading: expected over max-request-size
                }
            });
            sender.start();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            try {
                in.transferTo(response);
            } catch (IOException e) {
                // reset after the answer was read
            }
            sender.join(30_000);
            return response.toString(StandardCharsets.UTF_8);
        }
    }
}
