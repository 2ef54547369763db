package org.itu.tsb.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.itu.tsb.TestAccounts;
import org.itu.tsb.tally.TallyService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** CSV of the replies and of the tally with {@code Accept: text/csv}; JSON stays the default. */
class ExportApiTest extends ApiTestSupport {

    private static final String FORMULA = "=HYPERLINK(\\\"http://evil.example\\\",\\\"see\\\")";

    @Autowired TallyService tallies;

    /** France (its own representative, with a formula as its comment) and Ghana (entered by TSB) reply. */
    private long consultationWithReplies() {
        long id = createConsultation();
        open(id, Instant.now().plusSeconds(3600));
        http = as(TestAccounts.FRA);
        assertThat(post("/api/consultations/" + id + "/replies", """
                {"positions": {"Q7/17": "SUPPORTS", "Q10/17": "DOES_NOT_SUPPORT"}, "comments": "%s"}""".formatted(FORMULA))
                .status()).isEqualTo(201);
        http = as(TestAccounts.OFFICER);
        assertThat(reply(id, "GHA", "{\"Q7/17\": \"SUPPORTS\"}").status()).isEqualTo(201);
        return id;
    }

    @Test
    void theRepliesAreCsvOnlyWhenAskedForAndEveryCellIsInert() {
        long id = consultationWithReplies();
        for (String accept : new String[] {null, "*/*", "application/json"}) {
            ResponseEntity<String> json = fetch(TestAccounts.OFFICER, "/api/consultations/" + id + "/replies", accept);
            assertThat(json.getHeaders().getContentType().toString()).as("Accept: " + accept).startsWith("application/json");
        }
        ResponseEntity<String> csv = fetch(TestAccounts.OFFICER, "/api/consultations/" + id + "/replies", "text/csv");
        assertThat(csv.getStatusCode().value()).isEqualTo(200);
        assertThat(csv.getHeaders().getContentType().toString()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(csv.getHeaders().getContentDisposition().getFilename()).isEqualTo("TSB-Circular-" + (1000 + id) + "-replies.csv");
        assertThat(csv.getBody()).startsWith("\uFEFFmember_state,member_state_name,version,current,counted,channel,")
                .contains("FRA,France,1,true,true,API,").contains(",fra,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"see\"\")\",\r\n")
                .contains(",Q10/17,DOES_NOT_SUPPORT,fra,").contains("GHA,Ghana,1,true,true,API,").contains(",Q16/17,NONE,officer,,\r\n")
                .doesNotContain(",=HYPERLINK");
        assertThat(csv.getBody().lines()).as("a header, and 2 Member States x 1 version x 3 Questions").hasSize(7);
        assertThat(fetch(TestAccounts.OFFICER, "/api/consultations/" + id + "/replies", "text/csv, application/json;q=0.5").getBody())
                .startsWith("\uFEFFmember_state,");

        String france = fetch(TestAccounts.FRA, "/api/consultations/" + id + "/replies", "text/csv").getBody();
        assertThat(france).as("a representative gets its own State's rows only").contains("FRA,France").doesNotContain("GHA");
        assertThat(fetch(TestAccounts.READER, "/api/consultations/" + id + "/replies", "text/csv").getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void theTallyIsTsbsWhileReviewedAndEveryonesOnceAnnounced() throws Exception {
        long id = consultationWithReplies();
        String tally = "/api/consultations/" + id + "/tally";
        assertThat(fetch(TestAccounts.OFFICER, tally, null).getStatusCode().value()).as("no tally before the deadline").isEqualTo(409);

        tallies.tally(id);
        JsonNode provisional = json.readTree(fetch(TestAccounts.OFFICER, tally, null).getBody());
        assertThat(provisional).hasSize(3);
        assertThat(provisional.get(1).toString()).isEqualTo("""
                {"number":"Q10/17","title":"Management of digital identity, security and services","supports":0,\
                "doesNotSupport":1,"counted":1,"percent":0.0,"thresholdPercent":70,"decision":"REFERRED_BACK","provisional":true}""");
        assertThat(provisional.get(2).get("percent").isNull()).as("Q16/17: nothing counted").isTrue();
        for (String user : new String[] {TestAccounts.FRA, TestAccounts.READER}) {
            assertThat(fetch(user, tally, null).getStatusCode().value()).as(user + " before the announcement").isEqualTo(409);
            assertThat(fetch(user, tally, "text/csv").getStatusCode().value()).as(user + " before the announcement").isEqualTo(409);
        }

        tallies.announce(id, "officer");
        assertThat(json.readTree(fetch(TestAccounts.FRA, tally, null).getBody()).get(0).get("provisional").asBoolean()).isFalse();
        ResponseEntity<String> csv = fetch(TestAccounts.READER, tally, "text/csv");
        assertThat(csv.getHeaders().getContentDisposition().getFilename()).isEqualTo("TSB-Circular-" + (1000 + id) + "-tally.csv");
        assertThat(csv.getBody()).isEqualTo("\uFEFFquestion,title,supports,does_not_support,counted,percent,threshold_percent,decision,provisional\r\n"
                + "Q7/17,Secure application services,2,0,2,100.0,70,APPROVED,false\r\n"
                + "Q10/17,\"Management of digital identity, security and services\",0,1,1,0.0,70,REFERRED_BACK,false\r\n"
                + "Q16/17,AI security,0,0,0,,70,APPROVED,false\r\n");
    }

    private ResponseEntity<String> fetch(String user, String path, String accept) {
        HttpHeaders headers = new HttpHeaders();
        if (accept != null) {
            headers.set(HttpHeaders.ACCEPT, accept);
        }
        ResponseEntity<byte[]> response = as(user).exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
        return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                .body(response.getBody() == null ? null : new String(response.getBody(), StandardCharsets.UTF_8));
    }
}
