package org.itu.tsb.consultation;

import java.time.Instant;

/**
 * One change of a consultation's deadline, as kept: from what to what, why, by whom and when. Never updated.
 * {@code number} counts the consultation's changes: 1 for the first.
 */
public record DeadlineChange(long consultationId, int number, Instant oldDeadline, Instant newDeadline, String reason,
                             String changedBy, Instant changedAt) {

    /** The longest reason accepted (the column {@code deadline_change.reason}; {@code SchemaLimitsTest} checks it). */
    public static final int MAX_REASON_LENGTH = 2000;

    /** The deadline moved later: an extension, rather than a correction to an earlier date. */
    public boolean extension() {
        return newDeadline.isAfter(oldDeadline);
    }
}
