package org.itu.tsb.tally;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.itu.tsb.consultation.Consultation;
import org.itu.tsb.consultation.ConsultationService;
import org.itu.tsb.consultation.ConsultationStateException;
import org.itu.tsb.consultation.ConsultationStatus;
import org.itu.tsb.consultation.Question;
import org.itu.tsb.memberstate.MemberStateRegistry;
import org.itu.tsb.reply.Position;
import org.itu.tsb.reply.ReplyHistory;
import org.itu.tsb.reply.ReplyRecorded;
import org.itu.tsb.reply.ReplySlots;
import org.itu.tsb.reply.ReplyVersion;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * At the deadline: counts each Member State's latest on-time reply, Question by Question, and stores the decisions,
 * provisional until an officer announces them.
 */
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
     * Tallies the consultation at its deadline. The decisions are provisional until an officer announces them
     * ({@link #announce}). Run again (a retried job), it returns the stored decisions unchanged.
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
        consultations.recordTally(consultationId, clock.instant()); // for the consultation's history
        return decide(consultation);
    }

    /**
     * A reply TSB received by the deadline and an officer enters while the tally is reviewed counts: the provisional
     * decisions are worked out again, in the transaction that stores the reply.
     */
    @EventListener
    public void replyRecorded(ReplyRecorded reply) {
        // the status as the intake read it under the reply's slot lock: a tally or an announcement cannot change it
        // before this transaction ends, and reading the consultation again was a tenth of a reply's time
        if (!reply.counts() || reply.status() != ConsultationStatus.TALLIED) {
            return;
        }
        // one re-tally at a time per consultation: each sees the replies the one before it stored
        consultations.lock(reply.consultationId());
        decisions.deleteByConsultation(reply.consultationId());
        decide(consultations.get(reply.consultationId()));
    }

    /**
     * The officer confirms the tally: the decisions are worked out a last time from every reply counted, and are final
     * from now on; a reply entered later is kept but not counted.
     *
     * @throws ConsultationStateException unless the consultation is tallied and not yet announced
     */
    @Transactional
    public List<QuestionDecision> announce(long consultationId, String officer) {
        slots.lockAll(consultationId);
        Consultation consultation = consultations.get(consultationId);
        consultation.checkAnnounceable(); // again, under the locks: another officer may have announced meanwhile
        decisions.deleteByConsultation(consultationId);
        List<QuestionDecision> result = decide(consultation);
        if (!consultations.recordAnnouncement(consultationId, clock.instant(), officer)) {
            throw new ConsultationStateException("consultation " + consultationId + " was announced meanwhile");
        }
        return result;
    }

    /** Applies the rule to each Question over the counted replies, and stores the decisions. */
    private List<QuestionDecision> decide(Consultation consultation) {
        List<Map<String, Position>> counted = replies.countedPositions(consultation);
        Instant now = clock.instant();
        List<QuestionDecision> result = new ArrayList<>();
        for (Question question : consultation.questions()) {
            Tally tally = Tally.of(question.number(), counted);
            QuestionDecision decision = new QuestionDecision(question.number(), tally, rule.decide(tally), now);
            decisions.insert(consultation.id(), decision);
            result.add(decision);
        }
        return result;
    }

    public Map<String, QuestionDecision> decisionsOf(long consultationId) {
        return decisions.findByConsultation(consultationId);
    }

    /** The decisions of every consultation tallied, by consultation, as {@link #decisionsOf}: one read for a list. */
    @Transactional(readOnly = true)
    public Map<Long, Map<String, QuestionDecision>> decisionsByConsultation() {
        return decisions.findAll();
    }

    /**
     * The result once announced: what everyone with an account may see.
     *
     * @throws ConsultationStateException before the announcement: a provisional tally is TSB's working material
     */
    @Transactional(readOnly = true)
    public ConsultationResult announcedResult(long consultationId) {
        ConsultationResult result = result(consultationId);
        if (!result.consultation().decided()) {
            throw new ConsultationStateException("consultation " + consultationId + " is not announced yet: its result is not public");
        }
        return result;
    }

    /**
     * The result of a tallied consultation (provisional until announced): the decisions, the Member States (by name) that replied by the deadline
     * and after it, and every comment received.
     *
     * @throws ConsultationStateException before the decision: positions are confidential until then
     */
    @Transactional(readOnly = true)
    public ConsultationResult result(long consultationId) {
        Consultation consultation = consultations.get(consultationId);
        Map<String, QuestionDecision> decided = decisions.findByConsultation(consultationId);
        if (decided.isEmpty()) {
            throw new ConsultationStateException("consultation " + consultationId + " is not decided yet: its result is not public");
        }
        List<ReplyHistory.MemberStateReplies> replied = replies.of(consultationId);
        List<String> onTime = replied.stream().filter(ReplyHistory.MemberStateReplies::counted)
                .map(ReplyHistory.MemberStateReplies::name).sorted(MemberStateRegistry.NAME_ORDER).toList();
        List<String> late = replied.stream().filter(r -> !r.counted())
                .map(ReplyHistory.MemberStateReplies::name).sorted(MemberStateRegistry.NAME_ORDER).toList();
        List<ConsultationResult.Comment> comments = new ArrayList<>();
        for (ReplyHistory.MemberStateReplies r : replied) {
            for (ReplyVersion v : r.versions()) {
                if (v.hasComments()) {
                    comments.add(new ConsultationResult.Comment(r.memberState(), r.name(), v.version(), v.receivedAt(),
                            v.receivedAt().isAfter(consultation.deadline()), v.comments()));
                }
            }
        }
        comments.sort(java.util.Comparator.comparing(ConsultationResult.Comment::receivedAt));
        List<ConsultationResult.Outcome> outcomes = consultation.questions().stream()
                .filter(q -> decided.containsKey(q.number()))
                .map(q -> {
                    QuestionDecision d = decided.get(q.number());
                    return new ConsultationResult.Outcome(q, d.tally(), d.decision(), d.decidedAt());
                }).toList();
        return new ConsultationResult(consultation, outcomes, onTime, late, comments);
    }
}
