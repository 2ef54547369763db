package org.itu.tsb.tally;

/**
 * WTSA Resolution 1 clause 7.3.2: a Question is approved if at least {@code thresholdPercent} % of the
 * counted replies support it, or if no reply was counted at all; otherwise it is referred back.
 * Exact integer arithmetic, so 7 of 10 is exactly 70 % and approved.
 */
public record SupportThresholdRule(int thresholdPercent) implements ApprovalRule {

    /** The threshold of clause 7.3.2 as applied in TSB circulars. */
    public static final int CLAUSE_7_3_2_THRESHOLD = 70;

    public SupportThresholdRule {
        if (thresholdPercent < 0 || thresholdPercent > 100) {
            throw new IllegalArgumentException("threshold must be between 0 and 100 %, was " + thresholdPercent);
        }
    }

    @Override
    public Decision decide(Tally tally) {
        long counted = tally.counted();
        boolean approved = counted == 0 || 100L * tally.support() >= (long) thresholdPercent * counted;
        return approved ? Decision.APPROVED : Decision.REFERRED_BACK;
    }
}
