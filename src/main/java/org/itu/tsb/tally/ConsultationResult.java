package org.itu.tsb.tally;

import java.time.Instant;
import java.util.List;
import org.itu.tsb.consultation.Consultation;
import org.itu.tsb.consultation.Question;

/**
 * The result of a decided consultation, as it may be made public: per Question the tally and the decision, and the
 * Member States that replied. {@code comments} are for TSB and the study group only.
 */
public record ConsultationResult(Consultation consultation, List<Outcome> outcomes, List<String> repliedByTheDeadline,
                                 List<String> repliedLate, List<Comment> comments) {

    /** One Question and what was decided on it. */
    public record Outcome(Question question, Tally tally, Decision decision, Instant decidedAt) {}

    /** Comments of one reply version, from every version that carried them; a late one is marked. */
    public record Comment(String memberState, String memberStateName, int version, Instant receivedAt, boolean late, String text) {}

    public ConsultationResult withoutComments() {
        return new ConsultationResult(consultation, outcomes, repliedByTheDeadline, repliedLate, List.of());
    }
}
