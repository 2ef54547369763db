package org.itu.tsb.consultation;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.itu.tsb.kernel.InvalidInputException;
import org.itu.tsb.kernel.Text;
import org.itu.tsb.kernel.UtcTime;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Adopting and opening consultations; the process instance follows each step in the same transaction. */
@Service
public class ConsultationService {

    private final ConsultationRepository consultations;
    private final ConsultationProcess process;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final QuestionDocuments documents;

    public ConsultationService(ConsultationRepository consultations, ConsultationProcess process, ApplicationEventPublisher events,
                               Clock clock, QuestionDocuments documents) {
        this.documents = documents;
        this.consultations = consultations;
        this.process = process;
        this.events = events;
        this.clock = clock;
    }

    /** TSAG adopted the Questions, as {@code officer} records them: store them and start the procedure, waiting for the circular. */
    @Transactional
    public Consultation adopt(NewConsultation adopted, String officer) {
        return adopt(adopted, List.of(), officer);
    }

    /** A document with the text of the Question at {@code index} (0 for the first) of an adoption. */
    public record AdoptedDocument(int index, String filename, byte[] content) {}

    /**
     * The same, with documents of the Questions' texts attached in the same transaction: a refused document refuses the
     * whole adoption, and nothing is stored.
     */
    @Transactional
    public Consultation adopt(NewConsultation adopted, List<AdoptedDocument> documents, String officer) {
        check(adopted);
        for (AdoptedDocument d : documents) {
            if (d.index() < 0 || d.index() >= adopted.questions().size()) {
                throw new IllegalArgumentException("no Question at index " + d.index());
            }
            this.documents.check("questions[" + d.index() + "].document", d.filename(), d.content());
        }
        long id = consultations.insert(adopted, clock.instant(), officer(officer));
        Consultation consultation = get(id);
        process.start(consultation);
        for (AdoptedDocument d : documents) {
            this.documents.attach(id, d.index() + 1, d.filename(), d.content(), officer);
        }
        return consultation;
    }

    private static void check(NewConsultation adopted) {
        checkLength("circular", Text.required("circular", adopted.circular()), QuestionLimits.MAX_CIRCULAR_LENGTH);
        checkLength("studyGroup", Text.required("studyGroup", adopted.studyGroup()), QuestionLimits.MAX_STUDY_GROUP_LENGTH);
        checkLength("adoptedBy", Text.required("adoptedBy", adopted.adoptedBy()), QuestionLimits.MAX_ADOPTED_BY_LENGTH);
        checkLength("meeting", Text.required("meeting", adopted.meeting()), QuestionLimits.MAX_MEETING_LENGTH);
        if (adopted.questions().isEmpty()) {
            throw new InvalidInputException("questions", "at least one Question is required");
        }
        if (adopted.questions().size() > QuestionLimits.MAX_QUESTIONS) {
            throw new InvalidInputException("questions", adopted.questions().size() + " Questions, at most "
                    + QuestionLimits.MAX_QUESTIONS + " are accepted in one consultation");
        }
        Set<String> numbers = new HashSet<>();
        for (int i = 0; i < adopted.questions().size(); i++) {
            Question q = adopted.questions().get(i);
            if (q.number() == null || !q.number().matches(Question.NUMBER_PATTERN)) {
                throw new InvalidInputException("questions[" + i + "].number", q.number() == null || q.number().isBlank() ? "is required"
                        : "'" + q.number() + "' is not a Question number such as Q7/17");
            }
            if (!numbers.add(q.number())) {
                throw new InvalidInputException("questions[" + i + "].number", q.number() + " appears more than once");
            }
            checkLength("questions[" + i + "].title", Text.required("questions[" + i + "].title", q.title()), QuestionLimits.MAX_TITLE_LENGTH);
            if (q.kind() == null) {
                throw new InvalidInputException("questions[" + i + "].kind", "choose whether the Question is new or revised");
            }
            checkText("questions[" + i + "].text", q.text());
        }
    }

    private static void checkLength(String field, String text, int max) {
        if (text.length() > max) {
            throw new InvalidInputException(field, "is " + text.length() + " characters long, at most " + max + " are accepted");
        }
    }

    /** Issue the circular (API path): the same as completing "Issue circular" in Tasklist. */
    @Transactional
    public Consultation open(long id, String circularNumber, Instant deadline, String officer) {
        checkOpening(get(id), circularNumber, deadline);
        // deadlines are kept to the millisecond, as the engine's timer and the rule (…T23:59:59.999Z) state them
        process.issueCircular(id, circularNumber, deadline.truncatedTo(ChronoUnit.MILLIS), officer(officer));
        return get(id);
    }

    /**
     * Records the circular and its deadline; called from the process ("Open consultation"), whichever way
     * the task was completed. Refuses what {@link #open} refuses, so Tasklist cannot bypass the checks.
     */
    @Transactional
    public void recordOpening(long id, String circularNumber, Instant deadline, String officer) {
        Consultation consultation = get(id);
        checkOpening(consultation, circularNumber, deadline);
        consultations.recordOpening(id, circularNumber.trim(), deadline, clock.instant(), officer(officer));
        events.publishEvent(new ConsultationOpened(id, deadline));
    }

