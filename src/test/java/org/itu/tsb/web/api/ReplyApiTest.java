package org.itu.tsb.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
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
}
