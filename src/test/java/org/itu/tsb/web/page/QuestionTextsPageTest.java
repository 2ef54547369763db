package org.itu.tsb.web.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.itu.tsb.Sg17;
import org.itu.tsb.TestAccounts;
import org.itu.tsb.consultation.Consultation;
import org.itu.tsb.consultation.QuestionDocuments;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * Annex 1 of the circular, the texts of the Questions: a public page once the circular is issued, and no page before;
 * the reply form links each Question to its text and folds the text in.
 */
class QuestionTextsPageTest extends PageTestSupport {

    private static final String Q7_TEXT = "1 Motivation\n\nSecure application services <script>alert('Q7')</script> & more.\n"
            + "\t\u2013 How should threats be identified?";
    private static final String Q16_TEXT = "Artificial Intelligence (AI) and Machine Learning (ML) are rapidly transforming ICT.";
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired QuestionDocuments documents;

    @Test
    void anyoneReadsTheTextsOnceTheCircularIsIssuedAndNobodyBefore() throws Exception {
        Consultation adopted = consultations.adopt(Sg17.adopted(Sg17.withText(Sg17.Q7, Q7_TEXT), Sg17.Q10,
                Sg17.withText(Sg17.Q16, Q16_TEXT)), "officer");
        documents.attach(adopted.id(), 2, "Q10-17 agreed text.pdf", PDF, "officer");
        String page = "/consultations/" + adopted.id() + "/questions";

        for (MockMvc client : new MockMvc[] {anonymous(), mvc}) {
            String notFound = client.perform(get(page)).andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
            assertThat(text(notFound)).contains("There are no published texts of the Questions of consultation " + adopted.id()
                    + ": TSB has not issued its circular.");
            client.perform(get(page + "/2/document")).andExpect(status().isNotFound());
        }
        String unknown = anonymous().perform(get("/consultations/987654/questions")).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString();
        assertThat(text(unknown)).as("an unknown consultation looks like one not issued")
                .contains("There are no published texts of the Questions of consultation 987654: TSB has not issued its circular.");

        Consultation c = open(adopted);

        String html = anonymous().perform(get(page)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(text(html))
                .contains("TSB Circular " + c.circularNumber() + " Annex 1: texts of the Questions")
                .contains("Replies are due by " + DEADLINE_SHOWN)
                .contains("1 Draft revised Question Q7/17 \u201CSecure application services\u201D 1 Motivation")
                .contains("Secure application services <script>alert('Q7')</script> & more.")
                .contains("2 Draft revised Question Q10/17 \u201CManagement of digital identity, security and services\u201D "
                        + "The text as a document: Q10-17 agreed text.pdf (PDF, " + PDF.length + " bytes)")
                .contains("3 Draft new Question Q16/17 \u201CAI security\u201D " + Q16_TEXT)
                .doesNotContain("Reply form (Annex 2)");
        assertThat(html).as("the text is shown as text, never as markup")
                .doesNotContain("<script>")
                .contains("&lt;script&gt;alert(&#39;Q7&#39;)&lt;/script&gt; &amp; more.\n\t\u2013 How should threats be identified?")
                .contains("id=\"question-1\"").contains("id=\"question-3\"").contains("href=\"#question-2\"");
        assertThat(link(html, "/consultations/" + c.id() + "/questions/\\d+/document")).isEqualTo(page + "/2/document");

        MockHttpServletResponse download = anonymous().perform(get(page + "/2/document")).andExpect(status().isOk()).andReturn()
                .getResponse();
        assertThat(download.getContentAsByteArray()).isEqualTo(PDF);
        assertThat(download.getContentType()).isEqualTo("application/pdf");
        assertThat(download.getHeader("Content-Disposition")).isEqualTo("attachment; filename=\"Q10-17 agreed text.pdf\"");
        assertThat(text(anonymous().perform(get(page + "/1/document")).andExpect(status().isNotFound()).andReturn().getResponse()
                .getContentAsString())).contains("Question 1 of consultation " + c.id() + " has no document.");
        assertThat(text(anonymous().perform(get(page + "/4/document")).andExpect(status().isNotFound()).andReturn().getResponse()
                .getContentAsString())).contains("Consultation " + c.id() + " has no Question 4: its Questions are numbered 1 to 3.");

        for (String user : new String[] {TestAccounts.OFFICER, TestAccounts.ADMIN, TestAccounts.READER, TestAccounts.FRA, TestAccounts.NOBODY}) {
            actAs(user);
            String asUser = text(mvc.perform(get(page)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
            assertThat(asUser).as(user).contains("3 Draft new Question Q16/17").contains("Logged in as " + user);
            mvc.perform(get(page + "/2/document")).andExpect(status().isOk());
        }
        actAs(TestAccounts.FRA);
        assertThat(mvc.perform(get(page)).andReturn().getResponse().getContentAsString())
                .contains("href=\"/consultations/" + c.id() + "/reply\"");
    }

    @Test
    void theReplyFormLinksEachQuestionToItsTextAndFoldsTheTextIn() throws Exception {
        Consultation c = open(consultations.adopt(Sg17.adopted(Sg17.withText(Sg17.Q7, Q7_TEXT), Sg17.Q10), "officer"));
        actAs(TestAccounts.FRA);

        String form = mvc.perform(get("/consultations/{id}/reply", c.id())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(link(form, "/consultations/" + c.id() + "/questions#question-1"))
                .isEqualTo("/consultations/" + c.id() + "/questions#question-1");
        assertThat(link(form, "/consultations/" + c.id() + "/questions#question-2"))
                .isEqualTo("/consultations/" + c.id() + "/questions#question-2");
        assertThat(text(form)).contains("Text of Q7/17 (Annex 1) The text of Q7/17 1 Motivation Secure application services "
                + "<script>alert('Q7')</script> & more. \u2013 How should threats be identified?")
                .contains("Text of Q10/17 (Annex 1) supports approval")
                .doesNotContain("The text of Q10/17");
        assertThat(form).doesNotContain("<script>").containsOnlyOnce("<details>")
                .contains("&lt;script&gt;alert(&#39;Q7&#39;)&lt;/script&gt; &amp; more.\n\t\u2013 How should");
    }

    /** A client with no login at all. */
    private MockMvc anonymous() {
        return MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }
}
