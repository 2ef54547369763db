package org.itu.tsb.reply;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * Which of a Member State's reply versions counts: the one home of that rule, used by the tally, the API and the
 * pages alike. The latest version received at or before the deadline counts; of two received at the same instant,
 * the one recorded last. A version received after the deadline never counts.
 */
public final class CountedReply {

    private static final Comparator<ReplyVersion> LATEST = Comparator.comparing(ReplyVersion::receivedAt)
            .thenComparingLong(ReplyVersion::id);

    private CountedReply() {
    }

    /** The version that counts, if any was received by the deadline. */
    public static Optional<ReplyVersion> of(Collection<ReplyVersion> versions, Instant deadline) {
        if (deadline == null) {
            return Optional.empty();
        }
        return versions.stream().filter(v -> !v.receivedAt().isAfter(deadline)).max(LATEST);
    }

    /** The version to show as the Member State's reply: the one that counts or, if every version came late, the latest. */
    public static ReplyVersion current(Collection<ReplyVersion> versions, Instant deadline) {
        return of(versions, deadline).orElseGet(() -> versions.stream().max(LATEST).orElseThrow());
    }
}
