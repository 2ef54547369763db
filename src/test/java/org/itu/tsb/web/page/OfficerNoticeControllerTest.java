package org.itu.tsb.web.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
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
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.HtmlUtils;

/**
 * The outbox of a consultation as officers see it: the list with its counts, filters and pages, one notice as it was
 * sent with its HTML version framed, and "Send again". No mail server in this context: notices wait until a test
 * marks them.
 */
class OfficerNoticeControllerTest extends PageTestSupport {

    @Autowired NoticeOutbox outbox;

    @Test
    void theOutboxCountsFiltersAndPagesTheNoticesInTheOrderIssued() throws Exception {
        Consultation c = openConsultation(); // records a circular to every Member State and the information copies
        List<NoticeOutbox.Entry> all = outbox.findByConsultation(c.id());
        int total = all.size();
        assertThat(total).as("enough notices for several pages").isGreaterThan(150);
        long first = all.get(0).id();
        outbox.claim(List.of(first, all.get(1).id(), all.get(2).id()), OPENED);
        outbox.markSent(List.of(first, all.get(1).id()), OPENED.plusSeconds(2));
        outbox.markFailed(List.of(all.get(2).id()), "550 5.1.1 <administration@xyz.example>: mailbox unavailable");

        String page = html("/officer/consultations/" + c.id() + "/notices");
        int pages = (total + 49) / 50;
        assertThat(text(page)).contains("Notices of TSB Circular " + c.circularNumber())
                .contains("2 sent, 1 failed, " + (total - 3) + " waiting")
                .contains("Notices 1 to 50 of " + total + ", in the order issued")
                .contains("Page 1 of " + pages)
                .contains("Kind To Language Subject Status Attempts Next attempt / sent at Last error")
                .contains("circular " + all.get(0).notice().recipient() + " " + all.get(0).notice().language() + " "
                        + all.get(0).notice().subject() + " sent 1 2 February 2026, 09:00:02 UTC")
                .contains("failed 1 550 5.1.1 <administration@xyz.example>: mailbox unavailable")
                .contains("waiting 0 2 February 2026, 09:00:00 UTC")
                .doesNotContain("Previous page");
        assertThat(rows(page)).isEqualTo(50);
        assertThat(link(page, "/officer/consultations/" + c.id() + "/notices/\\d+")).endsWith("/notices/" + first);
        String filters = page.substring(page.indexOf("<form method=\"get\""), page.indexOf("</form>", page.indexOf("<form method=\"get\"")));
        assertThat(filters).as("a plain GET form").contains("<option value=\"\">every kind</option>")
                .contains("<option value=\"FAILED\">failed</option>").doesNotContain("_csrf");

        String second = html(link(page, "/officer/consultations/" + c.id() + "/notices\\?page=2"));
        assertThat(text(second)).contains("Notices 51 to 100 of " + total).contains("Page 2 of " + pages).contains("Previous page");
        assertThat(second).contains("/notices/" + all.get(50).id() + "\"").doesNotContain("/notices/" + all.get(49).id() + "\"");
        String last = html("/officer/consultations/" + c.id() + "/notices?page=99");
        assertThat(text(last)).as("a page beyond the last is the last").contains("Page " + pages + " of " + pages)
                .contains("to " + total + " of " + total).doesNotContain("Next page");

        String failed = html("/officer/consultations/" + c.id() + "/notices?kind=CIRCULAR&status=FAILED");
        assertThat(rows(failed)).isOne();
        assertThat(text(failed)).contains("Notices 1 to 1 of 1").contains("mailbox unavailable")
                .contains("2 sent, 1 failed").contains("Show every notice").doesNotContain("Page 1 of");
        assertThat(failed).contains("<option value=\"CIRCULAR\" selected=\"selected\">circular</option>")
                .contains("<option value=\"FAILED\" selected=\"selected\">failed</option>");
        String waitingSecondPage = html("/officer/consultations/" + c.id() + "/notices?status=PENDING&page=2");
        assertThat(link(waitingSecondPage, "/officer/consultations/" + c.id() + "/notices\\?status=PENDING&amp;page=1"))
                .as("the pages keep the filters").isNotEmpty();
        assertThat(text(html("/officer/consultations/" + c.id() + "/notices?kind=ACKNOWLEDGEMENT&status=")))
                .contains("No notice of this consultation matches.");
        assertThat(text(html("/officer/consultations/" + adopt().id() + "/notices"))).contains("No notice has been issued yet.");
        mvc.perform(get("/officer/consultations/{id}/notices?status=LOST", c.id())).andExpect(status().isNotFound());
    }

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
    void aFailedNoticeIsSentAgainAndAnyOtherIsNot() throws Exception {
        Consultation c = openConsultation();
        NoticeOutbox.Entry circular = outbox.findByConsultation(c.id()).get(0);
        outbox.claim(List.of(circular.id()), OPENED);
        outbox.markFailed(List.of(circular.id()), "550 5.1.1 mailbox unavailable");
        String address = "/officer/consultations/" + c.id() + "/notices/" + circular.id();

        String page = html(address);
        assertThat(text(page)).contains("Status failed Attempts 1").contains("Last error 550 5.1.1 mailbox unavailable")
                .contains("Send again");
        assertThat(page).contains("action=\"" + address + "/resend\"").contains("name=\"_csrf\"");

        MvcResult resent = mvc.perform(post(address + "/resend")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl(address)).andReturn();
        assertThat(outbox.find(circular.id()).orElseThrow().status()).isEqualTo(Status.PENDING);
        String after = text(mvc.perform(get(address).flashAttrs(resent.getFlashMap())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(after).contains("Notice " + circular.id() + " to " + circular.notice().recipient()
                        + " will be sent again, with a fresh count of attempts.")
                .contains("Status waiting Attempts 0").doesNotContain("Send again");

        MvcResult again = mvc.perform(post(address + "/resend")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl(address)).andReturn();
        assertThat(text(mvc.perform(get(address).flashAttrs(again.getFlashMap())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()))
                .contains("Notice " + circular.id() + " was not sent again: only a failed notice is, and this one is waiting.");
        assertThat(outbox.find(circular.id()).orElseThrow().attempts()).isZero();
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
        mvc.perform(post(elsewhere + "/resend")).andExpect(status().isNotFound());
        assertThat(outbox.find(circular.id()).orElseThrow().status()).as("not sent again").isEqualTo(Status.FAILED);
        mvc.perform(get("/officer/consultations/987654/notices")).andExpect(status().isNotFound());
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

        String list = html("/officer/consultations/" + c.id() + "/notices?kind=TO_STUDY_GROUP");
        String page = html("/officer/consultations/" + c.id() + "/notices/" + notice.id());
        for (String html : List.of(list, page)) {
            assertThat(html).doesNotContain("<script").contains("Comments: &lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;");
            assertThat(text(html)).contains("Comments: " + script).contains("550 " + script);
        }
        assertThat(text(page)).contains("France: " + script);
    }

    @Test
    void theRepliesPageSummarisesWhatIsNotDeliveredAndLinksToTheOutbox() throws Exception {
        Consultation c = openConsultation();
        NoticeOutbox.Entry circular = outbox.findByConsultation(c.id()).get(0);
        String page = html("/officer/consultations/" + c.id() + "/replies");
        assertThat(link(page, "/officer/consultations/" + c.id() + "/notices")).isNotEmpty();
        assertThat(link(page, "/officer/consultations/" + c.id() + "/notices/\\d+")).endsWith("/notices/" + circular.id());
        assertThat(text(page)).contains("All notices of this consultation")
                .contains("Subject To Status Attempts Next attempt Last error");
        assertThat(link(html("/officer/consultations"), "/officer/consultations/" + c.id() + "/notices")).isNotEmpty();
    }

    private String html(String path) throws Exception {
        return mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** The rows of the page's table of notices. */
    private static int rows(String html) {
        int body = html.indexOf("<tbody>");
        return body < 0 ? 0 : html.substring(body, html.indexOf("</tbody>")).split("<tr>", -1).length - 1;
    }
}
