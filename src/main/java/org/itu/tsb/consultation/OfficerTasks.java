package org.itu.tsb.consultation;

import java.util.Map;
import java.util.Optional;

/**
 * The task of the consultation's procedure that waits for a TSB officer (in Tasklist): "Issue circular" while it is
 * adopted, "Review tally and announce" while it is tallied. The engine adapter implements it, so this package does not
 * depend on the engine.
 */
public interface OfficerTasks {

    /** The id of the task waiting for an officer in this consultation, if one waits. */
    Optional<String> waitingTask(long consultationId);

    /** The same for every consultation that has one, by consultation id, in one look-up. */
    Map<Long, String> waitingTasks();
}
