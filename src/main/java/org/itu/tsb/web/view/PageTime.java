package org.itu.tsb.web.view;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.itu.tsb.kernel.UtcTime;
import org.springframework.stereotype.Component;

/**
 * Times on the pages: always UTC, always said so ("3 April 2026, 23:59:59 UTC", as {@link UtcTime} writes them).
 * Templates call it as {@code ${@pageTime.format(instant)}}.
 */
@Component("pageTime")
public class PageTime {

    private final Clock clock;

    public PageTime(Clock clock) {
        this.clock = clock;
    }

    /** "3 April 2026, 23:59:59 UTC"; an empty string for no time. */
    public String format(Instant instant) {
        return UtcTime.format(instant);
    }

    /** The current time in UTC to the minute, as a hint beside the fields that ask for a UTC time. */
    public String nowToTheMinute() {
        return UtcTime.formatToTheMinute(clock.instant());
    }

    /** "12 days 4 hours left", "closed 3 days ago": the time to the deadline from now, by the Clock ({@link TimeRemaining}). */
    public String remaining(Instant deadline) {
        return deadline == null ? "" : TimeRemaining.words(deadline, clock.instant());
    }

    /** The machine-readable form for a {@code <time datetime>} attribute. */
    public String iso(Instant instant) {
        return instant == null ? "" : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
