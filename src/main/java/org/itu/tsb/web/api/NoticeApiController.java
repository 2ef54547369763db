package org.itu.tsb.web.api;

import java.time.Instant;
import java.util.List;
import org.itu.tsb.consultation.ConsultationService;
import org.itu.tsb.consultation.ConsultationStateException;
import org.itu.tsb.notice.NoticeKind;
import org.itu.tsb.notice.NoticeOutbox;
import org.itu.tsb.notice.NoticeSender;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The outbox of a consultation, for TSB: every notice as it was sent, its delivery, and re-sending a failed one. */
@RestController
@RequestMapping("/api/consultations/{consultationId}/notices")
class NoticeApiController {

    private final NoticeOutbox outbox;
    private final ConsultationService consultations;
    private final NoticeSender notices;

    NoticeApiController(NoticeOutbox outbox, ConsultationService consultations, NoticeSender notices) {
        this.outbox = outbox;
        this.consultations = consultations;
        this.notices = notices;
    }

    /** A notice as it was sent: {@code reference} names the reply version an acknowledgement is for. */
    record NoticeView(long id, NoticeKind kind, String reference, String recipient, String language, String subject,
                      String body, String htmlBody, NoticeOutbox.Status status, int attempts, Instant nextAttemptAt,
                      String lastError, Instant sentAt) {

        static NoticeView of(NoticeOutbox.Entry e) {
            var n = e.notice();
            return new NoticeView(e.id(), n.kind(), n.reference().isEmpty() ? null : n.reference(), n.recipient(), n.language(),
                    n.subject(), n.body(), n.htmlBody(), e.status(), e.attempts(),
                    e.status() == NoticeOutbox.Status.PENDING ? e.nextAttemptAt() : null, e.lastError(), e.sentAt());
        }
    }

    /** Every notice of the consultation, in the order issued; {@code ?kind=CIRCULAR&status=FAILED} narrows it. */
    @GetMapping
    List<NoticeView> list(@PathVariable long consultationId, @RequestParam(required = false) NoticeKind kind,
                          @RequestParam(required = false) NoticeOutbox.Status status) {
        consultations.get(consultationId); // 404 for an unknown consultation
        return outbox.findByConsultation(consultationId).stream()
                .filter(e -> kind == null || e.notice().kind() == kind)
                .filter(e -> status == null || e.status() == status)
                .map(NoticeView::of).toList();
    }

    @GetMapping("/{noticeId}")
    ResponseEntity<NoticeView> notice(@PathVariable long consultationId, @PathVariable long noticeId) {
        return ResponseEntity.of(find(consultationId, noticeId).map(NoticeView::of));
    }

    /** Sends a FAILED notice again (after its address was corrected at the receiving end, say); 409 for any other. */
    @PostMapping("/{noticeId}/resend")
    ResponseEntity<NoticeView> resend(@PathVariable long consultationId, @PathVariable long noticeId) {
        if (find(consultationId, noticeId).isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        if (!notices.resend(noticeId)) {
            throw new ConsultationStateException("notice " + noticeId + " has not failed: only a failed notice is sent again");
        }
        return ResponseEntity.of(outbox.find(noticeId).map(NoticeView::of));
    }

    private java.util.Optional<NoticeOutbox.Entry> find(long consultationId, long noticeId) {
        return outbox.find(noticeId).filter(e -> e.notice().consultationId() == consultationId);
    }
}
