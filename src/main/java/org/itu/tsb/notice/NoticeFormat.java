package org.itu.tsb.notice;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * Dates and numbers as the recipient's language writes them ({@code fmt} in the notices' templates); the patterns are
 * words of the bundles, so a new language brings its own. Times are always UTC, and say so.
 */
public final class NoticeFormat {

    private final MessageSource words;
    private final Locale locale;

    NoticeFormat(MessageSource words, Locale locale) {
        this.words = words;
        this.locale = locale;
    }

    /** 3 April 2026 / 3 avril 2026 / 3 de abril de 2026. */
    public String date(Instant instant) {
        return pattern("format.date", instant);
    }

    /** A moment to the second, in UTC. */
    public String dateTime(Instant instant) {
        return pattern("format.date-time", instant);
    }

    /** The deadline, as circulars state it: 23:59 UTC on 3 April 2026. */
    public String deadline(Instant instant) {
        return pattern("format.deadline", instant);
    }

    /** 66.7% / 66,7 % / 66,7 %; a dash when nothing was counted. */
    public String percent(BigDecimal percent) {
        if (percent == null) {
            return "\u2013";
        }
        NumberFormat format = NumberFormat.getPercentInstance(locale);
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(percent.movePointLeft(2));
    }

    public String number(long n) {
        return NumberFormat.getIntegerInstance(locale).format(n);
    }

    /** 7/17, 10/17 and 16/17 / 7/17, 10/17 et 16/17. */
    public String list(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " " + words.getMessage("format.and", null, locale)
                + " " + items.get(items.size() - 1);
    }

    private String pattern(String code, Instant instant) {
        return DateTimeFormatter.ofPattern(words.getMessage(code, null, locale), locale).withZone(ZoneOffset.UTC).format(instant);
    }
}
