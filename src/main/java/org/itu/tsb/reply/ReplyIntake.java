package org.itu.tsb.reply;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.itu.tsb.consultation.Consultation;
import org.itu.tsb.consultation.ConsultationRepository;
import org.itu.tsb.consultation.ConsultationStateException;
import org.itu.tsb.consultation.InvalidInputException;
import org.itu.tsb.consultation.ConsultationService;
import org.itu.tsb.memberstate.MemberStateRegistry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes in replies, whatever the channel. Replies are rows of the application's own tables, never engine
 * variables, so concurrent replies never contend on the consultation's process instance.
 */
@Service
public class ReplyIntake {

    /** Generous for a reply form; beyond it the text is surely not a reply. */
    public static final int MAX_TEXT_LENGTH = 20_000;

    private final ConsultationService consultations;
    private final ConsultationRepository consultationRows;
    private final ReplyRepository replies;
    private final MemberStateRegistry memberStates;
    private final Clock clock;

    public ReplyIntake(ConsultationService consultations, ConsultationRepository consultationRows, ReplyRepository replies,
                       MemberStateRegistry memberStates, Clock clock) {
        this.consultations = consultations;
        this.consultationRows = consultationRows;
        this.replies = replies;
        this.memberStates = memberStates;
        this.clock = clock;
    }

    /** A reply received now (online form or API). */
    @Transactional
    public ReplyReceipt submit(long consultationId, ReplySubmission submission, Channel channel, String recordedBy) {
        Consultation consultation = consultations.get(consultationId);
        ReplySubmission reply = validate(consultation, submission);
        // The lock orders this reply against the tally: see ConsultationRepository.lock.
        consultationRows.lock(consultationId);
        if (!consultation.isOpened()) {
            throw new ConsultationStateException("consultation " + consultationId
                    + " is not open for replies: TSB has not issued its circular yet");
        }
        // stored to the millisecond, as the deadline is stated (…T23:59:59.999Z): lateness and storage agree
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        boolean late = now.isAfter(consultation.deadline());
        long id = replies.insert(new ReplyVersion(0, consultationId, reply.memberState(), reply.positions(), reply.comments(),
                reply.reasons(), now, now, recordedBy, channel, late, contentHash(reply)));
        return new ReplyReceipt(id, now, late);
    }

    private ReplySubmission validate(Consultation consultation, ReplySubmission submission) {
        String code = submission.memberState();
        if (code == null || code.isBlank()) {
            throw new InvalidInputException("memberState", "the Member State is required (ISO 3166-1 alpha-3 code, e.g. CHE)");
        }
        var memberState = memberStates.find(code.trim()).orElseThrow(() -> new InvalidInputException("memberState",
                "'" + code + "' is not an ITU Member State (ISO 3166-1 alpha-3 code expected, e.g. CHE)"));
        for (var entry : submission.positions().entrySet()) {
            if (!consultation.hasQuestion(entry.getKey())) {
                throw new InvalidInputException("positions." + entry.getKey(), entry.getKey()
                        + " is not a Question of this consultation " + consultation.questionNumbers());
            }
        }
        checkLength("comments", submission.comments());
        checkLength("reasons", submission.reasons());
        return new ReplySubmission(memberState.code(), submission.positions(), blankToNull(submission.comments()),
                blankToNull(submission.reasons()));
    }

    private static void checkLength(String field, String text) {
        if (text != null && text.length() > MAX_TEXT_LENGTH) {
            throw new InvalidInputException(field, "is " + text.length() + " characters long, at most " + MAX_TEXT_LENGTH + " are accepted");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** SHA-256 of the reply's content in a canonical form, for the audit trail. */
    static String contentHash(ReplySubmission reply) {
        StringBuilder canonical = new StringBuilder(reply.memberState()).append('\n');
        new TreeMap<>(reply.positions()).forEach((q, p) -> canonical.append(q).append('=').append(p).append('\n'));
        canonical.append("comments=").append(reply.comments() == null ? "" : reply.comments()).append('\n');
        canonical.append("reasons=").append(reply.reasons() == null ? "" : reply.reasons()).append('\n');
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
