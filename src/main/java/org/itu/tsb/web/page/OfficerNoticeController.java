package org.itu.tsb.web.page;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.itu.tsb.consultation.Consultation;
import org.itu.tsb.consultation.ConsultationService;
import org.itu.tsb.notice.NoticeKind;
import org.itu.tsb.notice.NoticeOutbox;
import org.itu.tsb.notice.NoticeSender;
import org.itu.tsb.web.error.PageNotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The outbox of a consultation, for TSB officers: every notice in the order issued (new notices are added at the end,
 * so the pages an officer is leafing through do not shift), one notice as it was sent, and sending a failed one again.
 */
@Controller
@RequestMapping("/officer/consultations/{id}/notices")
class OfficerNoticeController {

    /** A consultation has some 400 to 1000 notices: the database pages them, 50 at a time. */
    static final int PAGE_SIZE = 50;

    private final ConsultationService consultations;
    private final NoticeOutbox outbox;
    private final NoticeSender notices;
    private final MessageSource messages;

    OfficerNoticeController(ConsultationService consultations, NoticeOutbox outbox, NoticeSender notices, MessageSource messages) {
        this.consultations = consultations;
        this.outbox = outbox;
        this.notices = notices;
        this.messages = messages;
    }

    /** Notices {@code from} to {@code to} (counted from 1) of {@code matching}, on page {@code number} of {@code pages}. */
    public record Paging(int number, int pages, int from, int to, int matching, String previous, String next) {}

    @GetMapping
    String list(@PathVariable long id, @RequestParam(required = false) NoticeKind kind,
                @RequestParam(required = false) NoticeOutbox.Status status, @RequestParam(defaultValue = "1") int page, Model model) {
        Consultation consultation = consultations.get(id);
        NoticeOutbox.Counts counts = outbox.countByStatus(id);
        NoticeOutbox.Counts ofKind = kind == null ? counts : outbox.countByStatus(id, kind);
        int matching = status == null ? ofKind.total() : ofKind.of(status);
        int pages = Math.max(1, (matching + PAGE_SIZE - 1) / PAGE_SIZE);
        int number = Math.min(Math.max(page, 1), pages);
        int offset = (number - 1) * PAGE_SIZE;
        List<NoticeOutbox.Line> lines = matching == 0 ? List.of()
                : outbox.find(id, kind, status == null ? Set.of() : Set.of(status), offset, PAGE_SIZE);
        model.addAttribute("consultation", consultation);
        model.addAttribute("counts", counts);
        model.addAttribute("kinds", NoticeKind.values());
        model.addAttribute("statuses", NoticeOutbox.Status.values());
        model.addAttribute("kind", kind);
        model.addAttribute("status", status);
        model.addAttribute("lines", lines);
        model.addAttribute("paging", new Paging(number, pages, offset + 1, offset + lines.size(), matching,
                number > 1 ? pageLink(id, kind, status, number - 1) : null,
                number < pages ? pageLink(id, kind, status, number + 1) : null));
        return "officer/notices";
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

    /** "Send again": a FAILED notice is due at once, with a fresh count of attempts; any other is left as it is. */
    @PostMapping("/{noticeId}/resend")
    String resend(@PathVariable long id, @PathVariable long noticeId, RedirectAttributes redirect) {
        NoticeOutbox.Entry entry = entryOf(id, noticeId);
        if (notices.resend(noticeId)) {
            redirect.addFlashAttribute("notice", text("notice.resent", noticeId, entry.notice().recipient()));
        } else {
            NoticeOutbox.Status now = outbox.find(noticeId).map(NoticeOutbox.Entry::status).orElse(entry.status());
            redirect.addFlashAttribute("refusal", text("notice.notFailed", noticeId, text("notice.status." + now)));
        }
        return "redirect:/officer/consultations/" + id + "/notices/" + noticeId;
    }

    private NoticeOutbox.Entry entryOf(long consultationId, long noticeId) {
        return outbox.find(noticeId).filter(e -> e.notice().consultationId() == consultationId)
                .orElseThrow(() -> new PageNotFoundException(text("error.noticeNotFound.message", noticeId, consultationId)));
    }

    /** The list's address with its filters and another page number. */
    private static String pageLink(long id, NoticeKind kind, NoticeOutbox.Status status, int page) {
        return UriComponentsBuilder.fromPath("/officer/consultations/{id}/notices")
                .queryParamIfPresent("kind", Optional.ofNullable(kind))
                .queryParamIfPresent("status", Optional.ofNullable(status))
                .queryParam("page", page)
                .buildAndExpand(id).toUriString();
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
