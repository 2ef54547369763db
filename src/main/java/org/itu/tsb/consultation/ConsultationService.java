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
        if (deadline == null) {
            throw new InvalidInputException("deadline", "the deadline is required");
        }
        consultations.findByCircularNumber(circularNumber.trim()).ifPresent(other -> {
            throw new InvalidInputException("circularNumber", "TSB Circular " + circularNumber.trim()
                    + " already opened consultation " + other);
        });
        Instant now = clock.instant();
        if (!deadline.isAfter(now)) {
            throw new InvalidInputException("deadline", "the deadline " + UtcTime.format(deadline)
                    + " is not in the future (now " + UtcTime.format(now) + ")");
        }
        if (deadline.isAfter(now.plus(Consultation.LONGEST_CONSULTATION))) {
            throw new InvalidInputException("deadline", "the deadline " + UtcTime.format(deadline) + " is more than "
                    + Consultation.LONGEST_CONSULTATION.toDays() + " days ahead (now " + UtcTime.format(now) + ")");
        }
    }
}
