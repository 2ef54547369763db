package org.itu.tsb.reply;

/**
 * A reply version was stored. Published inside the transaction that stores it, so whatever listens (that the
 * reply version is to be acknowledged to its Member State, a re-tally) is recorded with the reply or not at all.
 */
/** {@code counts}: received by the deadline and recorded before any announcement, so it may change the tally. */
public record ReplyRecorded(long consultationId, long versionId, boolean counts) {
}
