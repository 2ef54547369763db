package org.itu.tsb.consultation;

import java.util.List;

/** What TSAG adopted, as TSB enters it: the start of a consultation. */
public record NewConsultation(String circular, String studyGroup, String adoptedBy, String meeting, List<Question> questions) {

    public NewConsultation {
        questions = List.copyOf(questions);
    }
}
