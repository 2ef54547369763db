package org.itu.tsb.kernel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Time as the procedure states it: always UTC. The one home of the end of the deadline day, of the way times are
 * written for people ("3 April 2026, 23:59:59 UTC") and of how instants are stored.
 */
public final class UtcTime {

    /** Replies count if received by the last millisecond of the deadline date, UTC. */
    public static final LocalTime END_OF_DEADLINE_DAY = LocalTime.of(23, 59, 59, 999_000_000);

    /** Dates as the officers type them and the Tasklist form sends them. */
    public static final String DATE_PATTERN = "yyyy-MM-dd";

    private static final DateTimeFormatter FOR_PEOPLE = DateTimeFormatter.ofPattern("d MMMM uuuu, HH:mm:ss 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter FOR_PEOPLE_TO_THE_MINUTE = DateTimeFormatter.ofPattern("d MMMM uuuu, HH:mm 'UTC'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private UtcTime() {
    }

    /** The deadline instant of a deadline date: 23:59:59.999 UTC that day. */
    public static Instant endOfDeadlineDay(LocalDate date) {
        return date.atTime(END_OF_DEADLINE_DAY).toInstant(ZoneOffset.UTC);
    }

    /** "3 April 2026, 23:59:59 UTC"; an empty string for no time. */
    public static String format(Instant instant) {
        if (instant == null) {
            return "";
        }
        try {
            return FOR_PEOPLE.format(instant);
        } catch (DateTimeException e) {
            return instant.toString(); // beyond the calendar's years (an absurd deadline being refused): as given
        }
    }

    /** "3 April 2026, 23:59 UTC". */
    public static String formatToTheMinute(Instant instant) {
        return instant == null ? "" : FOR_PEOPLE_TO_THE_MINUTE.format(instant);
    }

    /** An instant as it is written to a {@code timestamp with time zone} column: in UTC. */
    public static OffsetDateTime column(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** An instant read from a {@code timestamp with time zone} column; null stays null. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
