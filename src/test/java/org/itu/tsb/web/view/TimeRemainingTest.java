package org.itu.tsb.web.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The time left before the deadline, and since it passed, at the boundaries of each unit. */
class TimeRemainingTest {

    private static final Instant DEADLINE = Instant.parse("2026-04-03T23:59:59.999Z");

    private static String at(Duration beforeDeadline) {
        return TimeRemaining.words(DEADLINE, DEADLINE.minus(beforeDeadline));
    }

    @Test
    void daysAndHoursLeftRoundedDown() {
        assertThat(at(Duration.ofDays(12).plusHours(4).plusMinutes(59).plusSeconds(59))).isEqualTo("12 days 4 hours left");
        assertThat(TimeRemaining.words(DEADLINE, Instant.parse("2026-03-22T19:00:00Z"))).isEqualTo("12 days 4 hours left");
    }

    @Test
    void exactlyOneDayLeftHasNoZeroHours() {
        assertThat(at(Duration.ofDays(1))).isEqualTo("1 day left");
        assertThat(at(Duration.ofDays(1).minusMillis(1))).isEqualTo("23 hours 59 minutes left");
        assertThat(at(Duration.ofDays(2).plusHours(1))).isEqualTo("2 days 1 hour left");
    }

    @Test
    void underAnHourOnlyMinutes() {
        assertThat(at(Duration.ofHours(1))).isEqualTo("1 hour left");
        assertThat(at(Duration.ofHours(1).minusMillis(1))).isEqualTo("59 minutes left");
        assertThat(at(Duration.ofMinutes(1))).isEqualTo("1 minute left");
    }

    @Test
    void theLastMinuteAndTheDeadlineInstantItselfAreStillOpen() {
        assertThat(at(Duration.ofMinutes(1).minusMillis(1))).isEqualTo("less than a minute left");
        assertThat(at(Duration.ZERO)).isEqualTo("less than a minute left");
    }

    @Test
    void afterTheDeadlineItIsClosedSinceTheLargestUnit() {
        assertThat(at(Duration.ofMillis(-1))).isEqualTo("closed less than a minute ago");
        assertThat(at(Duration.ofMinutes(-1))).isEqualTo("closed 1 minute ago");
        assertThat(at(Duration.ofHours(-1).plusMillis(1))).isEqualTo("closed 59 minutes ago");
        assertThat(at(Duration.ofHours(-5).minusMinutes(30))).isEqualTo("closed 5 hours ago");
        assertThat(at(Duration.ofDays(-1))).isEqualTo("closed 1 day ago");
        assertThat(at(Duration.ofDays(-3).minusHours(23))).isEqualTo("closed 3 days ago");
    }
}
