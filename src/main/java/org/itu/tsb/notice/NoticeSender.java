package org.itu.tsb.notice;

import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues notices: records each in the outbox, in the transaction of the step that causes it. Nothing is sent here:
 * {@link NoticeDelivery} sends apart from the procedure, so a mail server that is down or silent never holds up the
 * deadline, the tally or a decision.
 */
@Service
public class NoticeSender {

    private final NoticeOutbox outbox;
    private final Clock clock;

    public NoticeSender(NoticeOutbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public void issue(List<Notice> notices) {
        for (Notice notice : notices) {
            outbox.record(notice, clock.instant());
        }
    }
}
