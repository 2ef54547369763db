package org.itu.tsb.web.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.Map;
import org.itu.tsb.TestAccounts;
import org.itu.tsb.consultation.Consultation;
import org.itu.tsb.reply.Channel;
import org.itu.tsb.reply.Position;
import org.itu.tsb.reply.ReplyIntake;
import org.itu.tsb.reply.ReplySource;
import org.itu.tsb.reply.ReplySubmission;
import org.itu.tsb.tally.TallyService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** One consultation's page: the tally per Question with its margin, the replies table, one Member State's versions. */
class OfficerConsultationPageTest extends PageTestSupport {

    @Autowired ReplyIntake intake;
    @Autowired TallyService tallies;

    @Test
    void whileOpenTheRunningTallyWithItsMarginAndTheTimeLeft() throws Exception {
        Consultation c = openConsultation();
        // 2 of 3 support Q7/17 (66.7 %): referred back as it stands, 1 more support approves it
        reply(c, "CHE", Position.SUPPORTS, Position.SUPPORTS, null, null);
        reply(c, "FRA", Position.SUPPORTS, null, "Fine.", null);
        reply(c, "GHA", Position.DOES_NOT_SUPPORT, Position.SUPPORTS, null, "Out of scope.");
        clock.set(Instant.parse("2026-04-01T21:30:00Z"));

        String page = text(html("/officer/consultations/" + c.id()));
        assertThat(page)
                .contains("Deadline 3 April 2026, 23:59:59 UTC (2 days 2 hours left)")
                .contains("3 of 194 Member States replied, all counted.")
                .contains("Running tally, not a decision: the 3 replies counted so far")
                .contains("Q7/17 Secure application services revised 2 1 3 66.7 % Not approved: referred back to the study group")
                .contains("Referred back as it stands; 1 more \u201csupports\u201d would approve it.")
                // Q10/17: 2 of 2; 2 of 3 is 66.7 %
                .contains("Q10/17 Management of digital identity, security and services revised 2 0 2 100.0 % Approved")
                .contains("Approved as it stands; 1 more \u201cdoes not support\u201d reply would refer it back.")
                .contains("Q16/17: no counted reply, so approved")
                .contains("191 Member States have not replied");
        assertThat(html("/officer/consultations/" + c.id())).contains("role=\"img\"")
                .contains("aria-label=\"Q7/17: 2 support, 1 do not support: 66.7 % support among 3 counted replies; the threshold is 70 %.\"");
        // the old address is the same page
        assertThat(text(html("/officer/consultations/" + c.id() + "/replies"))).contains("Running tally, not a decision");
    }

    @Test
    void theRepliesTableFiltersAndPagesWithoutScript() throws Exception {
        Consultation c = openConsultation();
        reply(c, "CHE", Position.SUPPORTS, null, null, null);
        clock.set(Instant.parse("2026-02-10T08:30:00Z"));
        intake.submit(c.id(), new ReplySubmission("GHA", Map.of("Q7/17", Position.DOES_NOT_SUPPORT), null, null),
                new ReplySource(Channel.FAX, "officer", Instant.parse("2026-02-09T10:00:00Z"), null));
        String base = "/officer/consultations/" + c.id() + "/replies";

        String replied = text(html(base));
        assertThat(replied).contains("Member States 1 to 2 of 2")
                .contains("Ghana (GHA) 1 does not support no position no position Fax 9 February 2026, 10:00:00 UTC counted 1 version")
                .contains("Switzerland (CHE) 1 supports no position no position API");
        assertThat(text(html(base + "?channel=FAX"))).contains("Member States 1 to 1 of 1").contains("Ghana (GHA)")
                .doesNotContain("Switzerland (CHE)");
        assertThat(text(html(base + "?show=ALL&search=swi"))).contains("Member States 1 to 1 of 1").contains("Switzerland (CHE)");
        String notReplied = text(html(base + "?show=NOT_REPLIED"));
        assertThat(notReplied).contains("Member States 1 to 50 of 192").contains("Afghanistan (AFG) no reply")
                .doesNotContain("Ghana (GHA)").contains("Page 1 of 4");
        assertThat(text(html(base + "?show=ALL&page=4"))).contains("Member States 151 to 194 of 194").contains("Page 4 of 4")
                .contains("Zimbabwe (ZWE)");
        assertThat(text(html(base + "?search=Atlantis"))).contains("No Member State matches.");

        String bad = mvc.perform(get(base).param("show", "EVERYONE")).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString();
        assertThat(text(bad)).contains("'EVERYONE' is not a valid show");
    }

