package org.itu.tsb.web.view;

import java.time.Duration;
import java.time.Instant;

/**
 * The time left before a deadline, or since it passed, in words: "12 days 4 hours left", "35 minutes left",
 * "closed 3 days ago". Rounded down, so it never promises more time than there is. A reply received at the deadline
 * instant itself is on time, so the deadline closes only after it.
 */
public final class TimeRemaining {

    private TimeRemaining() {
    }

    public static String words(Instant deadline, Instant now) {
        if (!now.isAfter(deadline)) {
            Duration left = Duration.between(now, deadline);
            if (left.toMinutes() < 1) {
                return "less than a minute left";
            }
            return amount(left) + " left";
        }
        Duration since = Duration.between(deadline, now);
        if (since.toMinutes() < 1) {
            return "closed less than a minute ago";
        }
        return "closed " + largest(since) + " ago";
    }

    /** Days and hours, hours and minutes, or minutes: the two largest units that matter. */
    private static String amount(Duration d) {
        long days = d.toDays();
        if (days > 0) {
            return join(count(days, "day"), count(d.toHoursPart(), "hour"));
        }
        long hours = d.toHours();
        if (hours > 0) {
            return join(count(hours, "hour"), count(d.toMinutesPart(), "minute"));
        }
        return count(d.toMinutes(), "minute");
    }

    /** Since the deadline, one unit is enough: "closed 3 days ago". */
    private static String largest(Duration d) {
        if (d.toDays() > 0) {
            return count(d.toDays(), "day");
        }
        if (d.toHours() > 0) {
            return count(d.toHours(), "hour");
        }
        return count(d.toMinutes(), "minute");
    }

    private static String join(String first, String second) {
        return second.isEmpty() ? first : first + " " + second;
    }

    /** "1 day", "3 hours"; nothing for 0. */
    private static String count(long n, String unit) {
        return n == 0 ? "" : n + " " + unit + (n == 1 ? "" : "s");
    }
}
