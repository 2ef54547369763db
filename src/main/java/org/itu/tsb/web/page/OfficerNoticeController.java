package org.itu.tsb.web.page;

import java.nio.charset.StandardCharsets;
import org.itu.tsb.consultation.ConsultationService;
import org.itu.tsb.notice.NoticeOutbox;
import org.itu.tsb.web.error.PageNotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/** The outbox of a consultation, for TSB officers: one notice as it was sent. */
@Controller
@RequestMapping("/officer/consultations/{id}/notices")
class OfficerNoticeController {

    private final ConsultationService consultations;
    private final NoticeOutbox outbox;
    private final MessageSource messages;

    OfficerNoticeController(ConsultationService consultations, NoticeOutbox outbox, MessageSource messages) {
        this.consultations = consultations;
        this.outbox = outbox;
        this.messages = messages;
    }

    /** The notice as it was sent: its headers, its plain text, and its HTML version in a sandboxed frame. */
    @GetMapping("/{noticeId}")
    String notice(@PathVariable long id, @PathVariable long noticeId, Model model) {
        model.addAttribute("consultation", consultations.get(id));
        model.addAttribute("entry", entryOf(id, noticeId));
        return "officer/notice";
    }

    /**
     * The HTML version as sent, for the notice page's sandboxed frame only: SecurityConfiguration gives this response
     * alone a sandbox policy and lets this application frame it.
     */
    @GetMapping("/{noticeId}/html")
    ResponseEntity<String> html(@PathVariable long id, @PathVariable long noticeId) {
        String html = entryOf(id, noticeId).notice().htmlBody();
        if (html == null) {
            throw new PageNotFoundException(text("notice.html.none"));
        }
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).body(html);
    }

    private NoticeOutbox.Entry entryOf(long consultationId, long noticeId) {
        return outbox.find(noticeId).filter(e -> e.notice().consultationId() == consultationId)
                .orElseThrow(() -> new PageNotFoundException(text("error.noticeNotFound.message", noticeId, consultationId)));
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