    @Test
    void oneMemberStatesVersionsWithTheirCommentsAndReasons() throws Exception {
        Consultation c = openConsultation();
        reply(c, "GHA", Position.DOES_NOT_SUPPORT, null, "First thoughts.", "Overlaps with SG13.");
        clock.set(Instant.parse("2026-02-20T09:00:00Z"));
        reply(c, "GHA", Position.SUPPORTS, null, "We agree now.", null);

        String table = html("/officer/consultations/" + c.id() + "/replies");
        assertThat(text(table)).contains("Ghana (GHA) 2 supports").contains("2 versions")
                .doesNotContain("First thoughts."); // the table reads no comments
        String page = text(html(link(table, "/officer/consultations/" + c.id() + "/replies/GHA")));
        assertThat(page).contains("Replies of Ghana (GHA)").contains("Version 2 is the current one, of 2 versions")
                .contains("Version 1 Positions per Question Q7/17 does not support").contains("Comments First thoughts. Reasons Overlaps with SG13.")
                .contains("Version 2 current Positions per Question Q7/17 supports").contains("Comments We agree now. Reasons none");

        assertThat(text(html("/officer/consultations/" + c.id() + "/replies/FRA"))).contains("This Member State has not replied.");
        String unknown = mvc.perform(get("/officer/consultations/{id}/replies/XYZ", c.id())).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString();
        assertThat(text(unknown)).contains("'XYZ' is not an ITU Member State.");
    }

    @Test
    void anAdoptedConsultationLinksToItsTaskInTasklist() throws Exception {
        Consultation adopted = adopt();
        String page = html("/officer/consultations/" + adopted.id());
        assertThat(link(page, "/camunda/app/tasklist/default/#/\\?task=[0-9a-f-]+")).isNotBlank();
        assertThat(text(page)).contains("Issue the circular (Tasklist)").doesNotContain("The result")
                .doesNotContain("Replies (CSV)");
    }

    @Test
    void onceDecidedWhenWhoByWhichThresholdAndWhetherTheResultNoticesWentOut() throws Exception {
        Consultation c = openConsultation();
        reply(c, "CHE", Position.SUPPORTS, Position.DOES_NOT_SUPPORT, null, null);
        clock.set(DEADLINE.plusSeconds(1));
        tallies.tally(c.id());

        String review = text(html("/officer/consultations/" + c.id()));
        assertThat(review).contains("Provisional tally")
                .contains("Approved as it stands; 1 more \u201cdoes not support\u201d reply would refer it back.")
                .contains("Referred back as it stands; 3 more \u201csupports\u201d would approve it.");

        clock.set(Instant.parse("2026-04-04T09:12:00Z"));
        tallies.announce(c.id(), "j.officer");
        String decided = text(html("/officer/consultations/" + c.id()));
        assertThat(decided).contains("Decided 4 April 2026, 09:12:00 UTC, announced by j.officer")
                .contains("Threshold approved when at least 70 % of the counted replies support a Question")
                .contains("Result notices")
                .contains("The result").contains("Tally (CSV)")
                .doesNotContain("as it stands").doesNotContain("Record a reply");
    }

    @Test
    void onlyOfficersSeeIt() throws Exception {
        Consultation c = openConsultation();
        actAs(TestAccounts.FRA);
        mvc.perform(get("/officer/consultations/{id}", c.id())).andExpect(status().isForbidden());
        mvc.perform(get("/officer/consultations/{id}/replies/FRA", c.id())).andExpect(status().isForbidden());
    }

    private void reply(Consultation c, String memberState, Position q7, Position q10, String comments, String reasons) {
        Map<String, Position> positions = new java.util.HashMap<>();
        if (q7 != null) {
            positions.put("Q7/17", q7);
        }
        if (q10 != null) {
            positions.put("Q10/17", q10);
        }
        intake.submit(c.id(), new ReplySubmission(memberState, positions, comments, reasons), ReplySource.now(Channel.API, "api"));
    }

    private String html(String path) throws Exception {
        return mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
