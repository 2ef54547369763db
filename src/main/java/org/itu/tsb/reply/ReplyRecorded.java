package org.itu.tsb.reply;

/**
 * A reply version was stored. Published inside the transaction that stores it, so whatever listens (the
 * acknowledgement to the Member State) is recorded with the reply or not at all.
 */
public record ReplyRecorded(long consultationId, long versionId) {
}