    /**
     * An officer moves the deadline of an open consultation, giving a reason: the deadline timer (and the reminder)
     * move, the change is kept, and {@link DeadlineChanged} tells the Member States, all in one transaction. Under the
     * consultation's lock, which the tally takes first: a tally that got there before makes this a 409, and a
     * tally that comes after waits, then finds its timer moved (the engine refuses its stale job) and tallies at the new
     * deadline. A refused change changes nothing.
     *
     * @throws InvalidInputException for a deadline in the past, too far ahead or unchanged, or a missing or too long reason
     * @throws ConsultationStateException unless the consultation is open and its deadline has not passed
     */
    @Transactional
    public Consultation changeDeadline(long id, Instant newDeadline, String reason, String officer) {
        get(id); // 404 for an unknown consultation, before any lock
        consultations.lock(id);
        Consultation consultation = get(id); // read under the lock: a tally that held it has committed its decisions
        Instant now = clock.instant();
        consultation.checkDeadlineChangeable(now);
        Consultation.checkDeadline(newDeadline, now);
        // kept to the millisecond, as the engine's timer and the rule (…T23:59:59.999Z) state them
        Instant deadline = newDeadline.truncatedTo(ChronoUnit.MILLIS);
        if (deadline.equals(consultation.deadline())) {
            throw new InvalidInputException("deadline", "the deadline is already " + UtcTime.format(deadline));
        }
        String why = checkReason(reason);
        // numbered under the lock: one change at a time
        DeadlineChange change = new DeadlineChange(id, consultations.deadlineChanges(id).size() + 1, consultation.deadline(), deadline,
                why, officer(officer), now);
        consultations.recordDeadlineChange(change);
        process.changeDeadline(id, deadline, now);
        events.publishEvent(new DeadlineChanged(change));
        return get(id);
    }

    /** Every change of the consultation's deadline, oldest first. */
    public List<DeadlineChange> deadlineChanges(long id) {
        return consultations.deadlineChanges(id);
    }

    /** Called by the tally at the deadline: when the replies were tallied, for the consultation's history. */
    public void recordTally(long id, Instant at) {
        consultations.recordTally(id, at);
    }

    private static String checkReason(String reason) {
        Text.required("reason", reason);
        String why = reason.strip();
        if (why.length() > DeadlineChange.MAX_REASON_LENGTH) {
            throw new InvalidInputException("reason", "is " + why.length() + " characters long, at most "
                    + DeadlineChange.MAX_REASON_LENGTH + " are accepted");
        }
        return why;
    }

    /** A Question's text: clean, as all text people type, and at most {@link QuestionLimits#MAX_TEXT_LENGTH} long. */
    private static void checkText(String field, String text) {
        checkLength(field, Text.check(field, text), QuestionLimits.MAX_TEXT_LENGTH);
    }

    /** Every change names the officer who made it. */
    static String officer(String officer) {
        if (officer == null || officer.isBlank()) {
            throw new IllegalArgumentException("the officer who records the change is required");
        }
        return officer;
    }

    /**
     * Announces the result, as an officer completing "Review tally and announce" does: the decisions become final.
     *
     * @throws ConsultationStateException unless the consultation is tallied and not announced yet
     */
    public Consultation announce(long id, String officer) {
        get(id).checkAnnounceable(); // a clear 409 here, rather than the process's "no tally waiting for review"
        process.announce(id, officer(officer));
        return get(id);
    }

    /** Called by the tally when the officer confirms it: the decisions are final from {@code at}. */
    public boolean recordAnnouncement(long id, Instant at, String officer) {
        return consultations.recordAnnouncement(id, at, officer(officer));
    }

    /** Locks the consultation until the transaction ends: one change to its tally at a time. */
    public void lock(long id) {
        consultations.lock(id);
    }

    public Consultation get(long id) {
        return find(id).orElseThrow(() -> new ConsultationNotFoundException(id));
    }

    public Optional<Consultation> find(long id) {
        return consultations.find(id);
    }

    public List<Consultation> all() {
        return consultations.findAll();
    }

    private void checkOpening(Consultation consultation, String circularNumber, Instant deadline) {
        if (consultation.isOpened()) {
            throw new ConsultationStateException("consultation " + consultation.id() + " is already open (circular "
                    + consultation.circularNumber() + ", deadline " + UtcTime.format(consultation.deadline()) + ")");
        }
        if (circularNumber == null || circularNumber.isBlank()) {
            throw new InvalidInputException("circularNumber", "the circular number is required");
        }
        Text.required("circularNumber", circularNumber);
        consultations.findByCircularNumber(circularNumber.trim()).ifPresent(other -> {
            throw new InvalidInputException("circularNumber", "TSB Circular " + circularNumber.trim()
                    + " already opened consultation " + other);
        });
        Consultation.checkDeadline(deadline, clock.instant());
    }
}
