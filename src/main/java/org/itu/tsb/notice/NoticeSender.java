package org.itu.tsb.notice;

import java.time.Clock;
import java.util.List;
import org.itu.tsb.consultation.DeadlineChanged;
import org.itu.tsb.reply.ReplyRecorded;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues notices: records each in the outbox, in the transaction of the step that causes it (an acknowledgement: that
 * it is due, see {@link #acknowledge}). Nothing is sent here:
 * {@link NoticeDelivery} sends apart from the procedure, so a mail server that is down or silent never holds up the
 * deadline, the tally or a decision.
 */
@Service
public class NoticeSender {

    private final NoticeOutbox outbox;
    private final NoticeComposer composer;
    private final DueAcknowledgements acknowledgements;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public NoticeSender(NoticeOutbox outbox, NoticeComposer composer, DueAcknowledgements acknowledgements,
                        ApplicationEventPublisher events, Clock clock) {
        this.outbox = outbox;
        this.composer = composer;
        this.acknowledgements = acknowledgements;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public void issue(List<Notice> notices) {
        outbox.recordAll(notices, clock.instant());
    }

    /** An officer sends a FAILED notice again (due now, with a fresh count of attempts); false if it had not failed. */
    @Transactional
    public boolean resend(long noticeId) {
        if (!outbox.resend(noticeId, clock.instant())) {
            return false;
        }
        events.publishEvent(new NoticeResent(noticeId));
        return true;
    }

    /** A change of the deadline is told to the Member States, in the transaction that makes it. */
    @EventListener
    public void deadlineChanged(DeadlineChanged changed) {
        issue(composer.deadlineChanged(changed.change()));
    }

    /**
     * Every recorded reply version is acknowledged to its Member State. The transaction that stores it records only
     * that it is due, a row of its own; {@link AcknowledgementComposition} composes it into the outbox soon after, apart
     * from the reply's request, of whose time composing it took about three quarters.
     */
    @EventListener
    public void acknowledge(ReplyRecorded reply) {
        acknowledgements.record(reply.consultationId(), reply.versionId(), clock.instant());
    }
}
