package org.itu.tsb.web.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import org.itu.tsb.consultation.Consultation;
import org.itu.tsb.tally.TallyService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;

/** "Change the deadline": the form, a change and its message on the replies page, refusals in plain words, the history. */
class OfficerDeadlineControllerTest extends PageTestSupport {

    @Autowired TallyService tallies;

    @Test
    void anOfficerExtendsTheDeadlineToTheEndOfADayUtc() throws Exception {
        Consultation c = openConsultation();
        String form = html("/officer/consultations/" + c.id() + "/deadline", 200);
        assertThat(text(form)).contains("Change the deadline of TSB Circular " + c.circularNumber())
                .contains("Current deadline: " + DEADLINE_SHOWN)
                .contains("Questions adopted by TSAG recorded").contains("Circular issued: consultation open");
        assertThat(form).contains("type=\"date\" id=\"deadlineDate\" name=\"deadlineDate\" required value=\"2026-04-03\"")
                .contains("min=\"2026-02-02\"").contains("<label for=\"reason\">Reason</label>").contains("maxlength=\"2000\"")
                .contains("name=\"_csrf\"");

        MvcResult changed = mvc.perform(post("/officer/consultations/{id}/deadline", c.id())
                        .param("deadlineDate", "2026-04-17").param("reason", "Several administrations asked for more time."))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/officer/consultations/" + c.id() + "/replies"))
                .andReturn();

        assertThat(consultations.get(c.id()).deadline()).isEqualTo(Instant.parse("2026-04-17T23:59:59.999Z"));
        String replies = text(mvc.perform(get("/officer/consultations/{id}/replies", c.id()).flashAttrs(changed.getFlashMap()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(replies).contains("The deadline of TSB Circular " + c.circularNumber()
                + " is now 17 April 2026, 23:59:59 UTC (it was " + DEADLINE_SHOWN + ")");
        assertThat(text(html("/officer/consultations/" + c.id() + "/deadline", 200)))
                .contains("Deadline changed officer From " + DEADLINE_SHOWN + " to 17 April 2026, 23:59:59 UTC.")
                .contains("Reason: Several administrations asked for more time.");
    }

    @Test
    void aRefusedChangeKeepsTheFormAndSaysWhyInPlainWords() throws Exception {
        Consultation c = openConsultation();

        String past = refused(c, "2026-02-01", "Typo in the circular.", 400);
        assertThat(text(past)).contains("The deadline was not changed")
                .contains("New deadline: the deadline 1 February 2026, 23:59:59 UTC is not in the future")
                .contains("Nothing was changed.");
        assertThat(past).contains("value=\"2026-02-01\"").contains(">Typo in the circular.</textarea>")
                .contains("aria-invalid=\"true\"");

        assertThat(text(refused(c, "2026-04-20", "   ", 400))).contains("Reason: is required");
        assertThat(text(refused(c, "3 April", "Typo.", 400))).contains("New deadline: '3 April' is not a date such as 2026-04-03 (year-month-day)");
        assertThat(text(refused(c, "", "Typo.", 400))).contains("New deadline: choose the day of the new deadline");
        assertThat(consultations.get(c.id()).deadline()).isEqualTo(DEADLINE);

        tallies.tally(c.id());
        String tallied = refused(c, "2026-04-20", "Too late.", 409);
        assertThat(text(tallied)).contains("The deadline was not changed").contains("is TALLIED: only the deadline of an open consultation");
        assertThat(text(html("/officer/consultations/" + c.id() + "/deadline", 200)))
                .contains("is TALLIED: only the deadline of an open consultation can be changed")
                .contains("Replies tallied (provisional)").doesNotContain("Change the deadline</button>");
        assertThat(consultations.get(c.id()).deadline()).isEqualTo(DEADLINE);
    }

    @Test
    void theConsultationsListLinksToTheChangeForOpenConsultationsOnly() throws Exception {
        Consultation open = openConsultation();
        Consultation adopted = adopt();
        String list = html("/officer/consultations", 200);
        assertThat(list).contains("/officer/consultations/" + open.id() + "/deadline\"")
                .doesNotContain("/officer/consultations/" + adopted.id() + "/deadline\"");
    }

    private String refused(Consultation c, String date, String reason, int status) throws Exception {
        return mvc.perform(post("/officer/consultations/{id}/deadline", c.id()).param("deadlineDate", date).param("reason", reason))
                .andExpect(status().is(status)).andReturn().getResponse().getContentAsString();
    }

    private String html(String path, int status) throws Exception {
        return mvc.perform(get(path)).andExpect(status().is(status)).andReturn().getResponse().getContentAsString();
    }
}
