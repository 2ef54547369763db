package org.itu.tsb.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.itu.tsb.tally.Decision.APPROVED;
import static org.itu.tsb.tally.Decision.REFERRED_BACK;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MarginTest {

    private static final ApprovalRule SEVENTY = new SupportThresholdRule(70);

    @ParameterizedTest(name = "{0} support, {1} not support: {2}, {3} more")
    @CsvSource({
            "7,  3, APPROVED,      1",  // exactly 70 %; 7 of 11 is 63.6 %
            "10, 0, APPROVED,      5",  // 10 of 14 is 71.4 %, 10 of 15 is 66.7 %
            "0,  0, APPROVED,      1",  // no counted reply: approved; one "does not support" refers it back
            "1,  0, APPROVED,      1",  // 1 of 2 is 50 %
            "14, 6, APPROVED,      1",
            "70, 0, APPROVED,     31",  // 70 of 100 is approved, 70 of 101 is not
            "2,  1, REFERRED_BACK, 1",  // 66.7 %; 3 of 4 is 75 %
            "0,  1, REFERRED_BACK, 3",  // 2 of 3 is 66.7 %, 3 of 4 is 75 %
            "69, 31, REFERRED_BACK, 4", // 69 %; 72 of 103 is 69.9 %, 73 of 104 is 70.2 %
            "0, 30, REFERRED_BACK, 70", // 70 of 100 exactly
    })
    void theFewestRepliesOfTheOtherPositionThatTurnTheDecision(int support, int notSupport, Decision standing, int more) {
        assertThat(Margin.of(new Tally(support, notSupport), SEVENTY)).isEqualTo(new Margin(standing, more));
    }

    /** Every tally up to 60 and 60 against a plain count, one reply at a time, under the rule itself. */
    @ParameterizedTest(name = "threshold {0} %")
    @ValueSource(ints = {1, 50, 67, 70, 99, 100})
    void agreesWithCountingOneReplyAtATime(int threshold) {
        ApprovalRule rule = new SupportThresholdRule(threshold);
        for (int s = 0; s <= 60; s++) {
            for (int n = 0; n <= 60; n++) {
                Tally tally = new Tally(s, n);
                Decision standing = rule.decide(tally);
                int more = 0;
                // 100 * 61 + 1 more of the other position turns any of these tallies, unless nothing can
                for (int k = 1; k <= 6_200; k++) {
                    Tally added = standing == APPROVED ? new Tally(s, n + k) : new Tally(s + k, n);
                    if (rule.decide(added) != standing) {
                        more = k;
                        break;
                    }
                }
                assertThat(Margin.of(tally, rule)).as("%d support, %d not support at %d %%", s, n, threshold)
                        .isEqualTo(new Margin(standing, more));
            }
        }
    }

    @Test
    void atAThresholdOfAHundredPercentNoSupportRescuesAQuestionOneMemberStateDidNotSupport() {
        Margin margin = Margin.of(new Tally(500, 1), new SupportThresholdRule(100));
        assertThat(margin.standing()).isEqualTo(REFERRED_BACK);
        assertThat(margin.turnable()).isFalse();
        assertThat(Margin.of(new Tally(500, 0), new SupportThresholdRule(100))).isEqualTo(new Margin(APPROVED, 1));
    }

    @Test
    void aTallyAtTheLimitOfItsCountsDoesNotOverflow() {
        Margin margin = Margin.of(new Tally(Integer.MAX_VALUE - 10, 0), SEVENTY);
        assertThat(margin.standing()).isEqualTo(APPROVED);
        assertThat(margin.turnable()).isFalse(); // 10 more cannot bring it under 70 %; more would not fit in the counts
    }
}
