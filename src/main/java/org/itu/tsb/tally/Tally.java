package org.itu.tsb.tally;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Map;
import org.itu.tsb.reply.Position;

/**
 * The counted replies for one Question: only explicit positions count, a reply silent on the
 * Question does not.
 */
public record Tally(int support, int notSupport) {

    public Tally {
        if (support < 0 || notSupport < 0) {
            throw new IllegalArgumentException("counts cannot be negative: " + support + ", " + notSupport);
        }
    }

    /** Counts the positions taken on {@code questionNumber} by the given replies (one map of positions per reply). */
    public static Tally of(String questionNumber, Collection<? extends Map<String, Position>> replies) {
        int support = 0;
        int notSupport = 0;
        for (Map<String, Position> positions : replies) {
            Position position = positions.get(questionNumber);
            if (position == Position.SUPPORTS) {
                support++;
            } else if (position == Position.DOES_NOT_SUPPORT) {
                notSupport++;
            }
        }
        return new Tally(support, notSupport);
    }

    public int counted() {
        return support + notSupport;
    }

    /** Share of support among counted replies, for display only (one decimal); null when nothing was counted. */
    public BigDecimal percent() {
        if (counted() == 0) {
            return null;
        }
        return BigDecimal.valueOf(100L * support).divide(BigDecimal.valueOf(counted()), 1, RoundingMode.HALF_UP);
    }
}
