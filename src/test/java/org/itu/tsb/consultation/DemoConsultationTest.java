package org.itu.tsb.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import org.itu.tsb.kernel.Text;
import org.junit.jupiter.api.Test;

/** The demo's Circular 101: each Question comes with a text the adoption accepts. */
class DemoConsultationTest {

    @Test
    void eachQuestionOfCircular101HasACleanText() {
        for (Question q : DemoConsultation.circular101().questions()) {
            assertThat(q.hasText()).as(q.number()).isTrue();
            assertThat(Text.check(q.number(), q.text())).as(q.number()).isEqualTo(q.text().strip())
                    .doesNotContain("[bookmark").doesNotContain("  ").hasSizeLessThan(QuestionLimits.MAX_TEXT_LENGTH);
        }
        assertThat(DemoConsultation.circular101().questions().get(2).text()).startsWith("Artificial Intelligence (AI) and Machine Learning");
    }
}
