package org.itu.tsb.reply;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.itu.tsb.consultation.Consultation;
import org.itu.tsb.consultation.ConsultationService;
import org.itu.tsb.consultation.ConsultationStateException;
import org.itu.tsb.kernel.InvalidInputException;
import org.itu.tsb.kernel.Text;
import org.itu.tsb.kernel.UtcTime;
import org.itu.tsb.memberstate.MemberStateRegistry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes in replies, whatever the channel. Replies are rows of the application's own tables, never engine
 * variables, so concurrent replies never contend on the consultation's process instance. A refused reply
 * changes nothing.
 */
@Service
public class ReplyIntake {

    private final ConsultationService consultations;
    private final ReplySlots slots;
    private final ReplyRepository replies;
    private final MemberStateRegistry memberStates;
    private final ApplicationEventPublisher events;
    private final ReplyMetrics metrics;
    private final Clock clock;

    public ReplyIntake(ConsultationService consultations, ReplySlots slots, ReplyRepository replies,
                       MemberStateRegistry memberStates, ApplicationEventPublisher events, ReplyMetrics metrics, Clock clock) {
        this.events = events;
        this.metrics = metrics;
        this.consultations = consultations;
        this.slots = slots;
        this.replies = replies;
        this.memberStates = memberStates;
        this.clock = clock;
    }

    @Transactional
    public ReplyReceipt submit(long consultationId, ReplySubmission submission, ReplySource source) {
        String memberState = memberStateOf(submission);
        checkRecordedBy(source);
        slots.lock(consultationId, memberState);
        // read once, under the lock: a tally that held it has committed its decisions by now (a refused reply only
        // held its own Member State's slot for the moment it took to refuse it)
        Consultation consultation = consultations.get(consultationId);
        ReplySubmission reply = validate(consultation, memberState, submission);
        if (!consultation.isOpened()) {
            throw new ConsultationStateException("consultation " + consultationId
                    + " is not open for replies: TSB has not issued its circular yet");
        }
        // kept to the millisecond, as the deadline is stated (…T23:59:59.999Z): lateness and storage agree
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant receivedAt = receivedAt(consultation, source, now);
        boolean late = receivedAt.isAfter(consultation.deadline());
        // received by the deadline but entered after the announcement: kept, marked, and not counted (CountedReply)
        boolean afterAnnouncement = !late && consultation.decided();
        String hash = ContentHash.of(reply, source.attachment());
        Optional<ReplyRepository.LastVersion> previous = replies.lastRecorded(consultationId, reply.memberState());
        // an officer re-entering a reply with a corrected received time records a correction, not a duplicate
        boolean sameReceivedTime = source.receivedAt() == null || previous.map(p -> p.receivedAt().equals(receivedAt)).orElse(false);
        if (previous.isPresent() && previous.get().contentHash().equals(hash) && sameReceivedTime) {
            ReplyRepository.LastVersion same = previous.get();
            return new ReplyReceipt(same.id(), same.version(), same.receivedAt(), same.late(),
                    !CountedReply.counts(same, consultation.deadline(), consultation.announcedAt()) && !same.late(), false);
        }
        long id = replies.insert(new ReplyVersion(0, consultationId, reply.memberState(), 0, reply.positions(), reply.comments(),
                reply.reasons(), receivedAt, now, source.recordedBy(), source.channel(), late, hash, null), source.attachment());
        events.publishEvent(new ReplyRecorded(consultationId, id, !late && !afterAnnouncement, consultation.status()));
        metrics.received(source.channel(), late);
        return new ReplyReceipt(id, previous.map(ReplyRepository.LastVersion::version).orElse(0) + 1, receivedAt, late, afterAnnouncement, true);
    }

    private static Instant receivedAt(Consultation consultation, ReplySource source, Instant now) {
        if (source.receivedAt() == null) {
            return now;
        }
        Instant receivedAt = source.receivedAt().truncatedTo(ChronoUnit.MILLIS);
        if (receivedAt.isAfter(now)) {
            throw new InvalidInputException("receivedAt", UtcTime.format(receivedAt) + " is in the future (now "
                    + UtcTime.format(now) + ")");
        }
        if (receivedAt.isBefore(consultation.openedAt())) {
            throw new InvalidInputException("receivedAt", UtcTime.format(receivedAt) + " is before the circular was issued ("
                    + UtcTime.format(consultation.openedAt()) + ")");
        }
        return receivedAt;
    }

    private static void checkRecordedBy(ReplySource source) {
        if (source.recordedBy() == null || source.recordedBy().isBlank()) {
            throw new InvalidInputException("recordedBy", "who recorded the reply is required");
        }
        if (source.recordedBy().length() > ReplyLimits.MAX_RECORDED_BY) {
            throw new InvalidInputException("recordedBy", "is " + source.recordedBy().length() + " characters long, at most "
                    + ReplyLimits.MAX_RECORDED_BY + " are accepted");
        }
    }

    /** The submission's Member State, by its code as the registry writes it. */
    private String memberStateOf(ReplySubmission submission) {
        String code = Text.check("memberState", submission.memberState());
        if (code == null || code.isBlank()) {
            throw new InvalidInputException("memberState", "the Member State is required (ISO 3166-1 alpha-3 code, e.g. CHE)");
        }
        return memberStates.find(code.trim()).orElseThrow(() -> new InvalidInputException("memberState",
                "'" + code + "' is not an ITU Member State (ISO 3166-1 alpha-3 code expected, e.g. CHE)")).code();
    }

    private ReplySubmission validate(Consultation consultation, String memberState, ReplySubmission submission) {
        for (var entry : submission.positions().entrySet()) {
            Text.check("positions", entry.getKey());
            if (!consultation.hasQuestion(entry.getKey())) {
                throw new InvalidInputException("positions." + entry.getKey(), entry.getKey()
                        + " is not a Question of this consultation " + consultation.questionNumbers());
            }
        }
        checkLength("comments", submission.comments());
        checkLength("reasons", submission.reasons());
        return new ReplySubmission(memberState, submission.positions(), blankToNull(submission.comments()),
                blankToNull(submission.reasons()));
    }

    private static void checkLength(String field, String text) {
        Text.check(field, text);
        if (text != null && text.length() > ReplyLimits.MAX_TEXT_LENGTH) {
            throw new InvalidInputException(field, "is " + text.length() + " characters long, at most " + ReplyLimits.MAX_TEXT_LENGTH + " are accepted");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
