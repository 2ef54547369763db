package org.itu.tsb.web.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import org.itu.tsb.TestAccounts;
import org.itu.tsb.consultation.Consultation;
import org.itu.tsb.reply.Channel;
import org.itu.tsb.reply.Position;
import org.itu.tsb.reply.ReplyIntake;
import org.itu.tsb.reply.ReplyReceipt;
import org.itu.tsb.reply.ReplySource;
import org.itu.tsb.reply.ReplySubmission;
import org.itu.tsb.tally.TallyService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Once the result is announced, no page invites a reply or a revision, and none takes one: it says why instead. (The
 * API still keeps such a reply, not counted.)
 */
class DecidedConsultationPagesTest extends PageTestSupport {

    @Autowired ReplyIntake intake;
    @Autowired TallyService tallies;

    @Test
    void theOfficersFormExplainsAndRefusesAReplyOnceDecided() throws Exception {
        Consultation c = decided();

        String form = mvc.perform(get("/officer/consultations/{id}/replies/new", c.id())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(form).doesNotContain("<form method=\"post\" enctype=\"multipart/form-data\"");
        assertThat(text(form)).contains("The result was announced on 4 April 2026, 09:00:00 UTC: the decisions are final");

        String refused = mvc.perform(multipart("/officer/consultations/{id}/replies/new", c.id())
                        .param("memberState", "GHA").param("receivedAt", "2026-04-03T10:00").param("channel", "FAX")
                        .param("positions.Q7/17", "SUPPORTS"))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
        assertThat(text(refused)).contains("The reply was not recorded").contains("The result was announced on 4 April 2026");
        assertThat(storedVersions(c.id())).isEqualTo(1);
    }

    @Test
    void aMemberStatesConfirmationOffersNoRevisionAndItsFormTakesNoReplyOnceDecided() throws Exception {
        Consultation c = openConsultation();
        ReplyReceipt fra = intake.submit(c.id(), new ReplySubmission("FRA", Map.of("Q7/17", Position.SUPPORTS), null, null),
                ReplySource.now(Channel.ONLINE, "fra"));
        actAs(TestAccounts.FRA);
        assertThat(confirmation(c, fra)).contains("Revise this reply");

        announce(c);

        assertThat(confirmation(c, fra)).doesNotContain("Revise this reply")
                .contains("this consultation is closed, and replies can no longer be sent or revised");
        String refused = mvc.perform(post("/consultations/{id}/reply", c.id()).param("positions.Q7/17", "DOES_NOT_SUPPORT"))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
        assertThat(text(refused)).contains("replies can no longer be sent or revised");
        assertThat(storedVersions(c.id())).isEqualTo(1);
    }

    private String confirmation(Consultation c, ReplyReceipt r) throws Exception {
        return text(mvc.perform(get("/consultations/{id}/reply/{v}", c.id(), r.id())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    private Consultation decided() {
        Consultation c = openConsultation();
        intake.submit(c.id(), new ReplySubmission("CHE", Map.of("Q7/17", Position.SUPPORTS), null, null), ReplySource.now(Channel.API, "api"));
        announce(c);
        return c;
    }

    private void announce(Consultation c) {
        clock.set(DEADLINE.plusSeconds(1));
        tallies.tally(c.id());
        clock.set(java.time.Instant.parse("2026-04-04T09:00:00Z"));
        tallies.announce(c.id(), "officer");
    }
}
