package org.itu.tsb.tally;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.itu.tsb.consultation.Consultation;
import org.itu.tsb.consultation.ConsultationService;
import org.itu.tsb.consultation.ConsultationStateException;
import org.itu.tsb.consultation.Question;
import org.itu.tsb.reply.Position;
import org.itu.tsb.reply.ReplyHistory;
import org.itu.tsb.reply.ReplySlots;
import org.itu.tsb.reply.ReplyVersion;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** At the deadline: counts each Member State's latest on-time reply, Question by Question, and stores the decisions. */
@Service
public class TallyService {

    private final ConsultationService consultations;
    private final ReplySlots slots;
    private final ReplyHistory replies;
    private final DecisionRepository decisions;
    private final ApprovalRule rule;
    private final Clock clock;

    public TallyService(ConsultationService consultations, ReplySlots slots, ReplyHistory replies,
                        DecisionRepository decisions, ApprovalRule rule, Clock clock) {
        this.consultations = consultations;
        this.slots = slots;
        this.replies = replies;
        this.decisions = decisions;
        this.rule = rule;
        this.clock = clock;
    }

    /**
     * Tallies the consultation once. Run again (a retried job), it returns the stored decisions unchanged,
     * so a decision once taken is never recomputed from different data.
     */
    @Transactional
    public List<QuestionDecision> tally(long consultationId) {
        // Waits for replies being stored right now; any reply after this point is received after the deadline.
        slots.lockAll(consultationId);
        Consultation consultation = consultations.get(consultationId);
        if (!consultation.isOpened()) {
            throw new ConsultationStateException("consultation " + consultationId + " cannot be tallied: it was never opened");
        }
        Map<String, QuestionDecision> stored = decisions.findByConsultation(consultationId);
        if (!stored.isEmpty()) {
            return List.copyOf(stored.values());
        }
        List<Map<String, Position>> counted = replies.counted(consultationId).stream()
                .map(ReplyVersion::positions)
                .toList();
        Instant now = clock.instant();
        List<QuestionDecision> result = new ArrayList<>();
        for (Question question : consultation.questions()) {
            Tally tally = Tally.of(question.number(), counted);
            QuestionDecision decision = new QuestionDecision(question.number(), tally, rule.decide(tally), now);
            decisions.insert(consultationId, decision);
            result.add(decision);
        }
        return result;
    }

    public Map<String, QuestionDecision> decisionsOf(long consultationId) {
        return decisions.findByConsultation(consultationId);
    }
}
