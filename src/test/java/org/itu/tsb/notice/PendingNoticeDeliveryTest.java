package org.itu.tsb.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.itu.tsb.web.api.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A notice kept while no mail server was configured is delivered once one is, and only once. */
class PendingNoticeDeliveryTest extends ApiTestSupport {

    @Autowired NoticeOutbox outbox;
    @Autowired NoticeSender sender;

    @Test
    void keptNoticesAreDeliveredLaterExactlyOnce() throws Exception {
        long id = createConsultation();
        // as recorded by a run without spring.mail.host
        NoticeOutbox.Entry kept = outbox.record(new Notice(id, NoticeKind.REFERRED_BACK, "Q7/17", "tsbsg17@studygroups.example",
                "Q7/17 not approved, referred back to SG17: TSB Circular 9", "body"), Instant.now());
        assertThat(kept.status()).isEqualTo(NoticeOutbox.Status.PENDING);

        assertThat(sender.deliverPending()).isEqualTo(1);
        assertThat(sender.deliverPending()).isZero();

        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(smtp.getReceivedMessages()[0].getSubject()).isEqualTo("Q7/17 not approved, referred back to SG17: TSB Circular 9");
        assertThat(outbox.findByConsultation(id)).extracting(NoticeOutbox.Entry::status).containsOnly(NoticeOutbox.Status.SENT);
    }
}
