package org.itu.tsb.tally;

/**
 * WTSA Resolution 1 clause 7.3.2: a Question is approved if at least {@code thresholdPercent} % of the
 * counted replies support it, or if no reply was counted at all; otherwise it is referred back.
 * Exact integer arithmetic, so 7 of 10 is exactly 70 % and approved.
 */
public record SupportThresholdRule(int thresholdPercent) implements ApprovalRule {

    public SupportThresholdRule {
        // 0 % would approve a Question nobody supports: no procedure means that
        if (thresholdPercent < 1 || thresholdPercent > 100) {
            throw new IllegalArgumentException("threshold must be between 1 and 100 %, was " + thresholdPercent);
        }
    }

    @Override
    public Decision decide(Tally tally) {
        long counted = tally.counted();
        boolean approved = counted == 0 || 100L * tally.support() >= (long) thresholdPercent * counted;
        return approved ? Decision.APPROVED : Decision.REFERRED_BACK;
    }
}
