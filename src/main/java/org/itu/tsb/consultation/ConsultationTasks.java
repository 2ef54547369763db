package org.itu.tsb.consultation;

import java.util.Map;
import java.util.Optional;

/**
 * Where a consultation stands in the engine, for the pages' links to Camunda Tasklist and Cockpit. The engine adapter
 * implements it, so neither this package nor the pages depend on the engine.
 */
public interface ConsultationTasks {

    /** The id of the consultation's user task waiting for an officer (Issue circular, Review tally and announce), if any. */
    Optional<String> openTaskId(long consultationId);

    /** The id of the consultation's running process instance, if it is still running. */
    Optional<String> processInstanceId(long consultationId);

    /** The task waiting for an officer in every consultation that has one, by consultation id, in one look-up. */
    Map<Long, String> waitingTasks();
}
