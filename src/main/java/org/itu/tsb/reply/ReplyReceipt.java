package org.itu.tsb.reply;

import java.time.Instant;

/** What the sender of a reply gets back: the stored version, when TSB received it, and whether it came too late to count. */
public record ReplyReceipt(long id, Instant receivedAt, boolean late) {
}
