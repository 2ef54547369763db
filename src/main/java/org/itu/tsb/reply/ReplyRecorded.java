package org.itu.tsb.reply;

import org.itu.tsb.consultation.ConsultationStatus;

/**
 * A reply version was stored. Published inside the transaction that stores it, so whatever listens (that the
 * reply version is to be acknowledged to its Member State, a re-tally) is recorded with the reply or not at all.
 * <p>
 * {@code counts}: received by the deadline and recorded before any announcement, so it may change the tally.
 * {@code status}: the consultation's, read under the Member State's slot lock; the tally and the announcement wait for
 * that lock, so it holds until the transaction ends (a listener need not read the consultation again to know it).
 */
public record ReplyRecorded(long consultationId, long versionId, boolean counts, ConsultationStatus status) {
}
