package org.itu.tsb.reply;

import java.util.Map;
import org.itu.tsb.reply.Position;

/** A Member State's reply form as submitted: one position per Question it took a position on. */
public record ReplySubmission(String memberState, Map<String, Position> positions, String comments, String reasons) {

    public ReplySubmission {
        positions = positions == null ? Map.of() : Map.copyOf(positions);
    }
}
