package org.itu.tsb.web.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.itu.tsb.consultation.Consultation;
import org.itu.tsb.kernel.UtcTime;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/** "Record a reply received by e-mail, fax or letter": what the officer sees after each kind of entry. */
class OfficerReplyControllerTest extends PageTestSupport {

    static final byte[] PDF = """
            %PDF-1.4
            1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
            2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj
            xref
            0 3
            0000000000 65535 f\s
            0000000009 00000 n\s
            0000000058 00000 n\s
            trailer << /Size 3 /Root 1 0 R >>
            startxref
            110
            %%EOF
            """.getBytes(StandardCharsets.US_ASCII);

    @Test
    void faxedReplyWithItsScanIsRecordedCountedAndItsScanDownloads() throws Exception {
        Consultation c = openConsultation();
        clock.set(Instant.parse("2026-02-10T08:30:00Z"));

        MvcResult posted = mvc.perform(faxFromSwitzerland(c, "2026-02-09T10:15")
                        .file(new MockMultipartFile("attachment", "CHE reply form.pdf", "application/pdf", PDF)))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/officer/consultations/" + c.id() + "/replies"))
                .andReturn();

        String page = mvc.perform(get("/officer/consultations/{id}/replies", c.id()).flashAttrs(posted.getFlashMap()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(text(page))
                .contains("Version 1 of Switzerland's reply recorded, received 9 February 2026, 10:15:00 UTC, counted")
                .contains("Switzerland (CHE) 1 supports does not support no position Fax 9 February 2026, 10:15:00 UTC counted CHE reply form.pdf")
                .contains("1 of 194 Member States replied, all counted.");
        String versions = mvc.perform(get(link(page, "/officer/consultations/" + c.id() + "/replies/CHE")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(text(versions))
                .contains("Q7/17 supports Q10/17 does not support Q16/17 no position")
                .contains("Received 9 February 2026, 10:15:00 UTC Recorded 10 February 2026, 08:30:00 UTC Channel Fax Recorded by officer")
                .contains("Comments Q16/17 overlaps with SG13 work.")
                .contains("CHE reply form.pdf");

        String download = link(page, "/officer/consultations/" + c.id() + "/replies/\\d+/attachment");
        mvc.perform(get(download))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andExpect(content().bytes(PDF));
    }

    @Test
    void aTextFileNamedPdfIsRefusedAndNothingIsStored() throws Exception {
        Consultation c = openConsultation();
        clock.set(Instant.parse("2026-02-10T08:30:00Z"));

        String page = mvc.perform(faxFromSwitzerland(c, "2026-02-09T10:15")
                        .file(new MockMultipartFile("attachment", "scan.pdf", "application/pdf",
                                "Switzerland supports Q7/17.".getBytes(StandardCharsets.UTF_8))))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();

        assertThat(text(page)).contains("The reply was not recorded")
                .contains("Scanned reply form (scan.pdf): the file is text/plain, not a PDF or an image")
                .contains("scan.pdf: the file is text/plain");
        assertThat(storedVersions(c.id())).isZero();
        // the officer's input is kept
        assertThat(page).contains("value=\"CHE\" selected=\"selected\"").contains("value=\"2026-02-09\"").contains("value=\"10:15\"");
        assertThat(checked(page, "receivedWhen")).isEqualTo("AT");
        assertThat(checked(page, "positions.Q10/17")).isEqualTo("DOES_NOT_SUPPORT");
        assertThat(checked(page, "channel")).isEqualTo("FAX");
        assertThat(text(page)).contains("Q16/17 overlaps with SG13 work.");
    }

    @Test
    void aReceivedTimeInTheFutureIsRefusedAndNothingIsStored() throws Exception {
        Consultation c = openConsultation();
        clock.set(Instant.parse("2026-02-10T08:30:00Z"));

        String page = mvc.perform(faxFromSwitzerland(c, "2026-02-10T09:00"))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();

        assertThat(text(page)).contains("Received by TSB: 10 February 2026, 09:00:00 UTC is in the future (now 10 February 2026, 08:30:00 UTC)");
        assertThat(page).contains("id=\"receivedAt-error\"");
        assertThat(storedVersions(c.id())).isZero();
    }

    @Test
    void anUnknownMemberStateIsRefusedWithItsCodeAndNothingIsStored() throws Exception {
        Consultation c = openConsultation();
        clock.set(Instant.parse("2026-02-10T08:30:00Z"));

        String page = mvc.perform(fax(c, "XYZ", "2026-02-09T10:15", "SUPPORTS"))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();

        assertThat(text(page)).contains("Member State: 'XYZ' is not an ITU Member State");
        assertThat(storedVersions(c.id())).isZero();
    }

    @Test
    void theSameFaxTwiceRecordsNothingNewAndALateFaxIsNotCounted() throws Exception {
        Consultation c = openConsultation();
        clock.set(Instant.parse("2026-02-10T08:30:00Z"));
        mvc.perform(faxFromSwitzerland(c, "2026-02-09T10:15")).andExpect(status().is3xxRedirection());

        MvcResult again = mvc.perform(faxFromSwitzerland(c, "2026-02-09T10:15")).andExpect(status().is3xxRedirection()).andReturn();
        assertThat((String) again.getFlashMap().get("notice"))
                .isEqualTo("Switzerland's reply is identical to version 1 (received 9 February 2026, 10:15:00 UTC): nothing new recorded");

        clock.set(Instant.parse("2026-04-06T09:00:00Z"));
        MvcResult late = mvc.perform(fax(c, "CHE", "2026-04-04T07:45", "DOES_NOT_SUPPORT"))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat((String) late.getFlashMap().get("notice"))
                .isEqualTo("Version 2 of Switzerland's reply recorded, received 4 April 2026, 07:45:00 UTC, late, not counted");
        assertThat(storedVersions(c.id())).isEqualTo(2);

        String page = mvc.perform(get("/officer/consultations/{id}/replies", c.id())).andReturn().getResponse().getContentAsString();
        assertThat(text(page)).contains("Switzerland (CHE) 1 supports") // version 1, on time, still counts
                .contains("counted late version 2 versions")
                .contains("1 of 194 Member States replied: 1 counted (received by the deadline). "
                        + "1 of the counted States also sent a reply too late to count; its reply received in time stands.");
    }

    @Test
    void noReplyIsRecordedBeforeTheCircularIsIssued() throws Exception {
        Consultation adopted = adopt();

        String page = mvc.perform(faxFromSwitzerland(adopted, "2026-02-01T10:15"))
                .andExpect(status().isConflict())
                .andReturn().getResponse().getContentAsString();

        assertThat(text(page)).contains("is not open for replies: TSB has not issued its circular yet");
        assertThat(storedVersions(adopted.id())).isZero();
    }

    @Test
    void anUnknownConsultationIsAPageNotFound() throws Exception {
        String page = mvc.perform(get("/officer/consultations/{id}/replies/new", 999_999))
                .andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString();
        assertThat(text(page)).contains("Consultation not found").contains("Consultation 999999 does not exist");
    }

    private static MockMultipartHttpServletRequestBuilder faxFromSwitzerland(Consultation c, String receivedAt) {
        return fax(c, "CHE", receivedAt, "SUPPORTS");
    }

    /** {@code receivedAt} as "2026-02-09T10:15": the date and the 24-hour time the officer types, both UTC; null: "received now". */
    private static MockMultipartHttpServletRequestBuilder fax(Consultation c, String memberState, String receivedAt, String q7) {
        MockMultipartHttpServletRequestBuilder request = multipart("/officer/consultations/{id}/replies/new", c.id());
        request.param("memberState", memberState)
                .param("receivedWhen", receivedAt == null ? "NOW" : "AT")
                .param("receivedDate", receivedAt == null ? "" : receivedAt.substring(0, 10))
                .param("receivedTime", receivedAt == null ? "" : receivedAt.substring(11))
                .param("channel", "FAX")
                .param("positions.Q7/17", q7)
                .param("positions.Q10/17", "DOES_NOT_SUPPORT")
                .param("positions.Q16/17", "NONE")
                .param("comments", "Q16/17 overlaps with SG13 work.")
                .param("reasons", "")
                .param("recordedBy", "j.officer");
        return request;
    }

    @Test
    void aReplyReceivedNowIsRecordedAtTheClocksTimeAndTheFormSaysItTakesLettersTooIn24HourUtc() throws Exception {
        Consultation c = openConsultation();
        String form = mvc.perform(get("/officer/consultations/{id}/replies/new", c.id())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(form).contains("Record a reply received by e-mail, fax or letter").doesNotContain("datetime-local")
                .contains("id=\"receivedWhen-now\"").contains("type=\"date\"").contains("placeholder=\"HH:MM\"")
                .contains("Time (UTC, 24-hour, HH:MM)");

        MvcResult posted = mvc.perform(fax(c, "CHE", null, "SUPPORTS"))
                .andExpect(status().is3xxRedirection()).andReturn();

        assertThat(posted.getFlashMap().get("notice").toString()).contains("received " + UtcTime.format(clock.instant()));
    }

    @Test
    void aTwelveHourTimeIsRefusedInPlainWordsAndNothingIsStored() throws Exception {
        Consultation c = openConsultation();

        String page = mvc.perform(fax(c, "CHE", "2026-02-09T2:15 PM", "SUPPORTS"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(text(page)).contains("'2:15 PM' is not a time such as 14:05 (hours 00 to 23, minutes 00 to 59, UTC)");
        assertThat(page).contains("id=\"receivedAt-error\"");
        assertThat(storedVersions(c.id())).isZero();
    }
}
