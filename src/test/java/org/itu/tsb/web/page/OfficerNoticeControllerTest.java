package org.itu.tsb.web.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.itu.tsb.consultation.Consultation;
import org.itu.tsb.notice.Notice;
import org.itu.tsb.notice.NoticeKind;
import org.itu.tsb.notice.NoticeOutbox;
import org.itu.tsb.notice.NoticeOutbox.Status;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.util.HtmlUtils;

/**
 * The outbox of a consultation as officers see it: one notice as it was sent with its HTML version framed. No mail
 * server in this context: notices wait until a test marks them.
 */
class OfficerNoticeControllerTest extends PageTestSupport {

    @Autowired NoticeOutbox outbox;

    @Test
    void aNoticeShowsItsHeadersItsTextAndItsHtmlVersionFramedFromItsOwnSandboxedAddress() throws Exception {
        Consultation c = openConsultation();
        NoticeOutbox.Entry circular = outbox.findByConsultation(c.id()).get(0);
        String address = "/officer/consultations/" + c.id() + "/notices/" + circular.id();

        String page = mvc.perform(get(address)).andExpect(status().isOk())
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
                .andReturn().getResponse().getContentAsString();
        assertThat(text(page)).contains("Notice " + circular.id() + ": circular")
                .contains("To " + circular.notice().recipient() + " Subject " + circular.notice().subject()
                        + " Language " + circular.notice().language()
                        + " Message-ID <notice-" + circular.id() + "@consultation-workflow> Kind circular Status waiting Attempts 0"
                        + " Next attempt 2 February 2026, 09:00:00 UTC Last error none")
                .contains("Plain text").contains("HTML version")
                .doesNotContain("Send again");
        Matcher pre = Pattern.compile("(?s)<pre class=\"notice-text\">(.*?)</pre>").matcher(page);
        assertThat(pre.find()).as("the plain text in a <pre>").isTrue();
        assertThat(HtmlUtils.htmlUnescape(pre.group(1))).isEqualTo(circular.notice().body());
        assertThat(page).as("the HTML version is framed, sandboxed, never inlined")
                .contains("<iframe sandbox class=\"notice-html\" src=\"" + address + "/html\"")
                .doesNotContain("font-family:Arial");

        mvc.perform(get(address + "/html")).andExpect(status().isOk())
                .andExpect(content().contentType("text/html;charset=UTF-8"))
                .andExpect(header().string("Content-Security-Policy",
                        "sandbox; default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "SAMEORIGIN"))
                .andExpect(content().string(circular.notice().htmlBody()));
    }

    @Test
    void aNoticeOfAnotherConsultationIsNotFoundByAnyRoute() throws Exception {
        Consultation c = openConsultation();
        Consultation other = openConsultation();
        NoticeOutbox.Entry circular = outbox.findByConsultation(c.id()).get(0);
        outbox.claim(List.of(circular.id()), OPENED);
        outbox.markFailed(List.of(circular.id()), "550");
        String elsewhere = "/officer/consultations/" + other.id() + "/notices/" + circular.id();

        String page = mvc.perform(get(elsewhere)).andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        assertThat(text(page)).contains("Consultation " + other.id() + " has no notice " + circular.id() + ".");
        mvc.perform(get(elsewhere + "/html")).andExpect(status().isNotFound());
        mvc.perform(get("/officer/consultations/987654/notices/" + circular.id())).andExpect(status().isNotFound());
        mvc.perform(get("/officer/consultations/{id}/notices/987654", c.id())).andExpect(status().isNotFound());
    }

    @Test
    void whatANoticeSaysIsShownAsText() throws Exception {
        Consultation c = openConsultation();
        String script = "<script>document.title='pwned'</script>";
        NoticeOutbox.Entry notice = outbox.record(new Notice(c.id(), NoticeKind.TO_STUDY_GROUP, "", "tsbsg17@studygroups.example", "en",
                "Comments: " + script, "France: " + script, "<p>France: &lt;script&gt;</p>"), OPENED);
        outbox.claim(List.of(notice.id()), OPENED);
        outbox.markFailed(List.of(notice.id()), "550 " + script);

        String page = html("/officer/consultations/" + c.id() + "/notices/" + notice.id());
        assertThat(page).doesNotContain("<script").contains("Comments: &lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;");
        assertThat(text(page)).contains("Comments: " + script).contains("550 " + script).contains("France: " + script);
    }

    @Test
    void theRepliesPageLinksEachNoticeNotDeliveredYetToItsPage() throws Exception {
        Consultation c = openConsultation();
        NoticeOutbox.Entry circular = outbox.findByConsultation(c.id()).get(0);
        String page = html("/officer/consultations/" + c.id() + "/replies");
        assertThat(link(page, "/officer/consultations/" + c.id() + "/notices/\\d+")).endsWith("/notices/" + circular.id());
        assertThat(text(page)).contains("Subject To Status Attempts Next attempt Last error");
    }

    private String html(String path) throws Exception {
        return mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

}
