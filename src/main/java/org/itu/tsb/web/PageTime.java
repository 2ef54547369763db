package org.itu.tsb.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Times on the pages: always UTC, always said so ("3 April 2026, 23:59:59 UTC"). Templates call it as
 * {@code ${@pageTime.format(instant)}}.
 */
@Component("pageTime")
public class PageTime {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMMM uuuu, HH:mm:ss 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SHOWN_TO_THE_MINUTE = DateTimeFormatter.ofPattern("d MMMM uuuu, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final Clock clock;

    public PageTime(Clock clock) {
        this.clock = clock;
    }

    /** "3 April 2026, 23:59:59 UTC"; an empty string for no time. */
    public String format(Instant instant) {
        return instant == null ? "" : SHOWN.format(instant);
    }

    /** The current time in UTC to the minute, as a hint beside the fields that ask for a UTC time. */
    public String nowToTheMinute() {
        return SHOWN_TO_THE_MINUTE.format(clock.instant());
    }

    /** The machine-readable form for a {@code <time datetime>} attribute. */
    public String iso(Instant instant) {
        return instant == null ? "" : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static final java.util.regex.Pattern ISO_INSTANT =
            java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z( UTC)?");

    /** A service's message with its ISO instants ("2026-02-10T09:00:00Z") written as the pages write times. */
    static String readable(String message) {
        if (message == null) {
            return null;
        }
        return ISO_INSTANT.matcher(message).replaceAll(m -> {
            String iso = m.group().replace(" UTC", "");
            try {
                return java.util.regex.Matcher.quoteReplacement(SHOWN.format(Instant.parse(iso)));
            } catch (DateTimeParseException e) {
                return java.util.regex.Matcher.quoteReplacement(m.group());
            }
        });
    }

    /**
     * What an {@code <input type="datetime-local">} sends ("2026-04-03T10:15" or "…T10:15:30"), read as UTC.
     *
     * @throws IllegalArgumentException if it is not such a value
     */
    static Instant parseUtc(String value) {
        try {
            return LocalDateTime.parse(value.strip()).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + value + "' is not a date and time such as 2026-04-03T10:15", e);
        }
    }
}
