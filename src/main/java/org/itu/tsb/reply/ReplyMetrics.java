package org.itu.tsb.reply;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@code consultation.replies.received}: reply versions stored, by channel and by lateness. Counted when the reply's
 * transaction commits (a refused or rolled-back reply is not received); every pair of tags is there from the start,
 * at zero, so a dashboard has a line for it before the first reply.
 */
@Component
class ReplyMetrics {

    static final String RECEIVED = "consultation.replies.received";

    private final Map<Channel, Counter> onTime = new EnumMap<>(Channel.class);
    private final Map<Channel, Counter> late = new EnumMap<>(Channel.class);

    ReplyMetrics(MeterRegistry registry) {
        for (Channel channel : Channel.values()) {
            onTime.put(channel, counter(registry, channel, false));
            late.put(channel, counter(registry, channel, true));
        }
    }

    private static Counter counter(MeterRegistry registry, Channel channel, boolean late) {
        return Counter.builder(RECEIVED).description("Reply versions stored, by channel and by lateness").tag("channel", channel.name().toLowerCase(Locale.ROOT)).tag("late", Boolean.toString(late))
                .register(registry);
    }

    void received(Channel channel, boolean isLate) {
        Counter counter = (isLate ? late : onTime).get(channel);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    counter.increment();
                }
            });
        } else {
            counter.increment();
        }
    }
}
