package org.itu.tsb.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.itu.tsb.Sg17;
import org.itu.tsb.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The agreed texts of the Questions (Annex 1 of the circular) through the API: the text given at adoption, read back
 * in full; the document (a PDF) an officer attaches to a Question, downloaded by every role.
 */
class QuestionTextsApiTest extends ApiTestSupport {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    private static final String Q7_TEXT = "1 Motivation\n\nThis Question has developed a set of Recommendations <script>alert(1)</script>"
            + " on \u201Csecure\u201D application services.\r\n\tAnd more: 70 % & \uD83D\uDC4D";

    @Test
    void eachQuestionsTextIsStoredAndShownInFull() {
        String body = Sg17.adoptJson(Sg17.withText(Sg17.Q7, Q7_TEXT), Sg17.Q10, Sg17.withText(Sg17.Q16, "  \n\t "));

        Response adopted = post("/api/consultations", body);

        assertThat(adopted.status()).as(adopted.body().toString()).isEqualTo(201);
        JsonNode questions = get("/api/consultations/" + adopted.body().get("id").asLong()).body().get("questions");
        assertThat(questions.get(0).get("text").asText()).isEqualTo(Q7_TEXT.strip());
        assertThat(questions.get(1).get("text").asText()).as("no text given").isEmpty();
        assertThat(questions.get(2).get("text").asText()).as("only blanks: no text").isEmpty();
        assertThat(adopted.body().get("questions").get(0).get("text").asText()).isEqualTo(Q7_TEXT.strip());
    }

    @Test
    void theLongestTextAcceptedIsStoredWhole() {
        String longest = "x".repeat(99_999) + "\u00E9";
        Response adopted = post("/api/consultations", Sg17.adoptJson(Sg17.withText(Sg17.Q7, longest)));

        assertThat(adopted.status()).as(adopted.body().toString()).isEqualTo(201);
        assertThat(get("/api/consultations/" + adopted.body().get("id").asLong()).body().get("questions").get(0).get("text").asText())
                .isEqualTo(longest);
    }

    @Test
    void anOfficerAttachesAQuestionsDocumentAndEveryRoleDownloadsIt() {
        long id = createConsultation();
        String path = "/api/consultations/" + id + "/questions/2/document";

        Response attached = put(path + "?filename=Q10-17 text (v2).pdf", PDF, MediaType.APPLICATION_PDF);

        assertThat(attached.status()).as(attached.body().toString()).isEqualTo(200);
        assertThat(attached.body().get("href").asText()).isEqualTo(path);
        assertThat(attached.body().get("filename").asText()).isEqualTo("Q10-17 text (v2).pdf");
        assertThat(attached.body().get("contentType").asText()).isEqualTo("application/pdf");
        assertThat(attached.body().get("size").asLong()).isEqualTo(PDF.length);
        assertThat(attached.body().get("attachedBy").asText()).isEqualTo(TestAccounts.OFFICER);
        JsonNode questions = get("/api/consultations/" + id).body().get("questions");
        assertThat(questions.get(0).get("hasDocument").asBoolean()).isFalse();
        assertThat(questions.get(0).has("document")).isFalse();
        assertThat(questions.get(1).get("hasDocument").asBoolean()).isTrue();
        assertThat(questions.get(1).get("document").get("href").asText()).isEqualTo(path);
        for (String user : new String[] {TestAccounts.OFFICER, TestAccounts.READER, TestAccounts.FRA, TestAccounts.ADMIN}) {
            ResponseEntity<byte[]> download = as(user).getForEntity(path, byte[].class);
            assertThat(download.getStatusCode().value()).as(user).isEqualTo(200);
            assertThat(download.getBody()).as(user).isEqualTo(PDF);
            assertThat(download.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
            assertThat(download.getHeaders().getContentDisposition().getFilename()).isEqualTo("Q10-17 text (v2).pdf");
            assertThat(download.getHeaders().getContentDisposition().isAttachment()).isTrue();
        }

        // once the circular is issued, the officer may still replace it; without a name it is named after the Question
        assertThat(open(id, Instant.now().plusSeconds(3600)).status()).isEqualTo(200);
        byte[] revised = "%PDF-1.7\n% revised\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        Response replaced = put(path, revised, MediaType.APPLICATION_PDF);
        assertThat(replaced.status()).as(replaced.body().toString()).isEqualTo(200);
        assertThat(replaced.body().get("filename").asText()).isEqualTo("Q10-17.pdf");
        assertThat(as(TestAccounts.FRA).getForEntity(path, byte[].class).getBody()).isEqualTo(revised);
        assertThat(get("/api/consultations/" + id).body().get("questions").get(1).get("document").get("size").asLong())
                .isEqualTo(revised.length);
    }
}
