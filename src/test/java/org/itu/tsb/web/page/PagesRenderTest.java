package org.itu.tsb.web.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import org.itu.tsb.TestAccounts;
import org.itu.tsb.consultation.Consultation;
import org.itu.tsb.notice.NoticeOutbox;
import org.itu.tsb.reply.Channel;
import org.itu.tsb.reply.ReplyIntake;
import org.itu.tsb.reply.ReplySource;
import org.itu.tsb.reply.ReplySubmission;
import org.itu.tsb.reply.Position;
import org.itu.tsb.tally.TallyService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every page renders, with the deadline in UTC. */
class PagesRenderTest extends PageTestSupport {

    @Autowired ReplyIntake intake;
    @Autowired TallyService tallies;
    @Autowired NoticeOutbox outbox;

    @Test
    void officersSeeTheNoticesNotDeliveredYet() throws Exception {
        Consultation adopted = adopt();
        assertThat(page("/officer/consultations/" + adopted.id() + "/replies")).contains("No notice has been issued yet.");

        Consultation c = openConsultation(); // the circular is recorded with the opening; no mail server in this context
        int circulars = outbox.findByConsultation(c.id()).size();
        assertThat(page("/officer/consultations/" + c.id() + "/replies"))
                .contains("0 of " + circulars + " notices delivered to the mail server.")
                .contains(circulars + " not delivered yet, the first 20 shown")
                .contains("TSB Circular " + c.circularNumber() + ": Member State consultation")
                .contains("Circulaire TSB " + c.circularNumber() + " : consultation des États Membres")
                .contains("waiting");
    }

    @Test
    void everyPageRendersWithTheDeadlineInUtc() throws Exception {
        Consultation c = openConsultation();
        Consultation adopted = adopt();

        String circular = "TSB Circular " + c.circularNumber();
        assertThat(page("/")).contains("Consultations").contains("Tasklist").contains("API")
                .doesNotContain("reply form");
        actAs(TestAccounts.FRA);
        assertThat(page("/")).contains(circular + " (SG17): reply form \u2014 deadline " + DEADLINE_SHOWN)
                .doesNotContain("Tasklist");
        actAs(TestAccounts.OFFICER);
        assertThat(page("/officer/consultations"))
                .contains(circular + " adopted by TSAG, Geneva, 26-30 January 2026 SG17 Open for replies " + DEADLINE_SHOWN
                        + " 60 days 14 hours left 0 of 194 Member States replied. not decided yet Replies for " + circular)
                .contains("Consultation " + adopted.id() + ", circular not issued adopted by TSAG, Geneva, 26-30 January 2026 SG17 "
                        + "Adopted (circular not issued) set when the circular is issued 0 of 194 Member States replied. "
                        + "not decided yet Issue circular in Tasklist");
        assertThat(page("/officer/consultations/" + c.id() + "/replies")).contains(DEADLINE_SHOWN)
                .contains("194 Member States have not replied").contains("No Member State matches.")
                .contains("Record a reply received by e-mail, fax or letter");
        assertThat(page("/officer/consultations/" + c.id() + "/replies/new")).contains(DEADLINE_SHOWN)
                .contains("When TSB received the reply").contains("It is now 2 February 2026, 09:00 UTC")
                .contains("Received now").contains("Time (UTC, 24-hour, HH:MM)")
                .contains("Switzerland (CHE)").contains("E-mail Fax Letter");
        assertThat(page("/officer/consultations/" + adopted.id() + "/replies")).contains("Consultation " + adopted.id()
                + " (circular not issued)").contains("not set: TSB has not issued the circular").doesNotContain("Record a reply");
        assertThat(page("/officer/consultations/" + adopted.id() + "/replies/new"))
                .contains("TSB has not issued the circular of this consultation yet");
        actAs(TestAccounts.FRA);
        assertThat(page("/consultations/" + c.id() + "/reply")).contains(DEADLINE_SHOWN).contains(circular);
        assertThat(page("/consultations/" + adopted.id() + "/reply"))
                .contains("This consultation is not open for replies: TSB has not issued its circular yet.");
    }

    @Test
    void onceDecidedTheRepliesPageShowsEachQuestionsTallyAndDecision() throws Exception {
        Consultation c = openConsultation();
        intake.submit(c.id(), new ReplySubmission("CHE", Map.of("Q7/17", Position.SUPPORTS, "Q10/17", Position.DOES_NOT_SUPPORT), null, null),
                ReplySource.now(Channel.API, "api"));
        intake.submit(c.id(), new ReplySubmission("FRA", Map.of("Q7/17", Position.SUPPORTS), "Fine.", null),
                ReplySource.now(Channel.API, "api"));
        clock.set(DEADLINE.plusSeconds(1));
        tallies.tally(c.id());
        assertThat(page("/officer/consultations/" + c.id() + "/replies")).contains("Tallied, provisional")
                .contains("Decision (provisional")
                .contains("Q7/17 Secure application services revised 2 0 2 100.0 % Approved");
        tallies.announce(c.id(), "officer");

        assertThat(page("/officer/consultations/" + c.id() + "/replies"))
                .contains("Decided")
                .contains("Q7/17 Secure application services revised 2 0 2 100.0 % Approved")
                .contains("Q10/17 Management of digital identity, security and services revised 0 1 1 0.0 % Not approved: referred back to the study group")
                .contains("Q16/17 AI security new 0 0 0 no counted reply Approved")
                .contains("France (FRA) 1 supports no position no position API");
    }

    @Test
    void anUnknownAddressIsAPageNotAWhiteLabel() throws Exception {
        String page = mvc.perform(get("/officer/consultations/abc/replies")).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString();
        assertThat(text(page)).contains("'abc' is not a valid id");
    }

    private String page(String path) throws Exception {
        return text(mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }
}
