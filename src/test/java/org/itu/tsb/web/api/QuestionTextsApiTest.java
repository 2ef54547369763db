package org.itu.tsb.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.itu.tsb.Sg17;
import org.junit.jupiter.api.Test;

/** The agreed texts of the Questions (Annex 1 of the circular) through the API: given at adoption, read back in full. */
class QuestionTextsApiTest extends ApiTestSupport {

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
}
