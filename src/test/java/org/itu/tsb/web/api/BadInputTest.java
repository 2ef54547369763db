package org.itu.tsb.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.camunda.bpm.engine.RuntimeService;
import org.itu.tsb.Sg17;
import org.itu.tsb.TestAccounts;
import org.itu.tsb.consultation.QuestionLimits;
import org.itu.tsb.tally.TallyService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Bad input on every endpoint: the right 4xx, an RFC 9457 problem naming what is wrong, and nothing stored. */
class BadInputTest extends ApiTestSupport {

    @Autowired JdbcClient jdbc;
    @Autowired RuntimeService runtime;
    @Autowired TallyService tallies;

    private static final byte[] PDF = QuestionTextsApiTest.PDF;

    private long adopted;
    private long open;

    @BeforeEach
    void consultations() {
        adopted = createConsultation();
        open = createConsultation();
        assertThat(open(open, Instant.now().plusSeconds(3600)).status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            empty body                 | ''                                                                    | body
            malformed JSON             | '{"circular": "x",'                                                   | malformed JSON
            not an object              | '[1, 2]'                                                              | body
            missing questions          | '{"circular": "c", "studyGroup": "SG17", "adoptedBy": "TSAG", "meeting": "m"}' | questions
            no questions               | '{"circular": "c", "studyGroup": "SG17", "adoptedBy": "TSAG", "meeting": "m", "questions": []}' | questions
            blank study group          | '{"circular": "c", "studyGroup": " ", "adoptedBy": "TSAG", "meeting": "m", "questions": [{"number": "Q1/17", "title": "t", "kind": "NEW"}]}' | studyGroup
            unknown kind               | '{"circular": "c", "studyGroup": "SG17", "adoptedBy": "TSAG", "meeting": "m", "questions": [{"number": "Q1/17", "title": "t", "kind": "OLD"}]}' | questions[0].kind: 'OLD' is not one of NEW, REVISED
            bad Question number        | '{"circular": "c", "studyGroup": "SG17", "adoptedBy": "TSAG", "meeting": "m", "questions": [{"number": "Question 1", "title": "t", "kind": "NEW"}]}' | questions[0].number
            Question twice             | '{"circular": "c", "studyGroup": "SG17", "adoptedBy": "TSAG", "meeting": "m", "questions": [{"number": "Q1/17", "title": "t", "kind": "NEW"}, {"number": "Q1/17", "title": "u", "kind": "NEW"}]}' | Q1/17 appears more than once
            unknown field              | '{"circular": "c", "studygroup": "SG17", "adoptedBy": "TSAG", "meeting": "m", "questions": []}' | studygroup: unknown field
            control character in text  | '{"circular": "c", "studyGroup": "SG17", "adoptedBy": "TSAG", "meeting": "m", "questions": [{"number": "Q1/17", "title": "t", "kind": "NEW", "text": "Motivation\\u0007"}]}' | questions[0].text: contains a control character (U+0007) at position 11
            text not text              | '{"circular": "c", "studyGroup": "SG17", "adoptedBy": "TSAG", "meeting": "m", "questions": [{"number": "Q1/17", "title": "t", "kind": "NEW", "text": 7}]}' | questions[0].text: '7' must be text
            """)
    void adoptingRefusesBadInput(String caseName, String body, String detail) {
        long consultations = count("consultation");
        long instances = runtime.createProcessInstanceQuery().count();

        Response response = post("/api/consultations", body);

        assertProblem(response, 400, detail);
        assertThat(count("consultation")).isEqualTo(consultations);
        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instances);
    }

    @Test
    void openingRefusesBadInputAndChangesNothing() {
        assertProblem(post("/api/consultations/" + adopted + "/open", "{\"circularNumber\": \"101\", \"deadline\": \""
                + Instant.now().minusSeconds(1) + "\"}"), 400, "not in the future");
        assertProblem(post("/api/consultations/" + adopted + "/open", "{\"circularNumber\": \"101\", \"deadline\": \"3 April\"}"),
                400, "deadline: '3 April' must be an instant in UTC such as 2026-04-03T23:59:59.999Z");
        assertProblem(post("/api/consultations/" + adopted + "/open", "{\"circularNumber\": \"101\"}"), 400, "deadline");
        assertProblem(post("/api/consultations/" + adopted + "/open", "{\"circularNumber\": \" \", \"deadline\": \""
                + Instant.now().plusSeconds(60) + "\"}"), 400, "circularNumber");
        assertProblem(post("/api/consultations/" + adopted + "/open", ""), 400, "body");
        assertProblem(post("/api/consultations/" + adopted + "/open", "{\"circularNumber\": \"" + (1000 + open) + "\", \"deadline\": \""
                + Instant.now().plusSeconds(60) + "\"}"), 400, "already opened consultation " + open);
        assertProblem(post("/api/consultations/987654/open", "{\"circularNumber\": \"101\", \"deadline\": \""
                + Instant.now().plusSeconds(60) + "\"}"), 404, "consultation 987654 does not exist");
        assertThat(get("/api/consultations/" + adopted).body().get("status").asText()).isEqualTo("ADOPTED");

        Instant deadline = Instant.parse(get("/api/consultations/" + open).body().get("deadline").asText());
        assertProblem(post("/api/consultations/" + open + "/open", "{\"circularNumber\": \"102\", \"deadline\": \""
                + Instant.now().plusSeconds(60) + "\"}"), 409, "already open");
        assertThat(Instant.parse(get("/api/consultations/" + open).body().get("deadline").asText())).isEqualTo(deadline);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            empty body                 | ''                                                             | body
            malformed JSON             | '{"memberState": "CHE", "positions": {'                        | malformed JSON
            missing Member State       | '{"positions": {"Q7/17": "SUPPORTS"}}'                         | memberState: the Member State is required
            unknown Member State       | '{"memberState": "XYZ", "positions": {"Q7/17": "SUPPORTS"}}'   | 'XYZ' is not an ITU Member State
            unknown Question           | '{"memberState": "CHE", "positions": {"Q9/17": "SUPPORTS"}}'   | positions.Q9/17
            unknown position           | '{"memberState": "CHE", "positions": {"Q7/17": "MAYBE"}}'      | positions.Q7/17: 'MAYBE' is not one of SUPPORTS, DOES_NOT_SUPPORT
            both boxes for a Question  | '{"memberState": "CHE", "positions": {"Q7/17": "SUPPORTS", "Q7/17": "DOES_NOT_SUPPORT"}}' | Q7/17
            misspelt field             | '{"memberState": "CHE", "postions": {"Q7/17": "SUPPORTS"}}'    | postions: unknown field
            positions not an object    | '{"memberState": "CHE", "positions": ["Q7/17"]}'                | positions
            """)
    void replyingRefusesBadInput(String caseName, String body, String detail) {
        long replies = count("reply_version");
        long positions = count("reply_position");

        assertProblem(post("/api/consultations/" + open + "/replies", body), 400, detail);

        assertThat(count("reply_version")).isEqualTo(replies);
        assertThat(count("reply_position")).isEqualTo(positions);
    }

    @Test
    void oversizedCommentsAreRefused() {
        long replies = count("reply_version");
        String comments = "x".repeat(20_001);
        assertProblem(post("/api/consultations/" + open + "/replies",
                "{\"memberState\": \"CHE\", \"comments\": \"" + comments + "\"}"), 400, "comments: is 20001 characters long");
        assertThat(count("reply_version")).isEqualTo(replies);
    }

    @Test
    void aQuestionsTextLongerThanTheLimitIsRefused() {
        long consultations = count("consultation");
        long questions = count("question");
        String body = Sg17.adoptJson(Sg17.Q7, Sg17.withText(Sg17.Q16, "t".repeat(QuestionLimits.MAX_TEXT_LENGTH + 1)));

        assertProblem(post("/api/consultations", body), 400, "questions[1].text: is 100001 characters long, at most 100000 are accepted");

        assertThat(count("consultation")).isEqualTo(consultations);
        assertThat(count("question")).isEqualTo(questions);
    }

    @Test
    void aQuestionsDocumentMustBeAPdfNoLargerThanTheLimitForAQuestionThatExists() {
        String path = "/api/consultations/" + adopted + "/questions/1/document";
        long documents = count("question_document");

        assertProblem(put(path, "just text, not a PDF".getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_PDF), 400,
                "document: the file is text/plain, not a PDF");
        assertProblem(put(path, new byte[0], MediaType.APPLICATION_PDF), 400, "document: the file is empty");
        assertProblem(put(path, PDF, MediaType.TEXT_PLAIN), 415, "body: send the PDF itself, with Content-Type: application/pdf");
        assertProblem(put(path, "{}".getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON), 415,
                "body: send the PDF itself, with Content-Type: application/pdf");
        assertProblem(put(path, PDF, MediaType.APPLICATION_OCTET_STREAM), 415, "Content-Type: application/pdf");
        assertProblem(put(path, PDF, MediaType.APPLICATION_FORM_URLENCODED), 415, "Content-Type: application/pdf"); // curl's default
        assertProblem(put("/api/consultations/" + adopted, PDF, MediaType.APPLICATION_FORM_URLENCODED), 415, "send JSON");
        byte[] tooLarge = Arrays.copyOf(PDF, 10_485_761);
        assertProblem(put(path, tooLarge, MediaType.APPLICATION_PDF), 413, "at most 10485760 are accepted");

        assertProblem(put("/api/consultations/" + adopted + "/questions/4/document", PDF, MediaType.APPLICATION_PDF), 404,
                "consultation " + adopted + " has no Question 4: its Questions are numbered 1 to 3");
        assertProblem(put("/api/consultations/" + adopted + "/questions/0/document", PDF, MediaType.APPLICATION_PDF), 404,
                "has no Question 0");
        assertProblem(put("/api/consultations/987654/questions/1/document", PDF, MediaType.APPLICATION_PDF), 404,
                "consultation 987654 does not exist");
        assertProblem(put("/api/consultations/" + adopted + "/questions/first/document", PDF, MediaType.APPLICATION_PDF), 400,
                "seq: 'first' is not valid");
        assertProblem(get(path), 404, "Question 1 of consultation " + adopted + " has no document");
        assertThat(count("question_document")).isEqualTo(documents);
    }

    @Test
    void onceDecidedNoDocumentIsAttachedAnyMore() {
        String path = "/api/consultations/" + open + "/questions/2/document";
        assertThat(put(path, PDF, MediaType.APPLICATION_PDF).status()).isEqualTo(200);
        tallies.tally(open);

        assertProblem(put(path, "%PDF-1.7 another".getBytes(StandardCharsets.US_ASCII), MediaType.APPLICATION_PDF), 409,
                "consultation " + open + " is tallied: the texts of its Questions are those the Member States were consulted on");

        assertThat(as(TestAccounts.FRA).getForEntity(path, byte[].class).getBody()).as("the document consulted on").isEqualTo(PDF);
    }

    @Test
    void onlyAnOfficerAttachesAQuestionsDocument() {
        String path = "/api/consultations/" + open + "/questions/1/document";
        long documents = count("question_document");
        for (String user : new String[] {TestAccounts.FRA, TestAccounts.READER, TestAccounts.ADMIN}) {
            http = as(user);
            assertProblem(put(path, PDF, MediaType.APPLICATION_PDF), 403, "");
        }
        http = as(null);
        assertThat(put(path, PDF, MediaType.APPLICATION_PDF).status()).isEqualTo(401);
        assertThat(count("question_document")).isEqualTo(documents);
    }

    @Test
    void oversizedBodiesAreRefusedBeforeTheyAreRead() {
        long replies = count("reply_version");
        String huge = "{\"memberState\": \"CHE\", \"comments\": \"" + "x".repeat(300_000) + "\"}";
        Response response = post("/api/consultations/" + open + "/replies", huge);
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.body().get("detail").asText()).contains("at most 262144");
        assertThat(count("reply_version")).isEqualTo(replies);
    }

    @Test
    void replyToAnUnknownOrUnopenedConsultationIsRefused() {
        long replies = count("reply_version");
        assertProblem(reply(987654, "CHE", "{}"), 404, "consultation 987654 does not exist");
        assertProblem(reply(adopted, "CHE", "{\"Q7/17\": \"SUPPORTS\"}"), 409, "not open for replies");
        assertThat(count("reply_version")).isEqualTo(replies);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/consultations/987654", "/api/consultations/abc"})
    void readingAnUnknownConsultationIsAProblem(String path) {
        Response response = get(path);
        assertThat(response.status()).isIn(400, 404);
        assertThat(response.body().get("detail").asText()).isNotBlank();
    }

    @Test
    void aReplyWithNoPositionIsValid() {
        Response response = reply(open, "CHE", "{}");
        assertThat(response.status()).isEqualTo(201);
        assertThat(response.body().get("late").asBoolean()).isFalse();
    }

    private void assertProblem(Response response, int status, String detail) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
        assertThat(response.headers().getContentType()).hasToString("application/problem+json");
        assertThat(response.body().get("status").asInt()).isEqualTo(status);
        assertThat(response.body().get("detail").asText()).contains(detail);
        assertThat(response.body().toString()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
