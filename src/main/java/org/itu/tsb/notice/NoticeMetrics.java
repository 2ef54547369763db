package org.itu.tsb.notice;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.itu.tsb.kernel.Sampled;
import org.springframework.stereotype.Component;

/**
 * {@code consultation.notices}: the notices of every consultation not sent yet, by status ({@code pending}: waiting or
 * due again after a refusal; {@code sending}: claimed by a node now; {@code failed}: refused at every attempt, an
 * officer must look). A pending count that only grows means the mail server is away; the notices wait in the outbox.
 * {@code consultation.acknowledgements.due}: replies whose acknowledgement is not composed yet; more than a few for
 * longer than a few seconds means the composing is stuck (its log says why).
 */
@Component
class NoticeMetrics implements MeterBinder {

    static final String NOTICES = "consultation.notices";
    static final String ACKNOWLEDGEMENTS_DUE = "consultation.acknowledgements.due";

    private final Sampled<Map<NoticeOutbox.Status, Integer>> counts;
    private final Sampled<Integer> acknowledgementsDue;

    NoticeMetrics(NoticeOutbox outbox, DueAcknowledgements due) {
        this.counts = Sampled.every(Duration.ofSeconds(5), outbox::countUndelivered);
        this.acknowledgementsDue = Sampled.every(Duration.ofSeconds(5), due::count);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (NoticeOutbox.Status status : NoticeOutbox.UNDELIVERED) {
            Gauge.builder(NOTICES, counts, c -> c.get().get(status))
                    .description("Notices not sent yet, by status (read at most every 5 s)")
                    .tag("status", status.name().toLowerCase(Locale.ROOT)).register(registry);
        }
        Gauge.builder(ACKNOWLEDGEMENTS_DUE, acknowledgementsDue, due -> due.get())
                .description("Replies whose acknowledgement is not composed into the outbox yet (read at most every 5 s)")
                .register(registry);
    }
}
