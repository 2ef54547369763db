package org.itu.tsb.web.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
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
import org.springframework.mock.web.MockHttpServletResponse;

class OfficerResultControllerTest extends PageTestSupport {

    @Autowired ReplyIntake intake;
    @Autowired TallyService tallies;

    /** Côte d'Ivoire and Türkiye support Q7/17 and not Q10/17; Switzerland replies late. */
    private Consultation tallied() {
        Consultation c = openConsultation();
        intake.submit(c.id(), new ReplySubmission("CIV", Map.of("Q7/17", Position.SUPPORTS, "Q10/17", Position.DOES_NOT_SUPPORT),
                "=HYPERLINK(\"http://evil.example\",\"see\")", "Overlaps with SG13."), ReplySource.now(Channel.API, "api"));
        intake.submit(c.id(), new ReplySubmission("TUR", Map.of("Q7/17", Position.SUPPORTS), null, null),
                ReplySource.now(Channel.API, "api"));
        clock.set(DEADLINE.plusSeconds(1));
        tallies.tally(c.id());
        intake.submit(c.id(), new ReplySubmission("CHE", Map.of("Q7/17", Position.DOES_NOT_SUPPORT), null, null),
                ReplySource.now(Channel.API, "api"));
        return c;
    }

    @Test
    void whileTheTallyIsReviewedTheAnnouncementIsADraftMarkedProvisional() throws Exception {
        Consultation c = tallied();
        String page = text(page("/officer/consultations/" + c.id() + "/result"));
        assertThat(page).contains("Provisional: not announced").contains("Draft of 4 April 2026, not announced")
                .contains("Decision (provisional)").doesNotContain("Geneva, 4 April");
        assertThat(text(page("/officer/consultations/" + c.id() + "/replies")))
                .contains("Draft of the result announcement (provisional, to review; print or PDF)");
        MockHttpServletResponse pdf = mvc.perform(get("/officer/consultations/" + c.id() + "/result.pdf"))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(pdf.getHeader("Content-Disposition"))
                .isEqualTo("inline; filename=\"TSB-Circular-" + c.circularNumber() + "-result-provisional.pdf\"");
        assertThat(pdfText(pdf.getContentAsByteArray(), null)).contains("PROVISIONAL: NOT ANNOUNCED");
    }

    @Test
    void onceAnnouncedThePageAndThePdfGiveEachQuestionsTallyAndDecisionAndWhoReplied() throws Exception {
        Consultation c = tallied();
        clock.set(Instant.parse("2026-04-07T10:00:00Z"));
        tallies.announce(c.id(), "officer");

        String page = text(page("/officer/consultations/" + c.id() + "/result"));
        assertThat(page).contains("Geneva, 7 April 2026").contains("TSB Circular " + c.circularNumber() + ": result / SG17")
                .contains("To: Administrations of Member States of the Union")
                .contains("Draft revised Question Q7/17 “Secure application services” 2 0 2 100.0\u00a0% 70\u00a0% Approved")
                .contains("Draft revised Question Q10/17 “Management of digital identity, security and services” 0 1 1 0.0\u00a0% 70\u00a0% "
                        + "Not approved: referred back to the study group")
                .contains("Draft new Question Q16/17 “AI security” 0 0 0 no counted reply 70\u00a0% Approved")
                .contains("Not approved and referred back to SG17: Draft revised Question Q10/17")
                .contains("will be sent to SG17")
                .contains("2 Member States replied by the deadline, and their replies are counted: Côte d'Ivoire, Türkiye.")
                .contains("Replies received but not counted (1: received after the deadline, or entered by TSB after the announcement): Switzerland.")
                .doesNotContain("Provisional").doesNotContain("HYPERLINK"); // comments go to the study group, not in here

        MockHttpServletResponse pdf = mvc.perform(get("/officer/consultations/" + c.id() + "/result.pdf"))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(pdf.getContentType()).isEqualTo("application/pdf");
        assertThat(pdf.getHeader("Content-Disposition")).isEqualTo("inline; filename=\"TSB-Circular-" + c.circularNumber() + "-result.pdf\"");
        String text = pdfText(pdf.getContentAsByteArray(), Path.of("target", "result-announcement.png"));
        assertThat(text.replaceAll("\\s+", " ")).contains("Geneva, 7 April 2026")
                .contains("Not approved: referred back to the study group").contains("Approved")
                .contains("Côte d'Ivoire, Türkiye").contains("Switzerland").contains("Page 1 of")
                .doesNotContain("#"); // every character in the built-in fonts, none replaced
    }

    @Test
    void beforeTheDeadlineThereIsNoResultToAnnounce() throws Exception {
        Consultation c = openConsultation();
        mvc.perform(get("/officer/consultations/" + c.id() + "/result")).andExpect(status().isConflict());
        mvc.perform(get("/officer/consultations/" + c.id() + "/result.pdf")).andExpect(status().isConflict());
        mvc.perform(get("/officer/consultations/" + c.id() + "/tally.csv")).andExpect(status().isConflict());
    }

    @Test
    void theCsvDownloadsAreTheApisFilesAndEveryCellIsInert() throws Exception {
        Consultation c = tallied();
        MockHttpServletResponse replies = mvc.perform(get("/officer/consultations/" + c.id() + "/replies.csv"))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(replies.getContentType()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(replies.getHeader("Content-Disposition"))
                .isEqualTo("attachment; filename=\"TSB-Circular-" + c.circularNumber() + "-replies.csv\"");
        String csv = new String(replies.getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFmember_state,member_state_name,version,current,counted,channel,received_at_utc,")
                .contains("CIV,Côte d'Ivoire,1,true,true,API,2026-02-02T09:00:00Z,2026-02-02T09:00:00Z,false,false,Q10/17,DOES_NOT_SUPPORT,api,"
                        + "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"see\"\")\",Overlaps with SG13.\r\n")
                .contains("CHE,Switzerland,1,true,false,API,2026-04-04T00:00:00.999Z,")
                .doesNotContain(",=HYPERLINK");
        assertThat(csv.lines()).hasSize(1 + 3 * 3);

        String tally = mvc.perform(get("/officer/consultations/" + c.id() + "/tally.csv")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(tally).isEqualTo("\uFEFFquestion,title,supports,does_not_support,counted,percent,threshold_percent,decision,provisional\r\n"
                + "Q7/17,Secure application services,2,0,2,100.0,70,APPROVED,true\r\n"
                + "Q10/17,\"Management of digital identity, security and services\",0,1,1,0.0,70,REFERRED_BACK,true\r\n"
                + "Q16/17,AI security,0,0,0,,70,APPROVED,true\r\n");
    }

    @Test
    void onlyOfficersSeeTheAnnouncementAndTheDownloads() throws Exception {
        Consultation c = tallied();
        for (String user : new String[] {TestAccounts.FRA, TestAccounts.READER}) {
            for (String path : new String[] {"/result", "/result.pdf", "/replies.csv", "/tally.csv"}) {
                mvc.perform(get("/officer/consultations/" + c.id() + path).with(as(user))).andExpect(status().isForbidden());
            }
        }
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** The PDF's text; its first page as a PNG too, to look at, if {@code png} is given. */
    private static String pdfText(byte[] pdf, Path png) throws Exception {
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isPositive();
            if (png != null) {
                Files.createDirectories(png.getParent());
                BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 100);
                ImageIO.write(image, "png", new File(png.toString()));
            }
            return new PDFTextStripper().getText(document);
        }
    }
}
