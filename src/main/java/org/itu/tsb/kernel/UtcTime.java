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

    private static final DateTimeFormatter FOR_PEOPLE = DateTimeFormatter.ofPattern("d MMMM uuuu, HH:mm:ss 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter FOR_PEOPLE_TO_THE_MINUTE = DateTimeFormatter.ofPattern("d MMMM uuuu, HH:mm 'UTC'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private UtcTime() {
    }

    /**
     * A date as people type it and the forms send it, "2026-04-03"; refused in plain words otherwise. A date-time
     * ("2026-04-03T00:00:00Z", as some date pickers send) is read as its date.
     */
    public static LocalDate date(String field, String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidInputException(field, "enter a date such as 2026-04-03 (year-month-day)");
        }
        try {
            return LocalDate.parse(trimmed.length() > 10 && trimmed.charAt(10) == 'T' ? trimmed.substring(0, 10) : trimmed);
        } catch (DateTimeException e) {
            throw new InvalidInputException(field, "'" + trimmed + "' is not a date such as 2026-04-03 (year-month-day)");
        }
    }

    /** A time of day on the 24-hour clock, "14:05" (UTC: the forms say so); refused in plain words otherwise. */
    public static LocalTime timeOfDay(String field, String text) {
        String trimmed = text == null ? "" : text.strip();
        if (!trimmed.matches("([01]\\d|2[0-3]):[0-5]\\d")) {
            throw new InvalidInputException(field, trimmed.isEmpty() ? "enter a time such as 14:05 (24-hour, UTC)"
                    : "'" + trimmed + "' is not a time such as 14:05 (hours 00 to 23, minutes 00 to 59, UTC)");
        }
        return LocalTime.parse(trimmed);
    }

    /** A date and a time of day as typed on a form, both UTC, as one instant; refused in plain words under {@code field}. */
    public static Instant dateAndTime(String field, String date, String time) {
        return date(field, date).atTime(timeOfDay(field, time)).toInstant(ZoneOffset.UTC);
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
