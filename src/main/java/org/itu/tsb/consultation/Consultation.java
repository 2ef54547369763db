package org.itu.tsb.consultation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

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
