package org.itu.tsb.tally;

import java.util.function.IntFunction;

/**
 * How near a Question's tally is to the other decision: as it stands it is {@code standing}, and {@code more} replies
 * of the other position would turn it ("approved as it stands; 4 more <i>does not support</i> replies would refer it
 * back"). {@code more} is 0 when no number of such replies could turn it (a threshold of 100 % once one Member State
 * did not support).
 * <p>
 * The margin asks the rule itself ({@link ApprovalRule#decide}), never an arithmetic of its own, so it cannot disagree
 * with the decision, its special case (no counted reply: approved) or its exact integers. The rule is monotone in each
 * count, so the fewest replies that turn it are found by doubling, then halving the gap: some 60 calls at most.
 */
public record Margin(Decision standing, int more) {

    public Margin {
        if (more < 0) {
            throw new IllegalArgumentException("a margin cannot be negative: " + more);
        }
    }

    /** The margin of {@code tally} under {@code rule}. */
    public static Margin of(Tally tally, ApprovalRule rule) {
        Decision standing = rule.decide(tally);
        // an approved Question turns with more "does not support" replies, one referred back with more "supports"
        IntFunction<Tally> adding = standing == Decision.APPROVED
                ? k -> new Tally(tally.support(), tally.notSupport() + k)
                : k -> new Tally(tally.support() + k, tally.notSupport());
        int limit = Integer.MAX_VALUE - tally.counted(); // the counts must stay ints
        long turns = 1;
        while (turns < limit && rule.decide(adding.apply((int) turns)) == standing) {
            turns *= 2;
        }
        if (turns >= limit) {
            turns = limit;
            if (limit == 0 || rule.decide(adding.apply(limit)) == standing) {
                return new Margin(standing, 0);
            }
        }
        long stays = turns / 2; // 0, or a number that did not turn it
        while (turns - stays > 1) {
            long middle = (stays + turns) / 2;
            if (rule.decide(adding.apply((int) middle)) == standing) {
                stays = middle;
            } else {
                turns = middle;
            }
        }
        return new Margin(standing, (int) turns);
    }

    /** Whether some number of replies of the other position would turn the decision. */
    public boolean turnable() {
        return more > 0;
    }

    public boolean approved() {
        return standing == Decision.APPROVED;
    }
}
