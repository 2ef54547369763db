package org.itu.tsb.reply;

import java.time.Instant;
import java.util.Map;
import org.itu.tsb.tally.Position;

/** One stored version of a Member State's reply. Versions are appended, never updated or deleted. */
public record ReplyVersion(
        long id,
        long consultationId,
        String memberState,
        Map<String, Position> positions,
        String comments,
        String reasons,
        Instant receivedAt,
        Instant recordedAt,
        String recordedBy,
        Channel channel,
        boolean late,
        String contentHash) {

    public ReplyVersion {
        positions = Map.copyOf(positions);
    }

    public boolean hasComments() {
        return comments != null && !comments.isBlank();
    }
}
