package org.itu.tsb.process;

import static org.itu.tsb.process.ProcessVariables.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.itu.tsb.tally.QuestionDecision;
import org.itu.tsb.tally.TallyService;
import org.springframework.stereotype.Component;

/** "Tally replies" at the deadline: the provisional decisions are stored by the tally, and shown to the officer who reviews them. */
@Component("tallyReplies")
public class TallyRepliesDelegate implements JavaDelegate {

    private final TallyService tallies;

    public TallyRepliesDelegate(TallyService tallies) {
        this.tallies = tallies;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<QuestionDecision> decisions = tallies.tally((Long) execution.getVariable(CONSULTATION_ID));
        setDecisions(execution, decisions);
        execution.setVariable(PROVISIONAL_TALLY, decisions.stream().map(TallyRepliesDelegate::inWords)
                .collect(Collectors.joining("\n")));
    }

    /** "Q7/17: 7 support, 3 do not support (70.0 %): APPROVED", as the review form shows it. */
    private static String inWords(QuestionDecision d) {
        var t = d.tally();
        String share = t.counted() == 0 ? "no counted replies" : t.percent() + " % support";
        return d.questionNumber() + ": " + t.support() + " support, " + t.notSupport() + " do not support (" + share + "): "
                + d.decision();
    }

    static void setDecisions(DelegateExecution execution, List<QuestionDecision> decisions) {
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
