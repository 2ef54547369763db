package org.itu.tsb.reply;

import java.time.Instant;
import java.util.Map;
import org.itu.tsb.reply.Position;

/**
 * One stored version of a Member State's reply, numbered from 1 in the order recorded. Versions are appended,
 * never updated or deleted. {@code attachment} describes the scanned reply form, if an officer attached one.
 */
public record ReplyVersion(
        long id,
        long consultationId,
        String memberState,
        int version,
        Map<String, Position> positions,
        String comments,
        String reasons,
        Instant receivedAt,
        Instant recordedAt,
        String recordedBy,
        Channel channel,
        boolean late,
        String contentHash,
        AttachmentInfo attachment) implements ReceivedVersion {

    public ReplyVersion {
        positions = Map.copyOf(positions);
    }

    public record AttachmentInfo(String filename, String contentType, long size, String sha256) {}

    public boolean hasComments() {
        return comments != null && !comments.isBlank();
    }
}
