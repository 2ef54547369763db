package org.itu.tsb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.itu.tsb.consultation.NewConsultation;
import org.itu.tsb.consultation.Question;
import org.itu.tsb.consultation.QuestionKind;

/** The test fixture every test shares: the three SG17 Questions TSAG adopted in Geneva, 26-30 January 2026 (TSB Circular 101). */
public final class Sg17 {

    public static final Question Q7 = new Question("Q7/17", "Secure application services", QuestionKind.REVISED, "");
    public static final Question Q10 = new Question("Q10/17", "Management of digital identity, security and services", QuestionKind.REVISED, "");
    public static final Question Q16 = new Question("Q16/17", "AI security", QuestionKind.NEW, "");

    public static final String CIRCULAR = "Member State consultation on approval of new and revised Questions of ITU-T Study Group 17";
    public static final String MEETING = "Geneva, 26-30 January 2026";

    private Sg17() {
    }

    /** What TSAG adopted: Q7/17, Q10/17 and Q16/17. */
    public static NewConsultation adopted() {
        return adopted(Q7, Q10, Q16);
    }

    /** A consultation on some of the SG17 Questions. */
    public static NewConsultation adopted(Question... questions) {
        return new NewConsultation(CIRCULAR, "SG17", "TSAG", MEETING, List.of(questions));
    }

    /** The Question with this agreed text. */
    public static Question withText(Question question, String text) {
        return new Question(question.number(), question.title(), question.kind(), text);
    }

    /** The body of {@code POST /api/consultations} for {@link #adopted()}. */
    public static String adoptJson() {
        return adoptJson(Q7, Q10, Q16);
    }

    public static String adoptJson(Question... questions) {
        String list = Arrays.stream(questions)
                .map(q -> "{\"number\": \"%s\", \"title\": \"%s\", \"kind\": \"%s\"%s}".formatted(q.number(), q.title(), q.kind(),
                        q.hasText() ? ", \"text\": " + jsonString(q.text()) : ""))
                .collect(Collectors.joining(",\n   "));
        return """
                {"circular": "%s",
                 "studyGroup": "SG17", "adoptedBy": "TSAG", "meeting": "%s",
                 "questions": [
                   %s]}""".formatted(CIRCULAR, MEETING, list);
    }

    private static String jsonString(String text) {
        try {
            return new ObjectMapper().writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
