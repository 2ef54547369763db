package org.itu.tsb.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The replies API as an integration uses it: revisions, identical resubmission, the history and the progress. */
class ReplyApiTest extends ApiTestSupport {

    @Test
    void revisionsAreVersionsAndAnIdenticalResubmissionIsNot() {
        long id = createConsultation();
        open(id, Instant.now().plusSeconds(3600));

        Response first = reply(id, "CHE", "{\"Q7/17\": \"SUPPORTS\"}");
        Response again = reply(id, "che", "{\"Q7/17\": \"SUPPORTS\"}");
        Response revised = reply(id, "CHE", "{\"Q7/17\": \"DOES_NOT_SUPPORT\"}");
        reply(id, "FRA", "{}");

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.body().get("version").asInt()).isEqualTo(1);
        assertThat(again.status()).as("identical content: nothing new stored").isEqualTo(200);
        assertThat(again.body().get("id").asLong()).isEqualTo(first.body().get("id").asLong());
        assertThat(revised.status()).isEqualTo(201);
        assertThat(revised.body().get("version").asInt()).isEqualTo(2);

        JsonNode replies = get("/api/consultations/" + id + "/replies").body();
        assertThat(replies).hasSize(2);
        JsonNode che = replies.get(0);
        assertThat(che.get("memberState").asText()).isEqualTo("CHE");
        assertThat(che.get("name").asText()).isEqualTo("Switzerland");
        assertThat(che.get("current").get("id").asLong()).isEqualTo(revised.body().get("id").asLong());
        assertThat(che.get("current").get("positions").get("Q7/17").asText()).isEqualTo("DOES_NOT_SUPPORT");
        assertThat(che.get("versions")).hasSize(2);
        assertThat(che.get("versions").get(0).get("channel").asText()).isEqualTo("API");
        assertThat(che.get("versions").get(0).get("contentHash").asText()).hasSize(64);
        assertThat(che.get("counted").asBoolean()).isTrue();

        JsonNode progress = get("/api/consultations/" + id).body().get("replies");
        assertThat(progress.get("replied").asInt()).isEqualTo(2);
        assertThat(progress.get("counted").asInt()).isEqualTo(2);
        assertThat(progress.get("lateOnly").asInt()).isZero();
        assertThat(progress.get("memberStates").asInt()).isEqualTo(194);

        long versionId = first.body().get("id").asLong();
        assertThat(get("/api/consultations/" + id + "/replies/" + versionId).body().get("version").asInt()).isEqualTo(1);
        assertThat(http.getForEntity("/api/consultations/" + id + "/replies/" + versionId + "/attachment", String.class)
                .getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void anOfficerSaysHowAndWhenAReplyReachedTsbAndARepresentativeCannot() {
        long id = createConsultation();
        open(id, Instant.now().plusSeconds(3600));
        Instant faxedAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS); // after the opening, not in the future

        Response fax = post("/api/consultations/" + id + "/replies", """
                {"memberState": "CHE", "positions": {"Q7/17": "SUPPORTS"}, "channel": "FAX", "receivedAt": "%s"}""".formatted(faxedAt));
        assertThat(fax.status()).isEqualTo(201);
        assertThat(Instant.parse(fax.body().get("receivedAt").asText())).isEqualTo(faxedAt);
        JsonNode stored = get("/api/consultations/" + id + "/replies/" + fax.body().get("id").asLong()).body();
        assertThat(stored.get("channel").asText()).isEqualTo("FAX");
        assertThat(stored.get("recordedBy").asText()).isEqualTo("officer");

        Response future = post("/api/consultations/" + id + "/replies", """
                {"memberState": "GHA", "positions": {}, "channel": "LETTER", "receivedAt": "%s"}""".formatted(Instant.now().plusSeconds(3600)));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.body().get("detail").asText()).contains("receivedAt").contains("is in the future");
        Response online = post("/api/consultations/" + id + "/replies", """
                {"memberState": "GHA", "positions": {}, "channel": "ONLINE", "receivedAt": "%s"}""".formatted(faxedAt));
        assertThat(online.status()).isEqualTo(400);
        assertThat(online.body().get("detail").asText()).contains("channel").contains("EMAIL, FAX or LETTER");
        Response noChannel = post("/api/consultations/" + id + "/replies", """
                {"memberState": "GHA", "positions": {}, "receivedAt": "%s"}""".formatted(faxedAt));
        assertThat(noChannel.status()).isEqualTo(400);

        http = as(org.itu.tsb.TestAccounts.FRA);
        for (String extra : List.of("\"channel\": \"LETTER\"", "\"receivedAt\": \"" + faxedAt + "\"")) {
            Response representative = post("/api/consultations/" + id + "/replies", "{\"positions\": {}, " + extra + "}");
            assertThat(representative.status()).as(extra).isEqualTo(403);
            assertThat(representative.body().get("detail").asText()).contains("only TSB records how and when a reply reached it");
        }
        http = as(org.itu.tsb.TestAccounts.OFFICER);
        JsonNode replies = get("/api/consultations/" + id + "/replies").body();
        assertThat(replies).as("nothing refused was stored").hasSize(1);
        assertThat(replies.get(0).get("versions")).hasSize(1);
    }
}
