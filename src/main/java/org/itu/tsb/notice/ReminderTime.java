package org.itu.tsb.notice;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** When the reminder goes: {@code remindBefore} ahead of the deadline, and never for a consultation shorter than that. */
public final class ReminderTime {

    private ReminderTime() {
    }

    /** Empty when that moment is not after the circular went out: there is nothing to remind of yet. */
    public static Optional<Instant> of(Instant openedAt, Instant deadline, Duration remindBefore) {
        Instant at = deadline.minus(remindBefore);
        return at.isAfter(openedAt) ? Optional.of(at) : Optional.empty();
    }
}
