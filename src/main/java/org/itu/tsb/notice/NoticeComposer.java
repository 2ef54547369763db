package org.itu.tsb.notice;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.itu.tsb.consultation.Consultation;
import org.itu.tsb.consultation.ConsultationService;
import org.itu.tsb.consultation.Question;
import org.itu.tsb.kernel.ConsultationProperties;
import org.itu.tsb.kernel.UtcTime;
import org.itu.tsb.memberstate.MemberState;
import org.itu.tsb.memberstate.MemberStateRegistry;
import org.itu.tsb.reply.ReplyHistory;
import org.itu.tsb.reply.ReplyRepository;
import org.itu.tsb.reply.ReplyVersion;
import org.itu.tsb.tally.QuestionDecision;
import org.itu.tsb.tally.TallyService;
import org.springframework.stereotype.Component;

/** Writes the notices of the procedure from what is stored. English for now; French and Spanish come with the notices issue. */
@Component
public class NoticeComposer {

    private final ConsultationService consultations;
    private final MemberStateRegistry memberStates;
    private final TallyService tallies;
    private final ReplyHistory history;
    private final ReplyRepository replies;
    private final String studyGroupAddress;
    private final int thresholdPercent;

    public NoticeComposer(ConsultationService consultations, MemberStateRegistry memberStates, TallyService tallies,
                          ReplyHistory history, ReplyRepository replies, ConsultationProperties properties) {
        this.consultations = consultations;
        this.memberStates = memberStates;
        this.tallies = tallies;
        this.history = history;
        this.replies = replies;
        this.studyGroupAddress = properties.notices().studyGroupAddress();
        this.thresholdPercent = properties.approvalThresholdPercent();
    }

    /** The circular opening the consultation, to every address of every Member State. */
    public List<Notice> circular(long consultationId) {
        Consultation c = consultations.get(consultationId);
        String subject = "TSB Circular " + c.circularNumber() + ": Member State consultation on approval of Questions of "
                + c.studyGroup() + " (reply by " + UtcTime.format(c.deadline()) + ")";
        String body = """
                Dear Sir/Madam,

                %s

                %s adopted at its meeting (%s) the following draft Questions of %s:
                %s

                This circular initiates the formal consultation with ITU Member States on whether or not they support
                approval of these Questions. Please return the reply form, indicating for each Question whether your
                Administration supports or does not support approval, by %s.

                If %d per cent or more of the replies received indicate approval (or if there are no replies), a Question
                is approved; only replies that explicitly support or explicitly do not support approval are counted.
                Member States not supporting approval are kindly requested to inform the Director of TSB of their reasons.

                Telecommunication Standardization Bureau
                """.formatted(c.circular(), c.adoptedBy(), c.meeting(), c.studyGroup(), questionList(c.questions()),
                UtcTime.format(c.deadline()), thresholdPercent);
        List<Notice> notices = new ArrayList<>();
        for (MemberState state : memberStates.all()) {
            for (String email : state.emails()) {
                notices.add(new Notice(consultationId, NoticeKind.CIRCULAR, null, email, subject, body));
            }
        }
        return notices;
    }

    public List<Notice> approvalAnnounced(long consultationId, String questionNumber) {
        Consultation c = consultations.get(consultationId);
        QuestionDecision d = decision(c, questionNumber);
        String subject = questionNumber + " approved: TSB Circular " + c.circularNumber();
        String body = """
                The Member State consultation of TSB Circular %s ended on %s.

                %s is APPROVED.

                %s
                """.formatted(c.circularNumber(), UtcTime.format(c.deadline()), describe(c, questionNumber), tallyLine(d));
        return List.of(new Notice(consultationId, NoticeKind.APPROVAL_ANNOUNCED, questionNumber, studyGroupAddress(c), subject, body));
    }

    public List<Notice> referredBack(long consultationId, String questionNumber) {
        Consultation c = consultations.get(consultationId);
        QuestionDecision d = decision(c, questionNumber);
        String subject = questionNumber + " not approved, referred back to " + c.studyGroup() + ": TSB Circular " + c.circularNumber();
        String body = """
                The Member State consultation of TSB Circular %s ended on %s.

                %s is NOT APPROVED and is referred back to %s.

                %s
                """.formatted(c.circularNumber(), UtcTime.format(c.deadline()), describe(c, questionNumber), c.studyGroup(), tallyLine(d));
        return List.of(new Notice(consultationId, NoticeKind.REFERRED_BACK, questionNumber, studyGroupAddress(c), subject, body));
    }

    /** The comments received with the replies, whatever the result; late ones marked late. None if no reply had comments. */
    public List<Notice> commentsForwarded(long consultationId) {
        Consultation c = consultations.get(consultationId);
        List<ReplyVersion> onTime = history.counted(consultationId).stream().filter(ReplyVersion::hasComments).toList();
        List<ReplyVersion> late = replies.late(consultationId).stream().filter(ReplyVersion::hasComments).toList();
        if (onTime.isEmpty() && late.isEmpty()) {
            return List.of();
        }
        StringBuilder body = new StringBuilder("Comments received with the replies to TSB Circular ")
                .append(c.circularNumber()).append(" (deadline ").append(UtcTime.format(c.deadline())).append("):\n");
        for (ReplyVersion r : onTime) {
            appendComment(body, r, "");
        }
        for (ReplyVersion r : late) {
            appendComment(body, r, " [LATE: received after the deadline, not counted]");
        }
        String subject = "Comments received on TSB Circular " + c.circularNumber() + " (" + c.studyGroup() + ")";
        return List.of(new Notice(consultationId, NoticeKind.COMMENTS_FORWARDED, null, studyGroupAddress(c), subject, body.toString()));
    }

    private void appendComment(StringBuilder body, ReplyVersion r, String mark) {
        String name = memberStates.nameOf(r.memberState());
        body.append("\n").append(name).append(" (").append(r.memberState()).append("), received ")
                .append(UtcTime.format(r.receivedAt())).append(mark).append(":\n").append(r.comments()).append("\n");
    }

    private String studyGroupAddress(Consultation c) {
        return studyGroupAddress.replace("{studyGroup}", c.studyGroup().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", ""));
    }

    private QuestionDecision decision(Consultation c, String questionNumber) {
        QuestionDecision d = tallies.decisionsOf(c.id()).get(questionNumber);
        if (d == null) {
            throw new IllegalStateException("consultation " + c.id() + " has no decision on " + questionNumber);
        }
        return d;
    }

    private static String describe(Consultation c, String questionNumber) {
        return c.questions().stream().filter(q -> q.number().equals(questionNumber)).findFirst()
                .map(Question::description).orElse(questionNumber);
    }

    private static String questionList(List<Question> questions) {
        return questions.stream().map(q -> "  - " + q.description()).collect(Collectors.joining("\n"));
    }

    private static String tallyLine(QuestionDecision d) {
        var t = d.tally();
        if (t.counted() == 0) {
            return "No reply took a position on this Question; with no counted replies the Question is approved.";
        }
        return "Counted replies: " + t.counted() + "; supporting approval: " + t.support() + "; not supporting approval: "
                + t.notSupport() + " (" + t.percent() + " % support).";
    }
}
