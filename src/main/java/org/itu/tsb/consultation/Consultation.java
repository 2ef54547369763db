package org.itu.tsb.consultation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.itu.tsb.kernel.InvalidInputException;
import org.itu.tsb.kernel.UtcTime;

/** One Member State consultation on the Questions TSAG adopted at one meeting. */
public record Consultation(
        long id,
        String circular,
        String studyGroup,
        String adoptedBy,
        String meeting,
        List<Question> questions,
        String circularNumber,
        Instant deadline,
        Instant openedAt,
        Instant createdAt,
        String createdBy,
        String openedBy,
        boolean tallied,
        Instant announcedAt,
        String announcedBy) {

    /** A deadline further ahead than this is surely a typing mistake: the procedure's period is two months. */
    public static final Duration LONGEST_CONSULTATION = Duration.ofDays(2 * 366);

    /** The deadline TSB proposes when it issues a circular today: the procedure's two months. */
    public static LocalDate proposedDeadlineDate(LocalDate today) {
        return today.plusMonths(2);
    }

    public Consultation {
        questions = List.copyOf(questions);
    }

    public ConsultationStatus status() {
        if (decided()) {
            return ConsultationStatus.DECIDED;
        }
        if (tallied) {
            return ConsultationStatus.TALLIED;
        }
        return deadline == null ? ConsultationStatus.ADOPTED : ConsultationStatus.OPEN;
    }

    /**
     * The one check before an announcement: the consultation is tallied and not announced yet.
     *
     * @throws ConsultationStateException otherwise
     */
    public void checkAnnounceable() {
        if (status() != ConsultationStatus.TALLIED) {
            throw new ConsultationStateException("consultation " + id + " is " + status()
                    + ": only a tallied consultation, not yet announced, can be announced");
        }
    }

    /**
     * The one check of a deadline an officer sets, when the circular is issued and when the deadline is changed: given,
     * in the future, and at most {@link #LONGEST_CONSULTATION} ahead.
     *
     * @throws InvalidInputException (field {@code deadline}) otherwise
     */
    public static void checkDeadline(Instant deadline, Instant now) {
        if (deadline == null) {
            throw new InvalidInputException("deadline", "the deadline is required");
        }
        if (!deadline.isAfter(now)) {
            throw new InvalidInputException("deadline", "the deadline " + UtcTime.format(deadline)
                    + " is not in the future (now " + UtcTime.format(now) + ")");
        }
        if (deadline.isAfter(now.plus(LONGEST_CONSULTATION))) {
            throw new InvalidInputException("deadline", "the deadline " + UtcTime.format(deadline) + " is more than "
                    + LONGEST_CONSULTATION.toDays() + " days ahead (now " + UtcTime.format(now) + ")");
        }
    }

    /**
     * The deadline may be changed only while the consultation is open and its deadline has not passed: from the
     * deadline on, the timer tallies the replies, and what counted must not move under the tally.
     *
     * @throws ConsultationStateException otherwise
     */
    public void checkDeadlineChangeable(Instant now) {
        if (status() != ConsultationStatus.OPEN) {
            throw new ConsultationStateException("consultation " + id + " is " + status()
                    + ": only the deadline of an open consultation can be changed");
        }
        if (!now.isBefore(deadline)) {
            throw new ConsultationStateException("the deadline of consultation " + id + " (" + UtcTime.format(deadline)
                    + ") is reached: the replies are being tallied, and the deadline can no longer be changed");
        }
    }

    /** The result is announced: the decisions are final and public. Before that, a tally is provisional. */
    public boolean decided() {
        return announcedAt != null;
    }

    public boolean isOpened() {
        return deadline != null;
    }

    public boolean hasQuestion(String number) {
        return questions.stream().anyMatch(q -> q.number().equals(number));
    }

    /** The Question at position {@code seq}, 1 for the first, as the circular numbers them. */
    public Question question(int seq) {
        if (seq < 1 || seq > questions.size()) {
            throw new QuestionNotFoundException(id, seq, questions.size());
        }
        return questions.get(seq - 1);
    }

    public List<String> questionNumbers() {
        return questions.stream().map(Question::number).toList();
    }
}
