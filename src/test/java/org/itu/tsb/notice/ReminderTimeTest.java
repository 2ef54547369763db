package org.itu.tsb.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReminderTimeTest {

    private static final Instant OPENED = Instant.parse("2026-02-02T09:00:00Z");
    private static final Duration FOURTEEN_DAYS = Duration.ofDays(14);

    @Test
    void fourteenDaysBeforeTheDeadlineOfATwoMonthConsultation() {
        assertThat(ReminderTime.of(OPENED, Instant.parse("2026-04-03T23:59:59.999Z"), FOURTEEN_DAYS))
                .contains(Instant.parse("2026-03-20T23:59:59.999Z"));
    }

    @Test
    void noneWhenTheConsultationIsNoLongerThanTheLeadTime() {
        assertThat(ReminderTime.of(OPENED, OPENED.plus(FOURTEEN_DAYS), FOURTEEN_DAYS)).isEmpty();
        assertThat(ReminderTime.of(OPENED, OPENED.plus(Duration.ofDays(3)), FOURTEEN_DAYS)).isEmpty();
        assertThat(ReminderTime.of(OPENED, OPENED.plus(FOURTEEN_DAYS).plusMillis(1), FOURTEEN_DAYS)).contains(OPENED.plusMillis(1));
    }
}
