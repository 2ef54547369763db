package org.itu.tsb.reply;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/**
 * What the sender of a reply gets back: the stored version, its number among the Member State's versions,
 * when TSB received it, and whether it came too late to count: received after the deadline ({@code late}), or
 * received by it but entered after the result was announced ({@code afterAnnouncement}). {@code created} is false when the content was
 * identical to the Member State's previous version, which is then returned instead of a new one.
 */
public record ReplyReceipt(long id, int version, Instant receivedAt, boolean late, boolean afterAnnouncement,
                           @JsonIgnore boolean created) {

    /** Whether this version can count: received by the deadline and recorded before the result was announced. */
    public boolean counted() {
        return !late && !afterAnnouncement;
    }
}
