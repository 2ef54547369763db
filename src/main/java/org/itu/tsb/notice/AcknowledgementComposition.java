package org.itu.tsb.notice;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Composes the acknowledgements of the reply versions recorded since the last run into the outbox, apart from the
 * replies' requests: writing one (templates, outbox rows with their bodies) took about three quarters of a reply's
 * time, and a commit of its own per reply is what the database makes dear. The reply's transaction records only that
 * its version is due ({@link DueAcknowledgements}); here each due version is taken (its row deleted) and its
 * acknowledgement recorded in one transaction, up to {@value #BATCH} to a transaction. A crash in between loses
 * nothing: what was not committed is still due. Of two nodes running this at once, each acknowledgement is composed by
 * one: the other waits for the row's lock, then finds it gone.
 * <p>
 * It runs whether or not a mail server is configured: the outbox holds the acknowledgements either way.
 */
@Component
public class AcknowledgementComposition {

    private static final Logger log = LoggerFactory.getLogger(AcknowledgementComposition.class);
    static final int BATCH = 200;
    /** At most so many batches a run: under a steady stream of replies the delivery still gets its turn. */
    private static final int MAX_BATCHES = 50;

    private final DueAcknowledgements due;
    private final NoticeComposer composer;
    private final NoticeOutbox outbox;
    private final TransactionTemplate batch;
    /** A savepoint per acknowledgement: one that cannot be composed is rolled back alone, and stays due. */
    private final TransactionTemplate each;
    private final Clock clock;

    public AcknowledgementComposition(DueAcknowledgements due, NoticeComposer composer, NoticeOutbox outbox,
                                      PlatformTransactionManager transactions, Clock clock) {
        this.due = due;
        this.composer = composer;
        this.outbox = outbox;
        this.batch = new TransactionTemplate(transactions);
        this.each = new TransactionTemplate(transactions);
        this.each.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.clock = clock;
    }

    /**
     * Composes what is due, each once; returns how many this call composed. One that fails is logged and left due, to
     * be tried at the next run: it never holds up the others, and a run tries each due version at most once.
     */
    @Scheduled(fixedDelayString = "${consultation.notices.deliver-every}")
    public int composeDue() {
        int composed = 0;
        long after = 0;
        for (int batches = 0; batches < MAX_BATCHES; batches++) {
            List<DueAcknowledgements.Due> next = due.after(after, BATCH);
            if (next.isEmpty()) {
                break;
            }
            after = next.get(next.size() - 1).replyVersionId();
            composed += batch.execute(status -> composeAll(next));
        }
        return composed;
    }

    private int composeAll(List<DueAcknowledgements.Due> versions) {
        int composed = 0;
        for (DueAcknowledgements.Due version : versions) {
            try {
                composed += each.execute(status -> compose(version));
            } catch (RuntimeException e) {
                try (var consultation = MDC.putCloseable("consultationId", Long.toString(version.consultationId()))) {
                    log.warn("The acknowledgement of reply version {} could not be composed, it stays due: {}",
                            version.replyVersionId(), NoticeDelivery.describe(e), e);
                }
            }
        }
        return composed;
    }

    private int compose(DueAcknowledgements.Due version) {
        if (!due.take(version.replyVersionId())) {
            return 0; // another node composed it
        }
        outbox.recordAll(composer.acknowledgement(version.consultationId(), version.replyVersionId()), clock.instant());
        return 1;
    }
}
