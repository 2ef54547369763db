package org.itu.tsb.consultation;

import java.time.Instant;

/**
 * The consultation's procedure as the consultation sees it: started when TSAG's Questions are recorded, moved on
 * when the circular is issued. The engine adapter implements it, so this package does not depend on the engine.
 */
public interface ConsultationProcess {

    /** Starts the procedure of a newly adopted consultation: it waits for the circular. */
    void start(Consultation consultation);

    /**
     * Issues the circular, as an officer completing "Issue circular" does.
     *
     * @throws ConsultationStateException if no circular is waiting to be issued
     */
    void issueCircular(long consultationId, String circularNumber, Instant deadline, String officer);

    /**
     * Moves the deadline timer to {@code newDeadline}, and the reminder with it (see {@code notice.ReminderTime}), in the
     * caller's transaction; {@code changedAt} is the moment of the change.
     *
     * @throws ConsultationStateException if no deadline timer is waiting, or it fired meanwhile
     */
    void changeDeadline(long consultationId, Instant newDeadline, Instant changedAt);

    /**
     * Announces the result, as an officer completing "Review tally and announce" does.
     *
     * @throws ConsultationStateException if no tally is waiting for review
     */
    void announce(long consultationId, String officer);
}
