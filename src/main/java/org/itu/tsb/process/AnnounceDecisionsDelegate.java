package org.itu.tsb.process;

import static org.itu.tsb.process.ProcessVariables.ANNOUNCED_BY;
import static org.itu.tsb.process.ProcessVariables.CONSULTATION_ID;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.itu.tsb.consultation.ConsultationStateException;
import org.itu.tsb.kernel.InvalidInputException;
import org.itu.tsb.tally.TallyService;
import org.springframework.stereotype.Component;

/**
 * "Announce decisions": the officer confirmed the tally. Runs in the transaction that completes "Review tally and
 * announce", so a refusal leaves the task open with the officer's error shown.
 */
@Component("announceDecisions")
public class AnnounceDecisionsDelegate implements JavaDelegate {

    private final TallyService tallies;

    public AnnounceDecisionsDelegate(TallyService tallies) {
        this.tallies = tallies;
    }

    @Override
    public void execute(DelegateExecution execution) {
        try {
            var decisions = tallies.announce((Long) execution.getVariable(CONSULTATION_ID), TaskOfficer.of(execution, ANNOUNCED_BY));
            TallyRepliesDelegate.setDecisions(execution, decisions);
        } catch (InvalidInputException | ConsultationStateException e) {
            throw new BadUserRequestException(e.getMessage(), e);
        }
    }
}
