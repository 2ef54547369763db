package org.itu.tsb.web.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import org.itu.tsb.TestAccounts;
import org.itu.tsb.consultation.Consultation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The online reply form (Annex 2): reply, see what was recorded, revise. */
class MemberStateReplyControllerTest extends PageTestSupport {

    @BeforeEach
    void asTheRepresentativeOfFrance() {
        actAs(TestAccounts.FRA);
    }

    @Test
    void aMemberStateRepliesSeesWhatWasRecordedAndRevisesIt() throws Exception {
        Consultation c = openConsultation();
        clock.advance(Duration.ofDays(3));

        String form = mvc.perform(get("/consultations/{id}/reply", c.id())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(text(form)).contains("TSB Circular " + c.circularNumber()).contains(DEADLINE_SHOWN)
                .contains("Draft revised Question Q7/17 \u201CSecure application services\u201D")
                .contains("Draft new Question Q16/17 \u201CAI security\u201D")
                .contains("supports approval")
                .contains("does not support approval (reasons for this opinion: below, or in an attached document)")
                .contains("Document with your reasons")
                .contains("Administration France (FRA)")
                .doesNotContain("Choose a Member State");
        assertThat(checked(form, "positions.Q7/17")).isEqualTo("NONE");

        // first reply
        MvcResult first = mvc.perform(reply(c, "SUPPORTS", "DOES_NOT_SUPPORT", "NONE")
                        .param("comments", "Q16/17 overlaps with SG13 work.")
                        .param("reasons", "Q10/17 merges two Questions too early."))
                .andExpect(status().is3xxRedirection()).andReturn();
        String confirmation = follow(first);
        assertThat(text(confirmation))
                .contains("Your reply was recorded as version 1.")
                .contains("Member State France (FRA)")
                .contains("Version 1")
                .contains("Received by TSB 5 February 2026, 09:00:00 UTC")
                .contains("Late No: received by the deadline.")
                .contains("Draft revised Question Q7/17 \u201CSecure application services\u201D supports approval")
                .contains("Draft revised Question Q10/17 \u201CManagement of digital identity, security and services\u201D does not support approval")
                .contains("Draft new Question Q16/17 \u201CAI security\u201D no position")
                .contains("Q16/17 overlaps with SG13 work.")
                .contains("Q10/17 merges two Questions too early.");

        // revise: the form opens with what was recorded
        String revise = link(confirmation, "/consultations/" + c.id() + "/reply\\?revise=\\d+");
        String prefilled = mvc.perform(get(revise)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(checked(prefilled, "positions.Q7/17")).isEqualTo("SUPPORTS");
        assertThat(checked(prefilled, "positions.Q10/17")).isEqualTo("DOES_NOT_SUPPORT");
        assertThat(checked(prefilled, "positions.Q16/17")).isEqualTo("NONE");
        assertThat(text(prefilled)).contains("Q16/17 overlaps with SG13 work.");

        clock.advance(Duration.ofDays(1));
        MvcResult second = mvc.perform(reply(c, "SUPPORTS", "SUPPORTS", "NONE")
                        .param("comments", "Q16/17 overlaps with SG13 work.")
                        .param("reasons", "Q10/17 merges two Questions too early."))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(text(follow(second))).contains("Your reply was recorded as version 2.")
                .contains("Received by TSB 6 February 2026, 09:00:00 UTC")
                .contains("\u201CManagement of digital identity, security and services\u201D supports approval");

        String replies = mvc.perform(get("/officer/consultations/{id}/replies", c.id()).with(as(TestAccounts.OFFICER)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(text(replies))
                .containsOnlyOnce("France (FRA)")
                .contains("France (FRA) 2 supports supports no position Online form")
                .contains("counted 2 versions");
        String versions = mvc.perform(get("/officer/consultations/{id}/replies/FRA", c.id()).with(as(TestAccounts.OFFICER)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(text(versions))
                .contains("Version 2 is the current one, of 2 versions")
                .contains("Version 2 current")
                .contains("Channel Online form Recorded by fra")
                .contains("Reasons Q10/17 merges two Questions too early.");
        assertThat(storedVersions(c.id())).isEqualTo(2);

        // the same reply again: nothing new
        MvcResult third = mvc.perform(reply(c, "SUPPORTS", "SUPPORTS", "NONE")
                        .param("comments", "Q16/17 overlaps with SG13 work.")
                        .param("reasons", "Q10/17 merges two Questions too early."))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(text(follow(third))).contains("identical to version 2, which is recorded already: nothing new recorded")
                .contains("version 2");
        assertThat(storedVersions(c.id())).isEqualTo(2);
    }

    @Test
    void aRepresentativeRepliesForItsOwnStateWhateverTheRequestSays() throws Exception {
        Consultation c = openConsultation();

        MvcResult forged = mvc.perform(reply(c, "SUPPORTS", "NONE", "DOES_NOT_SUPPORT").param("memberState", "GHA"))
                .andExpect(status().is3xxRedirection()).andReturn();

        assertThat(text(follow(forged))).contains("Member State France (FRA)");
        assertThat(jdbc.sql("select member_state from reply_version where consultation_id = :id").param("id", c.id())
                .query(String.class).list()).containsExactly("FRA");
    }

    @Test
    void anotherStatesReplyIsNotFoundForARepresentative() throws Exception {
        Consultation c = openConsultation();
        MvcResult ghana = mvc.perform(reply(c, "SUPPORTS", "NONE", "NONE").with(as(TestAccounts.GHA)))
                .andExpect(status().is3xxRedirection()).andReturn();
        String ghanasVersion = ghana.getResponse().getRedirectedUrl();

        mvc.perform(get(ghanasVersion)).andExpect(status().isNotFound());
        mvc.perform(get(ghanasVersion.replace("/reply/", "/reply?revise="))).andExpect(status().isNotFound());
    }

    @Test
    void anOfficerCannotUseTheMemberStatesForm() throws Exception {
        Consultation c = openConsultation();

        mvc.perform(get("/consultations/{id}/reply", c.id()).with(as(TestAccounts.OFFICER))).andExpect(status().isForbidden());
        mvc.perform(reply(c, "SUPPORTS", "NONE", "NONE").with(as(TestAccounts.OFFICER))).andExpect(status().isForbidden());
        assertThat(storedVersions(c.id())).isZero();
    }

    @Test
    void aQuestionWithTwoChoicesIsRefused() throws Exception {
        Consultation c = openConsultation();

        String page = mvc.perform(reply(c, "SUPPORTS", "NONE", "NONE").param("positions.Q7/17", "DOES_NOT_SUPPORT"))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();

        assertThat(text(page)).contains("Q7/17: choose one of supports approval, does not support approval or no position");
        assertThat(storedVersions(c.id())).isZero();
    }

    @Test
    void anUnknownConsultationOrReplyIsAPageNotFound() throws Exception {
        String page = mvc.perform(get("/consultations/{id}/reply", 999_999)).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString();
        assertThat(text(page)).contains("Consultation not found").contains("Consultation 999999 does not exist");

        Consultation c = openConsultation();
        String version = mvc.perform(get("/consultations/{id}/reply/{v}", c.id(), 999_999)).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString();
        assertThat(text(version)).contains("There is no reply 999999 of yours to consultation " + c.id());
    }

    private String follow(MvcResult redirect) throws Exception {
        return mvc.perform(get(redirect.getResponse().getRedirectedUrl()).flashAttrs(redirect.getFlashMap()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static MockHttpServletRequestBuilder reply(Consultation c, String q7, String q10, String q16) {
        return post("/consultations/{id}/reply", c.id())
                .param("positions.Q7/17", q7)
                .param("positions.Q10/17", q10)
                .param("positions.Q16/17", q16);
    }

    @Test
    void aMemberStateAttachesItsReasonsWhichItAndTsbCanReadAndNoOtherStateCan() throws Exception {
        Consultation c = openConsultation();
        String form = mvc.perform(get("/consultations/{id}/reply", c.id())).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("enctype=\"multipart/form-data\"").contains("type=\"file\"");
        assertThat(text(form)).contains("at most 10 MB");

        MvcResult sent = mvc.perform(multipart("/consultations/{id}/reply", c.id())
                        .file(new MockMultipartFile("attachment", "FRA reasons.pdf", "application/pdf", OfficerReplyControllerTest.PDF))
                        .param("positions.Q7/17", "DOES_NOT_SUPPORT").param("positions.Q10/17", "NONE").param("positions.Q16/17", "NONE"))
                .andExpect(status().is3xxRedirection()).andReturn();
        String confirmation = follow(sent);
        String download = link(confirmation, "/consultations/" + c.id() + "/reply/\\d+/attachment");
        assertThat(text(confirmation)).contains("Document attached: FRA reasons.pdf");
        assertThat(mvc.perform(get(download)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray())
                .isEqualTo(OfficerReplyControllerTest.PDF);

        mvc.perform(get(download).with(as(TestAccounts.GHA))).andExpect(status().isNotFound());
        String replies = mvc.perform(get("/officer/consultations/{id}/replies", c.id()).with(as(TestAccounts.OFFICER)))
                .andReturn().getResponse().getContentAsString();
        assertThat(text(replies)).contains("FRA reasons.pdf");
    }

    @Test
    void aFileThatIsNotAPdfOrAnImageIsRefusedAndNothingIsStored() throws Exception {
        Consultation c = openConsultation();

        String page = mvc.perform(multipart("/consultations/{id}/reply", c.id())
                        .file(new MockMultipartFile("attachment", "reasons.pdf", "application/pdf", "just text".getBytes()))
                        .param("positions.Q7/17", "DOES_NOT_SUPPORT"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("id=\"attachment-error\"");
        assertThat(text(page)).contains("reasons.pdf:");
        assertThat(storedVersions(c.id())).isZero();
    }
}
