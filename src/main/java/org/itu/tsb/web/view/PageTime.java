package org.itu.tsb.web.view;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.itu.tsb.kernel.UtcTime;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Times on the pages: always UTC, always said so ("3 April 2026, 23:59:59 UTC", as {@link UtcTime} writes them).
 * Templates call it as {@code ${@pageTime.format(instant)}}.
 */
@Component("pageTime")
public class PageTime {

    private final Clock clock;
    private final MessageSource messages;

    public PageTime(Clock clock, MessageSource messages) {
        this.clock = clock;
        this.messages = messages;
    }

    /**
     * The time left until {@code deadline}, in words, to the hour when days are left and to the minute on the last
     * day: "58 days, 14 hours left", "3 hours, 12 minutes left"; "the deadline has passed" once it has.
     */
    public String remaining(Instant deadline) {
        Duration left = Duration.between(clock.instant(), deadline);
        if (left.isNegative() || left.isZero()) {
            return text("time.remaining.passed");
        }
        if (left.toDays() > 0) {
            return text("time.remaining.days", left.toDays(), left.toHoursPart());
        }
        if (left.toHours() > 0) {
            return text("time.remaining.hours", left.toHours(), left.toMinutesPart());
        }
        return left.toMinutes() > 0 ? text("time.remaining.minutes", left.toMinutes()) : text("time.remaining.underAMinute");
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    /** "3 April 2026, 23:59:59 UTC"; an empty string for no time. */
    public String format(Instant instant) {
        return UtcTime.format(instant);
    }

    /** The current time in UTC to the minute, as a hint beside the fields that ask for a UTC time. */
    public String nowToTheMinute() {
        return UtcTime.formatToTheMinute(clock.instant());
    }

    /** The machine-readable form for a {@code <time datetime>} attribute. */
    public String iso(Instant instant) {
        return instant == null ? "" : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
