package org.itu.tsb.consultation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happened to a consultation, in time order: TSAG's Questions recorded, the circular issued, each change of the
 * deadline (from, to, why), the tally at the deadline and the announcement. Read from what is stored, never kept apart.
 */
@Service
public class ConsultationHistory {

    /** The kinds of event, in the order they happen when they share an instant. */
    public enum Kind { ADOPTED, OPENED, DEADLINE_CHANGED, TALLIED, ANNOUNCED }

    /**
     * One event. {@code by} is the officer's user id, null for the tally (the deadline timer does it);
     * {@code deadline} is the deadline set by the event (the circular's, or the new one), {@code oldDeadline} and
     * {@code reason} only for a change; {@code circularNumber} only for the opening.
     */
    public record Event(Kind kind, Instant at, String by, String circularNumber, Instant oldDeadline, Instant deadline,
                        String reason) {

        /** For templates: "ADOPTED" and the like, for the pages' words ({@code history.kind.ADOPTED}). */
        public String getKindName() {
            return kind.name();
        }
    }

    private final ConsultationRepository consultations;

    public ConsultationHistory(ConsultationRepository consultations) {
        this.consultations = consultations;
    }

    /**
     * The consultation's events, oldest first.
     *
     * @throws ConsultationNotFoundException for an unknown consultation
     */
    @Transactional(readOnly = true)
    public List<Event> of(long id) {
        Consultation c = consultations.find(id).orElseThrow(() -> new ConsultationNotFoundException(id));
        List<DeadlineChange> changes = consultations.deadlineChanges(id);
        List<Event> events = new ArrayList<>();
        events.add(new Event(Kind.ADOPTED, c.createdAt(), c.createdBy(), null, null, null, null));
        if (c.openedAt() != null) {
            // the circular's deadline: the first change's old one, if the deadline moved since
            Instant first = changes.isEmpty() ? c.deadline() : changes.get(0).oldDeadline();
            events.add(new Event(Kind.OPENED, c.openedAt(), c.openedBy(), c.circularNumber(), null, first, null));
        }
        for (DeadlineChange change : changes) {
            events.add(new Event(Kind.DEADLINE_CHANGED, change.changedAt(), change.changedBy(), null, change.oldDeadline(),
                    change.newDeadline(), change.reason()));
        }
        consultations.talliedAt(id).ifPresent(at -> events.add(new Event(Kind.TALLIED, at, null, null, null, c.deadline(), null)));
        if (c.announcedAt() != null) {
            events.add(new Event(Kind.ANNOUNCED, c.announcedAt(), c.announcedBy(), null, null, null, null));
        }
        // stable: events at one instant keep the order in which they happen
        events.sort(Comparator.comparing(Event::at));
        return List.copyOf(events);
    }
}
