package org.itu.tsb.web.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.itu.tsb.TestAccounts;
import org.itu.tsb.consultation.Consultation;
import org.itu.tsb.consultation.QuestionDocuments;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/** "New consultation": TSAG's adoption recorded from the page, as the API records it; a refusal stores nothing. */
class OfficerNewConsultationControllerTest extends PageTestSupport {

    @Autowired TaskService tasks;
    @Autowired QuestionDocuments documents;

    @Test
    void theBlankFormOffersFourQuestionRowsAndAnotherOnRequest() throws Exception {
        String page = mvc.perform(get("/officer/consultations/new")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(text(page)).contains("New consultation").contains("Question 4, Number").doesNotContain("Question 5, Number");
        assertThat(page).contains("action=\"/officer/consultations/new?_csrf=").doesNotContain("<script");

        String more = mvc.perform(adoption("questions[3].number", "Q9/17").param("add", "1"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(text(more)).contains("Question 5, Number").doesNotContain("Question 6, Number").doesNotContain("was not recorded");
        assertThat(more).contains("value=\"Q9/17\"").contains("value=\"SG17\"");
        assertThat(storedConsultations()).isEqualTo(before);
    }

    @Test
    void anAdoptionWithADocumentIsRecordedBlankRowsIgnoredAndTheListPointsToTheIssueCircularTask() throws Exception {
        MvcResult posted = mvc.perform(adoption()
                        .file(new MockMultipartFile("questions[2].document", "Q16-17 text.pdf", "application/pdf", OfficerReplyControllerTest.PDF)))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/officer/consultations")).andReturn();

        Consultation c = newest();
        assertThat(c.studyGroup()).isEqualTo("SG17");
        assertThat(c.createdBy()).isEqualTo(TestAccounts.OFFICER);
        assertThat(c.questions()).extracting(q -> q.number() + " " + q.kind() + " " + q.title())
                .containsExactly("Q7/17 REVISED Secure application services", "Q16/17 NEW AI security");
        assertThat(c.questions().get(0).text()).isEqualTo("Study items: secure application services.");
        assertThat(documents.of(c.id())).containsOnlyKeys("Q16/17");
        assertThat(documents.of(c.id()).get("Q16/17").filename()).isEqualTo("Q16-17 text.pdf");

        String list = mvc.perform(get("/officer/consultations").flashAttrs(posted.getFlashMap()))
                .andReturn().getResponse().getContentAsString();
        assertThat(text(list)).contains("Consultation " + c.id() + " (SG17, 2 Questions) recorded. Next: issue its circular");
        String taskId = link(list, "/camunda/app/tasklist/default/#/\\?task=[^\"]+").replaceAll(".*task=", "");
        assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getTaskDefinitionKey()).isEqualTo("UserTask_IssueCircular");
    }

    @Test
    void aQuestionNumberNotLikeQ7Slash17IsRefusedNextToItsRowAndNothingIsStored() throws Exception {
        String page = mvc.perform(adoption("questions[2].number", "16/17"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(text(page)).contains("The consultation was not recorded")
                .contains("Question 3, number: '16/17' is not a Question number such as Q7/17")
                .contains("Nothing was recorded.");
        assertThat(page).contains("id=\"questions-2--number-error\"").contains("value=\"16/17\"")
                .contains("Study items: secure application services.");
        assertThat(storedConsultations()).isEqualTo(before);
    }

    @Test
    void aRowWithoutItsKindOrTitleAndAFormWithoutQuestionsAreRefused() throws Exception {
        String noKind = mvc.perform(adoption("questions[2].kind", ""))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(text(noKind)).contains("Question 3, new or revised: choose whether the Question is new or revised");

        String noTitle = mvc.perform(adoption("questions[0].title", "  "))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(text(noTitle)).contains("Question 1, title: is required");

        String none = mvc.perform(multipart("/officer/consultations/new").param("studyGroup", "SG17").param("adoptedBy", "TSAG")
                        .param("meeting", "Geneva").param("circular", "Consultation"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(text(none)).contains("Questions: at least one Question is required");

        String tooLong = mvc.perform(adoption("studyGroup", "S".repeat(51)))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(text(tooLong)).contains("Study group: is 51 characters long, at most 50 are accepted");
        assertThat(storedConsultations()).isEqualTo(before);
    }

    @Test
    void aDocumentThatIsNotAPdfRefusesTheWholeAdoption() throws Exception {
        String page = mvc.perform(adoption().file(new MockMultipartFile("questions[2].document", "Q16.pdf", "application/pdf",
                        "not a PDF at all".getBytes(StandardCharsets.UTF_8))))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(text(page)).contains("Question 3, document with the text (PDF): the file is text/plain, not a PDF")
                .contains("Q16.pdf: the file is text/plain");
        assertThat(storedConsultations()).isEqualTo(before);
    }

    @Test
    void onlyOfficersMayStartAConsultation() throws Exception {
        actAs(TestAccounts.READER);
        mvc.perform(get("/officer/consultations/new")).andExpect(status().isForbidden());
        mvc.perform(adoption()).andExpect(status().isForbidden());
        assertThat(storedConsultations()).isEqualTo(before);
    }

    private long before;

    @BeforeEach
    void countConsultations() {
        before = storedConsultations();
    }

    private long storedConsultations() {
        return jdbc.sql("select count(*) from consultation").query(Long.class).single();
    }

    private Consultation newest() {
        long id = jdbc.sql("select max(id) from consultation").query(Long.class).single();
        return consultations.get(id);
    }

    /**
     * SG17's adoption as an officer types it: Q7/17 on row 1, row 2 left blank, Q16/17 on row 3, row 4 blank; each pair
     * of {@code changes} (field, value) typed otherwise.
     */
    private static MockMultipartHttpServletRequestBuilder adoption(String... changes) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("studyGroup", "SG17");
        fields.put("adoptedBy", "TSAG");
        fields.put("meeting", "Geneva, 26-30 January 2026");
        fields.put("circular", "Member State consultation on approval of new and revised Questions of ITU-T Study Group 17");
        row(fields, 0, "Q7/17", "REVISED", "Secure application services", "Study items: secure application services.");
        row(fields, 1, "", "", "", "");
        row(fields, 2, "Q16/17", "NEW", "AI security", "");
        row(fields, 3, "", "", "", "");
        for (int i = 0; i < changes.length; i += 2) {
            fields.put(changes[i], changes[i + 1]);
        }
        MockMultipartHttpServletRequestBuilder request = multipart("/officer/consultations/new");
        fields.forEach((name, value) -> request.param(name, value));
        return request;
    }

    private static void row(Map<String, String> fields, int i, String number, String kind, String title, String text) {
        fields.put("questions[" + i + "].number", number);
        fields.put("questions[" + i + "].kind", kind);
        fields.put("questions[" + i + "].title", title);
        fields.put("questions[" + i + "].text", text);
    }
}
