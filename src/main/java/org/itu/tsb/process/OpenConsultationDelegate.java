package org.itu.tsb.process;

import static org.itu.tsb.process.ProcessVariables.*;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.itu.tsb.consultation.ConsultationService;
import org.itu.tsb.consultation.ConsultationStateException;
import org.itu.tsb.kernel.ConsultationProperties;
import org.itu.tsb.kernel.InvalidInputException;
import org.itu.tsb.kernel.UtcTime;
import org.itu.tsb.notice.ReminderTime;
import org.springframework.stereotype.Component;

/**
 * "Open consultation": records the circular number and deadline the officer confirmed. Runs in the transaction
 * that completes "Issue circular", so a refused deadline leaves the task open with the officer's error shown.
 */
@Component("openConsultation")
public class OpenConsultationDelegate implements JavaDelegate {

    private final ConsultationService consultations;
    private final Duration remindBefore;

    public OpenConsultationDelegate(ConsultationService consultations, ConsultationProperties properties) {
        this.consultations = consultations;
        this.remindBefore = properties.notices().remindBefore();
    }

    @Override
    public void execute(DelegateExecution execution) {
        long consultationId = (Long) execution.getVariable(CONSULTATION_ID);
        String circularNumber = (String) execution.getVariable(CIRCULAR_NUMBER);
        Instant deadline;
        try {
            deadline = deadlineOf(execution);
            consultations.recordOpening(consultationId, circularNumber, deadline, TaskOfficer.of(execution, OPENED_BY));
        } catch (InvalidInputException e) {
            // the officer's input, refused: Tasklist shows a 400 with this message, not a server error; nothing is changed
            throw FormRefusals.refusal(e.field(), sentence(e.reason()));
        } catch (ConsultationStateException e) {
            throw FormRefusals.refusal(CIRCULAR_NUMBER, sentence(e.getMessage()));
        }
        execution.setVariable(DEADLINE, Date.from(deadline));
        Instant openedAt = consultations.get(consultationId).openedAt();
        // null, not absent: the gateway "Reminder before the deadline?" reads it either way
        execution.setVariable(REMINDER_AT, ReminderTime.of(openedAt, deadline, remindBefore).map(Date::from).orElse(null));
        execution.setVariable(CIRCULAR_NUMBER, circularNumber.trim());
        // from now on Cockpit shows the consultation by its circular; the application finds it by consultationId
        execution.setProcessBusinessKey(ProcessLabels.circularKey(circularNumber));
    }

    private static String sentence(String reason) {
        return Character.toUpperCase(reason.charAt(0)) + reason.substring(1) + ".";
    }

    /** The API gives an instant; the Tasklist form gives a date, which means the end of that day, UTC. */
    private static Instant deadlineOf(DelegateExecution execution) {
        Object deadline = execution.getVariable(DEADLINE);
        if (deadline instanceof Date date) {
            return date.toInstant();
        }
        Object date = execution.getVariable(DEADLINE_DATE);
        if (date == null) {
            return null;
        }
        return UtcTime.endOfDeadlineDay(UtcTime.date(DEADLINE_DATE, date.toString()));
    }
}
