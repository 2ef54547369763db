package org.itu.tsb.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.itu.tsb.tally.Decision.APPROVED;
import static org.itu.tsb.tally.Decision.REFERRED_BACK;
import static org.itu.tsb.reply.Position.DOES_NOT_SUPPORT;
import static org.itu.tsb.reply.Position.SUPPORTS;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.itu.tsb.reply.Position;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SupportThresholdRuleTest {

    private final ApprovalRule rule = new SupportThresholdRule(70);

    @ParameterizedTest(name = "{0} support, {1} not support: {2}")
    @CsvSource({
            "7,   3,   APPROVED",       // exactly 70 %
            "2,   1,   REFERRED_BACK",  // 66.7 %
            "0,   0,   APPROVED",       // no counted replies
            "1,   0,   APPROVED",
            "0,   1,   REFERRED_BACK",
            "700, 300, APPROVED",       // exactly 70 % at scale
            "699, 301, REFERRED_BACK",  // 69.9 %
            "69,  30,  REFERRED_BACK",  // 69.7 %: the share is never rounded up
            "70,  30,  APPROVED",       // 70 % of 100
    })
    void decidesByExactIntegerArithmetic(int support, int notSupport, Decision expected) {
        assertThat(rule.decide(new Tally(support, notSupport))).isEqualTo(expected);
    }

    @Test
    void thresholdIsAParameterOfTheProcedure() {
        assertThat(new SupportThresholdRule(50).decide(new Tally(1, 1))).isEqualTo(APPROVED);
        assertThat(new SupportThresholdRule(51).decide(new Tally(1, 1))).isEqualTo(REFERRED_BACK);
        assertThat(new SupportThresholdRule(100).decide(new Tally(9, 1))).isEqualTo(REFERRED_BACK);
        assertThat(new SupportThresholdRule(1).decide(new Tally(1, 99))).isEqualTo(APPROVED);
        assertThatThrownBy(() -> new SupportThresholdRule(101)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SupportThresholdRule(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void largeCountsDoNotOverflow() {
        assertThat(rule.decide(new Tally(Integer.MAX_VALUE, 0))).isEqualTo(APPROVED);
        assertThat(rule.decide(new Tally(0, Integer.MAX_VALUE))).isEqualTo(REFERRED_BACK);
    }

    @Test
    void repliesBlankForAQuestionAreNotCounted() {
        List<Map<String, Position>> replies = List.of(
                Map.of("Q7/17", SUPPORTS),            // silent on Q16/17
                Map.of(),                             // blank reply
                Map.of("Q7/17", DOES_NOT_SUPPORT));   // silent on Q16/17

        Tally q16 = Tally.of("Q16/17", replies);
        assertThat(q16.counted()).isZero();
        assertThat(q16.percent()).isNull();
        assertThat(rule.decide(q16)).isEqualTo(APPROVED);

        Tally q7 = Tally.of("Q7/17", replies);
        assertThat(q7).isEqualTo(new Tally(1, 1));
        assertThat(rule.decide(q7)).isEqualTo(REFERRED_BACK);
    }

    @Test
    void oneQuestionApprovedWhileAnotherIsReferredBack() {
        List<Map<String, Position>> replies = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            replies.add(Map.of("Q7/17", SUPPORTS, "Q10/17", DOES_NOT_SUPPORT));
        }
        for (int i = 0; i < 3; i++) {
            replies.add(Map.of("Q7/17", DOES_NOT_SUPPORT, "Q10/17", SUPPORTS));
        }
        assertThat(rule.decide(Tally.of("Q7/17", replies))).isEqualTo(APPROVED);
        assertThat(rule.decide(Tally.of("Q10/17", replies))).isEqualTo(REFERRED_BACK);
        assertThat(Tally.of("Q7/17", replies).percent()).isEqualByComparingTo("70.0");
    }
}
