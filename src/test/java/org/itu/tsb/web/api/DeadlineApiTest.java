package org.itu.tsb.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.itu.tsb.TestAccounts;
import org.itu.tsb.consultation.ConsultationHistory;
import org.itu.tsb.tally.TallyService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/** {@code PUT /api/consultations/{id}/deadline}: who may, when, and a refused change changes nothing. */
class DeadlineApiTest extends ApiTestSupport {

    @Autowired TallyService tallies;
    @Autowired ConsultationHistory history;

    /** One open consultation (each opening records 203 notices): refused as every role and input may be, then changed. */
    @Test
    void refusedChangesChangeNothingThenAnOfficerExtendsTheDeadline() {
        long id = opened();
        Instant before = deadlineOf(id);
        Instant extended = before.plus(Duration.ofDays(14));

        for (String user : new String[] {TestAccounts.FRA, TestAccounts.READER, TestAccounts.ADMIN}) {
            http = as(user);
            assertThat(changeDeadline(id, extended, "Not mine to change.").status()).as(user).isEqualTo(403);
        }
        http = as(null);
        assertThat(changeDeadline(id, extended, "Anonymous.").status()).isEqualTo(401);
        http = as(TestAccounts.OFFICER);

        assertRefused(id, changeDeadline(id, Instant.now().minus(Duration.ofDays(1)), "Typo."), 400, "not in the future");
        assertRefused(id, changeDeadline(id, Instant.now().plus(Duration.ofDays(800)), "Typo."), 400, "days ahead");
        assertRefused(id, changeDeadline(id, before, "Nothing new."), 400, "already");
        assertRefused(id, put(id, "{\"reason\": \"No date.\"}"), 400, "deadline is required");
        assertRefused(id, changeDeadline(id, extended, " \t "), 400, "reason: is required");
        assertRefused(id, put(id, "{\"deadline\": \"" + extended + "\"}"), 400, "reason: is required");
        assertRefused(id, changeDeadline(id, extended, "x".repeat(2001)), 400, "at most 2000");
        assertThat(deadlineOf(id)).isEqualTo(before);

        Response changed = changeDeadline(id, extended, "Several administrations asked for more time.");

        assertThat(changed.status()).isEqualTo(200);
        assertThat(Instant.parse(changed.body().get("deadline").asText())).isEqualTo(extended);
        assertThat(changed.body().get("status").asText()).isEqualTo("OPEN");
        assertThat(deadlineOf(id)).isEqualTo(extended);
        assertThat(get("/api/consultations/" + id + "/notices?kind=DEADLINE_CHANGED").body()).isNotEmpty()
                .filteredOn(n -> n.get("language").asText().equals("en"))
                .allSatisfy(n -> assertThat(n.get("subject").asText()).contains("the deadline for replies is now")
                        .contains("23:59 hours UTC on"));
        assertThat(history.of(id)).filteredOn(e -> e.kind() == ConsultationHistory.Kind.DEADLINE_CHANGED).singleElement()
                .satisfies(e -> {
                    assertThat(e.by()).isEqualTo(TestAccounts.OFFICER);
                    assertThat(e.reason()).isEqualTo("Several administrations asked for more time.");
                    assertThat(e.deadline()).isEqualTo(extended);
                });
        assertThat(changeDeadline(id, extended.plus(Duration.ofDays(1)), "x".repeat(2000)).status()).as("the longest reason")
                .isEqualTo(200);
    }

    @Test
    void onlyTheDeadlineOfAnOpenConsultationCanBeChanged() {
        long adopted = createConsultation();
        Response refused = changeDeadline(adopted, Instant.now().plus(Duration.ofDays(30)), "Too early.");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("detail").asText()).contains("ADOPTED").contains("only the deadline of an open consultation");

        long tallied = opened();
        Instant deadline = deadlineOf(tallied);
        tallies.tally(tallied);
        assertRefused(tallied, changeDeadline(tallied, deadline.plus(Duration.ofDays(7)), "Too late."), 409, "TALLIED");
        assertThat(deadlineOf(tallied)).isEqualTo(deadline);

        tallies.announce(tallied, "officer");
        assertRefused(tallied, changeDeadline(tallied, deadline.plus(Duration.ofDays(7)), "Far too late."), 409, "DECIDED");

        assertThat(changeDeadline(999_999, Instant.now().plus(Duration.ofDays(7)), "Unknown.").status()).isEqualTo(404);
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private long opened() {
        long id = createConsultation();
        Instant deadline = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.DAYS).minusMillis(1);
        assertThat(open(id, deadline).status()).isEqualTo(200);
        return id;
    }

    private Instant deadlineOf(long id) {
        return Instant.parse(get("/api/consultations/" + id).body().get("deadline").asText());
    }

    private Response changeDeadline(long id, Instant deadline, String reason) {
        return put(id, json.createObjectNode().put("deadline", deadline.toString()).put("reason", reason).toString());
    }

    private Response put(long id, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return exchange(HttpMethod.PUT, "/api/consultations/" + id + "/deadline", new HttpEntity<>(body, headers));
    }

    /** The refusal's status and the words of its detail; no change kept, no notice recorded. */
    private void assertRefused(long id, Response response, int status, String detail) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.headers().getContentType()).hasToString("application/problem+json");
        assertThat(response.body().get("detail").asText()).contains(detail);
        assertThat(history.of(id)).noneMatch(e -> e.kind() == ConsultationHistory.Kind.DEADLINE_CHANGED);
        assertThat(get("/api/consultations/" + id + "/notices?kind=DEADLINE_CHANGED").body()).isEmpty();
    }
}
