package org.itu.tsb.process;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * How a consultation is named where the engine shows it to people: the business key in Cockpit and the task names in
 * Tasklist. Names only: the application finds its process instances by the variable {@code consultationId}, never by
 * these words, so the business key may change when the circular is issued.
 */
final class ProcessLabels {

    private ProcessLabels() {
    }

    /** Before the circular there is no number: "SG17 adoption 2026-02-02 #12" (the day TSB recorded it, and its id). */
    static String adoptionKey(String studyGroup, Instant recordedAt, long consultationId) {
        return studyGroup + " adoption " + LocalDate.ofInstant(recordedAt, ZoneOffset.UTC) + " #" + consultationId;
    }

    /** Once issued, the consultation is known by its circular: "TSB Circular 778". */
    static String circularKey(String circularNumber) {
        return "TSB Circular " + circularNumber.trim();
    }

    /** "Issue circular – SG17, TSAG, Geneva, 26-30 January 2026". */
    static String adoptionTask(String taskName, String studyGroup, String meeting) {
        return taskName + " – " + studyGroup + ", " + meeting;
    }

    /** "Review tally and announce – TSB Circular 778 (SG17)". */
    static String circularTask(String taskName, String circularNumber, String studyGroup) {
        return taskName + " – " + circularKey(circularNumber) + " (" + studyGroup + ")";
    }
}
