package org.itu.tsb.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.itu.tsb.TestAccounts;
import org.itu.tsb.notice.Notice;
import org.itu.tsb.notice.NoticeKind;
import org.itu.tsb.notice.NoticeOutbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The outbox through the API: officers list and filter the notices, read one as sent, and re-send a failed one. */
class NoticeApiTest extends ApiTestSupport {

    @Autowired NoticeOutbox outbox;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void anOfficerFindsAFailedNoticeAndSendsItAgain() {
        // the notices earlier tests of this context left waiting (an outage) would go out first
        org.itu.tsb.notice.TestOutbox.parkTheNoticesOfEarlierTests(jdbc);
        long id = createConsultation();
        NoticeOutbox.Entry failed = outbox.record(new Notice(id, NoticeKind.TO_STUDY_GROUP, "", "tsbsg17@studygroups.example",
                "en", "Q7/17 not approved, referred back to SG17: TSB Circular 9", "body", "<p>body</p>"), Instant.now());
        outbox.claim(List.of(failed.id()), Instant.now());
        outbox.markFailed(List.of(failed.id()), "550 mailbox unavailable");

        Response list = get("/api/consultations/" + id + "/notices?status=FAILED");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).hasSize(1);
        assertThat(list.body().get(0).get("lastError").asText()).isEqualTo("550 mailbox unavailable");
        assertThat(get("/api/consultations/" + id + "/notices?kind=CIRCULAR&status=FAILED").body()).isEmpty();
        assertThat(get("/api/consultations/" + id + "/notices/" + failed.id()).body().get("subject").asText())
                .isEqualTo("Q7/17 not approved, referred back to SG17: TSB Circular 9");

        // as the README's curl does it: a POST with no body, so no Content-Type either
        Response resent = exchange(org.springframework.http.HttpMethod.POST, "/api/consultations/" + id + "/notices/" + failed.id()
                + "/resend", org.springframework.http.HttpEntity.EMPTY);
        assertThat(resent.status()).isEqualTo(200);
        assertThat(resent.body().get("status").asText()).isIn("PENDING", "SENDING", "SENT");
        await().atMost(Duration.ofSeconds(10)).until(() -> outbox.find(failed.id()).orElseThrow().status() == NoticeOutbox.Status.SENT);
        assertThat(receivedFor(id)).anySatisfy(m -> assertThat(m.getSubject()).isEqualTo(
                "Q7/17 not approved, referred back to SG17: TSB Circular 9"));

        assertThat(post("/api/consultations/" + id + "/notices/" + failed.id() + "/resend", "{}").status())
                .as("only a failed notice is sent again").isEqualTo(409);
    }

    @Test
    void theOutboxIsTsbsAndItsFiltersAreChecked() {
        long id = createConsultation();
        assertThat(get("/api/consultations/" + id + "/notices?status=LOST").status()).isEqualTo(400);
        assertThat(get("/api/consultations/987654/notices").status()).isEqualTo(404);
        assertThat(get("/api/consultations/" + id + "/notices/987654").status()).isEqualTo(404);
        assertThat(post("/api/consultations/" + id + "/notices/987654/resend", "{}").status()).isEqualTo(404);

        http = as(TestAccounts.FRA);
        assertThat(get("/api/consultations/" + id + "/notices").status()).isEqualTo(403);
        http = as(TestAccounts.READER);
        assertThat(get("/api/consultations/" + id + "/notices").status()).isEqualTo(403);
    }
}
