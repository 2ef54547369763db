package org.itu.tsb.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Pins down the deadline instant of a date, how times are written for people, and how instants are stored: all UTC. */
class UtcTimeTest {

    @Test
    void theDeadlineDayEndsAtTheLastMillisecondUtc() {
        assertThat(UtcTime.endOfDeadlineDay(LocalDate.of(2026, 4, 3))).isEqualTo(Instant.parse("2026-04-03T23:59:59.999Z"));
    }

    @Test
    void theDeadlineDayEndsBeforeTheNextDayStarts() {
        Instant end = UtcTime.endOfDeadlineDay(LocalDate.of(2026, 4, 3));

        assertThat(end).isBefore(Instant.parse("2026-04-04T00:00:00Z"));
        assertThat(end.plusMillis(1)).isEqualTo(Instant.parse("2026-04-04T00:00:00Z"));
    }

    @Test
    void formatWritesTheDayMonthNameYearAndSecondsInUtc() {
        assertThat(UtcTime.format(Instant.parse("2026-04-03T23:59:59Z"))).isEqualTo("3 April 2026, 23:59:59 UTC");
    }

    @Test
    void formatShowsSecondsOnlyForAnInstantWithMilliseconds() {
        assertThat(UtcTime.format(Instant.parse("2026-04-03T23:59:59.999Z"))).isEqualTo("3 April 2026, 23:59:59 UTC");
    }

    @Test
    void formatIsInUtcWhateverTheOffsetTheInstantCameFrom() {
        Instant instant = OffsetDateTime.parse("2026-04-04T01:30:00+02:00").toInstant();

        assertThat(UtcTime.format(instant)).isEqualTo("3 April 2026, 23:30:00 UTC");
    }

    @Test
    void formatToTheMinuteLeavesOutTheSeconds() {
        assertThat(UtcTime.formatToTheMinute(Instant.parse("2026-04-03T10:15:42Z"))).isEqualTo("3 April 2026, 10:15 UTC");
    }

    @Test
    void noTimeIsFormattedAsAnEmptyString() {
        assertThat(UtcTime.format(null)).isEmpty();
        assertThat(UtcTime.formatToTheMinute(null)).isEmpty();
    }

    @Test
    void anInstantIsStoredWithTheUtcOffset() {
        Instant instant = Instant.parse("2026-04-03T10:15:30.123Z");

        OffsetDateTime column = UtcTime.column(instant);

        assertThat(column.getOffset()).isEqualTo(ZoneOffset.UTC);
        assertThat(column.toInstant()).isEqualTo(instant);
    }

    @Test
    void noInstantIsStoredAsNull() {
        assertThat(UtcTime.column(null)).isNull();
    }

    @Test
    void aColumnIsReadAsTheSameInstantWhateverItsOffset() throws Exception {
        ResultSet rs = mock(ResultSet.class);
        when(rs.getObject("received_at", OffsetDateTime.class)).thenReturn(OffsetDateTime.parse("2026-04-04T01:30:00+02:00"));

        assertThat(UtcTime.instant(rs, "received_at")).isEqualTo(Instant.parse("2026-04-03T23:30:00Z"));
    }

    @Test
    void aNullColumnIsReadAsNull() throws Exception {
        ResultSet rs = mock(ResultSet.class);
        when(rs.getObject("received_at", OffsetDateTime.class)).thenReturn(null);

        assertThat(UtcTime.instant(rs, "received_at")).isNull();
    }
}
