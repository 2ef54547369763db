package org.itu.tsb.reply;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * Which of a Member State's reply versions counts: the one home of that rule, used by the tally, the API and the
 * pages alike. The latest version received at or before the deadline counts; of two received at the same instant,
 * the one recorded last. A version received after the deadline never counts, nor one recorded after the result was
 * announced (received on time by e-mail, fax or letter, but entered too late to change what was announced).
 */
public final class CountedReply {

    private static final Comparator<ReceivedVersion> LATEST = Comparator.comparing(ReceivedVersion::receivedAt)
            .thenComparingLong(ReceivedVersion::id);

    private CountedReply() {
    }

    /** The version that counts, if any was received by the deadline (and, once announced, recorded before that). */
    public static <V extends ReceivedVersion> Optional<V> of(Collection<V> versions, Instant deadline, Instant announcedAt) {
        if (deadline == null) {
            return Optional.empty();
        }
        return versions.stream().filter(v -> counts(v, deadline, announcedAt)).max(LATEST);
    }

    /** Whether this version may count at all: received by the deadline, recorded before any announcement. */
    public static boolean counts(ReceivedVersion v, Instant deadline, Instant announcedAt) {
        return counts(v.receivedAt(), v.recordedAt(), deadline, announcedAt);
    }

    /** The same, from a version's two times only (the progress counts States without loading their replies). */
    public static boolean counts(Instant receivedAt, Instant recordedAt, Instant deadline, Instant announcedAt) {
        return deadline != null && !receivedAt.isAfter(deadline) && (announcedAt == null || !recordedAt.isAfter(announcedAt));
    }

    /** The version to show as the Member State's reply: the one that counts or, if none may count, the latest. */
    public static <V extends ReceivedVersion> V current(Collection<V> versions, Instant deadline, Instant announcedAt) {
        return of(versions, deadline, announcedAt).orElseGet(() -> versions.stream().max(LATEST).orElseThrow());
    }
}
