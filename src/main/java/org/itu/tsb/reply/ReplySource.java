package org.itu.tsb.reply;

import java.time.Instant;
import org.itu.tsb.kernel.Attachment;

/**
 * Where a reply came from and who recorded it. {@code receivedAt} is when TSB received it: null means now
 * (online form, API); an officer entering a fax gives the time the fax arrived.
 */
public record ReplySource(Channel channel, String recordedBy, Instant receivedAt, Attachment attachment) {

    public static ReplySource now(Channel channel, String recordedBy) {
        return new ReplySource(channel, recordedBy, null, null);
    }
}
