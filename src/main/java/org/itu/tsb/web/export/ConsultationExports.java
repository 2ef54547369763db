package org.itu.tsb.web.export;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.itu.tsb.consultation.Consultation;
import org.itu.tsb.consultation.ConsultationService;
import org.itu.tsb.consultation.ConsultationStateException;
import org.itu.tsb.consultation.ConsultationStatus;
import org.itu.tsb.consultation.Question;
import org.itu.tsb.identity.ConsultationUser;
import org.itu.tsb.kernel.ConsultationProperties;
import org.itu.tsb.memberstate.MemberStateRegistry;
import org.itu.tsb.reply.Position;
import org.itu.tsb.reply.ReplyHistory;
import org.itu.tsb.reply.ReplyVersion;
import org.itu.tsb.tally.Decision;
import org.itu.tsb.tally.QuestionDecision;
import org.itu.tsb.tally.TallyService;
import org.springframework.stereotype.Component;

/** What the exports hold: the tally per Question, and the replies per Member State, version and Question. */
@Component
public class ConsultationExports {

    static final List<String> TALLY_HEADER = List.of("question", "title", "supports", "does_not_support", "counted",
            "percent", "threshold_percent", "decision", "provisional");
    static final List<String> REPLIES_HEADER = List.of("member_state", "member_state_name", "version", "current", "counted",
            "channel", "received_at_utc", "recorded_at_utc", "late", "after_announcement", "question", "position",
            "recorded_by", "comments", "reasons");

    private final ConsultationService consultations;
    private final TallyService tallies;
    private final int thresholdPercent;

    public ConsultationExports(ConsultationService consultations, TallyService tallies, ConsultationProperties properties) {
        this.consultations = consultations;
        this.tallies = tallies;
        this.thresholdPercent = properties.approvalThresholdPercent();
    }

    /**
     * One Question's tally and decision. {@code percent} is null when no reply was counted; {@code provisional} while
     * the tally is reviewed (status {@code TALLIED}).
     */
    public record TallyRow(String number, String title, int supports, int doesNotSupport, int counted,
                           @JsonInclude(JsonInclude.Include.ALWAYS) BigDecimal percent,
                           int thresholdPercent, Decision decision, boolean provisional) {}

    /**
     * The tally as this user may see it: after the announcement everyone with an account; while it is reviewed,
     * provisional, TSB only (as {@code GET /api/consultations/{id}} shows it).
     *
     * @throws ConsultationStateException before the tally, or to anyone but TSB before the announcement
     */
    public List<TallyRow> tally(long consultationId, ConsultationUser user) {
        Consultation c = consultations.get(consultationId);
        if (c.status() == ConsultationStatus.ADOPTED || c.status() == ConsultationStatus.OPEN) {
            throw new ConsultationStateException("consultation " + consultationId + " is not tallied yet: its deadline has not passed");
        }
        if (!c.decided() && !user.isTsb()) {
            throw new ConsultationStateException("consultation " + consultationId + " is not announced yet: its tally is not public");
        }
        Map<String, QuestionDecision> decisions = tallies.decisionsOf(consultationId);
        return c.questions().stream().filter(q -> decisions.containsKey(q.number())).map(q -> {
            QuestionDecision d = decisions.get(q.number());
            return new TallyRow(q.number(), q.title(), d.tally().support(), d.tally().notSupport(), d.tally().counted(),
                    d.tally().percent(), thresholdPercent, d.decision(), !c.decided());
        }).toList();
    }

    public byte[] tallyCsv(List<TallyRow> rows) {
        return CsvFile.write(TALLY_HEADER, rows.stream().map(r -> List.<Object>of(r.number(), r.title(), r.supports(),
                r.doesNotSupport(), r.counted(), r.percent() == null ? "" : r.percent(), r.thresholdPercent(), r.decision(),
                r.provisional())).toList());
    }

    /**
     * Every version of every reply given, one row per Question: its position ({@code NONE} when the version took none),
     * whether it is the Member State's current version and whether that counts, late (received after the deadline),
     * after the announcement (recorded after the result was announced, so not counted). Member States by name.
     */
    public byte[] repliesCsv(long consultationId, List<ReplyHistory.MemberStateReplies> replies) {
        Consultation c = consultations.get(consultationId);
        List<List<Object>> rows = new ArrayList<>();
        replies.stream().sorted(Comparator.comparing(ReplyHistory.MemberStateReplies::name, MemberStateRegistry.NAME_ORDER)).forEach(r -> {
            for (ReplyVersion v : r.versions().stream().sorted(Comparator.comparingInt(ReplyVersion::version)).toList()) {
                boolean current = v.id() == r.current().id();
                boolean afterAnnouncement = c.announcedAt() != null && v.recordedAt().isAfter(c.announcedAt());
                for (Question q : c.questions()) {
                    Position position = v.positions().get(q.number());
                    rows.add(Arrays.asList(r.memberState(), r.name(), v.version(), current, current && r.counted(), v.channel(),
                            utc(v.receivedAt()), utc(v.recordedAt()), v.late(), afterAnnouncement, q.number(),
                            position == null ? "NONE" : position.name(), v.recordedBy(),
                            v.comments() == null ? "" : v.comments(), v.reasons() == null ? "" : v.reasons()));
                }
            }
        });
        return CsvFile.write(REPLIES_HEADER, rows);
    }

    /** "TSB-Circular-778-replies.csv"; before the circular is issued, "consultation-12-replies.csv". */
    public String filename(long consultationId, String what) {
        Consultation c = consultations.get(consultationId);
        String base = c.circularNumber() == null ? "consultation-" + c.id() : "TSB-Circular-" + c.circularNumber();
        return (base + "-" + what).replaceAll("[^A-Za-z0-9._-]+", "-");
    }

    private static String utc(Instant instant) {
        return instant == null ? "" : instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
