package org.itu.tsb.web.page;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.itu.tsb.consultation.Consultation;
import org.itu.tsb.kernel.ConsultationProperties;
import org.itu.tsb.tally.ConsultationResult;
import org.itu.tsb.tally.Decision;

/**
 * What the result announcement, in the style of a TSB circular, shows: the result without the comments (they go to
 * the study group, not to the Member States), the circular's addressees and TSB's contact, and whether it is still a
 * provisional draft (status {@code TALLIED}) or the announcement.
 */
public record ResultAnnouncement(ConsultationResult result, boolean provisional, String date, List<String> copiesTo,
                          String telephone, String fax, String email, int thresholdPercent,
                          List<ConsultationResult.Outcome> approved, List<ConsultationResult.Outcome> referredBack) {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    static ResultAnnouncement of(ConsultationResult result, ConsultationProperties properties, Instant now) {
        Consultation c = result.consultation();
        ConsultationProperties.Notices notices = properties.notices();
        return new ResultAnnouncement(result.withoutComments(), !c.decided(), DATE.format(c.decided() ? c.announcedAt() : now),
                notices.informationCopies().stream().map(i -> i.name().replace("{studyGroup}", c.studyGroup())).toList(),
                notices.contact().telephone(), notices.contact().fax(),
                notices.contact().email().replace("{studyGroup}", c.studyGroup().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "")),
                properties.approvalThresholdPercent(),
                result.outcomes().stream().filter(o -> o.decision() == Decision.APPROVED).toList(),
                result.outcomes().stream().filter(o -> o.decision() == Decision.REFERRED_BACK).toList());
    }

    public Consultation consultation() {
        return result.consultation();
    }

    /** The date the consultation opened, as the circular of the announcement cites it. */
    public String openedOn() {
        return consultation().openedAt() == null ? "" : DATE.format(consultation().openedAt());
    }
}
