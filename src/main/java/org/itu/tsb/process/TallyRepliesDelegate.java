package org.itu.tsb.process;

import static org.itu.tsb.process.ProcessVariables.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.itu.tsb.tally.QuestionDecision;
import org.itu.tsb.tally.TallyService;
import org.springframework.stereotype.Component;

/** "Tally replies": the decisions are stored by the tally, and shown in Cockpit as a variable. */
@Component("tallyReplies")
public class TallyRepliesDelegate implements JavaDelegate {

    private final TallyService tallies;

    public TallyRepliesDelegate(TallyService tallies) {
        this.tallies = tallies;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<QuestionDecision> decisions = tallies.tally((Long) execution.getVariable(CONSULTATION_ID));
        Map<String, String> byQuestion = new LinkedHashMap<>();
        for (QuestionDecision d : decisions) {
            byQuestion.put(d.questionNumber(), d.decision().name());
        }
        execution.setVariable(DECISIONS, json(byQuestion));
    }

    /** JSON, not Java serialization: readable in Cockpit and safe to deserialize. */
    private static Object json(Object value) {
        return Variables.objectValue(value).serializationDataFormat(Variables.SerializationDataFormats.JSON).create();
    }
}
