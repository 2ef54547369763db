package org.itu.tsb.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.itu.tsb.TestAccounts;
import org.itu.tsb.web.api.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/**
 * What an operator and a load balancer see under {@code /actuator}: health with the engine, the database and the mail
 * server (the mail server not in readiness), and the metrics the README's "Operations" names.
 */
class OperationsTest extends ApiTestSupport {

    private JsonNode asAdmin(String path) throws Exception {
        ResponseEntity<String> response = as(TestAccounts.ADMIN).getForEntity(path, String.class);
        assertThat(response.getStatusCode().value()).as(path).isEqualTo(200);
        return json.readTree(response.getBody());
    }

    private double received(String channel, boolean late) throws Exception {
        JsonNode metric = asAdmin("/actuator/metrics/consultation.replies.received?tag=channel:" + channel + "&tag=late:" + late);
        return metric.get("measurements").get(0).get("value").asDouble();
    }

    @Test
    void healthNamesTheEngineTheDatabaseAndTheMailServerToAdministratorsOnly() throws Exception {
        JsonNode health = asAdmin("/actuator/health");
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.get("components").fieldNames()).toIterable()
                .contains("db", "processEngine", "jobExecutor", "mail", "livenessState", "readinessState");
        assertThat(health.get("components").get("processEngine").get("details").get("name").asText()).isNotBlank();

        // a load balancer asks readiness: the database and the engine, never the mail server (notices wait in the outbox)
        JsonNode readiness = asAdmin("/actuator/health/readiness");
        assertThat(readiness.get("components").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("db", "processEngine", "readinessState");

        ResponseEntity<String> anonymous = as(null).getForEntity("/actuator/health", String.class);
        assertThat(anonymous.getStatusCode().value()).isEqualTo(200);
        JsonNode seen = json.readTree(anonymous.getBody());
        assertThat(seen.get("status").asText()).isEqualTo("UP");
        assertThat(seen.has("components")).as("components and details are for administrators").isFalse();
    }

    @Test
    void aStoredReplyIsCountedByChannelAndAResubmissionOrARefusalIsNot() throws Exception {
        long id = createConsultation();
        open(id, Instant.now().plusSeconds(3600));
        double before = received("api", false);

        assertThat(reply(id, "DEU", "{\"Q7/17\": \"SUPPORTS\"}").status()).isEqualTo(201);
        assertThat(reply(id, "DEU", "{\"Q7/17\": \"SUPPORTS\"}").status()).as("identical: nothing stored").isEqualTo(200);
        assertThat(reply(id, "XXX", "{\"Q7/17\": \"SUPPORTS\"}").status()).as("no such Member State").isEqualTo(400);

        assertThat(received("api", false) - before).isEqualTo(1.0);
    }

    @Test
    void prometheusHasTheOperatorsMetrics() throws Exception {
        ResponseEntity<String> scrape = as(TestAccounts.ADMIN).getForEntity("/actuator/prometheus", String.class);
        assertThat(scrape.getStatusCode().value()).isEqualTo(200);
        assertThat(scrape.getBody())
                .contains("consultation_replies_received_total{", "channel=\"fax\"", "late=\"true\"")
                .contains("consultation_notices{", "status=\"pending\"", "status=\"failed\"")
                .contains("consultation_acknowledgements_due ")
                .contains("camunda_jobs_backlog{", "camunda_incidents{");
    }
}
